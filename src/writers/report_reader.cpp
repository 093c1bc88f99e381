#include "gapscore/writers/report_reader.h"

#include <cmath>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <tuple>

#include "gapscore/base/diagnostic.h"
#include "gapscore/base/json_text.h"

namespace gapscore {

namespace {

// Keys keep the order they were written in, so that a segment's columns
// come back in the breakdown's order.
using Json = nlohmann::ordered_json;

// A difference of two scales of at most 1001 points spans 2001 values.
constexpr std::size_t kMostFrequencies = 2001;

const Json* member(const Json* object, const char* key) {
  if (object == nullptr || !object->is_object()) return nullptr;
  const auto found = object->find(key);
  return found == object->end() ? nullptr : &*found;
}

const Json* object_at(const Json* parent, const char* key) {
  const Json* value = member(parent, key);
  return value != nullptr && value->is_object() ? value : nullptr;
}

const Json& array_at(const Json* parent, const char* key) {
  static const Json kEmpty = Json::array();
  const Json* value = member(parent, key);
  return value != nullptr && value->is_array() ? *value : kEmpty;
}

Figure number(const Json* parent, const char* key) {
  const Json* value = member(parent, key);
  if (value == nullptr || !value->is_number()) return std::nullopt;
  return value->get<double>();
}

// A count written by gapscore is an integer; anything else reads as 0.
std::int64_t whole(const Json& value) {
  if (value.is_number_unsigned()) {
    const auto count = value.get<std::uint64_t>();
    return count <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())
               ? static_cast<std::int64_t>(count)
               : 0;
  }
  if (value.is_number_integer()) return value.get<std::int64_t>();
  if (value.is_number_float()) {
    const double count = value.get<double>();
    if (std::isfinite(count) && std::trunc(count) == count && std::fabs(count) < 9.2e18) {
      return static_cast<std::int64_t>(count);
    }
  }
  return 0;
}

std::int64_t count(const Json* parent, const char* key) {
  const Json* value = member(parent, key);
  return value != nullptr ? whole(*value) : 0;
}

std::string text(const Json* parent, const char* key) {
  const Json* value = member(parent, key);
  return value != nullptr && value->is_string() ? value->get<std::string>() : std::string();
}

bool flag(const Json* parent, const char* key) {
  const Json* value = member(parent, key);
  return value != nullptr && value->is_boolean() && value->get<bool>();
}

std::optional<Interval> interval(const Json* parent, const char* key) {
  const Json* value = member(parent, key);
  if (value == nullptr || !value->is_array() || value->size() != 2 || !(*value)[0].is_number() ||
      !(*value)[1].is_number()) {
    return std::nullopt;
  }
  return Interval{(*value)[0].get<double>(), (*value)[1].get<double>()};
}

std::optional<Comparison> comparison_at(const Json* parent, const char* key) {
  const Json* block = object_at(parent, key);
  if (block == nullptr) return std::nullopt;
  Comparison comparison;
  comparison.test = text(block, "test");
  comparison.difference = number(block, "difference");
  comparison.statistic = member(block, "t") != nullptr ? number(block, "t") : number(block, "z");
  comparison.df = number(block, "df");
  comparison.se = number(block, "se");
  comparison.p = number(block, "p");
  comparison.p_adjusted = number(block, "p_holm");
  comparison.flag = text(block, "flag");
  return comparison;
}

Stats stats_of(const Json* block) {
  Stats stats;
  stats.n = count(block, "n");
  stats.n_eff = number(block, "n_eff");
  stats.mean = number(block, "mean");
  stats.sd = number(block, "sd");
  stats.se = number(block, "se");
  stats.deff = number(block, "deff");
  stats.df = number(block, "df");
  stats.ci95 = interval(block, "ci95");
  stats.paired_test = member(block, "t") != nullptr;
  stats.t = number(block, "t");
  stats.p = number(block, "p");
  stats.d = number(block, "d");
  stats.vs_rest = comparison_at(block, "vs_rest");
  stats.vs_baseline = comparison_at(block, "vs_baseline");
  return stats;
}

std::optional<Stats> stats_at(const Json* parent, const char* key) {
  const Json* block = object_at(parent, key);
  if (block == nullptr) return std::nullopt;
  return stats_of(block);
}

// Frequencies are keyed by value, from the lowest; a table whose keys are
// not values, or that no scale could have, reads as empty.
template <class Value, class Read>
bool frequencies(const Json* table, int* low, std::vector<Value>& into, Read read) {
  if (table == nullptr || !table->is_object() || table->empty() || table->size() > kMostFrequencies) return false;
  long long lowest = 0;
  long long highest = 0;
  bool first = true;
  for (const auto& [key, value] : table->items()) {
    char* end = nullptr;
    const long long point = std::strtoll(key.c_str(), &end, 10);
    if (key.empty() || *end != '\0' || point < std::numeric_limits<int>::min() / 2 ||
        point > std::numeric_limits<int>::max() / 2) {
      return false;
    }
    lowest = first ? point : std::min(lowest, point);
    highest = first ? point : std::max(highest, point);
    first = false;
  }
  if (static_cast<std::size_t>(highest - lowest) >= kMostFrequencies) return false;
  *low = static_cast<int>(lowest);
  into.assign(static_cast<std::size_t>(highest - lowest + 1), Value{});
  for (const auto& [key, value] : table->items()) {
    into[static_cast<std::size_t>(std::strtoll(key.c_str(), nullptr, 10) - lowest)] = read(value);
  }
  return true;
}

Distribution distribution_of(const Json* block) {
  Distribution distribution;
  distribution.median = number(block, "median");
  distribution.q1 = number(block, "q1");
  distribution.q3 = number(block, "q3");
  if (!frequencies(object_at(block, "freq"), &distribution.low, distribution.freq, whole)) {
    distribution.freq.clear();
  }
  int weighted_low = 0;
  const auto weight = [](const Json& value) { return value.is_number() ? value.get<double>() : 0.0; };
  if (!frequencies(object_at(block, "freq_weighted"), &weighted_low, distribution.freq_weighted, weight) ||
      weighted_low != distribution.low || distribution.freq_weighted.size() != distribution.freq.size()) {
    distribution.freq_weighted.clear();
  }
  distribution.missing = count(block, "missing");
  distribution.invalid = count(block, "invalid");
  return distribution;
}

std::optional<ColumnFigures> column_at(const Json* parent, const char* key) {
  const Json* block = object_at(parent, key);
  if (block == nullptr) return std::nullopt;
  return ColumnFigures{stats_of(block), distribution_of(object_at(block, "distribution"))};
}

ColumnFigures column_or_empty(const Json* parent, const char* key) {
  return column_at(parent, key).value_or(ColumnFigures{});
}

ZoneResult zone_of(const Json* block) {
  ZoneResult zone;
  zone.n = count(block, "n");
  zone.below = count(block, "below");
  zone.within = count(block, "within");
  zone.above = count(block, "above");
  zone.inconsistent = count(block, "inconsistent");
  zone.below_pct = number(block, "below_pct");
  zone.within_pct = number(block, "within_pct");
  zone.above_pct = number(block, "above_pct");
  return zone;
}

// Entries of a list that can be matched up: objects with a string id.
bool has_id(const Json& entry) {
  const Json* id = member(&entry, "id");
  return id != nullptr && id->is_string();
}

ItemResult item_of(const Json& entry) {
  ItemResult item;
  item.id = text(&entry, "id");
  item.dimension = text(&entry, "dimension");
  item.expectation = column_at(&entry, "expectation");
  item.perception = column_at(&entry, "perception");
  item.adequate = column_at(&entry, "adequate");
  item.desired = column_at(&entry, "desired");
  item.gap = stats_at(&entry, "gap");
  item.msa = stats_at(&entry, "msa");
  item.mss = stats_at(&entry, "mss");
  if (const Json* zone = object_at(&entry, "zone")) item.zone = zone_of(zone);
  return item;
}

Reliability reliability_of(const Json* block) {
  Reliability reliability;
  reliability.alpha = number(block, "value");
  reliability.n = count(block, "n");
  reliability.ci95 = interval(block, "ci95");
  reliability.standardized = number(block, "standardized");
  for (const Json& item : array_at(block, "items")) {
    if (!has_id(item)) continue;
    reliability.items.push_back({text(&item, "id"), number(&item, "alpha_if_deleted"), number(&item, "item_rest_r")});
  }
  return reliability;
}

constexpr Measure kMeasures[] = {Measure::kExpectation, Measure::kPerception, Measure::kGap, Measure::kMsa,
                                 Measure::kMss};

DimensionResult dimension_of(const Json& entry) {
  DimensionResult dimension;
  dimension.id = text(&entry, "id");
  const Json* alpha = object_at(&entry, "alpha");
  for (const Measure measure : kMeasures) {
    const Json* block = object_at(&entry, measure_name(measure));
    if (block == nullptr) continue;
    dimension.measures.push_back({measure, stats_of(block), reliability_of(object_at(alpha, measure_name(measure)))});
  }
  dimension.importance = column_at(&entry, "importance");
  return dimension;
}

std::vector<OverallResult> overall_of(const Json* block) {
  std::vector<OverallResult> overall;
  for (const Measure measure : kMeasures) {
    const std::string name = measure_name(measure);
    std::optional<Stats> unweighted = stats_at(block, name.c_str());
    if (!unweighted) continue;
    overall.push_back({measure, std::move(*unweighted), stats_at(block, (name + "_weighted").c_str())});
  }
  return overall;
}

Proportion proportion_of(const Json* block, const char* count_key) {
  Proportion proportion;
  proportion.n = count(block, "n");
  proportion.n_eff = number(block, "n_eff");
  proportion.count = count(block, count_key);
  proportion.score = number(block, "score");
  proportion.se = number(block, "se");
  proportion.deff = number(block, "deff");
  proportion.df = number(block, "df");
  proportion.ci95 = interval(block, "ci95");
  proportion.vs_rest = comparison_at(block, "vs_rest");
  proportion.vs_baseline = comparison_at(block, "vs_baseline");
  return proportion;
}

NpsResult nps_of(const Json* block) {
  NpsResult nps;
  nps.n = count(block, "n");
  nps.n_eff = number(block, "n_eff");
  nps.promoters = count(block, "promoters");
  nps.passives = count(block, "passives");
  nps.detractors = count(block, "detractors");
  nps.promoters_pct = number(block, "promoters_pct");
  nps.passives_pct = number(block, "passives_pct");
  nps.detractors_pct = number(block, "detractors_pct");
  nps.score = number(block, "score");
  nps.se = number(block, "se");
  nps.deff = number(block, "deff");
  nps.df = number(block, "df");
  nps.promoters_se = number(block, "promoters_se");
  nps.passives_se = number(block, "passives_se");
  nps.detractors_se = number(block, "detractors_se");
  nps.ci95 = interval(block, "ci95");
  nps.distribution = distribution_of(object_at(block, "distribution"));
  nps.vs_rest = comparison_at(block, "vs_rest");
  nps.vs_baseline = comparison_at(block, "vs_baseline");
  return nps;
}

std::optional<MetricResult> metric_of(const Json& entry) {
  MetricResult metric;
  metric.id = text(&entry, "id");
  const std::string type = text(&entry, "type");
  if (type == "nps") {
    metric.type = MetricType::kNps;
    metric.nps = nps_of(&entry);
  } else if (type == "csat") {
    metric.type = MetricType::kCsat;
    metric.satisfied = proportion_of(&entry, "satisfied");
    metric.answers = column_or_empty(&entry, "rating");
  } else if (type == "ces") {
    metric.type = MetricType::kCes;
    metric.answers = column_or_empty(&entry, "stats");
    metric.agree = proportion_of(object_at(&entry, "agree"), "count");
  } else {
    return std::nullopt;
  }
  return metric;
}

DriversResult drivers_of(const Json* block) {
  DriversResult drivers;
  drivers.outcome = text(block, "outcome");
  drivers.n = count(block, "n");
  drivers.r2 = number(block, "r2");
  for (const Json& entry : array_at(block, "dimensions")) {
    if (!has_id(entry)) continue;
    drivers.dimensions.push_back({text(&entry, "id"), number(&entry, "r"), number(&entry, "beta"),
                                  number(&entry, "performance"), text(&entry, "quadrant")});
  }
  return drivers;
}

std::optional<KanoCategory> kano_category_named(const std::string& name) {
  for (std::size_t c = 0; c < kKanoCategoryCount; ++c) {
    if (name == kano_category_name(static_cast<KanoCategory>(c))) return static_cast<KanoCategory>(c);
  }
  return std::nullopt;
}

KanoResult kano_of(const Json& entry) {
  KanoResult kano;
  kano.id = text(&entry, "id");
  kano.n = count(&entry, "n");
  const Json* categories = object_at(&entry, "categories");
  for (std::size_t c = 0; c < kKanoCategoryCount; ++c) {
    const Json* category = object_at(categories, kano_category_name(static_cast<KanoCategory>(c)));
    kano.counts[c] = count(category, "count");
    kano.pcts[c] = number(category, "pct");
    if (category != nullptr && category->contains("se")) {
      kano.weighted = true;
      kano.ses[c] = number(category, "se");
    }
  }
  kano.dominant = kano_category_named(text(&entry, "dominant"));
  const Json* fong = object_at(&entry, "fong");
  kano.fong_difference = number(fong, "difference");
  kano.fong_critical = number(fong, "critical");
  const Json* significant = member(fong, "significant");
  if (significant != nullptr && significant->is_boolean()) kano.fong_significant = significant->get<bool>();
  kano.better = number(&entry, "better");
  kano.worse = number(&entry, "worse");
  return kano;
}

SegmentValues segment_of(const Json* block) {
  SegmentValues segment;
  if (block == nullptr || !block->is_object()) return segment;
  for (const auto& [column, value] : block->items()) {
    segment.emplace_back(column, value.is_string() ? value.get<std::string>() : value.dump());
  }
  return segment;
}

void servqual_of(const Json* block, SegmentResult& result) {
  for (const Json& entry : array_at(block, "items")) {
    if (has_id(entry)) result.items.push_back(item_of(entry));
  }
  for (const Json& entry : array_at(block, "dimensions")) {
    if (has_id(entry)) result.dimensions.push_back(dimension_of(entry));
  }
  result.overall = overall_of(object_at(block, "overall"));
}

SegmentResult result_of(const Json& entry, bool* has_servqual) {
  SegmentResult result;
  result.segment = segment_of(member(&entry, "segment"));
  result.rows = count(&entry, "rows");
  result.suppressed = flag(&entry, "suppressed");
  if (result.suppressed) return result;
  if (const Json* weight = object_at(&entry, "weight")) {
    result.weight = WeightSummary{number(weight, "sum").value_or(0), number(weight, "n_eff").value_or(0)};
  }
  if (const Json* servqual = object_at(&entry, "servqual")) {
    *has_servqual = true;
    servqual_of(servqual, result);
  }
  for (const Json& metric : array_at(&entry, "metrics")) {
    if (!has_id(metric)) continue;
    if (std::optional<MetricResult> read = metric_of(metric)) result.metrics.push_back(std::move(*read));
  }
  if (const Json* drivers = object_at(&entry, "drivers")) result.drivers = drivers_of(drivers);
  for (const Json& feature : array_at(&entry, "kano")) {
    if (has_id(feature)) result.kano.push_back(kano_of(feature));
  }
  return result;
}

InputSummary input_of(const Json* block) {
  InputSummary input;
  for (const Json& file : array_at(block, "files")) {
    if (file.is_string()) input.files.push_back(file.get<std::string>());
  }
  input.rows_read = count(block, "rows_read");
  input.rows_used = count(block, "rows_used");
  input.rows_rejected = count(block, "rows_rejected");
  for (const Json& entry : array_at(block, "rejected")) {
    input.rejected.emplace_back(text(&entry, "reason"), count(&entry, "count"));
  }
  for (const Json& entry : array_at(block, "invalid_cells")) {
    input.invalid_cells.push_back({text(&entry, "column"), text(&entry, "reason"), count(&entry, "count")});
  }
  return input;
}

}  // namespace

