#include "gapscore/writers/writers.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

namespace gapscore {

namespace {

Report small_report() {
  Report report;
  report.tool_version = "9.9.9";
  report.title = "T";
  report.has_servqual = true;
  report.input.files = {"a.csv"};
  report.input.rows_read = 3;
  report.input.rows_used = 2;
  report.input.rows_rejected = 1;
  report.input.rejected = {{"field_count", 1}};
  report.input.invalid_cells = {{"P_1", "out_of_range", 2}};
  SegmentResult all;
  all.rows = 2;
  ItemResult item;
  item.id = "T1";
  item.dimension = "d";
  ColumnFigures perception;
  perception.stats.n = 2;
  perception.stats.mean = 0.1;
  perception.distribution.low = 1;
  perception.distribution.freq = {1, 0, 1};
  perception.distribution.median = 1;
  item.perception = perception;
  Stats gap;
  gap.n = 2;
  gap.mean = -1.5;
  gap.sd = 0.5;
  gap.ci95 = Interval{-2, -1};
  gap.paired_test = true;
  item.gap = gap;
  all.items.push_back(item);
  MetricResult nps;
  nps.id = "nps";
  nps.type = MetricType::kNps;
  nps.nps.n = 0;
  nps.nps.distribution.low = 0;
  nps.nps.distribution.freq = std::vector<std::int64_t>(11, 0);
  all.metrics.push_back(nps);
  report.results.push_back(all);
  SegmentResult hidden;
  hidden.segment = {{"region", "North, \"upper\""}, {"channel", "web"}};
  hidden.rows = 1;
  hidden.suppressed = true;
  report.results.push_back(hidden);
  return report;
}

}  // namespace

TEST_CASE("the JSON report has FORMATS.md's shape, nulls for missing figures", "[writers]") {
  const nlohmann::json json = nlohmann::json::parse(to_json(small_report()));
  CHECK(json["gapscore_report"] == 1);
  CHECK(json["tool"]["version"] == "9.9.9");
  CHECK(json["input"]["rejected"][0]["reason"] == "field_count");
  CHECK(json["input"]["invalid_cells"][0]["count"] == 2);
  const nlohmann::json& item = json["results"][0]["servqual"]["items"][0];
  CHECK(item["perception"]["mean"] == 0.1);
  CHECK(item["perception"]["sd"].is_null());
  CHECK(item["perception"]["ci95"].is_null());
  CHECK(item["perception"]["distribution"]["freq"]["3"] == 1);
  CHECK_FALSE(item.contains("expectation"));
  CHECK(item["gap"]["ci95"] == nlohmann::json::array({-2, -1}));
  CHECK(item["gap"]["t"].is_null());
  CHECK(json["results"][0]["metrics"][0]["score"].is_null());
  const nlohmann::json& hidden = json["results"][1];
  CHECK(hidden["segment"]["region"] == "North, \"upper\"");
  CHECK(hidden["suppressed"] == true);
  CHECK_FALSE(hidden.contains("servqual"));
}

TEST_CASE("JSON keys keep the documented order and the text ends with a newline", "[writers]") {
  const std::string text = to_json(small_report());
  CHECK(text.rfind("{\n  \"gapscore_report\": 1,\n  \"tool\": {", 0) == 0);
  CHECK(text.back() == '\n');
  CHECK(text.find("\"n\": 2,\n") < text.find("\"mean\": -1.5"));
}

TEST_CASE("bytes that are not UTF-8 never break the JSON", "[writers]") {
  Report report = small_report();
  report.results[1].segment[1].second = "caf\xE9";
  const std::string text = to_json(report);
  const nlohmann::json json = nlohmann::json::parse(text);
  CHECK(json["results"][1]["segment"]["channel"] == "caf\xEF\xBF\xBD");
}

TEST_CASE("the tidy CSV report has one figure a row", "[writers]") {
  const std::string csv = to_csv(small_report());
  CHECK(csv.rfind("segment,level,id,measure,stat,value\n"
                  "all,input,,,rows_read,3\n"
                  "all,input,,,rows_used,2\n"
                  "all,input,,,rows_rejected,1\n"
                  "all,input,,field_count,rows_rejected,1\n"
                  "all,input,P_1,out_of_range,invalid_cells,2\n"
                  "all,segment,,,rows,2\n"
                  "all,segment,,,suppressed,0\n"
                  "all,item,T1,perception,n,2\n"
                  "all,item,T1,perception,mean,0.1\n"
                  "all,item,T1,perception,sd,\n",
                  0) == 0);
  CHECK(csv.find("all,item,T1,perception,freq_3,1\n") != std::string::npos);
  CHECK(csv.find("all,item,T1,gap,ci95_low,-2\n") != std::string::npos);
  CHECK(csv.find("all,item,T1,gap,t,\n") != std::string::npos);
  CHECK(csv.find("all,metric,nps,nps,score,\n") != std::string::npos);
  CHECK(csv.find("all,metric,nps,nps,freq_10,0\n") != std::string::npos);
  CHECK(csv.find("\"region=North, \"\"upper\"\";channel=web\",segment,,,suppressed,1\n") != std::string::npos);
}

TEST_CASE("csv_field quotes only when it must", "[writers]") {
  CHECK(csv_field("plain") == "plain");
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("say \"x\"") == "\"say \"\"x\"\"\"");
  CHECK(csv_field("two\nlines") == "\"two\nlines\"");
}

}  // namespace gapscore
