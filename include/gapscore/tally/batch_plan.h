#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "gapscore/tally/plan.h"

namespace gapscore {

/// What batch counting works out once per plan rather than per chunk.
struct BatchPlan {
  /// Works out how BatchCounter sums `plan`'s counts, which must outlive this.
  explicit BatchPlan(const Plan& plan);

  /// How a dimension measure's score sums are taken.
  struct MeasureSums {
    /// Added, per valid item, to a row's sum of small codes to give its
    /// shifted score sum: the items' scale minimum less the measure's shift
    /// (0 for differences), when the items share it.
    std::int64_t offset = 0;
    bool offsets_differ = false;  ///< items on scales with different minimums: rows are summed one by one
    bool narrow = false;          ///< a row's value sum is at most 2896, so a chunk's squares fit in 32 bits
  };

  const Plan& plan;
  std::size_t most_items = 0;
  std::vector<MeasureSums> measures;  ///< per dimension measure
  std::vector<char> narrow_profiles;  ///< per overall measure: y_d (and the drivers' outcome) fit a small code
};

}  // namespace gapscore