Report read_report(std::string_view text_read, const std::string& file) {
  if (const std::optional<std::size_t> deep = too_deep(text_read)) {
    Diagnostic d;
    d.file = file;
    std::tie(d.line, d.column) = line_and_column(text_read, *deep);
    d.message = "not a gapscore JSON report (nested more than " + std::to_string(kMaxJsonDepth) + " levels deep here)";
    throw Error(ErrorKind::kInvalid, d);
  }
  Json document;
  try {
    document = Json::parse(text_read.begin(), text_read.end());
  } catch (const nlohmann::json::exception&) {
    throw Error(ErrorKind::kInvalid, file, "not a gapscore JSON report (not JSON)");
  }
  if (!document.is_object() || !document.contains("gapscore_report") || !document.contains("results") ||
      !document["results"].is_array()) {
    throw Error(ErrorKind::kInvalid, file, "not a gapscore JSON report (no \"gapscore_report\" and \"results\")");
  }
  Report report;
  report.tool_version = text(object_at(&document, "tool"), "version");
  report.title = text(object_at(&document, "questionnaire"), "title");
  report.input = input_of(object_at(&document, "input"));
  for (const Json& entry : document["results"]) {
    if (entry.is_object()) report.results.push_back(result_of(entry, &report.has_servqual));
  }
  return report;
}

}  // namespace gapscore
