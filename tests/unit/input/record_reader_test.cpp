#include "gapscore/input/record_reader.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "gapscore/base/diagnostic.h"
#include "input/reading.h"
#include "test_support.h"

namespace gapscore {

TEST_CASE("plain fields split at delimiters, empty fields kept", "[input]") {
  const std::vector<Read> records = read_all("a,b,c\n1,,3\n,,\n");
  REQUIRE(records.size() == 3);
  CHECK(records[0].fields == Fields{"a", "b", "c"});
  CHECK(records[1].fields == Fields{"1", "", "3"});
  CHECK(records[2].fields == Fields{"", "", ""});
  CHECK(records[2].line == 3);
}

TEST_CASE("quoted fields hold delimiters and doubled quotes", "[input]") {
  const std::vector<Read> records = read_all("x,\"a, b\",\"say \"\"hi\"\"\",\"\"\n");
  REQUIRE(records.size() == 1);
  CHECK(records[0].fields == Fields{"x", "a, b", "say \"hi\"", ""});
  CHECK(records[0].text == "x,\"a, b\",\"say \"\"hi\"\"\",\"\"");
}

TEST_CASE("a quoted field may span lines, LF or CRLF, read as LF", "[input]") {
  const std::vector<Read> records = read_all("id,comment\r\n1,\"first\r\nsecond\nthird\"\r\n2,ok\r\n");
  REQUIRE(records.size() == 3);
  CHECK(records[1].fields == Fields{"1", "first\nsecond\nthird"});
  CHECK(records[1].line == 2);
  CHECK(records[1].end_line == 4);
  CHECK(records[2].fields == Fields{"2", "ok"});
  CHECK(records[2].line == 5);
}

TEST_CASE("a doubled quote at a line end inside a quoted field continues the field", "[input]") {
  const std::vector<Read> records = read_all("\"a\"\"\nb\",c\n");
  REQUIRE(records.size() == 1);
  CHECK(records[0].fields == Fields{"a\"\nb", "c"});
}

TEST_CASE("BOM, CRLF line ends, blank lines and a missing final newline", "[input]") {
  const std::vector<Read> records = read_all("\xEF\xBB\xBFh1,h2\r\n\r\n1,2\r\n\n3,4");
  REQUIRE(records.size() == 3);
  CHECK(records[0].fields == Fields{"h1", "h2"});
  CHECK(records[1].fields == Fields{"1", "2"});
  CHECK(records[1].line == 3);
  CHECK(records[2].fields == Fields{"3", "4"});
  CHECK(records[2].line == 5);
}

// The line buffer is full of line breaks in these tests
// (stale_line_buffer.cpp), as memory used before may be.
TEST_CASE("a last line without a line break ends the input whatever the buffer held before", "[input]") {
  const std::vector<Read> records = read_all("a,b\n1,2");
  REQUIRE(records.size() == 2);
  CHECK(records[1].fields == Fields{"1", "2"});
  CHECK(read_all("x").size() == 1);
}

TEST_CASE("an empty input has no records", "[input]") {
  CHECK(read_all("").empty());
  CHECK(read_all("\n\r\n").empty());
}

TEST_CASE("a quote never closed stops the run where it opened", "[input]") {
  const auto reader = RecordReader::from_string("t.csv", "a,b\n1,2\n3,\"open\n4,5\n", ',');
  Record record;
  REQUIRE(reader->next(record));
  REQUIRE(reader->next(record));
  const Thrown thrown = thrown_by([&] { reader->next(record); });
  CHECK(thrown.kind == ErrorKind::kInvalid);
  CHECK(thrown.messages ==
        std::vector<std::string>{
            "t.csv:3:3: error: the quoted field opened here is never closed: the input ends inside it"});
}

TEST_CASE("a quoted field running past 64 MiB stops the run", "[input]") {
  std::string data = "a,b\n1,\"";
  const std::string line(1 << 20, 'x');
  while (data.size() <= kMaxRecordBytes + (2u << 20)) data += line + "\n";
  // Copied, not moved: moved, GCC 12 reports a false -Warray-bounds here
  // once Catch2's header is precompiled.
  const auto reader = RecordReader::from_string("big.csv", data, ',');
  Record record;
  REQUIRE(reader->next(record));
  const Thrown thrown = thrown_by([&] { reader->next(record); });
  CHECK(thrown.messages == std::vector<std::string>{"big.csv:2:3: error: the quoted field opened here runs on for "
                                                    "more than 64 MiB; a closing quote is probably missing"});
}

TEST_CASE("a 20 MB field over several lines is read whole", "[input]") {
  std::string comment;
  while (comment.size() < 20'000'000) comment += std::string(999'999, 'y') + "\n";
  const auto reader = RecordReader::from_string("long.csv", "id,comment\n1,\"" + comment + "\"\n2,ok\n", ',');
  Record record;
  REQUIRE(reader->next(record));
  REQUIRE(reader->next(record));
  CHECK(record.fields[1].size() == comment.size());
  REQUIRE(reader->next(record));
  CHECK(record.fields[1] == "ok");
  // The field's 20 line breaks put the next row on line 23.
  CHECK(record.line == 23);
}

TEST_CASE("a NUL byte flags its record and does not cut the line", "[input]") {
  const std::vector<Read> records = read_all(std::string("a,b\n1,x\0y\n2,z\n", 14));
  REQUIRE(records.size() == 3);
  CHECK_FALSE(records[0].has_nul);
  CHECK(records[1].has_nul);
  CHECK(records[1].fields == Fields{"1", "x\x1Ay"});
  CHECK_FALSE(records[2].has_nul);
}

TEST_CASE("text after a closing quote is kept, a quote inside a plain field is literal", "[input]") {
  const std::vector<Read> records = read_all("\"ab\"cd,e\"f\n");
  REQUIRE(records.size() == 1);
  CHECK(records[0].fields == Fields{"abcd", "e\"f"});
}

TEST_CASE("other delimiters", "[input]") {
  const std::vector<Read> records = read_all("\"a;b\";c\td\n", ';');
  REQUIRE(records.size() == 1);
  CHECK(records[0].fields == Fields{"a;b", "c\td"});
}

TEST_CASE("records split alike at every offset: plain, quoted over lines, quotes and NULs mid-field", "[input]") {
  // Fields of 0 to 11 bytes put every delimiter, quote and NUL at every
  // offset within the eight-byte words the splitter reads; each record's
  // fields and field starts are known by construction.
  std::mt19937 random(5);
  const auto draw = [&random](int below) { return std::uniform_int_distribution<int>(0, below - 1)(random); };
  for (const char delimiter : {',', ';', '\t', '|'}) {
    for (int round = 0; round < 200; ++round) {
      std::string text;
      Fields expected;
      std::vector<std::uint32_t> starts;
      bool nul = false;
      const int fields = 1 + draw(40);
      for (int f = 0; f < fields; ++f) {
        if (f > 0) text += delimiter;
        starts.push_back(static_cast<std::uint32_t>(text.size()));
        std::string value;
        // Bytes one bit away from a delimiter, quote or NUL substitute too,
        // which a looser byte test would mistake for them.
        const std::string pool = "ab09-+./:}#\x08\x1b\xff";
        for (int length = draw(12); length > 0; --length) {
          value += pool[static_cast<std::size_t>(draw(static_cast<int>(pool.size())))];
        }
        const int kind = draw(20);
        if (kind == 0 && !value.empty()) {
          value[static_cast<std::size_t>(draw(static_cast<int>(value.size())))] = '"';  // literal in a plain field
          if (value[0] == '"') value[0] = 'q';
        } else if (kind == 1) {
          // Quoted: a delimiter, and maybe a line break and a doubled quote.
          const std::string line_break = draw(2) == 0 ? "\n" : "";
          const bool doubled = draw(2) == 0;
          text += '"' + value + delimiter + line_break + (doubled ? "\"\"" : "") + "x\"";
          expected.push_back(value + delimiter + line_break + (doubled ? "\"" : "") + "x");
          continue;
        } else if (kind == 2) {
          value += '\0';
          nul = true;
        }
        text += value;
        expected.push_back(value);
      }
      if (text.empty()) continue;  // an empty line is not a record
      const std::vector<Read> records = read_all("h\n" + text + "\n", delimiter);
      REQUIRE(records.size() == 2);
      for (std::string& field : expected) std::replace(field.begin(), field.end(), '\0', kNulSubstitute);
      CHECK(records[1].fields == expected);
      CHECK(records[1].has_nul == nul);
      const auto reader = RecordReader::from_string("t.csv", "h\n" + text + "\n", delimiter);
      Record record;
      REQUIRE(reader->next(record));
      REQUIRE(reader->next(record));
      CHECK(record.field_starts == starts);
    }
  }
}

TEST_CASE("a line longer than the line reader's limit is an error with its line number", "[input]") {
  std::string data = "a\n";
  data += std::string((1u << 24) + 10, 'x');
  data += "\n";
  const auto reader = RecordReader::from_string("big.csv", data, ',');
  Record record;
  REQUIRE(reader->next(record));
  const Thrown thrown = thrown_by([&] { reader->next(record); });
  CHECK(thrown.kind == ErrorKind::kInvalid);
  CHECK(thrown.messages ==
        std::vector<std::string>{
            "big.csv:2: error: line is longer than 16 MiB (the line reader's limit); is this a CSV file?"});
}

TEST_CASE("a file that cannot be opened is an I/O error naming it", "[input]") {
  const Thrown thrown = thrown_by([&] { RecordReader::open_file("/nonexistent/data.csv", ','); });
  CHECK(thrown.kind == ErrorKind::kIo);
  CHECK(thrown.messages.at(0) == "/nonexistent/data.csv: error: cannot open: No such file or directory");
}

TEST_CASE("a directory cannot be read, and says so", "[input]") {
  const Thrown thrown = thrown_by([&] { RecordReader::open_file("/", ','); });
  CHECK(thrown.kind == ErrorKind::kIo);
  CHECK(thrown.messages.at(0) == "/: error: cannot read: Is a directory");
}

}  // namespace gapscore
