#include "gapscore/tally/validate.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>
#include <vector>

namespace gapscore {

namespace {

// The values one operand or score can take, from the scales of its slots;
// long double, as products of bounds go past 64 bits.
struct Range {
  long double low = 0;
  long double high = 0;
  long double magnitude() const { return std::max(std::fabs(low), std::fabs(high)); }
};

Range code_range(const Plan& plan, int slot) {
  const Scale& scale = plan.slots[static_cast<std::size_t>(slot)].scale;
  return {static_cast<long double>(scale.min), static_cast<long double>(scale.max)};
}

Range operand_range(const Plan& plan, const Plan::Operand& operand, std::int64_t shift) {
  Range plus = code_range(plan, operand.plus);
  if (operand.minus >= 0) {
    const Range minus = code_range(plan, operand.minus);
    plus = {plus.low - minus.high, plus.high - minus.low};
  }
  return {plus.low - static_cast<long double>(shift), plus.high - static_cast<long double>(shift)};
}

// A dimension measure's score values: every item's value less the score shift.
Range score_range(const Plan& plan, const Plan::DimensionMeasure& measure) {
  Range range{0, 0};
  for (std::size_t i = 0; i < measure.operands.size(); ++i) {
    const Range item = operand_range(plan, measure.operands[i], measure.score_shift);
    range = i == 0 ? item : Range{std::min(range.low, item.low), std::max(range.high, item.high)};
  }
  return range;
}

std::string histogram_name(const Questionnaire& questionnaire, const Plan& plan, std::size_t block) {
  const int wanted = static_cast<int>(block);
  for (std::size_t i = 0; i < plan.items.size(); ++i) {
    const Plan::ItemPlan& item = plan.items[i];
    const std::pair<int, const char*> blocks[] = {{item.expectation_counts, "expectation"},
                                                  {item.perception_counts, "perception"},
                                                  {item.gap_counts, "gap"},
                                                  {item.msa_counts, "msa"},
                                                  {item.mss_counts, "mss"},
                                                  {item.adequate_counts, "adequate"},
                                                  {item.desired_counts, "desired"}};
    for (const auto& [index, measure] : blocks) {
      if (index == wanted) return "item " + questionnaire.items[i].id + " " + measure;
    }
  }
  for (std::size_t d = 0; d < plan.dimensions.size(); ++d) {
    if (plan.dimensions[d].importance_counts == wanted)
      return "dimension " + questionnaire.dimensions[d].id + " importance";
  }
  for (std::size_t m = 0; m < plan.metric_counts.size(); ++m) {
    if (plan.metric_counts[m] == wanted) return "metric " + questionnaire.metrics[m].id;
  }
  return "answers block " + std::to_string(block);
}

// Finds the first problem; each check says whether the tally still looks
// right, so that the checks can stop at the first one that does not.
class TallyCheck {
 public:
  TallyCheck(const Questionnaire& questionnaire, const Plan& plan, const Tally& tally)
      : questionnaire_(questionnaire), plan_(plan), tally_(tally), rows_(tally.rows()) {}

  std::optional<std::string> run() {
    if (rows_ < 0 || rows_ > kMaxRows) {
      return "a tally of " + std::to_string(rows_) + " rows (at least 0, at most 2^40 in one run)";
    }
    if (histograms() && zones_and_kano() && dimension_measures() && profiles() && weights()) return std::nullopt;
    return problem_;
  }

 private:
  bool fail(std::string problem) {
    problem_ = std::move(problem);
    return false;
  }

  std::int64_t counter(std::size_t offset) const { return tally_.counter(offset); }
  Int128 wide(std::size_t offset) const { return tally_.wide()[offset]; }

  // `count` counters from `offset`, each at least 0, adding up to at most
  // the rows (exactly the rows when `every_row`).
  bool counts(std::size_t offset, std::size_t count, bool every_row, const std::string& what) {
    std::int64_t total = 0;
    for (std::size_t i = 0; i < count; ++i) {
      const std::int64_t value = counter(offset + i);
      if (value < 0) return fail(what + ": a count of " + std::to_string(value));
      if (value > rows_ - total)
        return fail(what + ": more answers than the tally's " + std::to_string(rows_) + " rows");
      total += value;
    }
    if (every_row && total != rows_) {
      return fail(what + ": answers, missing and invalid cells for " + std::to_string(total) + " of the tally's " +
                  std::to_string(rows_) + " rows");
    }
    return true;
  }

