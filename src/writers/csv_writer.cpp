#include "gapscore/writers/csv_writer.h"

#include <map>

#include "gapscore/base/text.h"

namespace gapscore {

std::string csv_field(const std::string& text, char delimiter) {
  const char specials[] = {delimiter, '"', '\r', '\n', '\0'};
  if (text.find_first_of(specials) == std::string::npos) return text;
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

namespace {

// Writes the tidy rows of one segment; the first four columns are fixed
// per block, so each row call names only the statistic and its value.
class CsvRows {
 public:
  explicit CsvRows(std::string& out) : out_(out) {}

  void begin(const std::string& segment, const char* level, const std::string& id, const std::string& measure) {
    prefix_ = csv_field(segment) + ',' + level + ',' + csv_field(id) + ',' + csv_field(measure) + ',';
  }
  void row(const std::string& stat, const std::string& value) { out_ += prefix_ + stat + ',' + value + '\n'; }
  void count(const std::string& stat, std::int64_t value) { row(stat, std::to_string(value)); }
  void number(const std::string& stat, const Figure& value) { row(stat, value ? format_number(*value) : ""); }
  void interval(const std::string& stem, const std::optional<Interval>& value) {
    number(stem + "_low", value ? Figure(value->low) : std::nullopt);
    number(stem + "_high", value ? Figure(value->high) : std::nullopt);
  }
  void stats(const Stats& stats) {
    count("n", stats.n);
    if (stats.n_eff) number("n_eff", stats.n_eff);
    number("mean", stats.mean);
    number("sd", stats.sd);
    number("se", stats.se);
    if (stats.df) {
      number("deff", stats.deff);
      number("df", stats.df);
    }
    interval("ci95", stats.ci95);
    if (stats.paired_test) {
      number("t", stats.t);
      number("p", stats.p);
      number("d", stats.d);
    }
    comparisons(stats.vs_rest, stats.vs_baseline);
  }
  void comparison(const std::string& stem, const Comparison& comparison) {
    number(stem + "_difference", comparison.difference);
    if (comparison.test == "z") number(stem + "_se", comparison.se);
    number(stem + (comparison.is_t() ? "_t" : "_z"), comparison.statistic);
    if (comparison.is_t()) number(stem + "_df", comparison.df);
    number(stem + "_p", comparison.p);
    if (stem == "vs_rest") number(stem + "_p_holm", comparison.p_adjusted);
    const bool higher = comparison.flag == "above" || comparison.flag == "up";
    row(stem + "_flag", comparison.flag.empty() ? "0" : higher ? "1" : "-1");
  }
  void comparisons(const std::optional<Comparison>& vs_rest, const std::optional<Comparison>& vs_baseline) {
    if (vs_rest) comparison("vs_rest", *vs_rest);
    if (vs_baseline) comparison("vs_baseline", *vs_baseline);
  }
  void distribution(const Distribution& distribution) {
    number("median", distribution.median);
    number("q1", distribution.q1);
    number("q3", distribution.q3);
    for (std::size_t i = 0; i < distribution.freq.size(); ++i) {
      count("freq_" + std::to_string(distribution.low + static_cast<int>(i)), distribution.freq[i]);
    }
    for (std::size_t i = 0; i < distribution.freq_weighted.size(); ++i) {
      number("freq_weighted_" + std::to_string(distribution.low + static_cast<int>(i)), distribution.freq_weighted[i]);
    }
    count("missing", distribution.missing);
    count("invalid", distribution.invalid);
  }
  void column(const ColumnFigures& column) {
    stats(column.stats);
    distribution(column.distribution);
  }
  void proportion(const Proportion& proportion, const char* count_name) {
    count("n", proportion.n);
    if (proportion.n_eff) number("n_eff", proportion.n_eff);
    count(count_name, proportion.count);
    number("score", proportion.score);
    if (proportion.df) {
      number("se", proportion.se);
      number("deff", proportion.deff);
      number("df", proportion.df);
    }
    interval("ci95", proportion.ci95);
    comparisons(proportion.vs_rest, proportion.vs_baseline);
  }

 private:
  std::string& out_;
  std::string prefix_;
};

// The whole data set is "all" in the CSV, so that every row has a segment.
std::string csv_segment(const SegmentResult& result) {
  return result.segment.empty() ? "all" : segment_label(result.segment);
}

void servqual_rows(CsvRows& rows, const std::string& segment, const SegmentResult& result) {
  // Per-item reliability sits on the item's rows, under its measure.
  std::map<std::string, std::vector<std::pair<Measure, const ItemReliability*>>> item_reliability;
  for (const DimensionResult& dimension : result.dimensions) {
    for (const DimensionMeasureResult& measure : dimension.measures) {
      for (const ItemReliability& item : measure.reliability.items) {
        item_reliability[item.id].emplace_back(measure.measure, &item);
      }
    }
  }
  for (const ItemResult& item : result.items) {
    for_each_block(
        item,
        [&](const char* measure, const ColumnFigures& figures) {
          rows.begin(segment, "item", item.id, measure);
          rows.column(figures);
        },
        [&](const char* measure, const Stats& stats) {
          rows.begin(segment, "item", item.id, measure);
          rows.stats(stats);
        });
    if (item.zone) {
      const ZoneResult& zone = *item.zone;
      rows.begin(segment, "item", item.id, "zone");
      rows.count("n", zone.n);
      rows.count("below", zone.below);
      rows.count("within", zone.within);
      rows.count("above", zone.above);
      rows.count("inconsistent", zone.inconsistent);
      rows.number("below_pct", zone.below_pct);
      rows.number("within_pct", zone.within_pct);
      rows.number("above_pct", zone.above_pct);
    }
    for (const auto& [measure, reliability] : item_reliability[item.id]) {
      rows.begin(segment, "item", item.id, measure_name(measure));
      rows.number("alpha_if_deleted", reliability->alpha_if_deleted);
      rows.number("item_rest_r", reliability->item_rest_r);
    }
  }
  for (const DimensionResult& dimension : result.dimensions) {
    for (const DimensionMeasureResult& measure : dimension.measures) {
      rows.begin(segment, "dimension", dimension.id, measure_name(measure.measure));
      rows.stats(measure.stats);
      const Reliability& reliability = measure.reliability;
      rows.number("alpha", reliability.alpha);
      rows.count("alpha_n", reliability.n);
      rows.interval("alpha_ci95", reliability.ci95);
      rows.number("alpha_standardized", reliability.standardized);
    }
    if (dimension.importance) {
      rows.begin(segment, "dimension", dimension.id, "importance");
      rows.column(*dimension.importance);
    }
  }
  for (const OverallResult* overall : in_report_order(result.overall)) {
    const std::string name = measure_name(overall->measure);
    rows.begin(segment, "overall", "servqual", name);
    rows.stats(overall->unweighted);
    if (overall->weighted) {
      rows.begin(segment, "overall", "servqual", name + "_weighted");
      rows.stats(*overall->weighted);
    }
  }
}

void metric_rows(CsvRows& rows, const std::string& segment, const MetricResult& metric) {
  switch (metric.type) {
    case MetricType::kNps: {
      const NpsResult& nps = metric.nps;
      rows.begin(segment, "metric", metric.id, "nps");
      rows.count("n", nps.n);
      if (nps.n_eff) rows.number("n_eff", nps.n_eff);
      rows.count("promoters", nps.promoters);
      rows.count("passives", nps.passives);
      rows.count("detractors", nps.detractors);
      rows.number("promoters_pct", nps.promoters_pct);
      rows.number("passives_pct", nps.passives_pct);
      rows.number("detractors_pct", nps.detractors_pct);
      rows.number("score", nps.score);
      rows.number("se", nps.se);
      if (nps.df) {
        rows.number("deff", nps.deff);
        rows.number("df", nps.df);
        rows.number("promoters_se", nps.promoters_se);
        rows.number("passives_se", nps.passives_se);
        rows.number("detractors_se", nps.detractors_se);
      }
      rows.interval("ci95", nps.ci95);
      rows.comparisons(nps.vs_rest, nps.vs_baseline);
      rows.distribution(nps.distribution);
      break;
    }
    case MetricType::kCsat:
      rows.begin(segment, "metric", metric.id, "csat");
      rows.proportion(metric.satisfied, "satisfied");
      rows.begin(segment, "metric", metric.id, "rating");
      rows.column(metric.answers);
      break;
    case MetricType::kCes:
      rows.begin(segment, "metric", metric.id, "ces");
      rows.column(metric.answers);
      rows.begin(segment, "metric", metric.id, "agree");
      rows.proportion(metric.agree, "count");
      break;
  }
}

void drivers_rows(CsvRows& rows, const std::string& segment, const DriversResult& drivers) {
  rows.begin(segment, "drivers", drivers.outcome, "summary");
  rows.count("n", drivers.n);
  rows.number("r2", drivers.r2);
  for (const DriverResult& dimension : drivers.dimensions) {
    rows.begin(segment, "drivers", dimension.id, "perception");
    rows.number("r", dimension.r);
    rows.number("beta", dimension.beta);
    rows.number("performance", dimension.performance);
    if (!dimension.quadrant.empty()) rows.count("quadrant_" + dimension.quadrant, 1);
  }
}

void kano_rows(CsvRows& rows, const std::string& segment, const KanoResult& kano) {
  for (std::size_t c = 0; c < kKanoCategoryCount; ++c) {
    rows.begin(segment, "kano", kano.id, kano_category_name(static_cast<KanoCategory>(c)));
    rows.count("count", kano.counts[c]);
    rows.number("pct", kano.pcts[c]);
    if (kano.weighted) rows.number("se", kano.ses[c]);
  }
  rows.begin(segment, "kano", kano.id, "summary");
  rows.count("n", kano.n);
  if (kano.dominant) rows.count(std::string("dominant_") + kano_category_name(*kano.dominant), 1);
  rows.number("fong_difference", kano.fong_difference);
  rows.number("fong_critical", kano.fong_critical);
  rows.number("fong_significant", kano.fong_significant ? Figure(*kano.fong_significant ? 1 : 0) : std::nullopt);
  rows.number("better", kano.better);
  rows.number("worse", kano.worse);
}

}  // namespace

std::string to_csv(const Report& report) {
  std::string out = "segment,level,id,measure,stat,value\n";
  CsvRows rows(out);
  const InputSummary& input = report.input;
  rows.begin("all", "input", "", "");
  rows.count("rows_read", input.rows_read);
  rows.count("rows_used", input.rows_used);
  rows.count("rows_rejected", input.rows_rejected);
  for (const auto& [reason, count] : input.rejected) {
    rows.begin("all", "input", "", reason);
    rows.count("rows_rejected", count);
  }
  for (const InvalidCellCount& cell : input.invalid_cells) {
    rows.begin("all", "input", cell.column, cell.reason);
    rows.count("invalid_cells", cell.count);
  }
  if (const std::optional<RakingSummary>& raking = report.raking) {
    rows.begin("all", "raking", "", "");
    rows.count("iterations", raking->iterations);
    rows.count("converged", raking->converged ? 1 : 0);
    rows.number("smallest_factor", raking->smallest_factor);
    rows.number("largest_factor", raking->largest_factor);
    rows.count("capped_cells", raking->capped_cells);
    rows.number("largest_margin_miss", raking->largest_margin_miss);
    rows.count("margins_met", raking->margins_met() ? 1 : 0);
    rows.number("weighting_efficiency", raking->efficiency);
  }
  for (const SegmentResult& result : report.results) {
    const std::string segment = csv_segment(result);
    rows.begin(segment, "segment", "", "");
    rows.count("rows", result.rows);
    rows.count("suppressed", result.suppressed ? 1 : 0);
    if (result.suppressed) continue;
    if (result.weight) {
      rows.number("weight_sum", result.weight->sum);
      rows.number("n_eff", result.weight->n_eff);
    }
    if (report.has_servqual) servqual_rows(rows, segment, result);
    for (const MetricResult& metric : result.metrics) metric_rows(rows, segment, metric);
    if (result.drivers) drivers_rows(rows, segment, *result.drivers);
    for (const KanoResult& kano : result.kano) kano_rows(rows, segment, kano);
  }
  return out;
}

}  // namespace gapscore
