#include "gapscore/questionnaire/metrics_section.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "gapscore/questionnaire/load_state.h"
#include "gapscore/questionnaire/questionnaire.h"
#include "problems_of.h"

namespace gapscore {

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

TEST_CASE("read_metrics leaves out a metric whose id is taken", "[questionnaire]") {
  const nlohmann::json root = nlohmann::json::parse(R"({"scales": {"s7": {"min": 1, "max": 7}},
    "metrics": [{"type": "nps", "column": "a"}, {"type": "nps", "column": "b"},
                {"type": "ces", "column": "c", "scale": "s7"}]})");
  LoadState state("q.json");
  state.scales.read(state.check, root);
  read_metrics(root, state);
  CHECK(formatted(state.check.problems()) ==
        std::vector<std::string>{"q.json: /metrics/1: error: metric id \"nps\" is already used at /metrics/0"});
  const std::vector<Metric>& metrics = state.questionnaire.metrics;
  REQUIRE(metrics.size() == 2);
  CHECK(metrics[0].id == "nps");
  CHECK(metrics[0].column == "a");
  CHECK(metrics[0].scale.min == 0);
  CHECK(metrics[0].scale.max == 10);
  CHECK(metrics[1].id == "ces");
  CHECK(metrics[1].scale.name == "s7");
  CHECK(metrics[1].agree_min == 5);  // (1 + 7) / 2 + 1
}

}  // namespace gapscore
