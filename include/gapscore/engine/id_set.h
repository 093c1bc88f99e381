#pragma once

// The respondent ids seen so far in a run, for rejecting duplicates.

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace gapscore {

/// Respondent ids seen so far, with where each was first seen. Ids live in
/// one growing arena and the table holds 8-byte slots, so remembering an id
/// costs no allocation of its own.
class IdSet {
 public:
  /// Remembers `id`, whose hash_of is `hash`, with `where` (non-zero) it
  /// was seen; returns 0 when the id is new, else the `where` of its first
  /// occurrence.
  std::uint64_t insert(std::string_view id, std::uint64_t hash, std::uint64_t where) {
    // Inline: the merge calls it for every row with an id.
    if ((size_ + 1) * 4 > table_.size() * 3) grow();
    const std::uint64_t tag = hash & kTagMask;
    std::size_t slot = static_cast<std::size_t>(hash) & (table_.size() - 1);
    for (;; slot = (slot + 1) & (table_.size() - 1)) {
      const std::uint64_t entry = table_[slot];
      if (entry == 0) break;
      if ((entry >> kOffsetBits) != tag) continue;
      const std::size_t offset = static_cast<std::size_t>(entry & kOffsetMask) - 1;
      std::uint64_t first = 0;
      std::uint32_t length = 0;
      std::memcpy(&first, arena_.data() + offset, sizeof first);
      std::memcpy(&length, arena_.data() + offset + sizeof first, sizeof length);
      if (std::string_view(arena_.data() + offset + kHeader, length) == id) return first;
    }
    const std::size_t offset = arena_.size();
    const auto length = static_cast<std::uint32_t>(id.size());
    arena_.append(reinterpret_cast<const char*>(&where), sizeof where);
    arena_.append(reinterpret_cast<const char*>(&length), sizeof length);
    arena_.append(id);
    table_[slot] = (tag << kOffsetBits) | (offset + 1);
    ++size_;
    return 0;
  }

  /// Starts loading the table slot of an id about to be inserted: a table
  /// of millions of ids is far bigger than the caches, and the in-order
  /// check would otherwise wait on memory at every id.
  void prefetch(std::uint64_t hash) const {
    if (!table_.empty()) __builtin_prefetch(&table_[static_cast<std::size_t>(hash) & (table_.size() - 1)]);
  }

  /// FNV-1a, finished with a 64-bit mixer so that every bit of the table
  /// index and the tag depends on every byte.
  static std::uint64_t hash_of(std::string_view text) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (const char c : text) {
      hash ^= static_cast<unsigned char>(c);
      hash *= 0x100000001b3ULL;
    }
    hash ^= hash >> 33;
    hash *= 0xff51afd7ed558ccdULL;
    hash ^= hash >> 33;
    return hash;
  }

 private:
  // A table entry: the hash's low 24 bits as a tag, then 1 + the id's
  // offset in the arena. The slot is the hash's low bits too, so a table of
  // up to 2^24 slots grows without reading an id again.
  static constexpr int kOffsetBits = 40;
  static constexpr std::uint64_t kOffsetMask = (std::uint64_t{1} << kOffsetBits) - 1;
  static constexpr std::uint64_t kTagMask = (std::uint64_t{1} << (64 - kOffsetBits)) - 1;
  // An id in the arena: its `where`, its length, its bytes.
  static constexpr std::size_t kHeader = sizeof(std::uint64_t) + sizeof(std::uint32_t);

  /// Doubles the table (1024 slots at first), keeping it at most 3/4 full.
  void grow();

  std::vector<std::uint64_t> table_;
  std::string arena_;
  std::size_t size_ = 0;
};

}  // namespace gapscore
