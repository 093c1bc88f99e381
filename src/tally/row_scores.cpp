#include "gapscore/tally/row_scores.h"

#include <cstddef>
#include <limits>

namespace gapscore {

namespace {

// Values from `low`, then missing and invalid, `width` places on.
std::uint32_t column_bin(Code code, std::uint32_t offset, int low, std::uint32_t width) {
  if (is_value(code)) return offset + static_cast<std::uint32_t>(code - low);
  return offset + width + (code == kMissingCode ? 0u : 1u);
}

// Writes to `bin` the counters that the first `steps` of `bin_steps` count
// for a row (up to three a step); returns how many.
std::size_t bin_row(const Plan::BinStep* bin_steps, std::size_t steps, const Code* row_codes, std::uint32_t* bin) {
  std::size_t binned = 0;
  for (std::size_t i = 0; i < steps; ++i) {
    const Plan::BinStep& step = bin_steps[i];
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
  return binned;
}

// Each dimension measure's shifted score sum, item count and completeness,
// and its item values. Sizes and pointers live in locals (here and in
// bin_row): stores through the buffers would otherwise make the compiler
// reload them at every step.
void score_measures(const Plan& plan, const Code* row_codes, RowScores& row) {
  const std::size_t measures = plan.dimension_measures.size();
  row.score_sums.resize(measures);
  row.score_counts.resize(measures);
  row.complete.resize(measures);
  row.values.resize(plan.value_count);
  std::int64_t* sums = row.score_sums.data();
  int* counts = row.score_counts.data();
  char* full = row.complete.data();
  for (std::size_t f = 0; f < measures; ++f) {
    const Plan::DimensionMeasure& dm = plan.dimension_measures[f];
    std::int64_t sum = 0;
    int count = 0;
    double* item_values = row.values.data() + dm.value_offset;
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
        item_values[j] = static_cast<double>(value);
      }
    } else {
      for (std::size_t j = 0; j < k; ++j) {
        const Code plus = row_codes[operands[j].plus];
        if (!is_value(plus)) continue;
        sum += plus;
        ++count;
        item_values[j] = static_cast<double>(plus - operands[j].shift);
      }
    }
    sums[f] = sum - count * dm.score_shift;
    counts[f] = count >= dm.min_items ? count : 0;
    full[f] = static_cast<std::size_t>(count) == k;
  }
}

// Fills `profile` with y_d of each part (a dimension measure); false when
// a dimension is not scored.
bool profile_of(const Plan& plan, const std::vector<std::size_t>& parts, const RowScores& row, double* profile) {
  for (std::size_t d = 0; d < parts.size(); ++d) {
    const int count = row.score_counts[parts[d]];
    if (count == 0) return false;
    profile[d] =
        static_cast<double>(row.score_sums[parts[d]] * plan.denominator_factors[static_cast<std::size_t>(count)]);
  }
  return true;
}

// The mean of the dimension scores of `parts` weighted by the row's
// importance points; NaN when a dimension's points are not a value or they
// sum to 0.
double importance_weighted_score(const Plan& plan, const std::vector<std::size_t>& parts, const Code* row_codes,
                                 const RowScores& row) {
  std::int64_t points = 0;
  double weighted = 0;
  for (std::size_t d = 0; d < parts.size(); ++d) {
    const Code code = row_codes[plan.dimensions[d].importance];
    if (!is_value(code)) return std::numeric_limits<double>::quiet_NaN();
    const Plan::DimensionMeasure& dm = plan.dimension_measures[parts[d]];
    const double score = static_cast<double>(dm.score_shift) +
                         static_cast<double>(row.score_sums[parts[d]]) / row.score_counts[parts[d]];
    points += code;
    weighted += code * score;
  }
  if (points <= 0) return std::numeric_limits<double>::quiet_NaN();
  return weighted / static_cast<double>(points);
}

// Each overall measure's profile and, with importance weighting, its
// importance-weighted score.
void profile_overall(const Plan& plan, const Code* row_codes, RowScores& row) {
  const std::size_t dimensions = plan.dimensions.size();
  row.profiles.resize(plan.overall.size() * dimensions);
  row.profiled.assign(plan.overall.size(), 0);
  row.importance_weighted.assign(plan.overall.size(), std::numeric_limits<double>::quiet_NaN());
  for (std::size_t m = 0; m < plan.overall.size(); ++m) {
    const std::vector<std::size_t>& parts = plan.overall[m].parts;
    const bool scored = profile_of(plan, parts, row, row.profiles.data() + m * dimensions);
    row.profiled[m] = scored ? 1 : 0;
    if (!scored || plan.weighting != Weighting::kImportance) continue;
    row.importance_weighted[m] = importance_weighted_score(plan, parts, row_codes, row);
  }
}

// The key drivers' case: the perception profile and the outcome.
void drive(const Plan::DriverPlan& driver, std::size_t dimensions, const Code* row_codes, RowScores& row) {
  const Code outcome = row_codes[driver.outcome];
  row.driven = row.profiled[driver.perception] != 0 && is_value(outcome);
  if (!row.driven) return;
  row.drivers.assign(row.profiles.begin() + static_cast<std::ptrdiff_t>(driver.perception * dimensions),
                     row.profiles.begin() + static_cast<std::ptrdiff_t>((driver.perception + 1) * dimensions));
  row.drivers.push_back(static_cast<double>(outcome));
}

}  // namespace

void RowScores::compute(const Plan& plan, const Code* row_codes) {
  codes = row_codes;
  // Only survey-weighted counts need the row's bins; importance weighting
  // needs its scores alone.
  const std::size_t steps = plan.survey_weights ? plan.bin_steps.size() : 0;
  bins.resize(3 * steps);  // a joint step counts three places
  bin_count = bin_row(plan.bin_steps.data(), steps, row_codes, bins.data());
  score_measures(plan, row_codes, *this);
  profile_overall(plan, row_codes, *this);
  if (plan.drivers) drive(*plan.drivers, plan.dimensions.size(), row_codes, *this);
}

}  // namespace gapscore