  bool within(long double value, long double low, long double high, const std::string& what) {
    if (value >= low && value <= high) return true;
    return fail(what + ": a sum no rows on its scales could give");
  }

  // The histogram blocks of columns, which count every row (a value, a
  // missing or an invalid cell), by offset.
  std::set<std::size_t> column_blocks() const {
    std::set<std::size_t> columns;
    for (const Plan::BinStep& step : plan_.bin_steps) {
      if (step.kind == Plan::StepKind::kColumn || step.kind == Plan::StepKind::kJoint) columns.insert(step.offset);
      if (step.kind == Plan::StepKind::kJoint) columns.insert(step.minus_offset);
    }
    return columns;
  }

  bool zero_weight_fits(const std::vector<std::int64_t>& zero_weight, std::int64_t zero_weight_rows) const {
    for (const std::size_t offset : column_blocks()) {
      const Plan::HistogramBlock& block = *std::find_if(plan_.histograms.begin(), plan_.histograms.end(),
                                                        [offset](const auto& b) { return b.offset == offset; });
      const auto begin = zero_weight.begin() + static_cast<std::ptrdiff_t>(offset);
      if (std::accumulate(begin, begin + block.width + 2, std::int64_t{0}) != zero_weight_rows) return false;
    }
    return true;
  }

  bool histograms() {
    const std::set<std::size_t> columns = column_blocks();
    for (std::size_t b = 0; b < plan_.histograms.size(); ++b) {
      const Plan::HistogramBlock& block = plan_.histograms[b];
      const bool every_row = columns.count(block.offset) != 0;
      if (!counts(block.offset, static_cast<std::size_t>(block.width) + 2, every_row,
                  histogram_name(questionnaire_, plan_, b))) {
        return false;
      }
    }
    return true;
  }

  bool zones_and_kano() {
    for (std::size_t i = 0; i < plan_.items.size(); ++i) {
      const int zone = plan_.items[i].zone_counts;
      if (zone >= 0 &&
          !counts(static_cast<std::size_t>(zone), 4, false, "item " + questionnaire_.items[i].id + " zone")) {
        return false;
      }
    }
    for (std::size_t f = 0; f < plan_.kano.size(); ++f) {
      if (!counts(plan_.kano[f].counts, 25, false, "Kano feature " + questionnaire_.kano[f].id)) return false;
    }
    return true;
  }

  std::string measure_name_of(const Plan::DimensionMeasure& measure) const {
    return "dimension " + questionnaire_.dimensions[measure.dimension].id + " " + measure_name(measure.measure);
  }

  bool dimension_measures() {
    for (const Plan::DimensionMeasure& measure : plan_.dimension_measures) {
      if (!score_sums(measure) || !co_moments(measure)) return false;
    }
    return true;
  }

  // n, sum and sum of squares per number of items answered: a sum of c
  // scores of n rows is within n c times the scores' range.
  bool score_sums(const Plan::DimensionMeasure& measure) {
    const std::size_t k = measure.items.size();
    const std::string what = measure_name_of(measure) + " scores";
    if (!counts(measure.score_counts, k + 1, false, what)) return false;
    const Range range = score_range(plan_, measure);
    for (std::size_t c = 0; c <= k; ++c) {
      const auto n = static_cast<long double>(counter(measure.score_counts + c));
      const long double items = static_cast<long double>(c);
      const long double most = items * range.magnitude();
      if (!within(static_cast<long double>(counter(measure.score_counts + k + 1 + c)), n * items * range.low,
                  n * items * range.high, what) ||
          !within(static_cast<long double>(wide(measure.score_squares + c)), 0, n * most * most, what)) {
        return false;
      }
    }
    return true;
  }

  bool co_moments(const Plan::DimensionMeasure& measure) {
    const std::size_t k = measure.items.size();
    const std::string what = measure_name_of(measure) + " item co-moments";
    if (!counts(measure.co_moments, 1, false, what)) return false;
    const auto n = static_cast<long double>(counter(measure.co_moments));
    std::vector<Range> ranges;
    for (const Plan::Operand& operand : measure.operands)
      ranges.push_back(operand_range(plan_, operand, operand.shift));
    for (std::size_t i = 0; i < k; ++i) {
      if (!within(static_cast<long double>(counter(measure.co_moments + 1 + i)), n * ranges[i].low, n * ranges[i].high,
                  what)) {
        return false;
      }
      for (std::size_t j = 0; j < k; ++j) {
        const long double most = n * ranges[i].magnitude() * ranges[j].magnitude();
        if (!within(static_cast<long double>(counter(measure.co_moments + 1 + k + i * k + j)), -most, most, what)) {
          return false;
        }
      }
    }
    return true;
  }

