#include "gapscore/questionnaire/metrics_section.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>

#include "gapscore/base/text.h"

namespace gapscore {

namespace {

using nlohmann::json;

Scale builtin_scale(MetricType type) {
  switch (type) {
    case MetricType::kNps:
      return Scale{"(nps default 0..10)", 0, 10, {}};
    case MetricType::kCsat:
      return Scale{"(csat default 1..5)", 1, 5, {}};
    case MetricType::kCes:
      return Scale{"(ces default 1..7)", 1, 7, {}};
  }
  return {};
}

const char* type_word(MetricType type) {
  return type == MetricType::kNps ? "nps" : type == MetricType::kCsat ? "csat" : "ces";
}

std::optional<MetricType> read_type(Checker& check, const json& value, const std::string& pointer) {
  const std::optional<std::string> type = check.string_at(value, "type", pointer, true);
  if (!type) return std::nullopt;
  if (*type == "nps") return MetricType::kNps;
  if (*type == "csat") return MetricType::kCsat;
  if (*type == "ces") return MetricType::kCes;
  check.problem(child(pointer, "type"), "unknown metric type " + quote(*type) +
                                            did_you_mean(*type, {"nps", "csat", "ces"}) +
                                            "; expected \"nps\", \"csat\" or \"ces\"");
  return std::nullopt;
}

void read_metric(const json& value, const std::string& pointer, std::map<std::string, std::string>& ids,
                 LoadState& state) {
  Checker& check = state.check;
  if (!check.expect_object(value, pointer)) return;
  check.allow_keys(
      value, pointer,
      {"id", "type", "column", "scale", "promoter_min", "detractor_max", "satisfied_min", "agree_min", "optional"});
  Metric metric;
  bool ok = true;
  const std::optional<MetricType> type = read_type(check, value, pointer);
  if (!type) return;
  metric.type = *type;
  metric.id = check.string_at(value, "id", pointer, false).value_or(type_word(*type));
  const auto [it, inserted] = ids.emplace(metric.id, pointer);
  if (!inserted) {
    check.problem(pointer, "metric id " + quote(metric.id) + " is already used at " + it->second);
    ok = false;
  }
  if (auto column = check.column_at(value, "column", pointer, true)) {
    metric.column = *column;
    state.use_column(*column, child(pointer, "column"));
  } else {
    ok = false;
  }
  if (value.contains("scale")) {
    const std::optional<Scale> scale = state.scales.reference(check, value, pointer);
    if (!scale) return;
    metric.scale = *scale;
  } else {
    metric.scale = builtin_scale(metric.type);
  }
  const Scale& scale = metric.scale;
  // A threshold of one metric type, checked against the scale; `fallback` when not given.
  const auto option = [&](const char* key, MetricType only_for, int fallback) {
    if (!value.contains(key)) return fallback;
    if (metric.type != only_for) {
      check.problem(child(pointer, key), std::string(key) + " applies only to " + type_word(only_for) + " metrics");
      ok = false;
      return fallback;
    }
    const std::optional<int> number = check.integer_at(value, key, pointer, true);
    if (!number) {
      ok = false;
      return fallback;
    }
    if (*number < scale.min || *number > scale.max) {
      check.problem(child(pointer, key), std::string(key) + " " + std::to_string(*number) + " is outside the scale " +
                                             std::to_string(scale.min) + ".." + std::to_string(scale.max));
      ok = false;
    }
    return *number;
  };
  metric.promoter_min = option("promoter_min", MetricType::kNps, std::min(9, scale.max));
  metric.detractor_max = option("detractor_max", MetricType::kNps, std::min(6, scale.max - 1));
  metric.satisfied_min = option("satisfied_min", MetricType::kCsat, scale.max - 1);
  metric.agree_min = option("agree_min", MetricType::kCes, (scale.min + scale.max) / 2 + 1);
  metric.optional = check.boolean_at(value, "optional", pointer).value_or(false);
  if (metric.type == MetricType::kNps && metric.detractor_max >= metric.promoter_min) {
    check.problem(pointer, "detractor_max (" + std::to_string(metric.detractor_max) +
                               ") must be less than promoter_min (" + std::to_string(metric.promoter_min) + ")");
    ok = false;
  }
  if (ok) state.questionnaire.metrics.push_back(std::move(metric));
}

}  // namespace

void read_metrics(const json& root, LoadState& state) {
  const auto found = root.find("metrics");
  if (found == root.end()) return;
  if (!found->is_array()) {
    state.check.problem("/metrics", "expected an array of metrics, found " + type_name(*found));
    return;
  }
  std::map<std::string, std::string> ids;
  for (std::size_t i = 0; i < found->size(); ++i) read_metric((*found)[i], child("/metrics", i), ids, state);
}

}  // namespace gapscore
