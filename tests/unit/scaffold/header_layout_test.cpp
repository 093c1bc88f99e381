#include "gapscore/scaffold/header_layout.h"

#include <catch2/catch.hpp>

namespace gapscore {

using Rows = std::vector<std::vector<std::string>>;

TEST_CASE("Qualtrics' three header rows are told by their import ids, in either quoting", "[scaffold]") {
  const Rows current = {{"ResponseId", "Q1_1"},
                        {"Response ID", "Rate - Prompt"},
                        {"{\"ImportId\":\"_recordId\"}", "{\"ImportId\":\"QID1_1\"}"},
                        {"R_1", "5"}};
  const scaffold::HeaderLayout layout = scaffold::detect_header_layout(current, 0);
  CHECK(layout.rows == 3);
  CHECK(layout.names == std::vector<std::string>{"ResponseId", "Q1_1"});
  CHECK(layout.questions == std::vector<std::string>{"Response ID", "Rate - Prompt"});
  const Rows insights = {{"ResponseId", "Q1_1"},
                         {"Response ID", "Rate - Prompt"},
                         {"{'ImportId': '_recordId'}", "{'ImportId': 'QID1_1'}"},
                         {"R_1", "5"}};
  CHECK(scaffold::detect_header_layout(insights, 0).rows == 3);
  CHECK(scaffold::detect_header_layout(insights, 0).description.rfind("Qualtrics 2016", 0) == 0);
}

TEST_CASE("legacy Qualtrics' V1 tags sit over a row of question text, R's over data", "[scaffold]") {
  const Rows r_names = {{"V1", "V2", "V3"}, {"5", "4", "3"}, {"4", "5", "2"}};
  CHECK(scaffold::detect_header_layout(r_names, 0).rows == 1);
  const Rows legacy = {{"V1", "V2", "Q1_1"}, {"ResponseID", "ResponseSet", "Rate-Prompt"}, {"R_1", "Default", "5"}};
  const scaffold::HeaderLayout layout = scaffold::detect_header_layout(legacy, 0);
  CHECK(layout.rows == 2);
  CHECK_FALSE(layout.joined);
  CHECK(layout.names == std::vector<std::string>{"V1", "V2", "Q1_1"});
  CHECK(layout.questions[0] == "ResponseID");
}

TEST_CASE("SurveyMonkey's sub-label row joins the names, with or without a matrix", "[scaffold]") {
  // Only matrix questions: no "Response" anywhere, but the id's blank and the continuation blanks say it.
  const Rows matrix = {{"Respondent ID", "Rate us", ""}, {"", "Prompt", "Clean"}, {"1", "5", "4"}};
  CHECK(scaffold::detect_header_layout(matrix, 0).joined);
  CHECK(scaffold::detect_header_layout(matrix, 0).names[2] == "Rate us / Clean");
  const Rows data_row = {{"id", "Rate us", ""}, {"1", "5", "4"}, {"2", "4", "4"}};
  CHECK_FALSE(scaffold::detect_header_layout(data_row, 0).joined);
  const Rows with_label = {{"Respondent ID", "Rate us", ""}, {"", "Response", "Clean"}, {"1", "5", "4"}};
  const scaffold::HeaderLayout joined = scaffold::detect_header_layout(with_label, 0);
  CHECK(joined.joined);
  CHECK(joined.names == std::vector<std::string>{"Respondent ID", "Rate us / Response", "Rate us / Clean"});
  // No blank in the first row: every question a single column.
  const Rows single = {{"Respondent ID", "Collector ID", "How likely?"}, {"", "", "Response"}, {"1", "2", "9"}};
  CHECK(scaffold::detect_header_layout(single, 0).rows == 2);
  CHECK(scaffold::detect_header_layout(single, 0).names[2] == "How likely? / Response");
}

TEST_CASE("one header row is named after its platform, and --header-rows wins", "[scaffold]") {
  const Rows forms = {{"ID", "Start time", "Completion time", "Q"}, {"1", "a", "b", "5"}, {"2", "a", "b", "4"}};
  const scaffold::HeaderLayout layout = scaffold::detect_header_layout(forms, 0);
  CHECK(layout.rows == 1);
  CHECK(layout.description.find("Microsoft Forms") != std::string::npos);
  CHECK(layout.questions.empty());
  const scaffold::HeaderLayout told = scaffold::detect_header_layout(forms, 2);
  CHECK(told.rows == 2);
  CHECK(told.description == "2 header rows (--header-rows)");
  CHECK(told.questions == std::vector<std::string>{"1", "a", "b", "5"});
}

}  // namespace gapscore
