#pragma once

#include <string>

#include "gapscore/report/comparison.h"

namespace gapscore {

/// The comparison as FORMATS.md's JSON, indented by two spaces.
std::string comparison_to_json(const ReportComparison& comparison);

/// The comparison as tidy CSV: `level,id,measure,stat,value`.
std::string comparison_to_csv(const ReportComparison& comparison);

}  // namespace gapscore
