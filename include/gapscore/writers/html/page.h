#pragma once

#include <string>

#include "gapscore/report/report.h"

namespace gapscore {

/// The HTML report of FORMATS.md: one self-contained page (inline CSS and
/// SVG, no script, nothing fetched from a network) for people: a summary,
/// charts of the dimensions, items, zone of tolerance, NPS and segments,
/// each with its numbers in a table beside it. The same report gives the
/// same bytes; a report without results gives an empty string.
std::string to_html(const Report& report);

}  // namespace gapscore
