#include "gapscore/questionnaire/questionnaire.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "gapscore/base/diagnostic.h"
#include "test_support.h"

namespace gapscore {

namespace {

// Every diagnostic the questionnaire produces, formatted, or an empty list.
std::vector<std::string> problems_of(const std::string& json) {
  const Thrown thrown = thrown_by([&json] { parse_questionnaire(json, "q.json"); });
  CHECK(thrown.kind == ErrorKind::kInvalid);
  return thrown.messages;
}

const char* const kMinimal = R"({
  "gapscore": 1,
  "scales": {"agree7": {"min": 1, "max": 7}},
  "servqual": {"scale": "agree7", "dimensions": [
    {"id": "tangibles", "items": [
      {"id": "T1", "expectation": "E1", "perception": "P1"},
      {"id": "T2", "expectation": "E2", "perception": "P2"},
      {"id": "T3", "expectation": "E3", "perception": "P3"}]}]}
})";

}  // namespace

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

TEST_CASE("the bundled examples load", "[questionnaire]") {
  const Questionnaire bank =
      load_questionnaire(std::string(GAPSCORE_SOURCE_DIR) + "/examples/servqual22/questionnaire.json");
  CHECK(bank.items.size() == 22);
  CHECK(bank.dimensions.size() == 5);
  CHECK(bank.dimensions[0].id == "tangibles");
  CHECK(bank.dimensions[4].id == "empathy");
  CHECK(bank.weighting == Weighting::kFixed);
  REQUIRE(bank.metrics.size() == 3);
  CHECK(bank.metrics[1].satisfied_min == 4);
  CHECK(bank.metrics[2].agree_min == 5);
  const Questionnaire tiny = load_questionnaire(std::string(GAPSCORE_SOURCE_DIR) + "/examples/tiny/questionnaire.json");
  CHECK(tiny.items[2].reverse);
  CHECK(tiny.metrics[1].scale.min == 1);
  CHECK(tiny.metrics[1].scale.max == 5);
  CHECK(tiny.metrics[1].satisfied_min == 4);
  CHECK(tiny.metrics[0].promoter_min == 9);
  CHECK(tiny.metrics[0].detractor_max == 6);
}

TEST_CASE("metric defaults follow METHODS.md", "[questionnaire]") {
  const Questionnaire q = parse_questionnaire(R"({"gapscore": 1, "scales": {"s10": {"min": 1, "max": 10}},
    "metrics": [{"type": "ces", "column": "c"}, {"id": "sat", "type": "csat", "column": "s", "scale": "s10"}]})",
                                              "q.json");
  REQUIRE(q.metrics.size() == 2);
  CHECK(q.metrics[0].id == "ces");
  CHECK(q.metrics[0].agree_min == 5);
  CHECK(q.metrics[1].satisfied_min == 9);
  CHECK_FALSE(q.has_servqual);
}

TEST_CASE("perception-only items (SERVPERF) are accepted", "[questionnaire]") {
  const Questionnaire q = parse_questionnaire(R"({"gapscore": 1, "scales": {"a": {"min": 1, "max": 5}},
    "servqual": {"scale": "a", "dimensions": [{"id": "d", "items": [{"id": "i", "perception": "p"}]}]}})",
                                              "q.json");
  CHECK(q.items[0].expectation.empty());
  CHECK(q.items[0].perception == "p");
  CHECK(q.dimensions[0].min_items == 1);
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

TEST_CASE("an unknown scale that exists but is broken is reported once", "[questionnaire]") {
  const std::vector<std::string> problems = problems_of(R"({"gapscore": 1,
    "scales": {"s": {"min": 3, "max": 3}},
    "servqual": {"scale": "s", "dimensions": [{"id": "d", "items": [{"id": "i", "perception": "p"}]}]}})");
  CHECK(problems == std::vector<std::string>{"q.json: /scales/s: error: min (3) must be less than max (3)"});
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

TEST_CASE("metric options are checked against their scale and type", "[questionnaire]") {
  CHECK(problems_of(R"({"gapscore": 1, "metrics": [
      {"type": "nps", "column": "a", "promoter_min": 7, "detractor_max": 8},
      {"type": "csat", "column": "b", "satisfied_min": 6},
      {"type": "ces", "column": "c", "satisfied_min": 2}]})") ==
        std::vector<std::string>{
            "q.json: /metrics/0: error: detractor_max (8) must be less than promoter_min (7)",
            "q.json: /metrics/1/satisfied_min: error: satisfied_min 6 is outside the scale 1..5",
            "q.json: /metrics/2/satisfied_min: error: satisfied_min applies only to csat metrics",
        });
}

