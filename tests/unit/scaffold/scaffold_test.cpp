#include "gapscore/scaffold/scaffold.h"

#include <catch2/catch.hpp>

#include "scaffold/profiles.h"

namespace gapscore {

TEST_CASE("22 numbered pairs become the RATER dimensions in the standard order", "[scaffold]") {
  std::vector<std::string> names = {"resp_id"};
  for (int i = 1; i <= 22; ++i) {
    const std::string number = (i < 10 ? "0" : "") + std::to_string(i);
    names.push_back("E_" + number);
    names.push_back("P_" + number);
  }
  names.insert(names.end(), {"nps", "csat", "ces", "region"});
  std::vector<std::vector<std::string>> rows;
  for (int r = 0; r < 40; ++r) {
    std::vector<std::string> row = {"R" + std::to_string(r)};
    for (int i = 0; i < 44; ++i) row.push_back(std::to_string(1 + (r + i) % 7));
    row.insert(row.end(), {std::to_string(r % 11), std::to_string(1 + r % 5), std::to_string(1 + r % 7),
                           r % 2 == 0 ? "North" : "South"});
    rows.push_back(row);
  }
  const Scaffold scaffold = scaffold_questionnaire(names, {}, profiles_of(names.size(), rows), 1, "data.csv", "");
  const auto& q = scaffold.questionnaire;
  CHECK_FALSE(q.contains("$schema"));
  CHECK(q["respondent_id"] == "resp_id");
  CHECK(q["scales"]["agree7"] == nlohmann::ordered_json({{"min", 1}, {"max", 7}}));
  const auto& dimensions = q["servqual"]["dimensions"];
  REQUIRE(dimensions.size() == 5);
  const std::vector<std::pair<std::string, std::size_t>> rater = {
      {"tangibles", 4}, {"reliability", 5}, {"responsiveness", 4}, {"assurance", 4}, {"empathy", 5}};
  for (std::size_t d = 0; d < 5; ++d) {
    CHECK(dimensions[d]["id"] == rater[d].first);
    CHECK(dimensions[d]["items"].size() == rater[d].second);
  }
  CHECK(dimensions[1]["items"][0] ==
        nlohmann::ordered_json({{"id", "RL1"}, {"expectation", "E_05"}, {"perception", "P_05"}}));
  const auto& metrics = q["metrics"];
  REQUIRE(metrics.size() == 3);
  CHECK(metrics[0]["column"] == "nps");
  CHECK(metrics[1]["column"] == "csat");
  CHECK_FALSE(metrics[1].contains("scale"));
  CHECK(metrics[2]["column"] == "ces");
}

TEST_CASE("named statements stay one dimension, with their text", "[scaffold]") {
  const std::vector<std::string> names = {"Expectation - Prompt service", "Perception - Prompt service",
                                          "Expectation - Clean rooms", "Perception - Clean rooms"};
  const std::vector<std::vector<std::string>> rows = {
      {"Strongly agree", "Agree", "Agree", "Disagree"}, {"4", "5", "3", "Strongly disagree"}, {"5", "1", "2", "2"}};
  const Scaffold scaffold = scaffold_questionnaire(names, {}, profiles_of(4, rows), 1, "x.csv", "");
  const auto& q = scaffold.questionnaire;
  const auto& items = q["servqual"]["dimensions"][0]["items"];
  REQUIRE(items.size() == 2);
  CHECK(items[0]["text"] == "Prompt service");
  CHECK(items[1]["expectation"] == "Expectation - Clean rooms");
  // Values up to 5 and five-point wordings: a 1..5 scale with those labels.
  CHECK(q["scales"]["agree5"]["max"] == 5);
  CHECK(q["scales"]["agree5"]["labels"]["Strongly agree"] == 5);
  CHECK(q["scales"]["agree5"]["labels"]["Disagree"] == 2);
}

TEST_CASE("metrics need their name and a range that fits", "[scaffold]") {
  const std::vector<std::string> names = {"likely_to_recommend", "satisfaction", "effort_score", "recommend_group"};
  std::vector<std::vector<std::string>> rows;
  // CSAT answered on 1..10; effort beyond 1..7; a 1..3 group code.
  for (int r = 0; r < 30; ++r) {
    rows.push_back(
        {std::to_string(r % 11), std::to_string(1 + r % 10), std::to_string(1 + r % 9), std::to_string(1 + r % 3)});
  }
  const Scaffold scaffold = scaffold_questionnaire(names, {}, profiles_of(4, rows), 1, "x.csv", "");
  const auto& metrics = scaffold.questionnaire["metrics"];
  REQUIRE(metrics.size() == 2);
  CHECK(metrics[0]["column"] == "likely_to_recommend");
  CHECK(metrics[1]["column"] == "satisfaction");
  CHECK(metrics[1]["scale"] == "csat10");
  CHECK(scaffold.questionnaire["scales"]["csat10"] == nlohmann::ordered_json({{"min", 1}, {"max", 10}}));
}

TEST_CASE("ids, weights, Kano pairs and segments are recognised", "[scaffold]") {
  const std::vector<std::string> names = {"id", "weight", "app_has", "app_lacks", "region", "comment"};
  std::vector<std::vector<std::string>> rows;
  for (int r = 0; r < 25; ++r) {
    rows.push_back({std::to_string(r), r == 3 ? "" : "1.25", "I like it", "I dislike it", r % 3 == 0 ? "East" : "West",
                    "comment " + std::to_string(r)});
  }
  const Scaffold scaffold = scaffold_questionnaire(names, {}, profiles_of(names.size(), rows), 1, "x.csv", "s.json");
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

TEST_CASE("two matrix questions over the same statements pair up, the first as expectations", "[scaffold]") {
  // Google Forms' names, and Qualtrics' tags with the question text beneath.
  const std::vector<std::string> forms = {"Timestamp", "An excellent bank... [Prompt service]",
                                          "An excellent bank... [Clean branches]", "Acme Bank... [Prompt service]",
                                          "Acme Bank... [Clean branches]"};
  const std::vector<std::vector<std::string>> rows = {{"t", "7", "6", "5", "4"}, {"t", "6", "6", "3", "5"}};
  const Scaffold from_forms = scaffold_questionnaire(forms, {}, profiles_of(5, rows), 1, "x.csv", "");
  const auto& items = from_forms.questionnaire["servqual"]["dimensions"][0]["items"];
  REQUIRE(items.size() == 2);
  CHECK(items[0] == nlohmann::ordered_json({{"id", "item1"},
                                            {"text", "Prompt service"},
                                            {"expectation", "An excellent bank... [Prompt service]"},
                                            {"perception", "Acme Bank... [Prompt service]"}}));
  const std::vector<std::string> tags = {"Q1_1", "Q1_2", "Q2_1", "Q2_2"};
  const std::vector<std::string> questions = {
      "Ideally, how far do you agree? - Prompt service", "Ideally, how far do you agree? - Clean branches",
      "Of us, how far do you agree? - Prompt service", "Of us, how far do you agree? - Clean branches"};
  const std::vector<std::vector<std::string>> answers = {{"7", "6", "5", "4"}, {"6", "6", "3", "5"}};
  const Scaffold from_tags = scaffold_questionnaire(tags, questions, profiles_of(4, answers), 3, "x.csv", "");
  const auto& item = from_tags.questionnaire["servqual"]["dimensions"][0]["items"][1];
  CHECK(item["text"] == "Clean branches");
  CHECK(item["expectation"] == "Q1_2");
  CHECK(item["perception"] == "Q2_2");
  CHECK(from_tags.questionnaire["header_rows"] == 3);
}

}  // namespace gapscore
