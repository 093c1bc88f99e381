#include "gapscore/scaffold/scale_guess.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "scaffold/profiles.h"

namespace gapscore {

TEST_CASE("scale tops round up to the usual lengths", "[scaffold]") {
  CHECK(scaffold::rounded_scale_top(0) == 5);
  CHECK(scaffold::rounded_scale_top(5) == 5);
  CHECK(scaffold::rounded_scale_top(6) == 7);
  CHECK(scaffold::rounded_scale_top(8) == 9);
  CHECK(scaffold::rounded_scale_top(10) == 10);
  CHECK(scaffold::rounded_scale_top(12) == 12);
}

TEST_CASE("the items' scale leaves out rare strays and notes unknown texts", "[scaffold]") {
  // 198 integer answers: 1..7 about 28 times each, 77 once (under 1%).
  const std::vector<std::string> names = {"E_01", "P_01"};
  std::vector<std::vector<std::string>> rows;
  for (int r = 0; r < 100; ++r) {
    const std::string answer = std::to_string(1 + r % 7);
    rows.push_back({answer, r == 0 ? "77" : r == 1 ? "dunno" : r == 2 ? "NA" : answer});
  }
  const std::vector<std::string> no_questions;
  const std::vector<ColumnProfile> profiles = profiles_of(names.size(), rows);
  scaffold::Guesswork work(names, no_questions, profiles);
  const std::vector<scaffold::PairedItem> items = {{"01", {{"expectation", "E_01"}, {"perception", "P_01"}}}};
  nlohmann::ordered_json scales = nlohmann::ordered_json::object();
  CHECK(scaffold::guess_item_scale(items, work, &scales) == "agree7");
  CHECK(scales == nlohmann::ordered_json({{"agree7", {{"min", 1}, {"max", 7}}}}));
  CHECK(work.notes ==
        std::vector<std::string>{
            "items' scale \"agree7\": 1..7 (at least 1% of answers gave each of 1..7); check the scale's end points",
            "item values outside that scale, to be counted as invalid: 77",
            "item cells that are neither numbers nor known labels: \"dunno\"; add each to \"missing\" or as a label "
            "of the scale"});
}

TEST_CASE("the items' scale starts at 0 when answers do, and reads seven-point wordings", "[scaffold]") {
  const std::vector<std::string> names = {"E_01", "P_01"};
  const std::vector<std::string> no_questions;
  const std::vector<scaffold::PairedItem> items = {{"01", {{"expectation", "E_01"}, {"perception", "P_01"}}}};

  std::vector<std::vector<std::string>> rows;
  for (int r = 0; r < 11; ++r) rows.push_back({std::to_string(r), std::to_string(10 - r)});
  const std::vector<ColumnProfile> numbers = profiles_of(names.size(), rows);
  scaffold::Guesswork from_zero(names, no_questions, numbers);
  nlohmann::ordered_json scales = nlohmann::ordered_json::object();
  CHECK(scaffold::guess_item_scale(items, from_zero, &scales) == "scale0_10");
  CHECK(scales["scale0_10"] == nlohmann::ordered_json({{"min", 0}, {"max", 10}}));

  const std::vector<ColumnProfile> words =
      profiles_of(names.size(), {{"Somewhat agree", "Strongly agree"}, {"Agree", "somewhat agree"}});
  scaffold::Guesswork worded(names, no_questions, words);
  nlohmann::ordered_json worded_scales = nlohmann::ordered_json::object();
  CHECK(scaffold::guess_item_scale(items, worded, &worded_scales) == "agree7");
  CHECK(worded_scales["agree7"]["labels"] == nlohmann::ordered_json({{"Agree", 6},
                                                                     {"Somewhat agree", 5},
                                                                     {"Strongly agree", 7},
                                                                     {"Strongly disagree", 1},
                                                                     {"Disagree", 2},
                                                                     {"Somewhat disagree", 3},
                                                                     {"Neither agree nor disagree", 4}}));
  CHECK(worded.notes == std::vector<std::string>{"items' scale \"agree7\": 1..7, agreement labels found: 3; check "
                                                 "the scale's end points"});
}

}  // namespace gapscore

namespace gapscore {

TEST_CASE("wordings alone make a labelled scale of their length", "[scaffold]") {
  const std::vector<std::string> names = {"P_01"};
  const std::vector<std::vector<std::string>> rows = {
      {"Very favorable"}, {"somewhat unfavourable"}, {"Neutral"}, {"VERY FAVORABLE"}, {"Don't know"}};
  const std::vector<std::string> no_questions;
  const std::vector<ColumnProfile> profiles = profiles_of(names.size(), rows);
  scaffold::Guesswork work(names, no_questions, profiles);
  const std::vector<scaffold::PairedItem> items = {{"01", {{"perception", "P_01"}}}};
  nlohmann::ordered_json scales = nlohmann::ordered_json::object();
  CHECK(scaffold::guess_item_scale(items, work, &scales) == "favourability5");
  // Each wording as the scale spells it, case variants as one label; the
  // points no answer gave in their own spelling.
  CHECK(scales == nlohmann::ordered_json::parse(R"({"favourability5": {"min": 1, "max": 5, "labels": {
      "Neutral": 3, "Very favorable": 5, "Somewhat unfavourable": 2, "Very unfavorable": 1,
      "Somewhat favorable": 4}}})"));
  CHECK(work.notes.back() ==
        "item cells that are neither numbers nor known labels: \"Don't know\"; add each to \"missing\" or as a "
        "label of the scale");
}

TEST_CASE("a column is on one scale when most answers are numbers or one scale's wordings", "[scaffold]") {
  const auto profile = [](const std::vector<std::string>& cells) {
    std::vector<std::vector<std::string>> rows;
    for (const std::string& cell : cells) rows.push_back({cell});
    return profiles_of(1, rows)[0];
  };
  CHECK(scaffold::answers_on_one_scale(profile({"1", "2", "Always", ""})));
  CHECK(scaffold::answers_on_one_scale(profile({"Never", "Often", "Sometimes", "x"})));
  CHECK_FALSE(scaffold::answers_on_one_scale(profile({"Prompt service", "Parking", "2", ""})));
  CHECK_FALSE(scaffold::answers_on_one_scale(profile({"", ""})));
}

}  // namespace gapscore
