#include "gapscore/writers/json_writer.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "writers/small_report.h"

namespace gapscore {

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

}  // namespace gapscore
