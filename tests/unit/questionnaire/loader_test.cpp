#include "gapscore/questionnaire/loader.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "gapscore/questionnaire/questionnaire.h"
#include "problems_of.h"

namespace gapscore {

TEST_CASE("a minimal questionnaire gets its defaults", "[questionnaire]") {
  const Questionnaire q = parse_questionnaire(kMinimal, "q.json");
  CHECK(q.header_rows == 1);
  CHECK(q.missing == std::vector<std::string>{"", "NA", "N/A"});
  REQUIRE(q.dimensions.size() == 1);
  CHECK(q.dimensions[0].min_items == 2);
  CHECK(q.dimensions[0].label == "tangibles");
  REQUIRE(q.items.size() == 3);
  CHECK(q.items[2].scale.max == 7);
  CHECK(q.items[2].dimension == "tangibles");
  CHECK(q.weighting == Weighting::kNone);
}

TEST_CASE("every problem is reported at once, each with its JSON pointer", "[questionnaire]") {
  const std::vector<std::string> problems = problems_of(R"({
    "gapscore": 1, "titel": "x",
    "scales": {"bad": {"min": 5, "max": 1}, "agree5": {"min": 1, "max": 5, "labels": {"Yes": 9}}},
    "servqual": {"scale": "agree5", "dimensions": [
      {"id": "d1", "weight": -1, "items": [
        {"id": "A", "expectation": "E1", "perception": "P1", "scale": "agre5"},
        {"id": "A", "perception": "E1"}]},
      {"id": "d1", "items": []}]},
    "metrics": [{"type": "nsp", "column": "n"}]
  })");
  CHECK(problems ==
        std::vector<std::string>{
            "q.json: /titel: error: unknown key \"titel\" (did you mean \"title\"?)",
            "q.json: /scales/agree5/labels/Yes: error: code 9 is outside the scale 1..5",
            "q.json: /scales/bad: error: min (5) must be less than max (1)",
            "q.json: /servqual/dimensions/0/weight: error: a weight must not be negative",
            "q.json: /servqual/dimensions/0/items/0/scale: error: unknown scale \"agre5\"",
            "q.json: /servqual/dimensions/0/items/1/id: error: item id \"A\" is already used at "
            "/servqual/dimensions/0/items/0",
            "q.json: /servqual/dimensions/0/items/1/perception: error: column \"E1\" is already used at "
            "/servqual/dimensions/0/items/0/expectation",
            "q.json: /servqual/dimensions/1/id: error: dimension id \"d1\" is already used at /servqual/dimensions/0",
            "q.json: /servqual/dimensions/1/items: error: a dimension needs at least one item",
            "q.json: /servqual/dimensions/1: error: missing \"weight\": give every dimension a weight, or none",
            "q.json: /metrics/0/type: error: unknown metric type \"nsp\" (did you mean \"nps\"?); expected \"nps\", "
            "\"csat\" "
            "or \"ces\"",
        });
}

TEST_CASE("a raking section's problems are all named, at their pointers", "[questionnaire]") {
  CHECK(problems_of(R"({"gapscore": 1, "weight_column": "w",
    "raking": {"margins": {"age": {"young": 0.5, "old": 0.6}, "a/b": {"": 1}, "w": {"x": 1},
                           "region": {"N": "half", "S": -0.1}},
               "max_iterations": 5.0, "tolerance": 1, "cap": 0.5, "trim": 2},
    "metrics": [{"type": "nps", "column": "n"}]})") ==
        std::vector<std::string>{
            "q.json: /raking/trim: error: unknown key \"trim\"",
            "q.json: /raking/margins/a~1b/: error: an empty cell is the value \"(missing)\": give its share under "
            "that name",
            "q.json: /raking/margins/a~1b: error: the shares add up to 0, not 1",
            "q.json: /raking/margins/age: error: the shares add up to 1.1, not 1",
            "q.json: /raking/margins/region/N: error: expected a population share from 0 to 1, found \"half\"",
            "q.json: /raking/margins/region/S: error: expected a population share from 0 to 1, found -0.1",
            "q.json: /raking/margins/region: error: the shares add up to 0, not 1",
            "q.json: /raking/margins/w: error: column \"w\" is already used at /weight_column",
            "q.json: /raking/max_iterations: error: expected an integer number of sweeps from 1 to 10000, found 5.0",
            "q.json: /raking/tolerance: error: expected a share of the total weight below 1, found 1",
            "q.json: /raking/cap: error: a cap on raked / base weight must be above 1, found 0.5",
        });
}