  // A block of `variables` sums and their cross products over `count`
  // cases, each variable within `magnitudes[v]` of 0.
  bool products(std::size_t count_offset, std::size_t sums, const std::vector<long double>& magnitudes,
                const std::string& what) {
    if (!counts(count_offset, 1, false, what)) return false;
    const auto n = static_cast<long double>(counter(count_offset));
    const std::size_t variables = magnitudes.size();
    for (std::size_t i = 0; i < variables; ++i) {
      if (!within(static_cast<long double>(wide(sums + i)), -n * magnitudes[i], n * magnitudes[i], what)) return false;
      for (std::size_t j = 0; j < variables; ++j) {
        const long double most = n * magnitudes[i] * magnitudes[j];
        if (!within(static_cast<long double>(wide(sums + variables + i * variables + j)), -most, most, what)) {
          return false;
        }
      }
    }
    return true;
  }

  // Profiles put each dimension's score sum on the common denominator:
  // y_d = s_d (L / c_d), so |y_d| is at most L times the scores' range.
  std::vector<long double> profile_magnitudes(const Plan::OverallMeasure& overall) const {
    std::vector<long double> magnitudes;
    for (const std::size_t part : overall.parts) {
      magnitudes.push_back(static_cast<long double>(plan_.score_denominator) *
                           score_range(plan_, plan_.dimension_measures[part]).magnitude());
    }
    return magnitudes;
  }

  bool profiles() {
    for (const Plan::OverallMeasure& overall : plan_.overall) {
      if (!products(overall.profile_count, overall.profile_sums, profile_magnitudes(overall),
                    std::string("overall ") + measure_name(overall.measure) + " profiles")) {
        return false;
      }
    }
    if (!plan_.drivers) return true;
    std::vector<long double> magnitudes = profile_magnitudes(plan_.overall[plan_.drivers->perception]);
    magnitudes.push_back(code_range(plan_, plan_.drivers->outcome).magnitude());
    return products(plan_.drivers->count, plan_.drivers->sums, magnitudes, "key drivers");
  }

  bool weights() {
    const Tally& tally = tally_;
    const auto finite = [](const std::vector<double>& values) {
      return std::all_of(values.begin(), values.end(), [](double v) { return std::isfinite(v); });
    };
    if (!finite(tally.weighted()) || !finite(tally.weighted_squares()) || !finite(tally.weighted_wide()) ||
        !finite(tally.weighted_wide_squares())) {
      return fail("survey-weighted sums that are not finite numbers");
    }
    if (!std::isfinite(tally.weight_sum()) || tally.weight_sum() < 0 || !std::isfinite(tally.weight_squares()) ||
        tally.weight_squares() < 0) {
      return fail("a sum of survey weights that is negative or not a finite number");
    }
    const auto within_rows = [this](std::int64_t count) { return count >= 0 && count <= rows_; };
    const std::vector<std::int64_t>& zero_weight = tally.zero_weight_counters();
    if (!within_rows(tally.zero_weight_rows()) || !std::all_of(zero_weight.begin(), zero_weight.end(), within_rows)) {
      return fail("counts of weight-0 rows that no rows could give");
    }
    // Each column counts every row, those of weight 0 among them.
    if (plan_.survey_weights && !zero_weight_fits(zero_weight, tally.zero_weight_rows())) {
      return fail("counts of weight-0 rows that no rows could give");
    }
    for (std::size_t m = 0; m < tally.importance().size(); ++m) {
      const Moments& moments = tally.importance()[m];
      if (moments.n < 0 || moments.n > rows_ || !std::isfinite(moments.weight) || moments.weight < 0 ||
          !std::isfinite(moments.weight_squares) || !std::isfinite(moments.mean) || !std::isfinite(moments.m2)) {
        return fail("importance-weighted scores that no rows could give");
      }
    }
    return true;
  }

  const Questionnaire& questionnaire_;
  const Plan& plan_;
  const Tally& tally_;
  const std::int64_t rows_;
  std::string problem_;
};

}  // namespace

std::optional<std::string> tally_problem(const Questionnaire& questionnaire, const Plan& plan, const Tally& tally) {
  return TallyCheck(questionnaire, plan, tally).run();
}

}  // namespace gapscore
