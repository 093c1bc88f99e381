#include "gapscore/input/sniff.h"

#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

#include "gapscore/input/record_reader.h"
#include "input/reading.h"

namespace gapscore {

TEST_CASE("the delimiter is detected from the first line outside quotes", "[input]") {
  const auto detected = [](const std::string& data) {
    const auto reader = RecordReader::from_string("t.csv", data, kDetectDelimiter);
    Record record;
    reader->next(record);
    return std::make_pair(reader->delimiter(), std::vector<std::string>(record.fields.begin(), record.fields.end()));
  };
  CHECK(detected("a;b;\"c,d,e\"\n").first == ';');
  CHECK(detected("a;b;\"c,d,e\"\n").second == Fields{"a", "b", "c,d,e"});
  CHECK(detected("a\tb\tc\n").first == '\t');
  CHECK(detected("a|b\n").first == '|');
  CHECK(detected("a,b;c\n").first == ',');
  CHECK(detected("single\n").first == ',');
  CHECK(delimiter_name('\t') == "tab");
}

TEST_CASE("a delimiter inside quotes does not count", "[input]") {
  CHECK(detect_delimiter("a|b|\"c;d;e;f\"") == '|');
  CHECK(detect_delimiter("\"a,b\";\"c,d\"") == ';');
  CHECK(detect_delimiter("") == ',');
  CHECK(delimiter_name(';') == "semicolon");
  CHECK(delimiter_name('#') == "'#'");
}

}  // namespace gapscore
