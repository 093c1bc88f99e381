#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "gapscore/coding/coder.h"
#include "gapscore/tally/batch_plan.h"
#include "gapscore/tally/plan.h"
#include "gapscore/tally/tally.h"

namespace gapscore {

/// Adds rows to a tally a few hundred at a time, column by column: every
/// exact count and sum a plan lays out (histograms, dimension scores,
/// co-moments, profiles, drivers, zones, Kano pairs) and the row count.
/// Counting a column of rows turns the per-row branches into loops the
/// compiler vectorises; the sums are exact, so the tally is the same as
/// from counting the rows one at a time, in any order. Floating-point sums
/// (importance weights, survey weights) are not counted here:
/// Tally::add_weighted adds them row by row, in input order.
class BatchCounter {
 public:
  /// Adds rows `rows[0, count)` of `codes`, a row-major matrix holding
  /// `stride` small codes per row, slot s's in column `column_of_slot[s]`.
  void add(const BatchPlan& batch, const SmallCode* codes, std::size_t stride, const std::uint32_t* column_of_slot,
           const std::uint32_t* rows, std::size_t count, Tally& tally);

  /// Rows counted together: with item values at most 1000 in magnitude, a
  /// chunk's sums of products stay below 2^28, well within 32 bits.
  static constexpr std::size_t kChunkRows = 256;
  /// The most joint counts of an item's perception and expectation kept
  /// per chunk (an 11-point scale has 13 x 13 with missing and invalid);
  /// wider scales count the columns and differences one by one.
  static constexpr int kJointPlaces = 18 * 18;

 private:
  void add_chunk(const BatchPlan& batch, std::size_t rows, Tally& tally);
  void count_bins(const Plan& plan, std::size_t rows, std::int64_t* counters);
  void count_joint(const Plan::BinStep& step, const SmallCode* plus, const SmallCode* minus, std::size_t rows,
                   std::int64_t* counters);
  void score_dimensions(const BatchPlan& batch, std::size_t rows, Tally& tally);
  /// Per row: the measure's item values, how many are valid and their sum.
  void read_items(const Plan::DimensionMeasure& dm, std::size_t rows);
  /// Per row: dimension measure f's shifted score sum and item count (0 below min_items).
  void sum_rows(const BatchPlan& batch, std::size_t f, std::size_t rows);
  /// Adds the rows' score sums of dimension measure f, per item count.
  void add_score_sums(const BatchPlan& batch, std::size_t f, std::size_t rows, Tally& tally);
  /// Adds the co-moments of the rows with every item of `dm` valid.
  void add_item_moments(const Plan::DimensionMeasure& dm, std::size_t rows, Tally& tally);
  void add_profiles(const BatchPlan& batch, std::size_t rows, Tally& tally);
  /// Fills profile_ with a row's y_d for `overall`; false when a dimension is not scored.
  bool profile_of(const Plan& plan, const Plan::OverallMeasure& overall, std::size_t row);
  const SmallCode* column(int slot) const { return columns_.data() + std::size_t{column_of_slot_[slot]} * kChunkRows; }

  const std::uint32_t* column_of_slot_ = nullptr;
  std::vector<SmallCode> columns_;          // column-major, kChunkRows per column of the codes
  std::vector<std::int32_t> item_counts_;   // per row: valid items of the measure being scored
  std::vector<std::int32_t> value_sums_;    // per row: sum of its valid item values
  std::vector<std::int64_t> score_sums_;    // per dimension measure, per row: shifted sum of valid values
  std::vector<std::int32_t> score_counts_;  // per dimension measure, per row: valid items, 0 below min_items
  std::vector<SmallCode> item_values_;      // per item of the measure being scored, per row
  std::vector<SmallCode> case_rows_;        // per row: all ones when a case of the sums being taken, else 0
  std::vector<std::int64_t> profile_;       // one row's profile y_d (and the drivers' outcome)
  std::vector<SmallCode> profile_columns_;  // per dimension (and the outcome), per row: y_d
  std::vector<std::uint32_t> joint_;        // joint counts of one item's perception and expectation
};

}  // namespace gapscore
