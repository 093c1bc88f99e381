#include "gapscore/report/comparison.h"

#include <map>

#include "gapscore/base/diagnostic.h"
#include "gapscore/base/text.h"
#include "gapscore/metrics/significance.h"

namespace gapscore {

namespace {

const SegmentResult& side_result(const Report& report, const std::string& file, const std::string& segment,
                                 ComparedSide& side) {
  const SegmentResult* result = find_result(report, segment);
  if (result == nullptr) {
    std::string known;
    for (const SegmentResult& candidate : report.results) {
      const std::string label = segment_label(candidate.segment);
      known += (known.empty() ? "" : ", ") + (label.empty() ? std::string("(the whole data set)") : label);
    }
    throw Error(ErrorKind::kUsage, file, "no segment " + quote(segment) + " in this report; it has " + known);
  }
  if (result->suppressed) {
    throw Error(ErrorKind::kInvalid, file,
                "segment " + quote(segment) + " is suppressed (fewer rows than the report's --min-n)");
  }
  side.file = file;
  side.title = report.title;
  side.segment = result->segment;
  side.rows = result->rows;
  return *result;
}

ComparedValues means_of(const Stats& stats) {
  ComparedValues values;
  values.n = stats.n;
  values.n_eff = stats.n_eff;
  values.mean = stats.mean;
  values.sd = stats.sd;
  return values;
}

ComparedValues shares_of(const Proportion& proportion) {
  ComparedValues values;
  values.n = proportion.n;
  values.n_eff = proportion.n_eff;
  values.count = proportion.count;
  values.score = proportion.score;
  return values;
}

ComparedValues nps_values_of(const NpsResult& nps) {
  ComparedValues values;
  values.n = nps.n;
  values.n_eff = nps.n_eff;
  values.score = nps.score;
  values.se = nps.se;
  return values;
}

// Adds the figures two results share, in A's order and, within an entry,
// in the report's order of measures.
class Comparer {
 public:
  explicit Comparer(ReportComparison& out) : out_(out) {}

  void items(const SegmentResult& a, const SegmentResult& b) {
    for (const ItemResult& item : a.items) {
      const ItemResult* other = find_id(b.items, item.id);
      if (other == nullptr) continue;
      const auto column = [&](const char* measure, const std::optional<ColumnFigures>& x,
                              const std::optional<ColumnFigures>& y) {
        if (x && y) means("item", item.id, item.dimension, measure, x->stats, y->stats);
      };
      column("expectation", item.expectation, other->expectation);
      column("perception", item.perception, other->perception);
      column("adequate", item.adequate, other->adequate);
      column("desired", item.desired, other->desired);
      const auto difference = [&](const char* measure, const std::optional<Stats>& x, const std::optional<Stats>& y) {
        if (x && y) means("item", item.id, item.dimension, measure, *x, *y);
      };
      difference("gap", item.gap, other->gap);
      difference("msa", item.msa, other->msa);
      difference("mss", item.mss, other->mss);
    }
  }

  void dimensions(const SegmentResult& a, const SegmentResult& b) {
    for (const DimensionResult& dimension : a.dimensions) {
      const DimensionResult* other = find_id(b.dimensions, dimension.id);
      if (other == nullptr) continue;
      for (const Measure measure : kMeasureOrder) {
        const Stats* x = measure_stats(dimension, measure);
        const Stats* y = measure_stats(*other, measure);
        if (x != nullptr && y != nullptr) means("dimension", dimension.id, "", measure_name(measure), *x, *y);
      }
      if (dimension.importance && other->importance) {
        means("dimension", dimension.id, "", "importance", dimension.importance->stats, other->importance->stats);
      }
    }
  }

  void overall(const SegmentResult& a, const SegmentResult& b) {
    for (const Measure measure : kMeasureOrder) {
      const OverallResult* x = find_measure(a.overall, measure);
      const OverallResult* y = find_measure(b.overall, measure);
      if (x == nullptr || y == nullptr) continue;
      const std::string name = measure_name(measure);
      means("overall", "servqual", "", name, x->unweighted, y->unweighted);
      if (x->weighted && y->weighted) means("overall", "servqual", "", name + "_weighted", *x->weighted, *y->weighted);
    }
  }

  void metrics(const SegmentResult& a, const SegmentResult& b) {
    for (const MetricResult& metric : a.metrics) {
      const MetricResult* other = find_id(b.metrics, metric.id);
      if (other == nullptr) continue;
      if (other->type != metric.type) {
        out_.only_in_a.push_back("metric " + metric.id + " (a " + type_name(metric.type) + " here)");
        out_.only_in_b.push_back("metric " + metric.id + " (a " + type_name(other->type) + " here)");
        continue;
      }
      const std::string type = type_name(metric.type);
      switch (metric.type) {
        case MetricType::kNps:
          add({"metric", metric.id, "", type, "score", ComparedKind::kNps, nps_values_of(metric.nps),
               nps_values_of(other->nps), nps_difference(metric.nps, other->nps)});
          break;
        case MetricType::kCsat:
          proportions(metric.id, type, "score", metric.satisfied, other->satisfied);
          means("metric", metric.id, "", "rating", metric.answers.stats, other->answers.stats, type);
          break;
        case MetricType::kCes:
          means("metric", metric.id, "", "stats", metric.answers.stats, other->answers.stats, type);
          proportions(metric.id, type, "agree", metric.agree, other->agree);
          break;
      }
    }
  }

