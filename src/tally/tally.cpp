#include "gapscore/tally/tally.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <optional>
#include <tuple>
#include <utility>

namespace gapscore {

Histogram::Histogram(int low, int high) : low_(low), counts_(static_cast<std::size_t>(high - low + 1), 0) {}

Histogram::Histogram(int low, std::vector<std::int64_t> values, std::int64_t missing, std::int64_t invalid)
    : low_(low), counts_(std::move(values)), missing_(missing), invalid_(invalid) {}

void Histogram::merge(const Histogram& other) {
  for (std::size_t i = 0; i < counts_.size(); ++i) counts_[i] += other.counts_[i];
  missing_ += other.missing_;
  invalid_ += other.invalid_;
}

std::int64_t Histogram::n() const {
  std::int64_t n = 0;
  for (const std::int64_t count : counts_) n += count;
  return n;
}

void Moments::merge(const Moments& other) {
  if (other.n == 0) return;
  if (n == 0) {
    *this = other;
    return;
  }
  const double wa = weight;
  const double wb = other.weight;
  const double total = wa + wb;
  n += other.n;
  weight = total;
  weight_squares += other.weight_squares;
  if (total <= 0) return;
  const double delta = other.mean - mean;
  mean += delta * wb / total;
  m2 += other.m2 + delta * delta * wa * wb / total;
}

CoMoments::CoMoments(std::size_t k) : k_(k), block_(1 + k + k * k, 0) {}

void CoMoments::add(const std::int64_t* values) {
  ++block_[0];
  std::int64_t* sums = block_.data() + 1;
  std::int64_t* cross = sums + k_;
  for (std::size_t i = 0; i < k_; ++i) {
    sums[i] += values[i];
    for (std::size_t j = i; j < k_; ++j) cross[i * k_ + j] += values[i] * values[j];
  }
}

CoMoments::CoMoments(std::size_t k, const std::int64_t* block) : k_(k), block_(block, block + 1 + k + k * k) {}

void CoMoments::merge(const CoMoments& other) {
  for (std::size_t i = 0; i < block_.size(); ++i) block_[i] += other.block_[i];
}

Int128 CoMoments::scaled_covariance(std::size_t i, std::size_t j) const {
  if (i > j) std::swap(i, j);
  const std::int64_t* sums = block_.data() + 1;
  const std::int64_t* cross = block_.data() + 1 + k_;
  return static_cast<Int128>(n()) * cross[i * k_ + j] - static_cast<Int128>(sums[i]) * sums[j];
}

ScoreSums::ScoreSums(int max_count)
    : n_(static_cast<std::size_t>(max_count) + 1, 0),
      s1_(static_cast<std::size_t>(max_count) + 1, 0),
      s2_(static_cast<std::size_t>(max_count) + 1, 0) {}

ScoreSums::ScoreSums(int max_count, const std::int64_t* narrow, const Int128* wide) {
  const auto size = static_cast<std::size_t>(max_count) + 1;
  n_.assign(narrow, narrow + size);
  s1_.assign(narrow + size, narrow + 2 * size);
  s2_.assign(wide, wide + size);
}

void ScoreSums::merge(const ScoreSums& other) {
  for (std::size_t c = 0; c < n_.size(); ++c) {
    n_[c] += other.n_[c];
    s1_[c] += other.s1_[c];
    s2_[c] += other.s2_[c];
  }
}

std::int64_t ScoreSums::n() const {
  std::int64_t total = 0;
  for (const std::int64_t count : n_) total += count;
  return total;
}

ProfileSums::ProfileSums(std::size_t dimensions) : sums_(dimensions, 0), cross_(dimensions * dimensions, 0) {}

ProfileSums::ProfileSums(std::size_t dimensions, std::int64_t n, const Int128* wide)
    : n_(n), sums_(wide, wide + dimensions), cross_(wide + dimensions, wide + dimensions + dimensions * dimensions) {}

void ProfileSums::add(const std::int64_t* y) {
  ++n_;
  const std::size_t count = sums_.size();
  for (std::size_t d = 0; d < count; ++d) {
    sums_[d] += y[d];
    for (std::size_t e = d; e < count; ++e) cross_[d * count + e] += static_cast<Int128>(y[d]) * y[e];
  }
}

void ProfileSums::merge(const ProfileSums& other) {
  n_ += other.n_;
  for (std::size_t d = 0; d < sums_.size(); ++d) sums_[d] += other.sums_[d];
  for (std::size_t i = 0; i < cross_.size(); ++i) cross_[i] += other.cross_[i];
}

Int128 ProfileSums::cross(std::size_t d, std::size_t e) const {
  if (d > e) std::swap(d, e);
  return cross_[d * sums_.size() + e];
}

namespace {

constexpr Measure kMeasures[kMeasureCount] = {Measure::kExpectation, Measure::kPerception, Measure::kGap, Measure::kMsa,
                                              Measure::kMss};

const Scale kImportanceScale{"importance points", 0, 100, {}};

std::optional<Plan::Operand> operand_for(const Plan::ItemPlan& item, Measure measure) {
  const std::int64_t shift = item.scale.min;
  switch (measure) {
    case Measure::kExpectation:
      if (item.expectation < 0) return std::nullopt;
      return Plan::Operand{item.expectation, -1, shift};
    case Measure::kPerception:
      return Plan::Operand{item.perception, -1, shift};
    case Measure::kGap:
      if (item.expectation < 0) return std::nullopt;
      return Plan::Operand{item.perception, item.expectation, 0};
    case Measure::kMsa:
      if (item.adequate < 0) return std::nullopt;
      return Plan::Operand{item.perception, item.adequate, 0};
    case Measure::kMss:
      if (item.desired < 0) return std::nullopt;
      return Plan::Operand{item.perception, item.desired, 0};
  }
  return std::nullopt;
}

}  // namespace

Plan make_plan(const Questionnaire& questionnaire) {
  Plan plan;
  const auto add_slot = [&plan](const std::string& column, const Scale& scale, bool reverse) {
    if (column.empty()) return -1;
    plan.slots.push_back({column, scale, reverse});
    return static_cast<int>(plan.slots.size() - 1);
  };
  const auto counters = [&plan](std::size_t count) {
    const std::size_t offset = plan.counter_count;
    plan.counter_count += count;
    return offset;
  };
  const auto wide = [&plan](std::size_t count) {
    const std::size_t offset = plan.wide_count;
    plan.wide_count += count;
    return offset;
  };
  const auto histogram = [&](int low, int high) {
    const int width = high - low + 1;
    plan.histograms.push_back({counters(static_cast<std::size_t>(width) + 2), low, width});
    return static_cast<int>(plan.histograms.size() - 1);
  };
  for (const Item& item : questionnaire.items) {
    Plan::ItemPlan item_plan;
    item_plan.scale = item.scale;
    item_plan.expectation = add_slot(item.expectation, item.scale, item.reverse);
    item_plan.perception = add_slot(item.perception, item.scale, item.reverse);
    item_plan.adequate = add_slot(item.adequate, item.scale, item.reverse);
    item_plan.desired = add_slot(item.desired, item.scale, item.reverse);
    const int low = item.scale.min;
    const int high = item.scale.max;
    const auto column = [&](int slot) { return slot >= 0 ? histogram(low, high) : -1; };
    const auto difference = [&](int slot) { return slot >= 0 ? histogram(low - high, high - low) : -1; };
    item_plan.expectation_counts = column(item_plan.expectation);
    item_plan.perception_counts = column(item_plan.perception);
    item_plan.adequate_counts = column(item_plan.adequate);
    item_plan.desired_counts = column(item_plan.desired);
    item_plan.gap_counts = difference(item_plan.expectation);
    item_plan.msa_counts = difference(item_plan.adequate);
    item_plan.mss_counts = difference(item_plan.desired);
    if (item_plan.adequate >= 0 && item_plan.desired >= 0) item_plan.zone_counts = static_cast<int>(counters(4));
    plan.items.push_back(item_plan);
  }
  double weight_sum = 0;
  for (const Dimension& dimension : questionnaire.dimensions) weight_sum += dimension.weight.value_or(0);
  for (std::size_t d = 0; d < questionnaire.dimensions.size(); ++d) {
    const Dimension& dimension = questionnaire.dimensions[d];
    Plan::DimensionPlan dimension_plan;
    for (const Measure measure : kMeasures) {
      Plan::DimensionMeasure dm;
      dm.dimension = d;
      dm.measure = measure;
      for (const std::size_t item : dimension.items) {
        if (std::optional<Plan::Operand> operand = operand_for(plan.items[item], measure)) {
          dm.items.push_back(item);
          dm.operands.push_back(*operand);
        }
      }
      if (dm.items.empty()) continue;
      const std::size_t k = dm.items.size();
      dm.min_items = std::min(dimension.min_items, static_cast<int>(k));
      if (!is_difference(measure)) {
        dm.score_shift = plan.items[dm.items.front()].scale.min;
        for (const std::size_t item : dm.items) {
          dm.score_shift = std::min<std::int64_t>(dm.score_shift, plan.items[item].scale.min);
        }
      }
      dm.value_offset = plan.value_count;
      plan.value_count += k;
      dm.score_counts = counters(2 * (k + 1));
      dm.score_squares = wide(k + 1);
      dm.co_moments = counters(1 + k + k * k);
      dimension_plan.measures.push_back(plan.dimension_measures.size());
      plan.dimension_measures.push_back(std::move(dm));
    }
    dimension_plan.importance = add_slot(dimension.importance_column, kImportanceScale, false);
    if (dimension_plan.importance >= 0)
      dimension_plan.importance_counts = histogram(kImportanceScale.min, kImportanceScale.max);
    if (questionnaire.weighting == Weighting::kFixed) dimension_plan.weight = dimension.weight.value_or(0) / weight_sum;
    plan.dimensions.push_back(std::move(dimension_plan));
  }
  for (const Measure measure : kMeasures) {
    Plan::OverallMeasure overall;
    overall.measure = measure;
    for (const Plan::DimensionPlan& dimension : plan.dimensions) {
      for (const std::size_t index : dimension.measures) {
        if (plan.dimension_measures[index].measure == measure) overall.parts.push_back(index);
      }
    }
    if (plan.dimensions.empty() || overall.parts.size() != plan.dimensions.size()) continue;
    const std::size_t dimensions = plan.dimensions.size();
    overall.profile_count = counters(1);
    overall.profile_sums = wide(dimensions + dimensions * dimensions);
    plan.overall.push_back(overall);
  }
  std::size_t most_items = 1;
  for (const Plan::DimensionMeasure& dm : plan.dimension_measures) most_items = std::max(most_items, dm.items.size());
  for (std::int64_t count = 2; count <= static_cast<std::int64_t>(most_items); ++count) {
    plan.score_denominator = std::lcm(plan.score_denominator, count);
  }
  plan.denominator_factors.assign(most_items + 1, 0);
  for (std::size_t count = 1; count <= most_items; ++count) {
    plan.denominator_factors[count] = plan.score_denominator / static_cast<std::int64_t>(count);
  }
  plan.weighting = questionnaire.weighting;
  plan.survey_weights = !questionnaire.weight_column.empty();
  for (const Metric& metric : questionnaire.metrics) {
    plan.metrics.push_back(add_slot(metric.column, metric.scale, false));
    plan.metric_counts.push_back(histogram(metric.scale.min, metric.scale.max));
  }
  const auto step = [&plan](int plus, int minus, int block) {
    const Plan::HistogramBlock& layout = plan.histograms[static_cast<std::size_t>(block)];
    plan.bin_steps.push_back({minus < 0 ? Plan::StepKind::kColumn : Plan::StepKind::kDifference, plus, minus, -1,
                              static_cast<std::uint32_t>(layout.offset), layout.low,
                              static_cast<std::uint32_t>(layout.width)});
  };
  const auto offset_of = [&plan](int block) {
    return static_cast<std::uint32_t>(plan.histograms[static_cast<std::size_t>(block)].offset);
  };
  for (const Plan::ItemPlan& item : plan.items) {
    if (item.expectation >= 0) {
      const Plan::HistogramBlock& perception = plan.histograms[static_cast<std::size_t>(item.perception_counts)];
      plan.bin_steps.push_back({Plan::StepKind::kJoint, item.perception, item.expectation, -1,
                                static_cast<std::uint32_t>(perception.offset), perception.low,
                                static_cast<std::uint32_t>(perception.width), offset_of(item.expectation_counts),
                                offset_of(item.gap_counts)});
    } else {
      step(item.perception, -1, item.perception_counts);
    }
    for (const auto& [slot, column, difference] : {std::tuple{item.adequate, item.adequate_counts, item.msa_counts},
                                                   std::tuple{item.desired, item.desired_counts, item.mss_counts}}) {
      if (slot < 0) continue;
      step(slot, -1, column);
      step(item.perception, slot, difference);
    }
  }
  for (const Plan::ItemPlan& item : plan.items) {
    if (item.zone_counts >= 0) {
      plan.bin_steps.push_back({Plan::StepKind::kZone, item.perception, item.adequate, item.desired,
                                static_cast<std::uint32_t>(item.zone_counts), 0, 0});
    }
  }
  for (const Plan::DimensionPlan& dimension : plan.dimensions) {
    if (dimension.importance >= 0) step(dimension.importance, -1, dimension.importance_counts);
  }
  for (std::size_t i = 0; i < plan.metrics.size(); ++i) step(plan.metrics[i], -1, plan.metric_counts[i]);
  if (questionnaire.driver_outcome >= 0) {
    for (std::size_t m = 0; m < plan.overall.size(); ++m) {
      if (plan.overall[m].measure != Measure::kPerception) continue;
      const std::size_t variables = plan.dimensions.size() + 1;
      plan.drivers = Plan::DriverPlan{plan.metrics[static_cast<std::size_t>(questionnaire.driver_outcome)], m,
                                      counters(1), wide(variables + variables * variables)};
    }
  }
  for (const KanoFeature& feature : questionnaire.kano) {
    Plan::KanoPlan kano;
    kano.functional = add_slot(feature.functional, feature.scale, false);
    kano.dysfunctional = add_slot(feature.dysfunctional, feature.scale, false);
    kano.counts = counters(25);
    plan.kano.push_back(kano);
    plan.bin_steps.push_back({Plan::StepKind::kPair, kano.functional, kano.dysfunctional, -1,
                              static_cast<std::uint32_t>(kano.counts), 1, 5});
  }
  return plan;
}

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

double WeightedCross::scaled_covariance(std::size_t i, std::size_t j) const {
  if (i > j) std::swap(i, j);
  return weight * cross[i * variables + j] - sums[i] * sums[j];
}

Tally::Tally(const Plan& plan)
    : counters_(plan.counter_count, 0), wide_(plan.wide_count, 0), importance_(plan.overall.size()) {
  if (plan.survey_weights) {
    weighted_.assign(plan.counter_count, 0);
    weighted_squares_.assign(plan.counter_count, 0);
    weighted_wide_.assign(plan.wide_count, 0);
  }
}

void Tally::add_weighted(const Plan& plan, const RowScores& row) {
  for (std::size_t m = 0; m < plan.overall.size(); ++m) {
    if (!std::isnan(row.importance_weighted[m])) importance_[m].add(row.importance_weighted[m], row.weight);
  }
  if (plan.survey_weights) add_survey_weighted(plan, row);
}

namespace {

// Adds w times each value and product of a complete case to sums[k] and
// cross[k x k] (upper triangle).
void add_weighted_products(double* sums, double* cross, std::size_t k, const std::int64_t* values, double w) {
  for (std::size_t i = 0; i < k; ++i) {
    const double wx = w * static_cast<double>(values[i]);
    sums[i] += wx;
    for (std::size_t j = i; j < k; ++j) cross[i * k + j] += wx * static_cast<double>(values[j]);
  }
}

}  // namespace

void Tally::add_survey_weighted(const Plan& plan, const RowScores& row) {
  const double w = row.weight;
  const double w2 = w * w;
  weight_sum_ += w;
  weight_squares_ += w2;
  double* weighted = weighted_.data();
  double* squares = weighted_squares_.data();
  double* wide = weighted_wide_.data();
  const auto count = [&](std::size_t offset) {
    weighted[offset] += w;
    squares[offset] += w2;
  };
  for (std::size_t i = 0; i < row.bin_count; ++i) count(row.bins[i]);
  for (std::size_t f = 0; f < plan.dimension_measures.size(); ++f) {
    const Plan::DimensionMeasure& dm = plan.dimension_measures[f];
    if (row.score_counts[f] != 0) {
      const auto c = static_cast<std::size_t>(row.score_counts[f]);
      const auto sum = static_cast<double>(row.score_sums[f]);
      count(dm.score_counts + c);
      weighted[dm.score_counts + dm.items.size() + 1 + c] += w * sum;
      wide[dm.score_squares + c] += w * sum * sum;
    }
    if (row.complete[f] != 0) {
      const std::size_t k = dm.items.size();
      count(dm.co_moments);
      add_weighted_products(weighted + dm.co_moments + 1, weighted + dm.co_moments + 1 + k, k,
                            row.values.data() + dm.value_offset, w);
    }
  }
  const std::size_t dimensions = plan.dimensions.size();
  for (std::size_t m = 0; m < plan.overall.size(); ++m) {
    if (row.profiled[m] == 0) continue;
    const Plan::OverallMeasure& overall = plan.overall[m];
    count(overall.profile_count);
    add_weighted_products(wide + overall.profile_sums, wide + overall.profile_sums + dimensions, dimensions,
                          row.profiles.data() + m * dimensions, w);
  }
  if (plan.drivers && row.driven) {
    const Plan::DriverPlan& driver = *plan.drivers;
    const std::size_t variables = row.drivers.size();
    count(driver.count);
    add_weighted_products(wide + driver.sums, wide + driver.sums + variables, variables, row.drivers.data(), w);
  }
}

void Tally::merge(const Tally& other) {
  rows_ += other.rows_;
  for (std::size_t i = 0; i < counters_.size(); ++i) counters_[i] += other.counters_[i];
  for (std::size_t i = 0; i < wide_.size(); ++i) wide_[i] += other.wide_[i];
  for (std::size_t m = 0; m < importance_.size(); ++m) importance_[m].merge(other.importance_[m]);
  weight_sum_ += other.weight_sum_;
  weight_squares_ += other.weight_squares_;
  for (std::size_t i = 0; i < weighted_.size(); ++i) weighted_[i] += other.weighted_[i];
  for (std::size_t i = 0; i < weighted_squares_.size(); ++i) weighted_squares_[i] += other.weighted_squares_[i];
  for (std::size_t i = 0; i < weighted_wide_.size(); ++i) weighted_wide_[i] += other.weighted_wide_[i];
}

void Tally::subtract(const Tally& subset) {
  rows_ -= subset.rows_;
  for (std::size_t i = 0; i < counters_.size(); ++i) counters_[i] -= subset.counters_[i];
  for (std::size_t i = 0; i < wide_.size(); ++i) wide_[i] -= subset.wide_[i];
  weight_sum_ -= subset.weight_sum_;
  weight_squares_ -= subset.weight_squares_;
  for (std::size_t i = 0; i < weighted_.size(); ++i) weighted_[i] -= subset.weighted_[i];
  for (std::size_t i = 0; i < weighted_squares_.size(); ++i) weighted_squares_[i] -= subset.weighted_squares_[i];
  for (std::size_t i = 0; i < weighted_wide_.size(); ++i) weighted_wide_[i] -= subset.weighted_wide_[i];
}

Histogram Tally::histogram(const Plan& plan, int block) const {
  const Plan::HistogramBlock& layout = plan.histograms[static_cast<std::size_t>(block)];
  const auto begin = counters_.begin() + static_cast<std::ptrdiff_t>(layout.offset);
  const auto end = begin + layout.width;
  return Histogram(layout.low, std::vector<std::int64_t>(begin, end), *end, *(end + 1));
}

ScoreSums Tally::scores(const Plan& plan, std::size_t dimension_measure) const {
  const Plan::DimensionMeasure& dm = plan.dimension_measures[dimension_measure];
  return ScoreSums(static_cast<int>(dm.items.size()), counters_.data() + dm.score_counts,
                   wide_.data() + dm.score_squares);
}

CoMoments Tally::item_moments(const Plan& plan, std::size_t dimension_measure) const {
  const Plan::DimensionMeasure& dm = plan.dimension_measures[dimension_measure];
  return CoMoments(dm.items.size(), counters_.data() + dm.co_moments);
}

ProfileSums Tally::drivers(const Plan& plan) const {
  const Plan::DriverPlan& driver = *plan.drivers;
  return ProfileSums(plan.dimensions.size() + 1, counters_[driver.count], wide_.data() + driver.sums);
}

ProfileSums Tally::profiles(const Plan& plan, std::size_t overall_measure) const {
  const Plan::OverallMeasure& overall = plan.overall[overall_measure];
  return ProfileSums(plan.dimensions.size(), counters_[overall.profile_count], wide_.data() + overall.profile_sums);
}

WeightedHistogram Tally::weighted_histogram(const Plan& plan, int block) const {
  const Plan::HistogramBlock& layout = plan.histograms[static_cast<std::size_t>(block)];
  const auto begin = static_cast<std::ptrdiff_t>(layout.offset);
  const auto end = begin + layout.width;
  return {layout.low, std::vector<double>(weighted_.begin() + begin, weighted_.begin() + end),
          std::vector<double>(weighted_squares_.begin() + begin, weighted_squares_.begin() + end)};
}

WeightedScores Tally::weighted_scores(const Plan& plan, std::size_t dimension_measure) const {
  const Plan::DimensionMeasure& dm = plan.dimension_measures[dimension_measure];
  const auto counts = static_cast<std::ptrdiff_t>(dm.items.size() + 1);
  const auto begin = static_cast<std::ptrdiff_t>(dm.score_counts);
  const auto squares = static_cast<std::ptrdiff_t>(dm.score_squares);
  WeightedScores scores;
  scores.weights.assign(weighted_.begin() + begin, weighted_.begin() + begin + counts);
  scores.squares.assign(weighted_squares_.begin() + begin, weighted_squares_.begin() + begin + counts);
  scores.sums.assign(weighted_.begin() + begin + counts, weighted_.begin() + begin + 2 * counts);
  scores.sum_squares.assign(weighted_wide_.begin() + squares, weighted_wide_.begin() + squares + counts);
  return scores;
}

WeightedCross Tally::weighted_cross(std::size_t variables, std::size_t count, std::size_t sums,
                                    bool sums_in_counters) const {
  WeightedCross block;
  block.variables = variables;
  block.weight = weighted_[count];
  block.squares = weighted_squares_[count];
  const std::vector<double>& source = sums_in_counters ? weighted_ : weighted_wide_;
  const auto begin = source.begin() + static_cast<std::ptrdiff_t>(sums);
  const auto size = static_cast<std::ptrdiff_t>(variables);
  block.sums.assign(begin, begin + size);
  block.cross.assign(begin + size, begin + size + size * size);
  return block;
}

WeightedCross Tally::weighted_item_moments(const Plan& plan, std::size_t dimension_measure) const {
  const Plan::DimensionMeasure& dm = plan.dimension_measures[dimension_measure];
  return weighted_cross(dm.items.size(), dm.co_moments, dm.co_moments + 1, true);
}

WeightedCross Tally::weighted_profiles(const Plan& plan, std::size_t overall_measure) const {
  const Plan::OverallMeasure& overall = plan.overall[overall_measure];
  return weighted_cross(plan.dimensions.size(), overall.profile_count, overall.profile_sums, false);
}

WeightedCross Tally::weighted_drivers(const Plan& plan) const {
  const Plan::DriverPlan& driver = *plan.drivers;
  return weighted_cross(plan.dimensions.size() + 1, driver.count, driver.sums, false);
}

}  // namespace gapscore
