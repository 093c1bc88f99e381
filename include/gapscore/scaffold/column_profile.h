#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace gapscore {

/// What the values of one column look like, from a sample of rows: the
/// basis of `gapscore init`'s guesses.
class ColumnProfile {
 public:
  /// Adds one cell, trimmed of spaces and tabs.
  void add(std::string_view cell);

  std::int64_t cells() const { return cells_; }
  std::int64_t empty() const { return empty_; }
  std::int64_t integers() const { return integers_; }  ///< whole numbers, "7.0" too
  std::int64_t numbers() const { return numbers_; }    ///< integers and decimals
  std::optional<long long> min() const { return min_; }
  std::optional<long long> max() const { return max_; }
  /// Counts of the integers seen (the first 200 distinct values).
  const std::map<long long, std::int64_t>& integer_counts() const { return integer_counts_; }
  /// Distinct texts that are not numbers, with their counts (the first 50).
  const std::map<std::string, std::int64_t>& texts() const { return texts_; }
  /// Distinct non-empty values, counted up to kDistinctCap.
  std::size_t distinct() const { return distinct_.size(); }
  bool distinct_capped() const { return distinct_.size() >= kDistinctCap; }

  static constexpr std::size_t kDistinctCap = 1000;

 private:
  std::int64_t cells_ = 0;
  std::int64_t empty_ = 0;
  std::int64_t integers_ = 0;
  std::int64_t numbers_ = 0;
  std::optional<long long> min_;
  std::optional<long long> max_;
  std::map<long long, std::int64_t> integer_counts_;
  std::map<std::string, std::int64_t> texts_;
  std::set<std::string> distinct_;
};

}  // namespace gapscore
