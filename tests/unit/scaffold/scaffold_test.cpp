#include "gapscore/scaffold/scaffold.h"

#include <catch2/catch.hpp>

#include "scaffold/profiles.h"

namespace gapscore {

TEST_CASE("ids, weights, Kano pairs and segments are recognised", "[scaffold]") {
  const std::vector<std::string> names = {"id", "weight", "app_has", "app_lacks", "region", "comment"};
  std::vector<std::vector<std::string>> rows;
  for (int r = 0; r < 25; ++r) {
    rows.push_back({std::to_string(r), r == 3 ? "" : "1.25", "I like it", "I dislike it", r % 3 == 0 ? "East" : "West",
                    "comment " + std::to_string(r)});
  }
  const Scaffold scaffold = scaffold_questionnaire(scaffold::HeaderLayout{"", 1, false, names, {}},
                                                   profiles_of(names.size(), rows), "x.csv", "s.json");
  const auto& q = scaffold.questionnaire;
  CHECK(q["$schema"] == "s.json");
  CHECK(q["respondent_id"] == "id");
  CHECK(q["weight_column"] == "weight");
  CHECK(q["kano"]["features"][0] ==
        nlohmann::ordered_json({{"id", "app"}, {"functional", "app_has"}, {"dysfunctional", "app_lacks"}}));
  const std::string notes = [&] {
    std::string all;
    for (const std::string& note : scaffold.notes) all += note + "\n";
    return all;
  }();
  CHECK(notes.find("\"region\" (2 values)") != std::string::npos);
  CHECK(notes.find("columns not used: \"comment\"") != std::string::npos);
  CHECK(notes.find("1 rows in the sample have no number here") != std::string::npos);
}

TEST_CASE("the notes come in the order of the guesses, the items' count first", "[scaffold]") {
  const std::vector<std::string> names = {"id", "E_01", "P_01", "E_02", "P_02", "nps", "region", "E_03"};
  std::vector<std::vector<std::string>> rows;
  for (int r = 0; r < 20; ++r) {
    const std::string answer = std::to_string(1 + r % 5);
    rows.push_back({std::to_string(r), answer, answer, answer, answer, std::to_string(r % 11),
                    r % 2 == 0 ? "North" : "South", "3"});
  }
  const Scaffold scaffold = scaffold_questionnaire(scaffold::HeaderLayout{"", 1, false, names, {}},
                                                   profiles_of(names.size(), rows), "x.csv", "");
  CHECK(scaffold.notes ==
        std::vector<std::string>{
            "found 2 SERVQUAL items: 2 with expectation and perception",
            "respondent id: column \"id\" (every value in the sample is distinct)",
            "items' scale \"agree5\": 1..5 (at least 1% of answers gave each of 1..5); check the scale's end points",
            "put all 2 items in one dimension \"all\": split them into your questionnaire's dimensions "
            "(tangibles, reliability, responsiveness, assurance, empathy)",
            "columns that look like items but have no perception column, left out: E_03",
            "nps: column \"nps\" on 0..10 (values seen 0..10)",
            "columns to break the report down by (--by): \"region\" (2 values)", "columns not used: \"E_03\""});
  std::vector<std::string> keys;
  for (const auto& [key, value] : scaffold.questionnaire.items()) keys.push_back(key);
  CHECK(keys == std::vector<std::string>{"gapscore", "title", "respondent_id", "scales", "servqual", "metrics"});
  CHECK(scaffold.questionnaire["servqual"]["dimensions"][0]["items"][0] ==
        nlohmann::ordered_json({{"id", "Q01"}, {"expectation", "E_01"}, {"perception", "P_01"}}));
}

}  // namespace gapscore
