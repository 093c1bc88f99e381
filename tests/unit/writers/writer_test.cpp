#include "gapscore/writers/writer.h"

#include <catch2/catch.hpp>

#include "gapscore/writers/csv_writer.h"
#include "gapscore/writers/json_writer.h"
#include "test_support.h"
#include "writers/small_report.h"

namespace gapscore {

TEST_CASE("the format is the one -f names, else the output extension names, else JSON", "[writers]") {
  CHECK(report_format("csv", "report.html") == ReportFormat::kCsv);
  CHECK(report_format("html", "-") == ReportFormat::kHtml);
  CHECK(report_format("json", "report.csv") == ReportFormat::kJson);
  CHECK(report_format("", "out/report.csv") == ReportFormat::kCsv);
  CHECK(report_format("", "report.html") == ReportFormat::kHtml);
  CHECK(report_format("", "report.htm") == ReportFormat::kHtml);
  CHECK(report_format("", "report.json") == ReportFormat::kJson);
  CHECK(report_format("", "-") == ReportFormat::kJson);
  CHECK(report_format("", "csv") == ReportFormat::kJson);
}

TEST_CASE("each format is written by its writer", "[writers]") {
  const Report report = small_report();
  CHECK(write_report(report, ReportFormat::kJson) == to_json(report));
  CHECK(write_report(report, ReportFormat::kCsv) == to_csv(report));
  CHECK(write_report(report, ReportFormat::kHtml).rfind("<!DOCTYPE html>", 0) == 0);
  const Thrown html = thrown_by([] { write_comparison(ReportComparison{}, ReportFormat::kHtml); });
  CHECK(html.kind == ErrorKind::kUsage);
}

}  // namespace gapscore
