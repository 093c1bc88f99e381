#pragma once

// The respondent ids seen so far in a run, for rejecting duplicates.

#include <cstdint>
#include <vector>

#include "gapscore/base/siphash.h"
#include "gapscore/engine/id_runs.h"

namespace gapscore {

/// Respondent ids seen so far, by 128-bit fingerprint (a keyed hash of the
/// id: docs/METHODS.md says what a collision would mean), with where each
/// was first seen, in near-flat memory: a filter of 2 bytes an id answers
/// "new" for almost every new id; the last ids are kept in a table, older
/// ones in sorted runs in a temporary file (IdRuns), read only when the
/// filter cannot tell. Where many ids turn out to be repeated, reading the
/// file for each would be slow, so from then on every id is kept in the
/// table (24 bytes an id, at most 3/4 full).
class IdSet {
 public:
  /// Remembers `fingerprint` with `where` (non-zero) it was seen; returns 0
  /// when it is new, else the `where` of its first occurrence.
  std::uint64_t insert(const Hash128& fingerprint, std::uint64_t where) {
    // Inline: the merge calls it for every row with an id.
    if (table_.empty()) start();
    if (!all_in_table_ && !filter_test_and_set(fingerprint)) {
      remember(fingerprint, where);
      return 0;
    }
    return insert_maybe_seen(fingerprint, where);
  }

  /// Starts loading what inserting this id will read: the filter and the
  /// table are far bigger than the caches, and the in-order check would
  /// otherwise wait on memory at every id.
  void prefetch(const Hash128& fingerprint) const {
    if (!filter_.empty()) __builtin_prefetch(&filter_[block_of(fingerprint) * kBlockWords]);
    if (!table_.empty()) __builtin_prefetch(&table_[home_of(fingerprint.low)]);
  }

 private:
  // A block of the filter is one cache line; an id sets one bit in each of its words.
  static constexpr std::size_t kBlockWords = 8;

  std::size_t block_of(const Hash128& fingerprint) const {
    // The top 32 bits scaled to the block count (under 2^32 blocks).
    return static_cast<std::size_t>(((fingerprint.low >> 32) * filter_blocks_) >> 32);
  }

  // Slots are taken by the top bits, so the table, read in slot order, is
  // almost sorted: a run is written without sorting it again.
  std::size_t home_of(std::uint64_t low) const { return static_cast<std::size_t>(low >> table_shift_); }

  // Sets the fingerprint's bits; true when they were all set already.
  bool filter_test_and_set(const Hash128& fingerprint) {
    std::uint64_t* block = &filter_[block_of(fingerprint) * kBlockWords];
    bool all_set = true;
    for (std::size_t w = 0; w < kBlockWords; ++w) {
      const std::uint64_t bit = std::uint64_t{1} << ((fingerprint.high >> (6 * w)) & 63);
      all_set = all_set && (block[w] & bit) != 0;
      block[w] |= bit;
    }
    return all_set;
  }

  void place(const IdEntry& entry) {
    std::size_t slot = home_of(entry.low);
    while (table_[slot].where != 0) slot = (slot + 1) & (table_.size() - 1);
    table_[slot] = entry;
  }

  void remember(const Hash128& fingerprint, std::uint64_t where) {
    place({fingerprint.low, fingerprint.high, where});
    ++in_table_;
    ++count_;
    if (all_in_table_) {
      if (in_table_ * 4 > table_.size() * 3) resize_table(table_.size() * 2);
      return;
    }
    if (in_table_ * 4 == table_.size() * 3) spill();
    if (count_ > filter_capacity_) grow_filter();
  }

  void start();
  std::uint64_t insert_maybe_seen(const Hash128& fingerprint, std::uint64_t where);
  void spill();
  void make_filter(std::size_t capacity);
  void grow_filter();
  void resize_table(std::size_t slots);
  void keep_all_in_table();

  std::vector<std::uint64_t> filter_;
  std::size_t filter_blocks_ = 0;
  std::size_t filter_capacity_ = 0;
  std::vector<IdEntry> table_;  ///< open addressing from home_of; where 0 is a free slot
  int table_shift_ = 64;
  std::size_t in_table_ = 0;
  std::size_t count_ = 0;
  std::size_t repeats_found_in_runs_ = 0;
  bool all_in_table_ = false;
  IdRuns runs_;
};

}  // namespace gapscore
