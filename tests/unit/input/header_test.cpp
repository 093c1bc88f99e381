#include "gapscore/input/header.h"

#include "gapscore/input/record_reader.h"

#include <catch2/catch.hpp>

namespace gapscore {

namespace {

Header header_of(const std::string& csv, int rows, HeaderNaming naming) {
  const auto reader = RecordReader::from_string("h.csv", csv, ',');
  Header header;
  Record record;
  for (int r = 0; r < rows && reader->next(record); ++r) header.add_row(record);
  header.name_columns(naming);
  return header;
}

// SurveyMonkey: the question over its first column only, the sub-labels beneath.
const char* const kSurveyMonkey =
    "Respondent ID,Start Date,How likely are you to recommend us?,Please rate:,,Comments\n"
    ",,Response,Modern equipment,Neat staff,Open-Ended Response\n";

}  // namespace

TEST_CASE("joined names fill a question over its continuation columns", "[header]") {
  const Header header = header_of(kSurveyMonkey, 2, HeaderNaming{true, 1});
  CHECK(header.names() == std::vector<std::string>{"Respondent ID", "Start Date",
                                                   "How likely are you to recommend us? / Response",
                                                   "Please rate: / Modern equipment", "Please rate: / Neat staff",
                                                   "Comments / Open-Ended Response"});
  CHECK(header.width() == 6);
  CHECK(header.line() == 1);
}

TEST_CASE("names can come from any one header row", "[header]") {
  const Header first = header_of(kSurveyMonkey, 2, HeaderNaming{false, 1});
  CHECK(first.names()[4] == "");
  const Header second = header_of(kSurveyMonkey, 2, HeaderNaming{false, 2});
  CHECK(second.names()[3] == "Modern equipment");
  CHECK(second.texts().size() == 2);
}

TEST_CASE("references resolve by name, by pattern, or by position", "[header]") {
  const Header header = header_of(kSurveyMonkey, 2, HeaderNaming{true, 1});
  std::string why;
  CHECK(header.resolve("Start Date", &why) == std::size_t{1});
  CHECK(header.resolve("*recommend*", &why) == std::size_t{2});
  CHECK(header.resolve("please rate: / MODERN*", &why) == std::size_t{3});
  CHECK(header.resolve("#6", &why) == std::size_t{5});
  CHECK_FALSE(header.resolve("Please rate:*", &why));
  CHECK(why ==
        "matches several columns (\"Please rate: / Modern equipment\" and \"Please rate: / Neat staff\"); "
        "make the pattern match one");
  CHECK_FALSE(header.resolve("*nothing*", &why));
  CHECK(why == "matches no column of the header");
  CHECK_FALSE(header.resolve("#7", &why));
  CHECK(why == "is beyond the header's 6 columns");
  CHECK_FALSE(header.resolve("#99999999999999", &why));
  CHECK_FALSE(header.resolve("Start date", &why));
  CHECK(why == "is not in the header (did you mean \"Start Date\"?)");
}

TEST_CASE("a name that appears twice cannot be resolved", "[header]") {
  const Header header = header_of("a,b,a\n", 1, HeaderNaming{});
  std::string why;
  CHECK_FALSE(header.resolve("a", &why));
  CHECK(why == "appears 2 times in the header, so which one to read is ambiguous");
  CHECK(header.position(2) == std::make_pair(std::uint64_t{1}, std::uint64_t{5}));
}

}  // namespace gapscore
