#include "gapscore/writers/json_writer.h"

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
  if (stats.df) {
    out["deff"] = figure(stats.deff);
    out["df"] = *stats.df;
  }
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

// A weighted share's linearised se, design effect and the design's df.
void add_design(Json& out, const Figure& se, const Figure& deff, const Figure& df) {
  if (!df) return;
  out["se"] = figure(se);
  out["deff"] = figure(deff);
  out["df"] = *df;
}

Json proportion_json(const Proportion& proportion) {
  Json out;
  out["n"] = proportion.n;
  if (proportion.n_eff) out["n_eff"] = *proportion.n_eff;
  out["count"] = proportion.count;
  out["score"] = figure(proportion.score);
  add_design(out, proportion.se, proportion.deff, proportion.df);
  out["ci95"] = interval(proportion.ci95);
  add_comparisons(out, proportion.vs_rest, proportion.vs_baseline);
  return out;
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
      if (nps.df) {
        out["deff"] = figure(nps.deff);
        out["df"] = *nps.df;
        out["promoters_se"] = figure(nps.promoters_se);
        out["passives_se"] = figure(nps.passives_se);
        out["detractors_se"] = figure(nps.detractors_se);
      }
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
      add_design(out, metric.satisfied.se, metric.satisfied.deff, metric.satisfied.df);
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
    Json& category = categories[kano_category_name(static_cast<KanoCategory>(c))];
    category = {{"count", kano.counts[c]}, {"pct", figure(kano.pcts[c])}};
    if (kano.weighted) category["se"] = figure(kano.ses[c]);
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

nlohmann::ordered_json report_document(const Report& report) {
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
  if (const std::optional<RakingSummary>& raking = report.raking) {
    out["raking"] = {{"iterations", raking->iterations},           {"converged", raking->converged},
                     {"smallest_factor", raking->smallest_factor}, {"largest_factor", raking->largest_factor},
                     {"capped_cells", raking->capped_cells},       {"largest_margin_miss", raking->largest_margin_miss},
                     {"margins_met", raking->margins_met()},       {"weighting_efficiency", raking->efficiency}};
  }
  Json results = Json::array();
  for (const SegmentResult& result : report.results) results.push_back(result_json(result, report.has_servqual));
  out["results"] = std::move(results);
  return out;
}

std::string to_json(const Report& report) { return json_text(report_document(report)); }

std::string json_text(const nlohmann::ordered_json& document) {
  return document.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

nlohmann::ordered_json comparison_json(const Comparison& comparison, bool adjusted) {
  Json out;
  out["test"] = comparison.test;
  out["difference"] = figure(comparison.difference);
  if (comparison.is_t()) {
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

}  // namespace gapscore
