#include "gapscore/engine/id_set.h"

#include <utility>

namespace gapscore {

void IdSet::grow() {
  std::vector<std::uint64_t> old = std::move(table_);
  table_.assign(old.empty() ? 1024 : old.size() * 2, 0);
  const bool tag_holds_slot = table_.size() - 1 <= kTagMask;
  for (const std::uint64_t entry : old) {
    if (entry == 0) continue;
    std::uint64_t hash = entry >> kOffsetBits;
    if (!tag_holds_slot) {
      const std::size_t offset = static_cast<std::size_t>(entry & kOffsetMask) - 1;
      std::uint32_t length = 0;
      std::memcpy(&length, arena_.data() + offset + sizeof(std::uint64_t), sizeof length);
      hash = hash_of(std::string_view(arena_.data() + offset + kHeader, length));
    }
    std::size_t slot = static_cast<std::size_t>(hash) & (table_.size() - 1);
    while (table_[slot] != 0) slot = (slot + 1) & (table_.size() - 1);
    table_[slot] = entry;
  }
}

}  // namespace gapscore
