#include "gapscore/engine/value_dictionary.h"

#include "gapscore/base/text.h"

namespace gapscore {

namespace {

constexpr std::string_view kMissingSegment = "(missing)";

}  // namespace

ValueDictionary::Lookup ValueDictionary::look_up(std::string_view cell, ShortCell short_cell) {
  std::string_view value = trim(cell);
  if (value.empty()) value = kMissingSegment;
  auto found = ids_.find(value);
  const bool is_new = found == ids_.end();
  if (is_new) {
    found = ids_.emplace(std::string(value), static_cast<std::uint32_t>(labels_.size())).first;
    labels_.push_back(valid_utf8(value));
    values_.push_back(&found->first);
  }
  if (short_cell.size > 0 && short_cells_.size() < kShortCells) {
    short_cells_.push_back({short_cell.bytes, short_cell.size, found->second});
  }
  return {found->second, is_new};
}

}  // namespace gapscore
