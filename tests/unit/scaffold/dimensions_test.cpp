#include "gapscore/scaffold/dimensions.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "gapscore/scaffold/scaffold.h"
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
  const Scaffold scaffold = scaffold_questionnaire(scaffold::HeaderLayout{"", 1, false, names, {}},
                                                   profiles_of(names.size(), rows), "data.csv", "");
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
  const Scaffold scaffold =
      scaffold_questionnaire(scaffold::HeaderLayout{"", 1, false, names, {}}, profiles_of(4, rows), "x.csv", "");
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

TEST_CASE("lettered items group by their letters, with importance when every dimension has it", "[scaffold]") {
  const std::vector<std::string> names = {"T1_exp",  "T1_per",  "T_2_exp",       "T_2_per",
                                          "RL1_exp", "RL1_per", "imp_tangibles", "importance reliability"};
  const std::vector<std::string> no_questions;
  const std::vector<ColumnProfile> profiles(names.size());
  const std::vector<scaffold::PairedItem> items = {{"T1", {{"expectation", "T1_exp"}, {"perception", "T1_per"}}},
                                                   {"T_2", {{"expectation", "T_2_exp"}, {"perception", "T_2_per"}}},
                                                   {"RL1", {{"expectation", "RL1_exp"}, {"perception", "RL1_per"}}}};
  scaffold::Guesswork work(names, no_questions, profiles);
  const nlohmann::ordered_json servqual = scaffold::guess_servqual(items, "agree5", work);
  const auto item = [](const std::string& id, const std::string& stem) {
    return nlohmann::ordered_json({{"id", id}, {"expectation", stem + "_exp"}, {"perception", stem + "_per"}});
  };
  CHECK(servqual == nlohmann::ordered_json(
                        {{"scale", "agree5"},
                         {"dimensions",
                          {{{"id", "tangibles"}, {"items", {item("T1", "T1"), item("T2", "T_2")}}},
                           {{"id", "reliability"}, {"items", {item("RL1", "RL1")}}}}},
                         {"importance", {{"tangibles", "imp_tangibles"}, {"reliability", "importance reliability"}}}}));
  CHECK(work.used == std::vector<bool>{false, false, false, false, false, false, true, true});
  CHECK(work.notes == std::vector<std::string>{
                          "grouped the items into dimensions by the letters before their numbers: tangibles (2), "
                          "reliability (1); check the grouping and the dimension names",
                          "importance points per dimension (100-point allocation): 2 columns named like "
                          "\"imp_tangibles\""});

  // Without a column for every dimension, no importance at all.
  const std::vector<std::string> fewer = {"T1_exp", "T1_per", "RL1_exp", "RL1_per", "imp_tangibles"};
  const std::vector<ColumnProfile> fewer_profiles(fewer.size());
  scaffold::Guesswork partial(fewer, no_questions, fewer_profiles);
  const nlohmann::ordered_json without = scaffold::guess_servqual({items[0], items[2]}, "agree5", partial);
  CHECK_FALSE(without.contains("importance"));
  CHECK_FALSE(partial.used[4]);
  CHECK(partial.notes.size() == 1);
}

}  // namespace gapscore
