#pragma once

#include <string>

#include "gapscore/report/comparison.h"
#include "gapscore/report/report.h"

namespace gapscore {

/// The formats gapscore writes: one writer each (json_writer, csv_writer,
/// html/page), chosen here.
enum class ReportFormat { kJson, kCsv, kHtml };

/// The format `-f` names ("json", "csv" or "html"); without one, the one
/// the output's extension names (`.csv`, `.html` or `.htm`), else JSON.
ReportFormat report_format(const std::string& name, const std::string& output);

/// The report, written in `format`.
std::string write_report(const Report& report, ReportFormat format);

/// A comparison of two reports, written in `format`; throws Error(kUsage)
/// for HTML, which comparisons do not have.
std::string write_comparison(const ReportComparison& comparison, ReportFormat format);

}  // namespace gapscore
