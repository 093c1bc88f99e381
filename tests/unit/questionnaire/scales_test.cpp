#include "gapscore/questionnaire/scales.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "problems_of.h"

namespace gapscore {

TEST_CASE("an unknown scale that exists but is broken is reported once", "[questionnaire]") {
  const std::vector<std::string> problems = problems_of(R"({"gapscore": 1,
    "scales": {"s": {"min": 3, "max": 3}},
    "servqual": {"scale": "s", "dimensions": [{"id": "d", "items": [{"id": "i", "perception": "p"}]}]}})");
  CHECK(problems == std::vector<std::string>{"q.json: /scales/s: error: min (3) must be less than max (3)"});
}

TEST_CASE("a label that is also a missing token is refused", "[questionnaire]") {
  CHECK(problems_of(R"({"gapscore": 1, "missing": ["", "Don't know"],
    "scales": {"a": {"min": 1, "max": 5, "labels": {"don't know": 3}}},
    "metrics": [{"type": "csat", "column": "c", "scale": "a"}]})") ==
        std::vector<std::string>{"q.json: /scales/a/labels: error: label \"don't know\" is also a missing token; "
                                 "remove it from one of the two"});
}

TEST_CASE("read_scale keeps its labels trimmed", "[questionnaire]") {
  Checker check("q.json");
  const std::optional<Scale> scale =
      read_scale(check, "likely",
                 nlohmann::json::parse(R"({"min": 0, "max": 10, "labels": {" Very likely ": 10, "Not at all": 0}})"),
                 "/scales/likely");
  CHECK(check.problems().empty());
  REQUIRE(scale);
  CHECK(scale->name == "likely");
  CHECK(scale->points() == 11);
  // nlohmann/json holds object keys sorted, and " Very likely " sorts first.
  CHECK(scale->labels == std::vector<std::pair<std::string, int>>{{"Very likely", 10}, {"Not at all", 0}});
}

TEST_CASE("labels that differ only in case or spaces are refused", "[questionnaire]") {
  Checker check("q.json");
  CHECK_FALSE(read_scale(
      check, "s", nlohmann::json::parse(R"({"min": 1, "max": 5, "labels": {" Agree ": 4, "agree": 5}})"), "/scales/s"));
  CHECK(formatted(check.problems()) ==
        std::vector<std::string>{"q.json: /scales/s/labels/agree: error: label \"agree\" is the same as \" Agree \" "
                                 "once case and surrounding spaces are ignored"});
}

TEST_CASE("a scale has at most 1001 points", "[questionnaire]") {
  Checker check("q.json");
  const std::optional<Scale> widest = read_scale(check, "w", nlohmann::json::parse(R"({"min": 0, "max": 1000})"), "/w");
  REQUIRE(widest);
  CHECK(widest->points() == 1001);
  CHECK_FALSE(read_scale(check, "x", nlohmann::json::parse(R"({"min": 0, "max": 1001})"), "/x"));
  CHECK(formatted(check.problems()) ==
        std::vector<std::string>{"q.json: /x: error: a scale may have at most 1001 points, this one has 1002"});
}

}  // namespace gapscore
