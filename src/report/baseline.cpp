#include "gapscore/report/baseline.h"

#include <cmath>

#include "gapscore/metrics/significance.h"

namespace gapscore {

namespace {

// A difference of independent estimates, each with its standard error.
Comparison difference(const Figure& now, const Figure& now_se, const Figure& then, const Figure& then_se) {
  Comparison comparison;
  comparison.test = "z";
  if (!now || !then) return comparison;
  comparison.difference = *now - *then;
  if (!now_se || !then_se) return comparison;
  const double se = std::sqrt(*now_se * *now_se + *then_se * *then_se);
  comparison.se = se;
  if (se <= 0) return comparison;
  comparison.statistic = *comparison.difference / se;
  comparison.p = normal_two_sided_p(*comparison.statistic);
  if (*comparison.p < 0.05) comparison.flag = *comparison.difference > 0 ? "up" : "down";
  return comparison;
}

void against(Stats& stats, const Stats& then) {
  stats.vs_baseline = difference(stats.mean, stats.se, then.mean, then.se);
}

void against(Stats& stats, const std::optional<Stats>& then) {
  if (then) against(stats, *then);
}

void against(Stats& stats, const std::optional<ColumnFigures>& then) {
  if (then) against(stats, then->stats);
}

// The binomial standard error of a percentage: 100 sqrt(p (1 - p) / n),
// with Kish's n_eff for n under survey weights.
Figure percent_se(const Figure& score, double n) {
  if (!score || n <= 0) return std::nullopt;
  const double p = *score / 100;
  return 100 * std::sqrt(p * (1 - p) / n);
}

// A weighted share's own linearised se where it has one.
Figure share_se(const Proportion& proportion) {
  if (proportion.se) return proportion.se;
  return percent_se(proportion.score, proportion.n_eff.value_or(static_cast<double>(proportion.n)));
}

void against(Proportion& proportion, const Proportion& then) {
  proportion.vs_baseline = difference(proportion.score, share_se(proportion), then.score, share_se(then));
}

template <class Entry>
const Entry* find_id(const std::vector<Entry>& entries, const std::string& id) {
  for (const Entry& entry : entries) {
    if (entry.id == id) return &entry;
  }
  return nullptr;
}

void compare_item(ItemResult& item, const ItemResult& then) {
  if (item.expectation) against(item.expectation->stats, then.expectation);
  if (item.perception) against(item.perception->stats, then.perception);
  if (item.adequate) against(item.adequate->stats, then.adequate);
  if (item.desired) against(item.desired->stats, then.desired);
  if (item.gap) against(*item.gap, then.gap);
  if (item.msa) against(*item.msa, then.msa);
  if (item.mss) against(*item.mss, then.mss);
}

void compare_dimension(DimensionResult& dimension, const DimensionResult& then) {
  for (DimensionMeasureResult& measure : dimension.measures) {
    for (const DimensionMeasureResult& old : then.measures) {
      if (old.measure == measure.measure) against(measure.stats, old.stats);
    }
  }
  if (dimension.importance) against(dimension.importance->stats, then.importance);
}

void compare_overall(std::vector<OverallResult>& overall, const std::vector<OverallResult>& then) {
  for (OverallResult& measure : overall) {
    for (const OverallResult& old : then) {
      if (old.measure != measure.measure) continue;
      against(measure.unweighted, old.unweighted);
      if (measure.weighted) against(*measure.weighted, old.weighted);
    }
  }
}

void compare_metric(MetricResult& metric, const MetricResult& then) {
  switch (metric.type) {
    case MetricType::kNps:
      metric.nps.vs_baseline = difference(metric.nps.score, metric.nps.se, then.nps.score, then.nps.se);
      break;
    case MetricType::kCsat:
      against(metric.satisfied, then.satisfied);
      against(metric.answers.stats, then.answers.stats);
      break;
    case MetricType::kCes:
      against(metric.answers.stats, then.answers.stats);
      against(metric.agree, then.agree);
      break;
  }
}

void compare_result(SegmentResult& result, const SegmentResult& then) {
  for (ItemResult& item : result.items) {
    if (const ItemResult* old = find_id(then.items, item.id)) compare_item(item, *old);
  }
  for (DimensionResult& dimension : result.dimensions) {
    if (const DimensionResult* old = find_id(then.dimensions, dimension.id)) compare_dimension(dimension, *old);
  }
  compare_overall(result.overall, then.overall);
  for (MetricResult& metric : result.metrics) {
    const MetricResult* old = find_id(then.metrics, metric.id);
    if (old != nullptr && old->type == metric.type) compare_metric(metric, *old);
  }
}

}  // namespace

void compare_with_baseline(Report& report, const Report& baseline) {
  for (SegmentResult& result : report.results) {
    if (result.suppressed) continue;
    const SegmentResult* then = find_result(baseline, segment_label(result.segment));
    if (then != nullptr && !then->suppressed) compare_result(result, *then);
  }
}

}  // namespace gapscore
