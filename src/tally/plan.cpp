#include "gapscore/tally/plan.h"

#include <algorithm>
#include <numeric>
#include <tuple>
#include <utility>

namespace gapscore {

namespace {

constexpr Measure kMeasures[kMeasureCount] = {Measure::kExpectation, Measure::kPerception, Measure::kGap, Measure::kMsa,
                                              Measure::kMss};

const Scale kImportanceScale{"importance points", 0, 100, {}};

// The layout: slots, counters and wide sums are handed out in the order
// they are asked for, so the order of the calls below is the order of a
// saved tally's arrays.

// The next slot, for a column the questionnaire names; -1 when it names none.
int add_slot(Plan& plan, const std::string& column, const Scale& scale, bool reverse) {
  if (column.empty()) return -1;
  plan.slots.push_back({column, scale, reverse});
  return static_cast<int>(plan.slots.size() - 1);
}

// The offset of `count` new counters.
std::size_t add_counters(Plan& plan, std::size_t count) {
  const std::size_t offset = plan.counter_count;
  plan.counter_count += count;
  return offset;
}

// The offset of `count` new wide sums.
std::size_t add_wide(Plan& plan, std::size_t count) {
  const std::size_t offset = plan.wide_count;
  plan.wide_count += count;
  return offset;
}

// A new histogram block of the values low..high, then missing and invalid.
int add_histogram(Plan& plan, int low, int high) {
  const int width = high - low + 1;
  plan.histograms.push_back({add_counters(plan, static_cast<std::size_t>(width) + 2), low, width});
  return static_cast<int>(plan.histograms.size() - 1);
}

// An item's slots, then its histogram blocks (columns, then differences)
// and its zone counters.
Plan::ItemPlan plan_item(Plan& plan, const Item& item) {
  Plan::ItemPlan item_plan;
  item_plan.scale = item.scale;
  item_plan.expectation = add_slot(plan, item.expectation, item.scale, item.reverse);
  item_plan.perception = add_slot(plan, item.perception, item.scale, item.reverse);
  item_plan.adequate = add_slot(plan, item.adequate, item.scale, item.reverse);
  item_plan.desired = add_slot(plan, item.desired, item.scale, item.reverse);
  const int low = item.scale.min;
  const int high = item.scale.max;
  const auto column = [&](int slot) { return slot >= 0 ? add_histogram(plan, low, high) : -1; };
  const auto difference = [&](int slot) { return slot >= 0 ? add_histogram(plan, low - high, high - low) : -1; };
  item_plan.expectation_counts = column(item_plan.expectation);
  item_plan.perception_counts = column(item_plan.perception);
  item_plan.adequate_counts = column(item_plan.adequate);
  item_plan.desired_counts = column(item_plan.desired);
  item_plan.gap_counts = difference(item_plan.expectation);
  item_plan.msa_counts = difference(item_plan.adequate);
  item_plan.mss_counts = difference(item_plan.desired);
  if (item_plan.adequate >= 0 && item_plan.desired >= 0)
    item_plan.zone_counts = static_cast<int>(add_counters(plan, 4));
  return item_plan;
}

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

// One measure of dimension `d` over the items that have it, with its place
// among the row values, its score sums and its co-moments; nothing when no
// item has the measure.
std::optional<Plan::DimensionMeasure> plan_dimension_measure(Plan& plan, const Dimension& dimension, std::size_t d,
                                                             Measure measure) {
  Plan::DimensionMeasure dm;
  dm.dimension = d;
  dm.measure = measure;
  for (const std::size_t item : dimension.items) {
    if (std::optional<Plan::Operand> operand = operand_for(plan.items[item], measure)) {
      dm.items.push_back(item);
      dm.operands.push_back(*operand);
    }
  }
  if (dm.items.empty()) return std::nullopt;
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
  dm.score_counts = add_counters(plan, 2 * (k + 1));
  dm.score_squares = add_wide(plan, k + 1);
  dm.co_moments = add_counters(plan, 1 + k + k * k);
  return dm;
}

// Each dimension's measures, then its importance slot and histogram, and
// its fixed weight normalised to sum 1.
void add_dimensions(Plan& plan, const Questionnaire& questionnaire) {
  double weight_sum = 0;
  for (const Dimension& dimension : questionnaire.dimensions) weight_sum += dimension.weight.value_or(0);
  for (std::size_t d = 0; d < questionnaire.dimensions.size(); ++d) {
    const Dimension& dimension = questionnaire.dimensions[d];
    Plan::DimensionPlan dimension_plan;
    for (const Measure measure : kMeasures) {
      if (std::optional<Plan::DimensionMeasure> dm = plan_dimension_measure(plan, dimension, d, measure)) {
        dimension_plan.measures.push_back(plan.dimension_measures.size());
        plan.dimension_measures.push_back(std::move(*dm));
      }
    }
    dimension_plan.importance = add_slot(plan, dimension.importance_column, kImportanceScale, false);
    if (dimension_plan.importance >= 0)
      dimension_plan.importance_counts = add_histogram(plan, kImportanceScale.min, kImportanceScale.max);
    if (questionnaire.weighting == Weighting::kFixed) dimension_plan.weight = dimension.weight.value_or(0) / weight_sum;
    plan.dimensions.push_back(std::move(dimension_plan));
  }
}

// The measures every dimension has, each with its profile block.
void add_overall_measures(Plan& plan) {
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
    overall.profile_count = add_counters(plan, 1);
    overall.profile_sums = add_wide(plan, dimensions + dimensions * dimensions);
    plan.overall.push_back(overall);
  }
}

void set_score_denominator(Plan& plan) {
  std::size_t most_items = 1;
  for (const Plan::DimensionMeasure& dm : plan.dimension_measures) most_items = std::max(most_items, dm.items.size());
  for (std::int64_t count = 2; count <= static_cast<std::int64_t>(most_items); ++count) {
    plan.score_denominator = std::lcm(plan.score_denominator, count);
  }
  plan.denominator_factors.assign(most_items + 1, 0);
  for (std::size_t count = 1; count <= most_items; ++count) {
    plan.denominator_factors[count] = plan.score_denominator / static_cast<std::int64_t>(count);
  }
}

void add_metrics(Plan& plan, const Questionnaire& questionnaire) {
  for (const Metric& metric : questionnaire.metrics) {
    plan.metrics.push_back(add_slot(plan, metric.column, metric.scale, false));
    plan.metric_counts.push_back(add_histogram(plan, metric.scale.min, metric.scale.max));
  }
}

// Counts `plus` (or the difference plus - minus) into histogram `block`.
void add_step(Plan& plan, int plus, int minus, int block) {
  const Plan::HistogramBlock& layout = plan.histograms[static_cast<std::size_t>(block)];
  plan.bin_steps.push_back({minus < 0 ? Plan::StepKind::kColumn : Plan::StepKind::kDifference, plus, minus, -1,
                            static_cast<std::uint32_t>(layout.offset), layout.low,
                            static_cast<std::uint32_t>(layout.width)});
}

std::uint32_t offset_of(const Plan& plan, int block) {
  return static_cast<std::uint32_t>(plan.histograms[static_cast<std::size_t>(block)].offset);
}

// The steps that count the items' columns and differences, their zones,
// the importance points and the metrics.
void add_histogram_steps(Plan& plan) {
  for (const Plan::ItemPlan& item : plan.items) {
    if (item.expectation >= 0) {
      const Plan::HistogramBlock& perception = plan.histograms[static_cast<std::size_t>(item.perception_counts)];
      plan.bin_steps.push_back({Plan::StepKind::kJoint, item.perception, item.expectation, -1,
                                static_cast<std::uint32_t>(perception.offset), perception.low,
                                static_cast<std::uint32_t>(perception.width), offset_of(plan, item.expectation_counts),
                                offset_of(plan, item.gap_counts)});
    } else {
      add_step(plan, item.perception, -1, item.perception_counts);
    }
    for (const auto& [slot, column, difference] : {std::tuple{item.adequate, item.adequate_counts, item.msa_counts},
                                                   std::tuple{item.desired, item.desired_counts, item.mss_counts}}) {
      if (slot < 0) continue;
      add_step(plan, slot, -1, column);
      add_step(plan, item.perception, slot, difference);
    }
  }
  for (const Plan::ItemPlan& item : plan.items) {
    if (item.zone_counts >= 0) {
      plan.bin_steps.push_back({Plan::StepKind::kZone, item.perception, item.adequate, item.desired,
                                static_cast<std::uint32_t>(item.zone_counts), 0, 0});
    }
  }
  for (const Plan::DimensionPlan& dimension : plan.dimensions) {
    if (dimension.importance >= 0) add_step(plan, dimension.importance, -1, dimension.importance_counts);
  }
  for (std::size_t i = 0; i < plan.metrics.size(); ++i) add_step(plan, plan.metrics[i], -1, plan.metric_counts[i]);
}

void add_drivers(Plan& plan, const Questionnaire& questionnaire) {
  if (questionnaire.driver_outcome < 0) return;
  for (std::size_t m = 0; m < plan.overall.size(); ++m) {
    if (plan.overall[m].measure != Measure::kPerception) continue;
    const std::size_t variables = plan.dimensions.size() + 1;
    plan.drivers = Plan::DriverPlan{plan.metrics[static_cast<std::size_t>(questionnaire.driver_outcome)], m,
                                    add_counters(plan, 1), add_wide(plan, variables + variables * variables)};
  }
}

// Each Kano feature's two slots and its 5 x 5 pair counts, with their step.
void add_kano(Plan& plan, const Questionnaire& questionnaire) {
  for (const KanoFeature& feature : questionnaire.kano) {
    Plan::KanoPlan kano;
    kano.functional = add_slot(plan, feature.functional, feature.scale, false);
    kano.dysfunctional = add_slot(plan, feature.dysfunctional, feature.scale, false);
    kano.counts = add_counters(plan, 25);
    plan.kano.push_back(kano);
    plan.bin_steps.push_back({Plan::StepKind::kPair, kano.functional, kano.dysfunctional, -1,
                              static_cast<std::uint32_t>(kano.counts), 1, 5});
  }
}

}  // namespace

Plan make_plan(const Questionnaire& questionnaire) {
  Plan plan;
  plan.weighting = questionnaire.weighting;
  // A design without a weight column weighs every respondent 1.
  plan.survey_weights = !questionnaire.weight_column.empty() || !questionnaire.strata_column.empty() ||
                        !questionnaire.cluster_column.empty() || !questionnaire.fpc_column.empty() ||
                        questionnaire.raking.has_value();
  for (const Item& item : questionnaire.items) plan.items.push_back(plan_item(plan, item));
  add_dimensions(plan, questionnaire);
  add_overall_measures(plan);
  set_score_denominator(plan);
  add_metrics(plan, questionnaire);
  add_histogram_steps(plan);
  add_drivers(plan, questionnaire);
  add_kano(plan, questionnaire);
  return plan;
}

}  // namespace gapscore
