#include "gapscore/tally/row_scores.h"

#include <cstddef>
#include <limits>

namespace gapscore {

void RowScores::compute(const Plan& plan, const Code* row_codes) {
  codes = row_codes;
  // Sizes and pointers live in locals: stores through the buffers would
  // otherwise make the compiler reload them at every step.
  // Only survey-weighted counts need the row's bins; importance weighting
  // needs its scores alone.
  const std::size_t steps = plan.survey_weights ? plan.bin_steps.size() : 0;
  bins.resize(3 * steps);  // a joint step counts three places
  std::uint32_t* bin = bins.data();
  std::size_t binned = 0;
  // Values from `low`, then missing and invalid, `width` places on.
  const auto column_bin = [](Code code, std::uint32_t offset, int low, std::uint32_t width) {
    if (is_value(code)) return offset + static_cast<std::uint32_t>(code - low);
    return offset + width + (code == kMissingCode ? 0u : 1u);
  };
  for (std::size_t i = 0; i < steps; ++i) {
    const Plan::BinStep& step = plan.bin_steps[i];
    const Code plus = row_codes[step.plus];
    switch (step.kind) {
      case Plan::StepKind::kColumn:
        bin[binned++] = column_bin(plus, step.offset, step.low, step.width);
        break;
      case Plan::StepKind::kDifference: {
        const Code minus = row_codes[step.minus];
        if (is_value(plus) && is_value(minus))
          bin[binned++] = step.offset + static_cast<std::uint32_t>(plus - minus - step.low);
        break;
      }
      case Plan::StepKind::kJoint: {
        const Code minus = row_codes[step.minus];
        bin[binned++] = column_bin(plus, step.offset, step.low, step.width);
        bin[binned++] = column_bin(minus, step.minus_offset, step.low, step.width);
        // Differences run from -(width - 1).
        if (is_value(plus) && is_value(minus)) {
          bin[binned++] = step.difference_offset + static_cast<std::uint32_t>(plus - minus) + step.width - 1;
        }
        break;
      }
      case Plan::StepKind::kZone: {
        const Code adequate = row_codes[step.minus];
        const Code desired = row_codes[step.third];
        if (!is_value(plus) || !is_value(adequate) || !is_value(desired)) break;
        bin[binned++] = step.offset + (adequate > desired ? 3u : plus < adequate ? 0u : plus > desired ? 2u : 1u);
        break;
      }
      case Plan::StepKind::kPair: {
        const Code second = row_codes[step.minus];
        if (is_value(plus) && is_value(second)) {
          bin[binned++] = step.offset + static_cast<std::uint32_t>((plus - 1) * 5 + (second - 1));
        }
        break;
      }
    }
  }
  bin_count = binned;
  const std::size_t measures = plan.dimension_measures.size();
  score_sums.resize(measures);
  score_counts.resize(measures);
  complete.resize(measures);
  values.resize(plan.value_count);
  std::int64_t* sums = score_sums.data();
  int* counts = score_counts.data();
  char* full = complete.data();
  for (std::size_t f = 0; f < measures; ++f) {
    const Plan::DimensionMeasure& dm = plan.dimension_measures[f];
    std::int64_t sum = 0;
    int count = 0;
    std::int64_t* item_values = values.data() + dm.value_offset;
    const Plan::Operand* operands = dm.operands.data();
    const std::size_t k = dm.operands.size();
    // A measure is a plain column or a difference for all its items alike,
    // so each kind gets its own loop.
    if (is_difference(dm.measure)) {
      for (std::size_t j = 0; j < k; ++j) {
        const Code plus = row_codes[operands[j].plus];
        const Code minus = row_codes[operands[j].minus];
        if (!is_value(plus) || !is_value(minus)) continue;
        const std::int64_t value = static_cast<std::int64_t>(plus) - minus;
        sum += value;
        ++count;
        item_values[j] = value;
      }
    } else {
      for (std::size_t j = 0; j < k; ++j) {
        const Code plus = row_codes[operands[j].plus];
        if (!is_value(plus)) continue;
        sum += plus;
        ++count;
        item_values[j] = plus - operands[j].shift;
      }
    }
    sums[f] = sum - count * dm.score_shift;
    counts[f] = count >= dm.min_items ? count : 0;
    full[f] = static_cast<std::size_t>(count) == k;
  }
  const std::size_t dimensions = plan.dimensions.size();
  profiles.resize(plan.overall.size() * dimensions);
  profiled.assign(plan.overall.size(), 0);
  importance_weighted.assign(plan.overall.size(), std::numeric_limits<double>::quiet_NaN());
  for (std::size_t m = 0; m < plan.overall.size(); ++m) {
    const std::vector<std::size_t>& parts = plan.overall[m].parts;
    std::int64_t* profile = profiles.data() + m * dimensions;
    bool scored = true;
    for (std::size_t d = 0; d < parts.size(); ++d) {
      const int count = score_counts[parts[d]];
      if (count == 0) {
        scored = false;
        break;
      }
      profile[d] = score_sums[parts[d]] * plan.denominator_factors[static_cast<std::size_t>(count)];
    }
    profiled[m] = scored ? 1 : 0;
    if (!scored || plan.weighting != Weighting::kImportance) continue;
    std::int64_t points = 0;
    double weighted = 0;
    bool valid = true;
    for (std::size_t d = 0; d < parts.size(); ++d) {
      const Code code = row_codes[plan.dimensions[d].importance];
      if (!is_value(code)) {
        valid = false;
        break;
      }
      const Plan::DimensionMeasure& dm = plan.dimension_measures[parts[d]];
      const double score =
          static_cast<double>(dm.score_shift) + static_cast<double>(score_sums[parts[d]]) / score_counts[parts[d]];
      points += code;
      weighted += code * score;
    }
    if (valid && points > 0) importance_weighted[m] = weighted / static_cast<double>(points);
  }
  if (plan.drivers) {
    const Plan::DriverPlan& driver = *plan.drivers;
    const Code outcome = row_codes[driver.outcome];
    driven = profiled[driver.perception] != 0 && is_value(outcome);
    if (driven) {
      drivers.assign(profiles.begin() + static_cast<std::ptrdiff_t>(driver.perception * dimensions),
                     profiles.begin() + static_cast<std::ptrdiff_t>((driver.perception + 1) * dimensions));
      drivers.push_back(outcome);
    }
  }
}

}  // namespace gapscore
