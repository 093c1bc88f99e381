#include "gapscore/scaffold/perception_items.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "gapscore/scaffold/scaffold.h"
#include "scaffold/profiles.h"

namespace gapscore {

TEST_CASE("without expectations, ratings become perception-only items by question block", "[scaffold]") {
  // Qualtrics tags: a 1..5 battery Q2, a 0..10 battery Q3, an NPS, a 0/1 flag and a text column.
  const std::vector<std::string> names = {"id", "Q2_1", "Q2_2", "Q3_1", "Q3_2", "Q4_NPS", "Finished", "Q5"};
  const std::vector<std::string> questions = {"Response ID",        "Service - Prompt",
                                              "Service - Friendly", "Branch - Clean",
                                              "Branch - Quiet",     "How likely are you to recommend us?",
                                              "Finished",           "Comments"};
  const std::vector<std::vector<std::string>> rows = {{"a", "1", "5", "0", "10", "9", "1", "ok"},
                                                      {"b", "3", "4", "7", "3", "6", "1", "slow"},
                                                      {"c", "5", "2", "10", "8", "10", "0", ""}};
  const Scaffold scaffold = scaffold_questionnaire(scaffold::HeaderLayout{"", 1, false, names, questions},
                                                   profiles_of(names.size(), rows), "x.csv", "");
  const nlohmann::ordered_json& servqual = scaffold.questionnaire["servqual"];
  CHECK(servqual["scale"] == "agree5");
  REQUIRE(servqual["dimensions"].size() == 2);
  CHECK(servqual["dimensions"][0] == nlohmann::ordered_json::parse(R"({"id": "block1", "label": "Service", "items": [
      {"id": "Q2_1", "text": "Prompt", "perception": "Q2_1"},
      {"id": "Q2_2", "text": "Friendly", "perception": "Q2_2"}]})"));
  // The second block is on its own scale, named on each item.
  CHECK(servqual["dimensions"][1]["items"][0]["scale"] == "scale0_10");
  CHECK(scaffold.questionnaire["scales"]["scale0_10"] == nlohmann::ordered_json({{"min", 0}, {"max", 10}}));
  // The NPS question went to the metrics first.
  CHECK(scaffold.questionnaire["metrics"][0]["column"] == "Q4_NPS");
  CHECK(scaffold.scorable);
}

TEST_CASE("a lone rating is not a study: nothing to score", "[scaffold]") {
  const std::vector<std::string> names = {"id", "Q1", "comment"};
  const std::vector<std::vector<std::string>> rows = {{"a", "4", "ok"}, {"b", "2", "no"}};
  const Scaffold scaffold = scaffold_questionnaire(scaffold::HeaderLayout{"", 1, false, names, {}},
                                                   profiles_of(names.size(), rows), "x.csv", "");
  CHECK_FALSE(scaffold.scorable);
  CHECK(scaffold.questionnaire.count("servqual") == 0);
}

}  // namespace gapscore
