#include "gapscore/tally/batch_plan.h"

#include <algorithm>
#include <cstdlib>

namespace gapscore {

namespace {

// The largest magnitude of one item's value in a dimension measure's
// score sums: a bound on |y_d| = |sum| * L / c once multiplied by L.
std::int64_t largest_item_value(const Plan& plan, const Plan::DimensionMeasure& dm) {
  std::int64_t largest = 0;
  for (const Plan::Operand& operand : dm.operands) {
    const Scale& scale = plan.slots[static_cast<std::size_t>(operand.plus)].scale;
    largest = std::max<std::int64_t>(largest, operand.minus < 0 ? scale.max - dm.score_shift : scale.max - scale.min);
  }
  return largest;
}

// The largest magnitude of a row's value sum in a dimension measure: k
// items, each a small code or a difference of two, at most the scale's
// width less one.
std::int64_t largest_value_sum(const Plan& plan, const Plan::DimensionMeasure& dm) {
  std::int64_t largest = 0;
  for (const Plan::Operand& operand : dm.operands) {
    const Scale& scale = plan.slots[static_cast<std::size_t>(operand.plus)].scale;
    largest += scale.max - scale.min;
  }
  return largest;
}

// How the score sums of `dm` are taken in a chunk.
BatchPlan::MeasureSums measure_sums(const Plan& plan, const Plan::DimensionMeasure& dm) {
  BatchPlan::MeasureSums sums;
  for (std::size_t j = 0; j < dm.operands.size(); ++j) {
    const Plan::Operand& operand = dm.operands[j];
    const std::int64_t offset =
        operand.minus >= 0 ? 0 : plan.slots[static_cast<std::size_t>(operand.plus)].scale.min - dm.score_shift;
    if (j == 0) sums.offset = offset;
    sums.offsets_differ = sums.offsets_differ || offset != sums.offset;
  }
  // A chunk's squared value sums fit in 32 bits when each is at most
  // 2^31 / BatchCounter::kChunkRows = 2^23: value sums up to 2896.
  sums.narrow = largest_value_sum(plan, dm) <= 2896;
  return sums;
}

// A profile whose values stay within a small code's range is counted in
// columns; others (many items, so a large common denominator L, or wide
// scales) row by row in 128 bits.
bool is_narrow_profile(const Plan& plan, std::size_t overall_measure) {
  constexpr std::int64_t kSmallLimit = 1000;
  bool narrow = true;
  for (const std::size_t part : plan.overall[overall_measure].parts) {
    narrow = narrow && largest_item_value(plan, plan.dimension_measures[part]) <= kSmallLimit / plan.score_denominator;
  }
  if (plan.drivers && plan.drivers->perception == overall_measure) {
    const Scale& outcome = plan.slots[static_cast<std::size_t>(plan.drivers->outcome)].scale;
    narrow = narrow && std::max(std::abs(outcome.min), std::abs(outcome.max)) <= kSmallLimit;
  }
  return narrow;
}

}  // namespace

BatchPlan::BatchPlan(const Plan& compiled) : plan(compiled) {
  for (const Plan::DimensionMeasure& dm : plan.dimension_measures) {
    most_items = std::max(most_items, dm.items.size());
    measures.push_back(measure_sums(plan, dm));
  }
  for (std::size_t m = 0; m < plan.overall.size(); ++m) narrow_profiles.push_back(is_narrow_profile(plan, m) ? 1 : 0);
}

}  // namespace gapscore
