#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "gapscore/report/report.h"

namespace gapscore {

/// The JSON report of FORMATS.md as a document, keys in the report's
/// order: what --fail-if reads, and what to_json writes.
nlohmann::ordered_json report_document(const Report& report);

/// The JSON report of FORMATS.md, indented by two spaces, ending in a
/// newline. Numbers round-trip; figures that cannot be computed are null;
/// bytes that are not UTF-8 are replaced so the output is always valid JSON.
std::string to_json(const Report& report);

/// A document as gapscore writes every JSON output: indented by two
/// spaces, a newline at the end, bytes that are not UTF-8 replaced.
std::string json_text(const nlohmann::ordered_json& document);

/// A comparison as the JSON report writes it: the test, the difference, the
/// statistic ("t" and "df", or "z" and "se"), p, `p_holm` when `adjusted`
/// (only families of tests are adjusted), and the flag.
nlohmann::ordered_json comparison_json(const Comparison& comparison, bool adjusted);

}  // namespace gapscore
