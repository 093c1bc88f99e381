#include "gapscore/report/threshold.h"

#include <cmath>
#include <cstdlib>

#include "gapscore/base/diagnostic.h"
#include "gapscore/base/text.h"
#include "gapscore/report/report.h"

namespace gapscore {

namespace {

using Json = nlohmann::ordered_json;

const Json* find_key(const Json& object, const std::string& key) {
  if (!object.is_object()) return nullptr;
  const auto found = object.find(key);
  return found == object.end() ? nullptr : &*found;
}

const Json& array_at(const Json& object, const std::string& key) {
  static const Json kEmpty = Json::array();
  const Json* found = find_key(object, key);
  return found != nullptr && found->is_array() ? *found : kEmpty;
}

const Json* find_id(const Json& array, const std::string& id) {
  for (const Json& entry : array) {
    const Json* entry_id = find_key(entry, "id");
    if (entry_id != nullptr && entry_id->is_string() && entry_id->get<std::string>() == id) return &entry;
  }
  return nullptr;
}

std::optional<double> number(const Json* object, const std::string& key) {
  const Json* value = object != nullptr ? find_key(*object, key) : nullptr;
  if (value == nullptr || !value->is_number()) return std::nullopt;
  return value->get<double>();
}

const Json* find_result(const Json& report, const std::string& label) {
  for (const Json& result : array_at(report, "results")) {
    const Json* segment = find_key(result, "segment");
    if (segment == nullptr || !segment->is_object()) continue;
    SegmentValues values;
    for (const auto& [column, value] : segment->items()) {
      values.emplace_back(column, value.is_string() ? value.get<std::string>() : value.dump());
    }
    if (names_segment(label, values)) return &result;
  }
  return nullptr;
}

}  // namespace

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

std::optional<std::string> crossed(const Json& report, const Threshold& threshold) {
  const auto unknown = [&threshold](const std::string& why) {
    return Error(ErrorKind::kUsage, "--fail-if", quote(threshold.text) + ": " + why);
  };
  std::vector<std::string> path = threshold.path;
  const bool delta = path.front() == "delta";
  if (delta) path.erase(path.begin());
  const Json* node = nullptr;
  if (path.front() == "input" || path.front() == "raking") {
    node = find_key(report, path.front());
    path.erase(path.begin());
  } else {
    const Json* result = find_result(report, threshold.segment);
    if (result == nullptr) {
      throw unknown(threshold.segment.empty() ? "the report has no results" : "no segment " + threshold.segment);
    }
    const Json* servqual = find_key(*result, "servqual");
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
  const Json* parent = node;
  for (const std::string& key : path) {
    if (node == nullptr) break;
    parent = node;
    node = find_key(*node, key);
  }
  if (node == nullptr || (!node->is_number() && !node->is_boolean() && !node->is_null())) {
    throw unknown(
        "no such figure in the report (paths: nps.score, servqual.gap.mean, dimension.ID.gap.mean, "
        "item.ID.gap.mean, ces.stats.mean, input.rows_rejected, raking.margins_met, delta.PATH, SEGMENT:PATH)");
  }
  std::optional<double> value;
  if (delta) {
    const Json* comparison = parent != nullptr ? find_key(*parent, "vs_baseline") : nullptr;
    if (comparison == nullptr) throw unknown("no baseline comparison for this figure (is --baseline given?)");
    value = number(comparison, "difference");
  } else if (node->is_number()) {
    value = node->get<double>();
  } else if (node->is_boolean()) {
    value = node->get<bool>() ? 1 : 0;
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
