#include "gapscore/writers/writers.h"

#include <map>
#include <nlohmann/json.hpp>

#include "gapscore/base/text.h"

namespace gapscore {

namespace {

using Json = nlohmann::ordered_json;

Json figure(const Figure& value) { return value ? Json(*value) : Json(nullptr); }

Json interval(const std::optional<Interval>& value) {
  return value ? Json::array({value->low, value->high}) : Json(nullptr);
}

// Comparisons sit beside the figures they compare.
void add_comparisons(Json& out, const std::optional<Comparison>& vs_rest,
                     const std::optional<Comparison>& vs_baseline) {
  if (vs_rest) out["vs_rest"] = comparison_json(*vs_rest, true);
  if (vs_baseline) out["vs_baseline"] = comparison_json(*vs_baseline, false);
}

Json stats_json(const Stats& stats) {
  Json out;
  out["n"] = stats.n;
  if (stats.n_eff) out["n_eff"] = *stats.n_eff;
  out["mean"] = figure(stats.mean);
  out["sd"] = figure(stats.sd);
  out["se"] = figure(stats.se);
  out["ci95"] = interval(stats.ci95);
  if (stats.paired_test) {
    out["t"] = figure(stats.t);
    out["p"] = figure(stats.p);
    out["d"] = figure(stats.d);
  }
  add_comparisons(out, stats.vs_rest, stats.vs_baseline);
  return out;
}

Json distribution_json(const Distribution& distribution) {
  Json out;
  out["median"] = figure(distribution.median);
  out["q1"] = figure(distribution.q1);
  out["q3"] = figure(distribution.q3);
  Json freq = Json::object();
  for (std::size_t i = 0; i < distribution.freq.size(); ++i) {
    freq[std::to_string(distribution.low + static_cast<int>(i))] = distribution.freq[i];
  }
  out["freq"] = std::move(freq);
  if (!distribution.freq_weighted.empty()) {
    Json weighted = Json::object();
    for (std::size_t i = 0; i < distribution.freq_weighted.size(); ++i) {
      weighted[std::to_string(distribution.low + static_cast<int>(i))] = distribution.freq_weighted[i];
    }
    out["freq_weighted"] = std::move(weighted);
  }
  out["missing"] = distribution.missing;
  out["invalid"] = distribution.invalid;
  return out;
}

Json column_json(const ColumnFigures& column) {
  Json out = stats_json(column.stats);
  out["distribution"] = distribution_json(column.distribution);
  return out;
}

Json reliability_json(const Reliability& reliability) {
  Json out;
  out["value"] = figure(reliability.alpha);
  out["n"] = reliability.n;
  out["ci95"] = interval(reliability.ci95);
  out["standardized"] = figure(reliability.standardized);
  Json items = Json::array();
  for (const ItemReliability& item : reliability.items) {
    items.push_back({{"id", item.id},
                     {"alpha_if_deleted", figure(item.alpha_if_deleted)},
                     {"item_rest_r", figure(item.item_rest_r)}});
  }
  out["items"] = std::move(items);
  return out;
}

Json proportion_json(const Proportion& proportion) {
  Json out;
  out["n"] = proportion.n;
  if (proportion.n_eff) out["n_eff"] = *proportion.n_eff;
  out["count"] = proportion.count;
  out["score"] = figure(proportion.score);
  out["ci95"] = interval(proportion.ci95);
  add_comparisons(out, proportion.vs_rest, proportion.vs_baseline);
  return out;
}

// An item's blocks in report order: the columns it reads, then the
// differences between them; blocks the item does not have are skipped.
template <class OnColumn, class OnDifference>
void for_each_block(const ItemResult& item, OnColumn on_column, OnDifference on_difference) {
  const std::pair<const char*, const std::optional<ColumnFigures>*> columns[] = {{"expectation", &item.expectation},
                                                                                 {"perception", &item.perception},
                                                                                 {"adequate", &item.adequate},
                                                                                 {"desired", &item.desired}};
  for (const auto& [name, figures] : columns) {
    if (*figures) on_column(name, **figures);
  }
  const std::pair<const char*, const std::optional<Stats>*> differences[] = {
      {"gap", &item.gap}, {"msa", &item.msa}, {"mss", &item.mss}};
  for (const auto& [name, stats] : differences) {
    if (*stats) on_difference(name, **stats);
  }
}

Json item_json(const ItemResult& item) {
  Json out;
  out["id"] = item.id;
  out["dimension"] = item.dimension;
  for_each_block(
      item, [&out](const char* name, const ColumnFigures& figures) { out[name] = column_json(figures); },
      [&out](const char* name, const Stats& stats) { out[name] = stats_json(stats); });
  if (item.zone) {
    const ZoneResult& zone = *item.zone;
    out["zone"] = {{"n", zone.n},
                   {"below", zone.below},
                   {"within", zone.within},
                   {"above", zone.above},
                   {"inconsistent", zone.inconsistent},
                   {"below_pct", figure(zone.below_pct)},
                   {"within_pct", figure(zone.within_pct)},
                   {"above_pct", figure(zone.above_pct)}};
  }
  return out;
}

Json dimension_json(const DimensionResult& dimension) {
  Json out;
  out["id"] = dimension.id;
  Json alpha;
  for (const DimensionMeasureResult& measure : dimension.measures) {
    out[measure_name(measure.measure)] = stats_json(measure.stats);
    alpha[measure_name(measure.measure)] = reliability_json(measure.reliability);
  }
  out["alpha"] = std::move(alpha);
  if (dimension.importance) out["importance"] = column_json(*dimension.importance);
  return out;
}

// The overall blocks in report order: FORMATS.md lists the gap first,
// then expectation and perception.
std::vector<const OverallResult*> in_report_order(const std::vector<OverallResult>& overall) {
  std::vector<const OverallResult*> ordered;
  for (const Measure measure :
       {Measure::kGap, Measure::kExpectation, Measure::kPerception, Measure::kMsa, Measure::kMss}) {
    for (const OverallResult& result : overall) {
      if (result.measure == measure) ordered.push_back(&result);
    }
  }
  return ordered;
}

Json overall_json(const std::vector<OverallResult>& overall) {
  Json out = Json::object();
  for (const OverallResult* result : in_report_order(overall)) {
    const std::string name = measure_name(result->measure);
    out[name] = stats_json(result->unweighted);
    if (result->weighted) out[name + "_weighted"] = stats_json(*result->weighted);
  }
  return out;
}

Json metric_json(const MetricResult& metric) {
  Json out;
  out["id"] = metric.id;
  switch (metric.type) {
    case MetricType::kNps: {
      const NpsResult& nps = metric.nps;
      out["type"] = "nps";
      out["n"] = nps.n;
      if (nps.n_eff) out["n_eff"] = *nps.n_eff;
      out["promoters"] = nps.promoters;
      out["passives"] = nps.passives;
      out["detractors"] = nps.detractors;
      out["promoters_pct"] = figure(nps.promoters_pct);
      out["passives_pct"] = figure(nps.passives_pct);
      out["detractors_pct"] = figure(nps.detractors_pct);
      out["score"] = figure(nps.score);
      out["se"] = figure(nps.se);
      out["ci95"] = interval(nps.ci95);
      out["distribution"] = distribution_json(nps.distribution);
      add_comparisons(out, nps.vs_rest, nps.vs_baseline);
      break;
    }
    case MetricType::kCsat:
      out["type"] = "csat";
      out["n"] = metric.satisfied.n;
      if (metric.satisfied.n_eff) out["n_eff"] = *metric.satisfied.n_eff;
      out["satisfied"] = metric.satisfied.count;
      out["score"] = figure(metric.satisfied.score);
      out["ci95"] = interval(metric.satisfied.ci95);
      add_comparisons(out, metric.satisfied.vs_rest, metric.satisfied.vs_baseline);
      out["rating"] = column_json(metric.answers);
      break;
    case MetricType::kCes:
      out["type"] = "ces";
      out["stats"] = column_json(metric.answers);
      out["agree"] = proportion_json(metric.agree);
      break;
  }
  return out;
}

Json kano_json(const KanoResult& kano) {
  Json categories = Json::object();
  for (std::size_t c = 0; c < kKanoCategoryCount; ++c) {
    categories[kano_category_name(static_cast<KanoCategory>(c))] = {{"count", kano.counts[c]},
                                                                    {"pct", figure(kano.pcts[c])}};
  }
  return {{"id", kano.id},
          {"n", kano.n},
          {"categories", std::move(categories)},
          {"dominant", kano.dominant ? Json(kano_category_name(*kano.dominant)) : Json(nullptr)},
          {"fong",
           {{"difference", figure(kano.fong_difference)},
            {"critical", figure(kano.fong_critical)},
            {"significant", kano.fong_significant ? Json(*kano.fong_significant) : Json(nullptr)}}},
          {"better", figure(kano.better)},
          {"worse", figure(kano.worse)}};
}

Json result_json(const SegmentResult& result, bool has_servqual) {
  Json out;
  Json segment = Json::object();
  for (const auto& [column, value] : result.segment) segment[column] = value;
  out["segment"] = std::move(segment);
  out["rows"] = result.rows;
  out["suppressed"] = result.suppressed;
  if (result.suppressed) return out;
  if (result.weight) out["weight"] = {{"sum", result.weight->sum}, {"n_eff", result.weight->n_eff}};
  if (has_servqual) {
    Json items = Json::array();
    for (const ItemResult& item : result.items) items.push_back(item_json(item));
    Json dimensions = Json::array();
    for (const DimensionResult& dimension : result.dimensions) dimensions.push_back(dimension_json(dimension));
    out["servqual"] = {
        {"items", std::move(items)}, {"dimensions", std::move(dimensions)}, {"overall", overall_json(result.overall)}};
  }
  Json metrics = Json::array();
  for (const MetricResult& metric : result.metrics) metrics.push_back(metric_json(metric));
  out["metrics"] = std::move(metrics);
  if (result.drivers) {
    const DriversResult& drivers = *result.drivers;
    Json dimensions = Json::array();
    for (const DriverResult& dimension : drivers.dimensions) {
      dimensions.push_back({{"id", dimension.id},
                            {"r", figure(dimension.r)},
                            {"beta", figure(dimension.beta)},
                            {"performance", figure(dimension.performance)},
                            {"quadrant", dimension.quadrant.empty() ? Json(nullptr) : Json(dimension.quadrant)}});
    }
    out["drivers"] = {{"outcome", drivers.outcome},
                      {"n", drivers.n},
                      {"r2", figure(drivers.r2)},
                      {"dimensions", std::move(dimensions)}};
  }
  if (!result.kano.empty()) {
    Json kano = Json::array();
    for (const KanoResult& feature : result.kano) kano.push_back(kano_json(feature));
    out["kano"] = std::move(kano);
  }
  return out;
}

}  // namespace

std::string to_json(const Report& report) {
  Json out;
  out["gapscore_report"] = 1;
  out["tool"] = {{"name", "gapscore"}, {"version", report.tool_version}};
  out["questionnaire"] = {{"title", report.title}};
  Json input;
  input["files"] = report.input.files;
  input["rows_read"] = report.input.rows_read;
  input["rows_used"] = report.input.rows_used;
  input["rows_rejected"] = report.input.rows_rejected;
  Json rejected = Json::array();
  for (const auto& [reason, count] : report.input.rejected) rejected.push_back({{"reason", reason}, {"count", count}});
  input["rejected"] = std::move(rejected);
  Json invalid = Json::array();
  for (const InvalidCellCount& cell : report.input.invalid_cells) {
    invalid.push_back({{"column", cell.column}, {"reason", cell.reason}, {"count", cell.count}});
  }
  input["invalid_cells"] = std::move(invalid);
  out["input"] = std::move(input);
  Json results = Json::array();
  for (const SegmentResult& result : report.results) results.push_back(result_json(result, report.has_servqual));
  out["results"] = std::move(results);
  return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

nlohmann::ordered_json comparison_json(const Comparison& comparison, bool adjusted) {
  Json out;
  out["test"] = comparison.test;
  out["difference"] = figure(comparison.difference);
  if (comparison.test == "welch") {
    out["t"] = figure(comparison.statistic);
    out["df"] = figure(comparison.df);
  } else {
    out["z"] = figure(comparison.statistic);
  }
  // z tests are of differences of independent estimates, whose standard
  // error is worth showing; Welch and two-proportion tests pool their own.
  if (comparison.test == "z") out["se"] = figure(comparison.se);
  out["p"] = figure(comparison.p);
  if (adjusted) out["p_holm"] = figure(comparison.p_adjusted);
  out["flag"] = comparison.flag.empty() ? Json(nullptr) : Json(comparison.flag);
  return out;
}

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
    number(stem + (comparison.test == "welch" ? "_t" : "_z"), comparison.statistic);
    if (comparison.test == "welch") number(stem + "_df", comparison.df);
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
    interval("ci95", proportion.ci95);
    comparisons(proportion.vs_rest, proportion.vs_baseline);
  }

 private:
  std::string& out_;
  std::string prefix_;
};

std::string segment_label(const SegmentResult& result) {
  if (result.segment.empty()) return "all";
  std::string label;
  for (const auto& [column, value] : result.segment) {
    if (!label.empty()) label += ';';
    label += column + '=' + value;
  }
  return label;
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
  for (const SegmentResult& result : report.results) {
    const std::string segment = segment_label(result);
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
