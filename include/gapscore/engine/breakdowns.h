#pragma once

// Segments: the rows that share their values in a breakdown's columns, as
// one batch finds them and as the run adds them up.

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "gapscore/engine/value_dictionary.h"
#include "gapscore/tally/tally.h"

namespace gapscore {

struct BatchResult;

/// In LocalBreakdown::segment_of_key: a key with no segment yet.
inline constexpr std::uint32_t kNoSegment = UINT32_MAX;

/// Numbers the combinations of a few columns' values densely, as they first
/// appear: each value by its column's dictionary, then crossed values
/// pairwise, (a, b) -> ab, (ab, c) -> abc ...
class Crossing {
 public:
  Crossing() = default;
  explicit Crossing(std::size_t columns) : dictionaries(columns) {}

  std::vector<ValueDictionary> dictionaries;  ///< per column

  /// The number of the combination of `key` (a value's id, or a combination's
  /// number) and the next column's value id `value`.
  std::uint32_t cross(std::uint64_t key, std::uint32_t value) {
    // Segment columns have a handful of values: their pairs are numbered
    // in a table, which costs a fraction of a hash lookup for every row.
    if (key < kTableSide && value < kTableSide) {
      if (table_.empty()) table_.assign(kTableSide * kTableSide, kNoNumber);
      std::uint32_t& number = table_[key * kTableSide + value];
      if (number == kNoNumber) number = count_++;
      return number;
    }
    const auto [it, inserted] = numbers_.emplace((key << 32) | value, count_);
    count_ += inserted;
    return it->second;
  }

 private:
  static constexpr std::size_t kTableSide = 32;
  static constexpr std::uint32_t kNoNumber = UINT32_MAX;
  std::vector<std::uint32_t> table_;  // by key and value, while both are below kTableSide
  std::unordered_map<std::uint64_t, std::uint32_t> numbers_;
  std::uint32_t count_ = 0;
};

/// The segments one batch found for one breakdown, numbered within the batch.
struct LocalBreakdown {
  struct Segment {
    std::vector<std::uint32_t> values;  ///< per column, an id in that column's dictionary
    Tally tally;
    std::size_t first_row = 0;
    std::vector<std::uint32_t> rows;  ///< the batch's used rows in the segment, for its BatchCounter
  };
  Crossing crossing;  ///< of the breakdown's columns
  /// By key (a value id, or a crossed values' id: both numbered densely),
  /// the segment's index, or kNoSegment.
  std::vector<std::uint32_t> segment_of_key;
  std::vector<Segment> segments;
};

/// How many segments one breakdown may have, and what the error says past
/// that: the smaller of --max-segments and what --max-memory leaves room for.
struct SegmentLimit {
  std::size_t most = 0;
  std::string advice;  ///< what follows "makes more than N segments"
};

/// A segment of the run: the union of the batches' segments with the same values.
struct Segment {
  std::vector<std::string> labels;  ///< per column, as reports show it
  Tally tally;
};

/// One --by breakdown of the run: its segments so far, whose number
/// --max-segments bounds.
struct Breakdown {
  std::vector<std::string> columns;
  std::map<std::vector<std::string>, Segment> segments;  ///< by raw values
  /// How messages name it, when not by its columns: the sample design's
  /// columns are appended to every breakdown asked for.
  std::string described;

  /// The breakdown as the command line names it ("--by a,b"), for messages.
  std::string option() const;

  /// Adds the segments `result` found for this breakdown, its `b`-th. A
  /// segment that would be one more than the limit allows throws
  /// Error(kUsage), placed at its first row in the batch.
  void merge(const BatchResult& result, std::size_t b, const Plan& plan, const SegmentLimit& limit);

  /// Adds a segment read from a saved state. One more than the limit
  /// allows throws Error(kUsage) naming `file`.
  void merge_saved(const std::vector<std::string>& values, const Segment& segment, const Plan& plan,
                   const SegmentLimit& limit, const std::string& file);

 private:
  // The segment with `values`, made empty with `labels` if it is new;
  // null when that would make more than `max_segments`.
  Segment* find_or_add(const std::vector<std::string>& values, const std::vector<std::string>& labels, const Plan& plan,
                       std::size_t max_segments);
};

}  // namespace gapscore
