#include "gapscore/engine/id_set.h"

#include <algorithm>

namespace gapscore {

namespace {

constexpr std::size_t kBitsPerId = 16;
// The filter is made for this many ids at first, and 1.5 times as many
// each time it fills: 2 MiB at first, 10 MiB for 5 million ids.
constexpr std::size_t kFirstCapacity = std::size_t{1} << 20;
// 1.5 MiB of table: runs of 49,152 ids.
constexpr int kTableBits = 16;
// A repeated id found in the file costs a read of a page of each run:
// after this many, and when they are more than 1 in this many ids, every
// id is kept in memory instead.
constexpr std::size_t kRepeatsBeforeMemory = 4096;
constexpr std::size_t kRepeatShare = 256;

int bits_of(std::size_t power_of_two) {
  int bits = 0;
  while ((std::size_t{1} << bits) < power_of_two) ++bits;
  return bits;
}

}  // namespace

void IdSet::start() {
  table_.assign(std::size_t{1} << kTableBits, IdEntry{});
  table_shift_ = 64 - kTableBits;
  make_filter(kFirstCapacity);
}

// An empty filter for `capacity` ids; the old one goes first, so the two
// are never in memory at once.
void IdSet::make_filter(std::size_t capacity) {
  filter_capacity_ = capacity;
  filter_blocks_ = filter_capacity_ * kBitsPerId / (64 * kBlockWords);
  std::vector<std::uint64_t>().swap(filter_);
  filter_.assign(filter_blocks_ * kBlockWords, 0);
}

std::uint64_t IdSet::insert_maybe_seen(const Hash128& fingerprint, std::uint64_t where) {
  for (std::size_t slot = home_of(fingerprint.low); table_[slot].where != 0; slot = (slot + 1) & (table_.size() - 1)) {
    if (table_[slot].low == fingerprint.low && table_[slot].high == fingerprint.high) return table_[slot].where;
  }
  if (!all_in_table_) {
    const std::uint64_t first = runs_.find(fingerprint);
    if (first != 0) {
      ++repeats_found_in_runs_;
      if (repeats_found_in_runs_ >= kRepeatsBeforeMemory && repeats_found_in_runs_ * kRepeatShare > count_) {
        keep_all_in_table();
      }
      return first;
    }
  }
  remember(fingerprint, where);
  return 0;
}

// Writes the table out as a run. In slot order it is sorted but for ids
// moved on past a taken slot (a few places) and those that wrapped round
// to the table's start, which go last; insertion sort puts both right.
void IdSet::spill() {
  runs_.add([this](std::vector<IdEntry>& sorted) {
    std::vector<IdEntry> wrapped;
    sorted.reserve(in_table_);
    for (std::size_t slot = 0; slot < table_.size(); ++slot) {
      IdEntry& entry = table_[slot];
      if (entry.where == 0) continue;
      (home_of(entry.low) > slot ? wrapped : sorted).push_back(entry);
      entry = IdEntry{};
    }
    sorted.insert(sorted.end(), wrapped.begin(), wrapped.end());
    for (std::size_t i = 1; i < sorted.size(); ++i) {
      const IdEntry entry = sorted[i];
      std::size_t j = i;
      for (; j > 0 && entry < sorted[j - 1]; --j) sorted[j] = sorted[j - 1];
      sorted[j] = entry;
    }
  });
  in_table_ = 0;
}

// A larger filter, filled again from every id kept.
void IdSet::grow_filter() {
  make_filter(filter_capacity_ + filter_capacity_ / 2);
  auto add = [this](const IdEntry& entry) {
    if (entry.where != 0) filter_test_and_set({entry.low, entry.high});
  };
  runs_.for_each(add);
  std::for_each(table_.begin(), table_.end(), add);
}

void IdSet::resize_table(std::size_t slots) {
  std::vector<IdEntry> old(slots, IdEntry{});
  old.swap(table_);
  table_shift_ = 64 - bits_of(slots);
  for (const IdEntry& entry : old) {
    if (entry.where != 0) place(entry);
  }
}

void IdSet::keep_all_in_table() {
  all_in_table_ = true;
  std::vector<std::uint64_t>().swap(filter_);
  std::size_t slots = table_.size();
  while (count_ * 4 > slots * 3) slots *= 2;
  resize_table(slots);
  runs_.for_each([this](const IdEntry& entry) { place(entry); });
  in_table_ = count_;
  runs_.clear();
}

}  // namespace gapscore
