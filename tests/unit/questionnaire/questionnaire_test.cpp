#include "gapscore/questionnaire/questionnaire.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "gapscore/base/diagnostic.h"
#include "problems_of.h"
#include "test_support.h"

namespace gapscore {

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
