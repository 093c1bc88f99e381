#include "gapscore/report/baseline.h"

#include <cmath>
#include <cstdlib>

#include "gapscore/base/diagnostic.h"
#include "gapscore/base/text.h"
#include "gapscore/metrics/significance.h"
#include "gapscore/report/report_json.h"

namespace gapscore {

namespace {

using nlohmann::json;
using report_json::array_at;
using report_json::find_id;
using report_json::find_key;
using report_json::number;

// A difference of independent estimates, each with its standard error.
Comparison difference(std::optional<double> now, std::optional<double> now_se, std::optional<double> then,
                      std::optional<double> then_se) {
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

void against(Stats& stats, const json* then) {
  if (then == nullptr) return;
  stats.vs_baseline = difference(stats.mean, stats.se, number(then, "mean"), number(then, "se"));
}

// The binomial standard error of a percentage: 100 sqrt(p (1 - p) / n),
// with Kish's n_eff for n under survey weights.
std::optional<double> percent_se(std::optional<double> score, std::optional<double> n) {
  if (!score || !n || *n <= 0) return std::nullopt;
  const double p = *score / 100;
  return 100 * std::sqrt(p * (1 - p) / *n);
}

void against(Proportion& proportion, const json* then) {
  if (then == nullptr) return;
  const std::optional<double> then_n_eff = number(then, "n_eff");
  const std::optional<double> then_size = then_n_eff ? then_n_eff : number(then, "n");
  proportion.vs_baseline = difference(
      proportion.score, percent_se(proportion.score, proportion.n_eff.value_or(static_cast<double>(proportion.n))),
      number(then, "score"), percent_se(number(then, "score"), then_size));
}

void compare_result(SegmentResult& result, const json& then) {
  const json* servqual = find_key(then, "servqual");
  if (servqual != nullptr) {
    for (ItemResult& item : result.items) {
      const json* old = find_id(array_at(*servqual, "items"), item.id);
      if (old == nullptr) continue;
      if (item.expectation) against(item.expectation->stats, find_key(*old, "expectation"));
      if (item.perception) against(item.perception->stats, find_key(*old, "perception"));
      if (item.adequate) against(item.adequate->stats, find_key(*old, "adequate"));
      if (item.desired) against(item.desired->stats, find_key(*old, "desired"));
      if (item.gap) against(*item.gap, find_key(*old, "gap"));
      if (item.msa) against(*item.msa, find_key(*old, "msa"));
      if (item.mss) against(*item.mss, find_key(*old, "mss"));
    }
    for (DimensionResult& dimension : result.dimensions) {
      const json* old = find_id(array_at(*servqual, "dimensions"), dimension.id);
      if (old == nullptr) continue;
      for (DimensionMeasureResult& measure : dimension.measures) {
        against(measure.stats, find_key(*old, measure_name(measure.measure)));
      }
      if (dimension.importance) against(dimension.importance->stats, find_key(*old, "importance"));
    }
    const json* overall = find_key(*servqual, "overall");
    for (OverallResult& measure : result.overall) {
      if (overall == nullptr) break;
      const std::string name = measure_name(measure.measure);
      against(measure.unweighted, find_key(*overall, name));
      if (measure.weighted) against(*measure.weighted, find_key(*overall, name + "_weighted"));
    }
  }
  for (MetricResult& metric : result.metrics) {
    const json* old = find_id(array_at(then, "metrics"), metric.id);
    if (old == nullptr) continue;
    switch (metric.type) {
      case MetricType::kNps:
        metric.nps.vs_baseline = difference(metric.nps.score, metric.nps.se, number(old, "score"), number(old, "se"));
        break;
      case MetricType::kCsat:
        against(metric.satisfied, old);
        against(metric.answers.stats, find_key(*old, "rating"));
        break;
      case MetricType::kCes:
        against(metric.answers.stats, find_key(*old, "stats"));
        against(metric.agree, find_key(*old, "agree"));
        break;
    }
  }
}

}  // namespace

void compare_with_baseline(Report& report, const json& baseline, const std::string& file) {
  report_json::require_report(baseline, file);
  for (SegmentResult& result : report.results) {
    if (result.suppressed) continue;
    std::string label;
    for (const auto& [column, value] : result.segment) label += (label.empty() ? "" : ";") + column + "=" + value;
    const json* then = report_json::find_result(baseline, label);
    if (then != nullptr && !then->value("suppressed", false)) compare_result(result, *then);
  }
}

Threshold parse_threshold(const std::string& text) {
  static const char* const kOperators[] = {"<=", ">=", "==", "!=", "<", ">"};
  const auto usage = [&text](const std::string& why) {
    return Error(ErrorKind::kUsage, "--fail-if",
                 quote(text) + ": " + why + "; expected [SEGMENT:]PATH OP NUMBER, e.g. \"nps.score < 20\"");
  };
  Threshold threshold;
  threshold.text = text;
  std::size_t at = std::string::npos;
  for (const char* op : kOperators) {
    at = text.find(op);
    if (at != std::string::npos) {
      threshold.op = op;
      break;
    }
  }
  if (at == std::string::npos) throw usage("no comparison (< <= > >= == !=)");
  std::string left(trim(std::string_view(text).substr(0, at)));
  const std::string right(trim(std::string_view(text).substr(at + threshold.op.size())));
  char* end = nullptr;
  threshold.value = std::strtod(right.c_str(), &end);
  if (right.empty() || end != right.c_str() + right.size() || !std::isfinite(threshold.value)) {
    throw usage("the right-hand side is not a number");
  }
  const std::size_t colon = left.rfind(':');
  if (colon != std::string::npos) {
    threshold.segment = std::string(trim(std::string_view(left).substr(0, colon)));
    left = std::string(trim(std::string_view(left).substr(colon + 1)));
  }
  std::size_t begin = 0;
  for (;;) {
    const std::size_t dot = left.find('.', begin);
    threshold.path.emplace_back(left.substr(begin, dot == std::string::npos ? std::string::npos : dot - begin));
    if (dot == std::string::npos) break;
    begin = dot + 1;
  }
  for (const std::string& part : threshold.path) {
    if (part.empty()) throw usage("an empty part in the path");
  }
  if (threshold.path.size() < 2) throw usage("the path names no figure");
  return threshold;
}

std::optional<std::string> crossed(const json& report, const Threshold& threshold) {
  const auto unknown = [&threshold](const std::string& why) {
    return Error(ErrorKind::kUsage, "--fail-if", quote(threshold.text) + ": " + why);
  };
  std::vector<std::string> path = threshold.path;
  const bool delta = path.front() == "delta";
  if (delta) path.erase(path.begin());
  const json* node = nullptr;
  if (path.front() == "input") {
    node = find_key(report, "input");
    path.erase(path.begin());
  } else {
    const json* result = report_json::find_result(report, threshold.segment);
    if (result == nullptr) {
      throw unknown(threshold.segment.empty() ? "the report has no results" : "no segment " + threshold.segment);
    }
    const json* servqual = find_key(*result, "servqual");
    const std::string head = path.front();
    if (head == "servqual" && servqual != nullptr) {
      node = find_key(*servqual, "overall");
      path.erase(path.begin());
    } else if ((head == "dimension" || head == "item") && servqual != nullptr && path.size() > 1) {
      node = find_id(array_at(*servqual, head == "item" ? "items" : "dimensions"), path[1]);
      path.erase(path.begin(), path.begin() + 2);
    } else {
      node = find_id(array_at(*result, "metrics"), head);
      path.erase(path.begin());
    }
  }
  const json* parent = node;
  for (const std::string& key : path) {
    if (node == nullptr) break;
    parent = node;
    node = find_key(*node, key);
  }
  if (node == nullptr || (!node->is_number() && !node->is_null())) {
    throw unknown(
        "no such figure in the report (paths: nps.score, servqual.gap.mean, dimension.ID.gap.mean, "
        "item.ID.gap.mean, ces.stats.mean, input.rows_rejected, delta.PATH, SEGMENT:PATH)");
  }
  std::optional<double> value;
  if (delta) {
    const json* comparison = parent != nullptr ? find_key(*parent, "vs_baseline") : nullptr;
    if (comparison == nullptr) throw unknown("no baseline comparison for this figure (is --baseline given?)");
    value = number(comparison, "difference");
  } else if (node->is_number()) {
    value = node->get<double>();
  }
  std::string name = threshold.text.substr(0, threshold.text.find(threshold.op));
  name = std::string(trim(name));
  if (!value) return "threshold crossed: " + threshold.text + " (" + name + " is null)";
  const double x = *value;
  const std::string& op = threshold.op;
  const bool hit = op == "<"    ? x < threshold.value
                   : op == "<=" ? x <= threshold.value
                   : op == ">"  ? x > threshold.value
                   : op == ">=" ? x >= threshold.value
                   : op == "==" ? x == threshold.value
                                : x != threshold.value;
  if (!hit) return std::nullopt;
  return "threshold crossed: " + threshold.text + " (" + name + " is " + format_number(x) + ")";
}

}  // namespace gapscore