TEST_CASE("wrong types are named", "[questionnaire]") {
  CHECK(problems_of(R"({"gapscore": 1, "header_rows": "2", "missing": "NA",
    "metrics": [{"type": "nps", "column": 7}]})") ==
        std::vector<std::string>{
            "q.json: /header_rows: error: expected an integer, found a string",
            "q.json: /missing: error: expected an array of strings, found a string",
            "q.json: /metrics/0/column: error: expected a string, found an integer",
        });
  CHECK(problems_of(R"({"gapscore": 1})") ==
        std::vector<std::string>{
            "q.json: /: error: nothing to score: give a \"servqual\" section, \"metrics\" or \"kano\""});
  CHECK(problems_of("[1, 2]") == std::vector<std::string>{"q.json: /: error: expected an object, found an array"});
}

TEST_CASE("the format version is required", "[questionnaire]") {
  CHECK(problems_of(R"({"metrics": [{"type": "nps", "column": "n"}]})") ==
        std::vector<std::string>{"q.json: /: error: missing required key \"gapscore\" (the format version, 1)"});
  CHECK(problems_of(R"({"gapscore": 2, "metrics": [{"type": "nps", "column": "n"}]})") ==
        std::vector<std::string>{
            "q.json: /gapscore: error: unsupported format version 2, this gapscore reads version 1"});
}

TEST_CASE("the questionnaire keeps its document compact with sorted keys", "[questionnaire]") {
  const Questionnaire q = questionnaire_from_json(
      nlohmann::json::parse(R"({"metrics": [{"type": "nps", "column": "n"}], "gapscore": 1})"), "q.json");
  CHECK(q.file == "q.json");
  CHECK(q.source == R"({"gapscore":1,"metrics":[{"column":"n","type":"nps"}]})");
}

TEST_CASE("header_names is read against header_rows", "[questionnaire]") {
  const Questionnaire last = questionnaire_from_json(nlohmann::json::parse(R"({"gapscore": 1, "header_rows": 3,
    "header_names": "last", "metrics": [{"type": "nps", "column": "n"}]})"),
                                                     "q.json");
  CHECK(last.header_names.row == 3);
  CHECK_FALSE(last.header_names.joined);
  CHECK(problems_of(R"({"gapscore": 1, "header_rows": 3, "header_names": 4,
    "metrics": [{"type": "nps", "column": "n"}]})") ==
        std::vector<std::string>{"q.json: /header_names: error: expected \"first\", \"last\", \"joined\" or a header "
                                 "row number from 1 to 3, found 4"});
}

TEST_CASE("key drivers need an nps or csat outcome and a servqual section", "[questionnaire]") {
  CHECK(problems_of(R"({"gapscore": 1, "metrics": [{"type": "ces", "column": "c"}],
    "drivers": {"outcome": "ces"}})") ==
        std::vector<std::string>{
            "q.json: /drivers/outcome: error: the outcome of key drivers is an nps or csat metric",
            "q.json: /drivers: error: key drivers need a \"servqual\" section",
        });
  CHECK(problems_of(R"({"gapscore": 1, "metrics": [{"type": "nps", "column": "n"}],
    "drivers": {"outcome": "nsp"}})") ==
        std::vector<std::string>{
            "q.json: /drivers/outcome: error: no metric \"nsp\" (did you mean \"nps\"?); the outcome is the id of an "
            "nps or csat metric",
            "q.json: /drivers: error: key drivers need a \"servqual\" section",
        });
}

}  // namespace gapscore
