// Any bytes as an earlier report (--baseline, compare): it is refused with
// a gapscore::Error, or it reads into the model, which writes back to JSON
// that reads into the same model (the reader mirrors the writer), compares
// with itself and serves as its own baseline, and writes as CSV and HTML.
#include <cstddef>
#include <cstdint>
#include <string>

#include "gapscore/base/diagnostic.h"
#include "gapscore/report/baseline.h"
#include "gapscore/report/comparison.h"
#include "gapscore/writers/comparison_writer.h"
#include "gapscore/writers/csv_writer.h"
#include "gapscore/writers/html/page.h"
#include "gapscore/writers/json_writer.h"
#include "gapscore/writers/report_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  gapscore::Report report;
  try {
    report = gapscore::read_report(text, "fuzz.json");
  } catch (const gapscore::Error&) {
    return 0;
  }
  const std::string json = gapscore::to_json(report);
  if (gapscore::to_json(gapscore::read_report(json, "again.json")) != json) __builtin_trap();
  gapscore::to_csv(report);
  gapscore::to_html(report);
  gapscore::Report compared = report;
  gapscore::compare_with_baseline(compared, report);
  gapscore::to_json(compared);
  try {
    const gapscore::ReportComparison comparison = gapscore::compare_reports(report, "a", "", report, "b", "");
    gapscore::comparison_to_json(comparison);
    gapscore::comparison_to_csv(comparison);
  } catch (const gapscore::Error&) {
  }
  return 0;
}
