#include "gapscore/report/segment_tests.h"

#include "gapscore/metrics/significance.h"

namespace gapscore {

namespace {

void record(Comparison comparison, std::optional<Comparison>& slot, const std::string& key,
            ComparisonFamilies& families) {
  slot = std::move(comparison);
  families[key].push_back(&*slot);
}

// The comparisons of one segment with the rest, and the design both are
// domains of.
struct Comparer {
  const SampleDesign& design;
  ComparisonFamilies& families;

  // Survey-weighted figures are two domains of the design: with no
  // standard error (a design with no degrees of freedom) there is no test.
  void stats(Stats* segment, const Stats* rest, const std::string& key) const {
    if (segment == nullptr || rest == nullptr) return;
    Comparison comparison =
        segment->n_eff && rest->n_eff ? domain_test(*segment, *rest, design) : welch_test(*segment, *rest);
    record(std::move(comparison), segment->vs_rest, key, families);
  }

  // An NPS or a share: as two domains under survey weights, else by `otherwise`.
  template <typename Figures, typename Test>
  void metric(Figures& segment, const Figures& rest, const std::string& key, const Test& otherwise) const {
    Comparison comparison;
    if (!segment.n_eff || !rest.n_eff) {
      comparison = otherwise(segment, rest);
    } else if (segment.influence && rest.influence && segment.df) {
      comparison =
          domain_test(segment.score, rest.score, *segment.influence, *rest.influence, *segment.df, design, 100);
    } else {
      comparison.test = "design_t";
      if (segment.score && rest.score) comparison.difference = *segment.score - *rest.score;
    }
    record(std::move(comparison), segment.vs_rest, key, families);
  }
};

Stats* stats_in(std::optional<ColumnFigures>& figures) { return figures ? &figures->stats : nullptr; }
const Stats* stats_in(const std::optional<ColumnFigures>& figures) { return figures ? &figures->stats : nullptr; }
Stats* stats_in(std::optional<Stats>& stats) { return stats ? &*stats : nullptr; }
const Stats* stats_in(const std::optional<Stats>& stats) { return stats ? &*stats : nullptr; }

}  // namespace

void compare_with_rest(SegmentResult& segment, const SegmentResult& rest, bool importance_weighted,
                       const SampleDesign& design, ComparisonFamilies& families) {
  const Comparer compare{design, families};
  for (std::size_t i = 0; i < segment.items.size(); ++i) {
    ItemResult& item = segment.items[i];
    const ItemResult& other = rest.items[i];
    const std::string key = "item/" + item.id + "/";
    compare.stats(stats_in(item.expectation), stats_in(other.expectation), key + "expectation");
    compare.stats(stats_in(item.perception), stats_in(other.perception), key + "perception");
    compare.stats(stats_in(item.adequate), stats_in(other.adequate), key + "adequate");
    compare.stats(stats_in(item.desired), stats_in(other.desired), key + "desired");
    compare.stats(stats_in(item.gap), stats_in(other.gap), key + "gap");
    compare.stats(stats_in(item.msa), stats_in(other.msa), key + "msa");
    compare.stats(stats_in(item.mss), stats_in(other.mss), key + "mss");
  }
  for (std::size_t d = 0; d < segment.dimensions.size(); ++d) {
    DimensionResult& dimension = segment.dimensions[d];
    const DimensionResult& other = rest.dimensions[d];
    const std::string key = "dimension/" + dimension.id + "/";
    for (std::size_t m = 0; m < dimension.measures.size(); ++m) {
      compare.stats(&dimension.measures[m].stats, &other.measures[m].stats,
                    key + measure_name(dimension.measures[m].measure));
    }
    compare.stats(stats_in(dimension.importance), stats_in(other.importance), key + "importance");
  }
  for (std::size_t m = 0; m < segment.overall.size(); ++m) {
    OverallResult& overall = segment.overall[m];
    const std::string key = std::string("overall/") + measure_name(overall.measure);
    compare.stats(&overall.unweighted, &rest.overall[m].unweighted, key);
    if (!importance_weighted) {
      compare.stats(stats_in(overall.weighted), stats_in(rest.overall[m].weighted), key + "_weighted");
    }
  }
  for (std::size_t i = 0; i < segment.metrics.size(); ++i) {
    MetricResult& metric = segment.metrics[i];
    const MetricResult& other = rest.metrics[i];
    const std::string key = "metric/" + metric.id + "/";
    switch (metric.type) {
      case MetricType::kNps:
        compare.metric(metric.nps, other.nps, key + "nps", nps_difference);
        break;
      case MetricType::kCsat:
        compare.metric(metric.satisfied, other.satisfied, key + "csat", two_proportion_test);
        compare.stats(&metric.answers.stats, &other.answers.stats, key + "rating");
        break;
      case MetricType::kCes:
        compare.stats(&metric.answers.stats, &other.answers.stats, key + "ces");
        compare.metric(metric.agree, other.agree, key + "agree", two_proportion_test);
        break;
    }
  }
}

void adjust_and_flag(ComparisonFamilies& families) {
  for (auto& [key, family] : families) {
    holm_adjust(family);
    for (Comparison* comparison : family) {
      if (comparison->p_adjusted && *comparison->p_adjusted < 0.05 && comparison->difference) {
        comparison->flag = *comparison->difference > 0 ? "above" : "below";
      }
    }
  }
}

}  // namespace gapscore
