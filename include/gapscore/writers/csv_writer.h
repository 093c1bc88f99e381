#pragma once

#include <string>

#include "gapscore/report/report.h"

namespace gapscore {

/// The tidy CSV report of FORMATS.md: `segment,level,id,measure,stat,value`,
/// one figure a row, LF line ends, an empty value for a null figure.
std::string to_csv(const Report& report);

/// `text` as one RFC 4180 field: quoted when it holds the delimiter, a
/// quote or a line break, with quotes doubled.
std::string csv_field(const std::string& text, char delimiter = ',');

}  // namespace gapscore
