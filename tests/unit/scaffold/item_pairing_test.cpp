#include "gapscore/scaffold/item_pairing.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "gapscore/scaffold/scaffold.h"
#include "scaffold/profiles.h"

namespace gapscore {

TEST_CASE("two matrix questions over the same statements pair up, the first as expectations", "[scaffold]") {
  // Google Forms' names, and Qualtrics' tags with the question text beneath.
  const std::vector<std::string> forms = {"Timestamp", "An excellent bank... [Prompt service]",
                                          "An excellent bank... [Clean branches]", "Acme Bank... [Prompt service]",
                                          "Acme Bank... [Clean branches]"};
  const std::vector<std::vector<std::string>> rows = {{"t", "7", "6", "5", "4"}, {"t", "6", "6", "3", "5"}};
  const Scaffold from_forms =
      scaffold_questionnaire(scaffold::HeaderLayout{"", 1, false, forms, {}}, profiles_of(5, rows), "x.csv", "");
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
  const Scaffold from_tags = scaffold_questionnaire(scaffold::HeaderLayout{"", 3, false, tags, questions},
                                                    profiles_of(4, answers), "x.csv", "");
  const auto& item = from_tags.questionnaire["servqual"]["dimensions"][0]["items"][1];
  CHECK(item["text"] == "Clean branches");
  CHECK(item["expectation"] == "Q1_2");
  CHECK(item["perception"] == "Q2_2");
  CHECK(from_tags.questionnaire["header_rows"] == 3);
}

TEST_CASE("columns pair by their key; items without perception and empty columns are left out", "[scaffold]") {
  const std::vector<std::string> names = {"E_01", "P_01", "e01", "E_02", "x", "P_03", "E_03", "E_04", "P_04"};
  const std::vector<std::vector<std::string>> rows(3, {"4", "4", "4", "4", "4", "4", "4", "", ""});
  const std::vector<std::string> no_questions;
  const std::vector<ColumnProfile> profiles = profiles_of(names.size(), rows);
  scaffold::Guesswork work(names, no_questions, profiles);
  const scaffold::ItemPairing pairing = scaffold::pair_items(work);
  REQUIRE(pairing.items.size() == 2);
  CHECK(pairing.items[0].key == "01");
  CHECK(pairing.items[0].columns ==
        std::map<std::string, std::string>{{"expectation", "E_01"}, {"perception", "P_01"}});
  // Keyed by its first column, P_03.
  CHECK(pairing.items[1].key == "03");
  CHECK(pairing.items[1].columns ==
        std::map<std::string, std::string>{{"expectation", "E_03"}, {"perception", "P_03"}});
  CHECK(pairing.without_perception == std::vector<std::string>{"E_02"});
  CHECK(pairing.matrix_stems.empty());
  CHECK(work.used == std::vector<bool>{true, true, false, false, false, true, true, false, false});
  CHECK(scaffold::found_items_note(pairing) == "found 2 SERVQUAL items: 2 with expectation and perception");
}

TEST_CASE("the first note counts the zones of tolerance and the perception-only items", "[scaffold]") {
  const std::vector<std::string> names = {"T1_min", "T1_des", "T1_per", "P_05"};
  const std::vector<std::string> no_questions;
  const std::vector<ColumnProfile> profiles = profiles_of(names.size(), {{"3", "6", "5", "4"}});
  scaffold::Guesswork work(names, no_questions, profiles);
  const scaffold::ItemPairing pairing = scaffold::pair_items(work);
  CHECK(scaffold::found_items_note(pairing) ==
        "found 2 SERVQUAL items: 0 with expectation and perception, 1 with a zone of tolerance, 1 perception only");
  CHECK(scaffold::found_items_note(scaffold::ItemPairing{}) ==
        "found no SERVQUAL items: name expectation and perception columns like E_01/P_01, Q1_exp/Q1_perf or "
        "\"Expectation - ...\"/\"Perception - ...\", or add the \"servqual\" section by hand");
}

}  // namespace gapscore

namespace gapscore {

TEST_CASE("a side-by-side question pairs its parts by their headings, else part 1 as expectations", "[scaffold]") {
  const std::vector<std::string> tags = {"ResponseId", "Q1#1_1", "Q1#1_2", "Q1#2_1", "Q1#2_2"};
  const std::vector<std::string> questions = {"Response ID", "Rate the bank - Perceived service - Prompt service",
                                              "Rate the bank - Perceived service - Clean branches",
                                              "Rate the bank - Expected service - Prompt service",
                                              "Rate the bank - Expected service - Clean branches"};
  const std::vector<std::vector<std::string>> answers = {{"a", "7", "6", "5", "4"}, {"b", "6", "6", "3", "5"}};
  const Scaffold named = scaffold_questionnaire(scaffold::HeaderLayout{"", 3, false, tags, questions},
                                                profiles_of(5, answers), "x.csv", "");
  const auto& items = named.questionnaire["servqual"]["dimensions"][0]["items"];
  REQUIRE(items.size() == 2);
  // The headings say part 2 is the expectation, whatever its place.
  CHECK(items[1] ==
        nlohmann::ordered_json(
            {{"id", "item2"}, {"text", "Clean branches"}, {"expectation", "Q1#2_2"}, {"perception", "Q1#1_2"}}));
  CHECK(named.notes[0] ==
        "found 2 SERVQUAL items: 2 with expectation and perception, from the side-by-side question \"Q1\" (parts "
        "named by their headings)");

  const std::vector<std::string> unnamed_questions = {"Response ID", "Rate - A - Prompt service",
                                                      "Rate - A - Clean branches", "Rate - B - Prompt service",
                                                      "Rate - B - Clean branches"};
  const Scaffold by_place = scaffold_questionnaire(scaffold::HeaderLayout{"", 3, false, tags, unnamed_questions},
                                                   profiles_of(5, answers), "x.csv", "");
  const auto& first = by_place.questionnaire["servqual"]["dimensions"][0]["items"][0];
  CHECK(first["expectation"] == "Q1#1_1");
  CHECK(first["perception"] == "Q1#2_1");
}

TEST_CASE("a block of checkboxes is never paired with a block of numbers", "[scaffold]") {
  // SurveyMonkey's joined names: a "select all" block (its cells the option
  // texts) over the same statements as a 1-6 ranking.
  const std::vector<std::string> names = {"Seen? / Prompt service", "Seen? / Clean branches", "Seen? / Parking",
                                          "Rank / Prompt service",  "Rank / Clean branches",  "Rank / Parking"};
  const std::vector<std::vector<std::string>> rows = {{"Prompt service", "", "Parking", "1", "2", "3"},
                                                      {"", "Clean branches", "", "3", "1", "2"}};
  const std::vector<std::string> no_questions;
  const std::vector<ColumnProfile> profiles = profiles_of(names.size(), rows);
  scaffold::Guesswork work(names, no_questions, profiles);
  const scaffold::ItemPairing pairing = scaffold::pair_items(work);
  CHECK(pairing.items.empty());
  CHECK(pairing.unscaled == std::vector<std::string>{"Seen?"});
}

}  // namespace gapscore