TEST_CASE("weights and importance columns", "[questionnaire]") {
  const char* const both = R"({"gapscore": 1, "scales": {"a": {"min": 1, "max": 5}},
    "servqual": {"scale": "a", "importance": {"d": "imp_d"},
      "dimensions": [{"id": "d", "weight": 1, "items": [{"id": "i", "perception": "p"}]}]}})";
  CHECK(
      problems_of(both) ==
      std::vector<std::string>{
          "q.json: /servqual/importance: error: give either fixed dimension weights or importance columns, not both"});
  const char* const zero = R"({"gapscore": 1, "scales": {"a": {"min": 1, "max": 5}},
    "servqual": {"scale": "a", "dimensions": [{"id": "d", "weight": 0, "items": [{"id": "i", "perception": "p"}]}]}})";
  CHECK(problems_of(zero) ==
        std::vector<std::string>{"q.json: /servqual/dimensions: error: the dimension weights sum to 0"});
  const char* const importance = R"({"gapscore": 1, "scales": {"a": {"min": 1, "max": 5}},
    "servqual": {"scale": "a", "importance": {"d": "imp_d", "x": "imp_x"},
      "dimensions": [{"id": "d", "items": [{"id": "i", "perception": "p"}]},
                     {"id": "e", "items": [{"id": "j", "perception": "q"}]}]}})";
  CHECK(problems_of(importance) == std::vector<std::string>{
                                       "q.json: /servqual/importance/x: error: unknown dimension \"x\"",
                                       "q.json: /servqual/importance: error: no importance column for dimension \"e\"",
                                   });
}

TEST_CASE("min_items must fit the dimension", "[questionnaire]") {
  CHECK(
      problems_of(R"({"gapscore": 1, "scales": {"a": {"min": 1, "max": 5}},
    "servqual": {"scale": "a", "dimensions": [{"id": "d", "min_items": 3,
      "items": [{"id": "i", "perception": "p"}, {"id": "j", "perception": "q"}]}]}})") ==
      std::vector<std::string>{
          "q.json: /servqual/dimensions/0/min_items: error: min_items 3 is more than the 2 item(s) of the dimension"});
}

TEST_CASE("a dimension has at most 30 items", "[questionnaire]") {
  std::string items;
  for (int i = 0; i < 31; ++i)
    items += std::string(i ? "," : "") + "{\"id\": \"i" + std::to_string(i) + "\", \"perception\": \"p" +
             std::to_string(i) + "\"}";
  CHECK(problems_of(R"({"gapscore": 1, "scales": {"a": {"min": 1, "max": 5}},
    "servqual": {"scale": "a", "dimensions": [{"id": "d", "items": [)" +
                    items + "]}]}}") ==
        std::vector<std::string>{"q.json: /servqual/dimensions/0/items: error: a dimension may have at most 30 items, "
                                 "this one has 31"});
}

TEST_CASE("a label that is also a missing token is refused", "[questionnaire]") {
  CHECK(problems_of(R"({"gapscore": 1, "missing": ["", "Don't know"],
    "scales": {"a": {"min": 1, "max": 5, "labels": {"don't know": 3}}},
    "metrics": [{"type": "csat", "column": "c", "scale": "a"}]})") ==
        std::vector<std::string>{"q.json: /scales/a/labels: error: label \"don't know\" is also a missing token; "
                                 "remove it from one of the two"});
}

TEST_CASE("JSON syntax errors point at line and column", "[questionnaire]") {
  const std::vector<std::string> problems =
      problems_of("{\n  \"gapscore\": 1,\n  \"title\": \"x\"\n  \"metrics\": []\n}");
  REQUIRE(problems.size() == 1);
  CHECK(
      problems[0] ==
      "q.json:4:3: error: not valid JSON: syntax error while parsing object - unexpected string literal; expected '}'");
  CHECK(problems_of("{\"gapscore\": 1, \"header_rows\": 12x}") ==
        std::vector<std::string>{
            "q.json:1:32: error: not valid JSON: syntax error while parsing object - invalid literal; "
            "last read: '12x'; expected '}'"});
}

TEST_CASE("a number too large for JSON is a syntax error at its place (found by fuzzing)", "[questionnaire]") {
  CHECK(problems_of("{\"gapscore\": 1,\n \"header_rows\": 2e7777}") ==
        std::vector<std::string>{"q.json:2:17: error: not valid JSON: number overflow parsing '2e7777'"});
}

TEST_CASE("a questionnaire that cannot be read is an I/O error", "[questionnaire]") {
  const Thrown thrown = thrown_by([&] { load_questionnaire("/nonexistent/q.json"); });
  CHECK(thrown.kind == ErrorKind::kIo);
  CHECK(thrown.messages.at(0) ==
        "/nonexistent/q.json: error: cannot open the questionnaire: No such file or directory");
}

TEST_CASE("column_uses lists every column with its role and pointer", "[questionnaire]") {
  const Questionnaire q = parse_questionnaire(kMinimal, "q.json");
  const std::vector<ColumnUse> uses = column_uses(q);
  REQUIRE(uses.size() == 6);
  CHECK(uses[1].column == "P1");
  CHECK(uses[1].role == "item T1 perception");
  CHECK(uses[1].pointer == "/servqual/dimensions/0/items/0/perception");
}

}  // namespace gapscore
