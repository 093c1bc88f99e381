#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "gapscore/coding/coder.h"
#include "gapscore/tally/plan.h"

namespace gapscore {

/// What one row contributes, worked out once from its codes and then added
/// to every tally the row belongs to: the places and values its weighted
/// (floating-point) sums need. Exact counts come from BatchCounter.
struct RowScores {
  const Code* codes = nullptr;
  std::vector<std::uint32_t> bins;  ///< with survey weights: counters to add the weight to, `bin_count` of them
  std::size_t bin_count = 0;
  std::vector<std::int64_t> score_sums;  ///< per dimension measure: shifted sum of its valid values
  std::vector<int> score_counts;         ///< per dimension measure: how many; 0 below min_items
  std::vector<char> complete;            ///< per dimension measure: all its items valid
  // The values the weighted sums multiply, converted to double once for
  // every tally the row is added to (exact up to 2^53, as each conversion
  // was before).
  std::vector<double> values;               ///< shifted item values, for complete measures
  std::vector<double> profiles;             ///< per overall measure, y_d of each dimension
  std::vector<char> profiled;               ///< per overall measure: every dimension scored
  std::vector<double> importance_weighted;  ///< per overall measure; NaN when not scored
  std::vector<double> drivers;              ///< perception y_d of each dimension, then the outcome
  bool driven = false;                      ///< all of `drivers` valid
  double weight = 1;                        ///< the row's survey weight

  /// Fills this from one row's codes (one per slot of `plan`) without allocating.
  void compute(const Plan& plan, const Code* row_codes);
};

}  // namespace gapscore
