// Any bytes as the data for a fixed questionnaire, broken down three ways
// (no breakdown has all the columns, so batches count by cell until the
// cells are too many): the run either stops with a gapscore::Error or gives
// a report whose JSON parses, whose row accounting adds up and each of
// whose breakdowns' segments hold every used row once.
#include <cstddef>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "gapscore/base/diagnostic.h"
#include "gapscore/engine/engine.h"
#include "gapscore/questionnaire/questionnaire.h"
#include "gapscore/writers/csv_writer.h"
#include "gapscore/writers/json_writer.h"

namespace {

const gapscore::Questionnaire& questionnaire() {
  static const gapscore::Questionnaire loaded = gapscore::parse_questionnaire(R"({
    "gapscore": 1, "respondent_id": "id",
    "scales": {"a": {"min": 1, "max": 5, "labels": {"yes": 5}}},
    "servqual": {"scale": "a", "dimensions": [
      {"id": "d", "items": [{"id": "i", "expectation": "e1", "perception": "p1"},
                            {"id": "j", "expectation": "e2", "perception": "p2", "reverse": true},
                            {"id": "k", "perception": "p3"}]}]},
    "metrics": [{"type": "nps", "column": "n"}, {"type": "csat", "column": "s", "scale": "a"}]})",
                                                                              "fuzz.json");
  return loaded;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string csv = "id,e1,p1,e2,p2,p3,n,s,seg\n" + std::string(reinterpret_cast<const char*>(data), size);
  try {
    gapscore::EngineOptions options;
    options.breakdowns = {{"seg"}, {"seg", "s"}, {"n"}};
    options.min_n = 2;
    options.max_segments = 50;
    gapscore::Engine engine(questionnaire(), options);
    const auto reader = gapscore::RecordReader::from_string("fuzz.csv", csv, ',');
    engine.read(*reader);
    const gapscore::Report report = engine.finish();
    if (report.input.rows_read != report.input.rows_used + report.input.rows_rejected) __builtin_trap();
    std::map<std::vector<std::string>, std::int64_t> rows_by_breakdown;
    for (std::size_t r = 1; r < report.results.size(); ++r) {
      std::vector<std::string> columns;
      for (const auto& [column, value] : report.results[r].segment) columns.push_back(column);
      rows_by_breakdown[columns] += report.results[r].rows;
    }
    for (const auto& [columns, rows] : rows_by_breakdown) {
      if (rows != report.input.rows_used) __builtin_trap();
    }
    const nlohmann::json parsed = nlohmann::json::parse(gapscore::to_json(report));
    if (parsed["input"]["rows_read"] != report.input.rows_read) __builtin_trap();
    gapscore::to_csv(report);
  } catch (const gapscore::Error&) {
  }
  return 0;
}
