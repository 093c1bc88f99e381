#include "gapscore/questionnaire/scales.h"

#include <nlohmann/json.hpp>

#include "gapscore/base/text.h"

namespace gapscore {

namespace {

using nlohmann::json;

// The widest scale accepted: frequency tables hold one count per point.
constexpr int kMaxScalePoints = 1001;

}  // namespace

std::optional<Scale> read_scale(Checker& check, const std::string& name, const json& value,
                                const std::string& pointer) {
  if (!check.expect_object(value, pointer)) return std::nullopt;
  check.allow_keys(value, pointer, {"min", "max", "labels"});
  const std::optional<int> min = check.integer_at(value, "min", pointer, true);
  const std::optional<int> max = check.integer_at(value, "max", pointer, true);
  if (!min || !max) return std::nullopt;
  Scale scale;
  scale.name = name;
  scale.min = *min;
  scale.max = *max;
  bool ok = true;
  if (*min >= *max) {
    check.problem(pointer, "min (" + std::to_string(*min) + ") must be less than max (" + std::to_string(*max) + ")");
    ok = false;
  } else if (static_cast<long long>(*max) - *min + 1 > kMaxScalePoints) {
    check.problem(pointer, "a scale may have at most " + std::to_string(kMaxScalePoints) + " points, this one has " +
                               std::to_string(static_cast<long long>(*max) - *min + 1));
    ok = false;
  }
  const auto labels = value.find("labels");
  if (labels != value.end()) {
    const std::string labels_pointer = child(pointer, "labels");
    if (check.expect_object(*labels, labels_pointer)) {
      std::map<std::string, std::string> seen;
      for (const auto& [label, code_value] : labels->items()) {
        const std::string label_pointer = child(labels_pointer, label);
        const std::string key = ascii_lower(trim(label));
        if (key.empty()) {
          check.problem(label_pointer, "a label must not be empty");
          ok = false;
          continue;
        }
        if (!seen.emplace(key, label).second) {
          check.problem(label_pointer, "label " + quote(label) + " is the same as " + quote(seen[key]) +
                                           " once case and surrounding spaces are ignored");
          ok = false;
          continue;
        }
        const std::optional<int> code = check.integer(code_value, label_pointer);
        if (!code) {
          ok = false;
          continue;
        }
        if (*code < *min || *code > *max) {
          check.problem(label_pointer, "code " + std::to_string(*code) + " is outside the scale " +
                                           std::to_string(*min) + ".." + std::to_string(*max));
          ok = false;
          continue;
        }
        scale.labels.emplace_back(std::string(trim(label)), *code);
      }
    }
  }
  if (!ok) return std::nullopt;
  return scale;
}

void NamedScales::read(Checker& check, const json& root) {
  const auto found = root.find("scales");
  if (found == root.end()) return;
  if (!check.expect_object(*found, "/scales")) return;
  for (const auto& [name, value] : found->items()) {
    const std::string pointer = child("/scales", name);
    if (std::optional<Scale> scale = read_scale(check, name, value, pointer)) {
      scales_.emplace(name, *scale);
    } else {
      broken_.insert(name);
    }
  }
}

std::optional<Scale> NamedScales::reference(Checker& check, const json& object, const std::string& pointer) const {
  const std::optional<std::string> name = check.string_at(object, "scale", pointer, false);
  if (!name) return std::nullopt;
  const auto found = scales_.find(*name);
  if (found != scales_.end()) return found->second;
  if (broken_.count(*name) == 0) {
    check.problem(child(pointer, "scale"), "unknown scale " + quote(*name) + did_you_mean(*name, names()));
  }
  return std::nullopt;
}

void NamedScales::check_labels_against_missing(Checker& check, const std::vector<std::string>& missing) const {
  for (const auto& [name, scale] : scales_) {
    for (const auto& [label, code] : scale.labels) {
      for (const std::string& token : missing) {
        if (iequals(token, label)) {
          check.problem(child(child("/scales", name), "labels"),
                        "label " + quote(label) + " is also a missing token; remove it from one of the two");
        }
      }
    }
  }
}

std::vector<std::string> NamedScales::names() const {
  std::vector<std::string> names;
  for (const auto& [name, scale] : scales_) names.push_back(name);
  return names;
}

}  // namespace gapscore
