#include "gapscore/questionnaire/servqual_section.h"

#include <catch2/catch.hpp>
#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "gapscore/questionnaire/load_state.h"
#include "gapscore/questionnaire/questionnaire.h"
#include "problems_of.h"

namespace gapscore {

TEST_CASE("perception-only items (SERVPERF) are accepted", "[questionnaire]") {
  const Questionnaire q = parse_questionnaire(R"({"gapscore": 1, "scales": {"a": {"min": 1, "max": 5}},
    "servqual": {"scale": "a", "dimensions": [{"id": "d", "items": [{"id": "i", "perception": "p"}]}]}})",
                                              "q.json");
  CHECK(q.items[0].expectation.empty());
  CHECK(q.items[0].perception == "p");
  CHECK(q.dimensions[0].min_items == 1);
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

TEST_CASE("read_servqual numbers items across dimensions and caps the section's min_items", "[questionnaire]") {
  const nlohmann::json root = nlohmann::json::parse(R"({"scales": {"a": {"min": 1, "max": 5}},
    "servqual": {"scale": "a", "min_items": 2, "dimensions": [
      {"id": "d", "items": [{"id": "i", "perception": "p"}, {"id": "j", "perception": "q"}]},
      {"id": "e", "items": [{"id": "k", "perception": "r"}]}]}})");
  LoadState state("q.json");
  state.scales.read(state.check, root);
  read_servqual(root, state);
  CHECK(state.check.problems().empty());
  const Questionnaire& q = state.questionnaire;
  CHECK(q.has_servqual);
  REQUIRE(q.dimensions.size() == 2);
  CHECK(q.dimensions[0].items == std::vector<std::size_t>{0, 1});
  CHECK(q.dimensions[1].items == std::vector<std::size_t>{2});
  CHECK(q.dimensions[0].min_items == 2);
  CHECK(q.dimensions[1].min_items == 1);  // 2 capped at its single item
  REQUIRE(q.items.size() == 3);
  CHECK(q.items[2].dimension == "e");
  CHECK(q.items[2].scale.name == "a");
}

TEST_CASE("an item needs a scale of its own or the section's", "[questionnaire]") {
  CHECK(problems_of(R"({"gapscore": 1,
    "servqual": {"dimensions": [{"id": "d", "items": [{"id": "i", "perception": "p"}]}]}})") ==
        std::vector<std::string>{
            "q.json: /servqual/dimensions/0/items/0: error: no scale: give \"scale\" here or under \"/servqual\""});
}

}  // namespace gapscore
