#pragma once

// Reading figures back from a JSON report (ours, or an earlier version's),
// tolerating keys that are absent or of another type: a baseline or a
// compared report may come from another questionnaire.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace gapscore::report_json {

/// The value under `key` of an object, or null when absent or not an object.
const nlohmann::json* find_key(const nlohmann::json& object, const std::string& key);

/// The array under `key`, by reference (json::value() would copy it), or an
/// empty one.
const nlohmann::json& array_at(const nlohmann::json& object, const std::string& key);

/// The entry of an array whose "id" is `id`.
const nlohmann::json* find_id(const nlohmann::json& array, const std::string& id);

/// The number under `key`, if it is one.
std::optional<double> number(const nlohmann::json* object, const std::string& key);

/// A result's segment as the CSV report writes it: `col=value;col=value`,
/// empty for the whole data set.
std::string segment_label(const nlohmann::json& segment);

/// The result of the segment labelled `label`, or null.
const nlohmann::json* find_result(const nlohmann::json& report, const std::string& label);

/// Throws Error(kInvalid), naming `file`, unless `report` is a gapscore
/// JSON report.
void require_report(const nlohmann::json& report, const std::string& file);

}  // namespace gapscore::report_json
