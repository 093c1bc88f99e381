#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "gapscore/report/report.h"

namespace gapscore {

/// The JSON report of FORMATS.md, indented by two spaces, ending in a
/// newline. Numbers round-trip; figures that cannot be computed are null;
/// bytes that are not UTF-8 are replaced so the output is always valid JSON.
std::string to_json(const Report& report);

/// The tidy CSV report of FORMATS.md: `segment,level,id,measure,stat,value`,
/// one figure a row, LF line ends, an empty value for a null figure.
std::string to_csv(const Report& report);

/// A comparison as the JSON report writes it: the test, the difference, the
/// statistic ("t" and "df", or "z" and "se"), p, `p_holm` when `adjusted`
/// (only families of tests are adjusted), and the flag.
nlohmann::ordered_json comparison_json(const Comparison& comparison, bool adjusted);

/// `text` as one RFC 4180 field: quoted when it holds the delimiter, a
/// quote or a line break, with quotes doubled.
std::string csv_field(const std::string& text, char delimiter = ',');

}  // namespace gapscore
