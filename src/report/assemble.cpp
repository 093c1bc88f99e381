#include "gapscore/report/assemble.h"

#include <array>

#include "gapscore/metrics/distribution.h"
#include "gapscore/metrics/drivers.h"
#include "gapscore/metrics/kano.h"
#include "gapscore/metrics/nps.h"
#include "gapscore/metrics/proportion.h"
#include "gapscore/metrics/reliability.h"
#include "gapscore/metrics/stats.h"

namespace gapscore {

namespace {

// A survey-weighted mean of the domain, `figure` giving its sums from any
// tally: the domain's, and each of its parts' for the standard error.
// With raking the domain's tally has the raked weights and its parts the
// base weights, each cell's raked weights being theirs times its factor.
template <typename Figure>
Stats design_stats(const Domain& domain, const Figure& figure, bool paired_test) {
  const WeightedMean values = figure(*domain.tally);
  const std::optional<RakingAdjustment>& raking = domain.design->raking;
  Influence influence;
  influence.reserve(domain.parts.size());
  std::vector<double> residual_sums(raking ? raking->cells.size() : 0, 0);
  for (const DomainPart& part : domain.parts) {
    InfluencePart term;
    if (part.tally) {
      const WeightedMean sums = figure(*part.tally);
      const double factor = raking ? raking->cells[part.cell].factor : 1;
      term = influence_of(sums.scaled(factor), values, domain.design->clustered);
      if (raking && values.weight > 0) {
        residual_sums[part.cell] += (sums.plain_sum - values.mean * static_cast<double>(sums.n)) / values.weight;
      }
    }
    term.key = part.key;
    term.unit = part.unit;
    term.stratum = part.stratum;
    if (raking) {
      const double factor = raking->cells[part.cell].factor;
      term.weight = factor * part.all->weight_sum();
      term.weight_squares = factor * factor * part.all->weight_squares();
    }
    influence.push_back(term);
  }
  if (raking) {
    const std::vector<double> offsets = raking_offsets(*raking, residual_sums);
    for (std::size_t p = 0; p < influence.size(); ++p) influence[p].offset = offsets[domain.parts[p].cell];
  }
  return weighted_stats(values, std::move(influence), *domain.design, paired_test);
}

Stats weighted_column_stats(const Plan& plan, const Domain& domain, int block, bool paired_test) {
  return design_stats(
      domain,
      [&plan, block](const Tally& tally) {
        return weighted_mean_of(tally.histogram(plan, block), tally.weighted_histogram(plan, block));
      },
      paired_test);
}

std::optional<ColumnFigures> column_figures(const Plan& plan, const Domain& domain, int block) {
  const Tally& tally = *domain.tally;
  if (block < 0) return std::nullopt;
  const Histogram histogram = tally.histogram(plan, block);
  if (plan.survey_weights) {
    const WeightedHistogram weighted = tally.weighted_histogram(plan, block);
    return ColumnFigures{weighted_column_stats(plan, domain, block, false), distribution_of(histogram, weighted)};
  }
  return ColumnFigures{stats_of(histogram, false), distribution_of(histogram)};
}

std::optional<Stats> difference_figures(const Plan& plan, const Domain& domain, int block) {
  const Tally& tally = *domain.tally;
  if (block < 0) return std::nullopt;
  if (plan.survey_weights) {
    return weighted_column_stats(plan, domain, block, true);
  }
  return stats_of(tally.histogram(plan, block), true);
}

MetricResult metric_result(const Metric& metric, const Plan& plan, const Domain& domain, int block) {
  const Tally& tally = *domain.tally;
  const Histogram answers = tally.histogram(plan, block);
  MetricResult result;
  result.id = metric.id;
  result.type = metric.type;
  if (plan.survey_weights) {
    const WeightedHistogram weighted = tally.weighted_histogram(plan, block);
    // Shares and the NPS as means of a value per answer, for their
    // linearised standard errors.
    const auto mean_of = [&](const std::vector<double>& value_at) {
      return design_stats(
          domain,
          [&plan, block, &value_at](const Tally& part) {
            return weighted_mean_of(part.histogram(plan, block), part.weighted_histogram(plan, block), value_at);
          },
          false);
    };
    switch (metric.type) {
      case MetricType::kNps: {
        const std::vector<double> signs = nps_signs(answers, metric.promoter_min, metric.detractor_max);
        result.nps = nps_of(answers, weighted, metric.promoter_min, metric.detractor_max, mean_of(signs));
        // Each group's share as the mean of its indicator, as svymean has it.
        const auto group_se = [&](double sign) {
          std::vector<double> indicator(signs.size());
          for (std::size_t i = 0; i < signs.size(); ++i) indicator[i] = signs[i] == sign ? 1 : 0;
          const Stats share = mean_of(indicator);
          return share.se ? Figure(100 * *share.se) : Figure();
        };
        if (result.nps.se) {
          result.nps.promoters_se = group_se(1);
          result.nps.passives_se = group_se(0);
          result.nps.detractors_se = group_se(-1);
        }
        break;
      }
      case MetricType::kCsat:
        result.satisfied = proportion_at_or_above(answers, weighted, metric.satisfied_min,
                                                  mean_of(at_or_above(answers, metric.satisfied_min)));
        result.answers = {weighted_column_stats(plan, domain, block, false), distribution_of(answers, weighted)};
        break;
      case MetricType::kCes:
        result.agree = proportion_at_or_above(answers, weighted, metric.agree_min,
                                              mean_of(at_or_above(answers, metric.agree_min)));
        result.answers = {weighted_column_stats(plan, domain, block, false), distribution_of(answers, weighted)};
        break;
    }
    return result;
  }
  switch (metric.type) {
    case MetricType::kNps:
      result.nps = nps_of(answers, metric.promoter_min, metric.detractor_max);
      break;
    case MetricType::kCsat:
      result.satisfied = proportion_at_or_above(answers, metric.satisfied_min);
      result.answers = {stats_of(answers, false), distribution_of(answers)};
      break;
    case MetricType::kCes:
      result.agree = proportion_at_or_above(answers, metric.agree_min);
      result.answers = {stats_of(answers, false), distribution_of(answers)};
      break;
  }
  return result;
}

ZoneResult zone_result(const Plan& plan, const Tally& tally, std::size_t offset) {
  ZoneResult zone;
  zone.below = tally.counter(offset);
  zone.within = tally.counter(offset + 1);
  zone.above = tally.counter(offset + 2);
  zone.inconsistent = tally.counter(offset + 3);
  zone.n = zone.below + zone.within + zone.above;
  if (zone.n == 0) return zone;
  std::array<double, 3> sizes = {static_cast<double>(zone.below), static_cast<double>(zone.within),
                                 static_cast<double>(zone.above)};
  if (plan.survey_weights) {
    for (std::size_t i = 0; i < sizes.size(); ++i) sizes[i] = tally.weighted_counter(offset + i);
  }
  const double total = sizes[0] + sizes[1] + sizes[2];
  if (!(total > 0)) return zone;
  zone.below_pct = 100 * sizes[0] / total;
  zone.within_pct = 100 * sizes[1] / total;
  zone.above_pct = 100 * sizes[2] / total;
  return zone;
}

ItemResult item_result(const Questionnaire& questionnaire, const Plan& plan, const Domain& domain, std::size_t i) {
  const Tally& tally = *domain.tally;
  const Plan::ItemPlan& item = plan.items[i];
  ItemResult out;
  out.id = questionnaire.items[i].id;
  out.dimension = questionnaire.items[i].dimension;
  out.expectation = column_figures(plan, domain, item.expectation_counts);
  out.perception = column_figures(plan, domain, item.perception_counts);
  out.adequate = column_figures(plan, domain, item.adequate_counts);
  out.desired = column_figures(plan, domain, item.desired_counts);
  out.gap = difference_figures(plan, domain, item.gap_counts);
  out.msa = difference_figures(plan, domain, item.msa_counts);
  out.mss = difference_figures(plan, domain, item.mss_counts);
  if (item.zone_counts >= 0) out.zone = zone_result(plan, tally, static_cast<std::size_t>(item.zone_counts));
  return out;
}

DimensionMeasureResult dimension_measure_result(const Questionnaire& questionnaire, const Plan& plan,
                                                const Domain& domain, std::size_t f) {
  const Tally& tally = *domain.tally;
  const Plan::DimensionMeasure& dm = plan.dimension_measures[f];
  std::vector<std::string> ids;
  for (const std::size_t item : dm.items) ids.push_back(questionnaire.items[item].id);
  if (plan.survey_weights) {
    return {dm.measure,
            design_stats(
                domain,
                [&plan, f, &dm](const Tally& part) {
                  return weighted_mean_of(part.scores(plan, f), part.weighted_scores(plan, f), dm.score_shift);
                },
                is_difference(dm.measure)),
            reliability_of(tally.item_moments(plan, f), tally.weighted_item_moments(plan, f), ids)};
  }
  return {dm.measure, stats_of(tally.scores(plan, f), dm.score_shift, is_difference(dm.measure)),
          reliability_of(tally.item_moments(plan, f), ids)};
}

DimensionResult dimension_result(const Questionnaire& questionnaire, const Plan& plan, const Domain& domain,
                                 std::size_t d) {
  DimensionResult dimension;
  dimension.id = questionnaire.dimensions[d].id;
  for (const std::size_t f : plan.dimensions[d].measures) {
    dimension.measures.push_back(dimension_measure_result(questionnaire, plan, domain, f));
  }
  dimension.importance = column_figures(plan, domain, plan.dimensions[d].importance_counts);
  return dimension;
}

OverallResult overall_result(const Plan& plan, const Domain& domain, std::size_t m) {
  const Tally& tally = *domain.tally;
  const Plan::OverallMeasure& measure = plan.overall[m];
  const bool paired = is_difference(measure.measure);
  std::vector<std::int64_t> shifts;
  for (const std::size_t part : measure.parts) shifts.push_back(plan.dimension_measures[part].score_shift);
  const std::size_t dimensions = measure.parts.size();
  OverallResult overall;
  overall.measure = measure.measure;
  const ProfileSums profiles = tally.profiles(plan, m);
  const auto fixed = [&](const std::vector<double>& weights) {
    if (plan.survey_weights) {
      return design_stats(
          domain,
          [&](const Tally& part) {
            return weighted_mean_of(part.profiles(plan, m), part.weighted_profiles(plan, m), weights, shifts,
                                    plan.score_denominator);
          },
          paired);
    }
    return stats_of(profiles, weights, shifts, plan.score_denominator, paired);
  };
  overall.unweighted = fixed(std::vector<double>(dimensions, 1.0 / static_cast<double>(dimensions)));
  if (plan.weighting == Weighting::kFixed) {
    std::vector<double> weights;
    for (const Plan::DimensionPlan& dimension : plan.dimensions) weights.push_back(dimension.weight);
    overall.weighted = fixed(weights);
  } else if (plan.weighting == Weighting::kImportance) {
    const Moments& moments = tally.importance_weighted(m);
    overall.weighted = plan.survey_weights ? weighted_stats_of(moments, paired) : stats_of(moments, paired);
  }
  return overall;
}

// Key drivers: each dimension's perception score against the outcome,
// placed by its mean perception (already in `dimensions`).
DriversResult drivers_result(const Questionnaire& questionnaire, const Plan& plan, const Tally& tally,
                             const std::vector<DimensionResult>& dimensions) {
  std::vector<std::string> ids;
  std::vector<Figure> performance;
  for (const DimensionResult& dimension : dimensions) {
    ids.push_back(dimension.id);
    Figure mean;
    for (const DimensionMeasureResult& measure : dimension.measures) {
      if (measure.measure == Measure::kPerception) mean = measure.stats.mean;
    }
    performance.push_back(mean);
  }
  const std::string& outcome = questionnaire.metrics[static_cast<std::size_t>(questionnaire.driver_outcome)].id;
  const ProfileSums block = tally.drivers(plan);
  return plan.survey_weights ? drivers_of(outcome, block.n(), tally.weighted_drivers(plan), ids, performance)
                             : drivers_of(outcome, block, ids, performance);
}

// The survey-weighted sums of an indicator of feature f's 25 answer pairs.
WeightedMean kano_pair_sums(const Plan& plan, const Tally& tally, std::size_t f, const std::vector<double>& indicator) {
  const std::size_t offset = plan.kano[f].counts;
  std::vector<std::int64_t> counts(indicator.size());
  WeightedHistogram weighted;
  for (std::size_t i = 0; i < indicator.size(); ++i) {
    counts[i] = tally.counter(offset + i);
    weighted.weights.push_back(tally.weighted_counter(offset + i));
    weighted.squares.push_back(tally.weighted_counter_squares(offset + i));
    weighted.zero_weight.push_back(tally.zero_weight_counter(offset + i));
  }
  return weighted_mean_of(Histogram(0, std::move(counts), 0, 0), weighted, indicator);
}

KanoResult kano_result(const Questionnaire& questionnaire, const Plan& plan, const Domain& domain, std::size_t f) {
  const Tally& tally = *domain.tally;
  std::array<std::int64_t, 25> pairs{};
  for (std::size_t i = 0; i < pairs.size(); ++i) pairs[i] = tally.counter(plan.kano[f].counts + i);
  if (!plan.survey_weights) return kano_of(questionnaire.kano[f].id, pairs);
  std::array<double, 25> weighted{};
  double squares = 0;
  for (std::size_t i = 0; i < weighted.size(); ++i) {
    weighted[i] = tally.weighted_counter(plan.kano[f].counts + i);
    squares += tally.weighted_counter_squares(plan.kano[f].counts + i);
  }
  KanoResult kano = kano_of(questionnaire.kano[f].id, pairs, weighted, squares);
  // Each category's share as the mean of its indicator, as svymean has it.
  kano.weighted = true;
  for (std::size_t c = 0; c < kKanoCategoryCount; ++c) {
    const std::vector<double> indicator = kano_indicator(static_cast<KanoCategory>(c));
    const Stats share = design_stats(
        domain, [&](const Tally& part) { return kano_pair_sums(plan, part, f, indicator); }, false);
    if (share.se) kano.ses[c] = 100 * *share.se;
  }
  return kano;
}

}  // namespace

SegmentResult segment_result(const Questionnaire& questionnaire, const Plan& plan, const Domain& domain) {
  const Tally& tally = *domain.tally;
  SegmentResult result;
  result.rows = tally.rows();
  if (plan.survey_weights) {
    const double weight = tally.weight_sum();
    result.weight = WeightSummary{weight, weight > 0 ? weight * weight / tally.weight_squares() : 0.0};
  }
  for (std::size_t i = 0; i < plan.items.size(); ++i)
    result.items.push_back(item_result(questionnaire, plan, domain, i));
  for (std::size_t d = 0; d < plan.dimensions.size(); ++d) {
    result.dimensions.push_back(dimension_result(questionnaire, plan, domain, d));
  }
  for (std::size_t m = 0; m < plan.overall.size(); ++m) result.overall.push_back(overall_result(plan, domain, m));
  for (std::size_t i = 0; i < questionnaire.metrics.size(); ++i) {
    result.metrics.push_back(metric_result(questionnaire.metrics[i], plan, domain, plan.metric_counts[i]));
  }
  if (plan.drivers) result.drivers = drivers_result(questionnaire, plan, tally, result.dimensions);
  for (std::size_t f = 0; f < plan.kano.size(); ++f) result.kano.push_back(kano_result(questionnaire, plan, domain, f));
  return result;
}

}  // namespace gapscore