 private:
  static constexpr Measure kMeasureOrder[] = {Measure::kExpectation, Measure::kPerception, Measure::kGap, Measure::kMsa,
                                              Measure::kMss};

  template <class Entry>
  static const Entry* find_id(const std::vector<Entry>& entries, const std::string& id) {
    for (const Entry& entry : entries) {
      if (entry.id == id) return &entry;
    }
    return nullptr;
  }

  static const Stats* measure_stats(const DimensionResult& dimension, Measure measure) {
    for (const DimensionMeasureResult& result : dimension.measures) {
      if (result.measure == measure) return &result.stats;
    }
    return nullptr;
  }

  static const OverallResult* find_measure(const std::vector<OverallResult>& overall, Measure measure) {
    for (const OverallResult& result : overall) {
      if (result.measure == measure) return &result;
    }
    return nullptr;
  }

  static std::string type_name(MetricType type) {
    return type == MetricType::kNps ? "nps" : type == MetricType::kCsat ? "csat" : "ces";
  }

  void means(const std::string& level, const std::string& id, const std::string& dimension, const std::string& measure,
             const Stats& a, const Stats& b, const std::string& type = "") {
    add({level, id, dimension, type, measure, ComparedKind::kMeans, means_of(a), means_of(b), welch_test(a, b)});
  }

  void proportions(const std::string& id, const std::string& type, const std::string& measure, const Proportion& a,
                   const Proportion& b) {
    add({"metric", id, "", type, measure, ComparedKind::kProportion, shares_of(a), shares_of(b),
         two_proportion_test(a, b)});
  }

  void add(ComparedFigure figure) { out_.figures.push_back(std::move(figure)); }

  ReportComparison& out_;
};

// Entries (items, dimensions, metrics) in one result and not the other.
template <class Entry>
void unmatched(const std::vector<Entry>& one, const std::vector<Entry>& other, const std::string& noun,
               std::vector<std::string>& only) {
  for (const Entry& entry : one) {
    bool found = false;
    for (const Entry& candidate : other) found = found || candidate.id == entry.id;
    if (!found) only.push_back(noun + " " + entry.id);
  }
}

// Items and dimensions are families per measure (22 item gaps are 22
// tests); an overall score or a metric is a family of one.
void adjust(ReportComparison& out) {
  std::map<std::string, std::vector<Comparison*>> families;
  for (ComparedFigure& figure : out.figures) {
    const bool many = figure.level == "item" || figure.level == "dimension";
    families[figure.level + '\n' + (many ? "" : figure.id) + '\n' + figure.measure].push_back(&figure.comparison);
  }
  for (auto& [key, family] : families) holm_adjust(family);
  for (ComparedFigure& figure : out.figures) {
    const Comparison& comparison = figure.comparison;
    if (comparison.p_adjusted && *comparison.p_adjusted < 0.05 && comparison.difference) {
      figure.comparison.flag = *comparison.difference > 0 ? "above" : "below";
    }
  }
}

}  // namespace

ReportComparison compare_reports(const Report& a, const std::string& a_file, const std::string& a_segment,
                                 const Report& b, const std::string& b_file, const std::string& b_segment) {
  ReportComparison out;
  const SegmentResult& result_a = side_result(a, a_file, a_segment, out.a);
  const SegmentResult& result_b = side_result(b, b_file, b_segment, out.b);
  Comparer comparer(out);
  comparer.items(result_a, result_b);
  comparer.dimensions(result_a, result_b);
  comparer.overall(result_a, result_b);
  unmatched(result_a.items, result_b.items, "item", out.only_in_a);
  unmatched(result_a.dimensions, result_b.dimensions, "dimension", out.only_in_a);
  unmatched(result_b.items, result_a.items, "item", out.only_in_b);
  unmatched(result_b.dimensions, result_a.dimensions, "dimension", out.only_in_b);
  comparer.metrics(result_a, result_b);
  unmatched(result_a.metrics, result_b.metrics, "metric", out.only_in_a);
  unmatched(result_b.metrics, result_a.metrics, "metric", out.only_in_b);
  if (out.figures.empty()) {
    throw Error(ErrorKind::kInvalid, b_file,
                "no figure in common with " + a_file + " (no item, dimension or metric id of one is in the other)");
  }
  adjust(out);
  return out;
}

}  // namespace gapscore
