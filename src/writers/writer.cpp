#include "gapscore/writers/writer.h"

#include <string_view>

#include "gapscore/base/diagnostic.h"
#include "gapscore/writers/comparison_writer.h"
#include "gapscore/writers/csv_writer.h"
#include "gapscore/writers/html/page.h"
#include "gapscore/writers/json_writer.h"

namespace gapscore {

ReportFormat report_format(const std::string& name, const std::string& output) {
  if (name == "csv") return ReportFormat::kCsv;
  if (name == "html") return ReportFormat::kHtml;
  if (!name.empty()) return ReportFormat::kJson;
  const auto ends_with = [&output](std::string_view suffix) {
    return output.size() >= suffix.size() && output.compare(output.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (ends_with(".csv")) return ReportFormat::kCsv;
  if (ends_with(".html") || ends_with(".htm")) return ReportFormat::kHtml;
  return ReportFormat::kJson;
}

std::string write_report(const Report& report, ReportFormat format) {
  switch (format) {
    case ReportFormat::kCsv:
      return to_csv(report);
    case ReportFormat::kHtml:
      return to_html(report);
    case ReportFormat::kJson:
      break;
  }
  return to_json(report);
}

std::string write_comparison(const ReportComparison& comparison, ReportFormat format) {
  switch (format) {
    case ReportFormat::kCsv:
      return comparison_to_csv(comparison);
    case ReportFormat::kHtml:
      throw Error(ErrorKind::kUsage, "compare", "a comparison is written as JSON or CSV, not HTML");
    case ReportFormat::kJson:
      break;
  }
  return comparison_to_json(comparison);
}

}  // namespace gapscore
