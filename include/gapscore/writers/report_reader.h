#pragma once

#include <string>
#include <string_view>

#include "gapscore/report/report.h"

namespace gapscore {

/// Reads a JSON report back into the model the writers write from, as
/// json_writer writes it: every figure of every result, in the report's
/// order (a segment's columns as the breakdown named them). Made to read
/// reports of another questionnaire or an earlier version as far as they
/// agree: a figure that is absent, null or not a number reads as null, a
/// count as 0; a block that is not an object reads as absent; an entry
/// without a string id, a metric of no known type, a frequency table wider
/// than a scale can be, are left out. Throws Error(kInvalid), naming `file`,
/// when `text` is not JSON or not a gapscore report (no "gapscore_report"
/// and "results").
Report read_report(std::string_view text, const std::string& file);

}  // namespace gapscore
