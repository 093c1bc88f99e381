#include "gapscore/report/report_json.h"

#include "gapscore/base/diagnostic.h"

namespace gapscore::report_json {

using nlohmann::json;

const json* find_key(const json& object, const std::string& key) {
  if (!object.is_object()) return nullptr;
  const auto found = object.find(key);
  return found == object.end() ? nullptr : &*found;
}

const json& array_at(const json& object, const std::string& key) {
  static const json kEmpty = json::array();
  const json* found = find_key(object, key);
  return found != nullptr && found->is_array() ? *found : kEmpty;
}

const json* find_id(const json& array, const std::string& id) {
  if (!array.is_array()) return nullptr;
  for (const json& entry : array) {
    if (entry.is_object() && entry.value("id", "") == id) return &entry;
  }
  return nullptr;
}

std::optional<double> number(const json* object, const std::string& key) {
  const json* value = object != nullptr ? find_key(*object, key) : nullptr;
  if (value == nullptr || !value->is_number()) return std::nullopt;
  return value->get<double>();
}

std::string segment_label(const json& segment) {
  std::string label;
  for (const auto& [column, value] : segment.items()) {
    if (!label.empty()) label += ';';
    label += column + "=" + (value.is_string() ? value.get<std::string>() : value.dump());
  }
  return label;
}

const json* find_result(const json& report, const std::string& label) {
  for (const json& result : array_at(report, "results")) {
    const json* segment = find_key(result, "segment");
    if (segment != nullptr && segment_label(*segment) == label) return &result;
  }
  return nullptr;
}

void require_report(const json& report, const std::string& file) {
  if (!report.is_object() || !report.contains("gapscore_report") || !report.contains("results") ||
      !report["results"].is_array()) {
    throw Error(ErrorKind::kInvalid, file, "not a gapscore JSON report (no \"gapscore_report\" and \"results\")");
  }
}

}  // namespace gapscore::report_json
