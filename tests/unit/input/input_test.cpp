#include "gapscore/input/input.h"

#include <zlib.h>
#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "gapscore/base/diagnostic.h"
#include "test_support.h"

namespace gapscore {

namespace {

struct Read {
  std::vector<std::string> fields;
  std::uint64_t line;
  std::uint64_t end_line;
  bool has_nul;
  std::string text;
};

std::vector<Read> read_all(const std::string& data, char delimiter = ',') {
  const auto reader = RecordReader::from_string("test.csv", data, delimiter);
  std::vector<Read> out;
  Record record;
  while (reader->next(record)) {
    std::vector<std::string> fields(record.fields.begin(), record.fields.end());
    out.push_back({fields, record.line, record.end_line, record.has_nul, std::string(record.text)});
  }
  return out;
}

using Fields = std::vector<std::string>;

}  // namespace

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
  const auto reader = RecordReader::from_string("big.csv", std::move(data), ',');
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

namespace {

std::string utf16(const std::u16string& text, bool big_endian) {
  std::string out = big_endian ? "\xfe\xff" : "\xff\xfe";
  for (const char16_t unit : text) {
    const char high = static_cast<char>(unit >> 8);
    const char low = static_cast<char>(unit & 0xFF);
    out += big_endian ? high : low;
    out += big_endian ? low : high;
  }
  return out;
}

std::string gzip(const std::string& text) {
  z_stream stream{};
  deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(compressBound(static_cast<uLong>(text.size())) + 32, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  stream.avail_in = static_cast<uInt>(text.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

}  // namespace

TEST_CASE("UTF-16 with a BOM is read as UTF-8, either byte order", "[input]") {
  // "Café\tNote\r\n1\t\"a\tb\"\r\n" with a supplementary character (U+1F600) in the note.
  const std::u16string text = u"Caf\u00e9\tNote\r\n1\t\"a\tb \U0001F600\"\r\n";
  for (const bool big_endian : {false, true}) {
    const auto reader = RecordReader::from_string("t.txt", utf16(text, big_endian), kDetectDelimiter);
    Record record;
    REQUIRE(reader->next(record));
    CHECK(reader->delimiter() == '\t');
    CHECK(reader->encoding() == (big_endian ? "UTF-16BE" : "UTF-16LE"));
    CHECK(std::vector<std::string>(record.fields.begin(), record.fields.end()) == Fields{"Caf\xC3\xA9", "Note"});
    REQUIRE(reader->next(record));
    CHECK(record.fields[1] == "a\tb \xF0\x9F\x98\x80");
  }
}

TEST_CASE("an unpaired surrogate or odd last byte becomes U+FFFD", "[input]") {
  std::string data = utf16(u"a\n", false);
  data += std::string("\x00\xD8", 2);  // a high surrogate with nothing after it
  data += "b";                         // and a lone last byte
  const std::vector<Read> records = read_all(data);
  REQUIRE(records.size() == 2);
  CHECK(records[1].fields == Fields{"\xEF\xBF\xBD\xEF\xBF\xBD"});
}

TEST_CASE("gzip input is detected and inflated, members one after another", "[input]") {
  const std::string data = gzip("h1,h2\n1,2\n") + gzip("3,4\n");
  const std::vector<Read> records = read_all(data);
  REQUIRE(records.size() == 3);
  CHECK(records[2].fields == Fields{"3", "4"});
  const auto reader = RecordReader::from_string("t.csv.gz", gzip(utf16(u"x\ty\n", false)), kDetectDelimiter);
  Record record;
  REQUIRE(reader->next(record));
  CHECK(reader->encoding() == "UTF-16LE (gzip)");
  CHECK(reader->delimiter() == '\t');
}

TEST_CASE("damaged or truncated gzip data is an I/O error naming the input", "[input]") {
  std::string data = gzip(std::string(100000, 'a') + "\n");
  const std::string truncated = data.substr(0, data.size() / 2);
  CHECK(thrown_by([&] { read_all(truncated); }).messages ==
        std::vector<std::string>{"test.csv: error: the gzip data ends early (truncated file?)"});
  data[20] = static_cast<char>(data[20] ^ 0x55);
  const Thrown damaged = thrown_by([&] { read_all(data); });
  CHECK(damaged.kind == ErrorKind::kIo);
  CHECK(damaged.messages.at(0).rfind("test.csv: error: the gzip data is damaged: ", 0) == 0);
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

TEST_CASE("positions are line and byte column of a field, across lines", "[input]") {
  const auto reader = RecordReader::from_string("t.csv", "h\n\"x\ny\",abc,d\n", ',');
  Record record;
  REQUIRE(reader->next(record));
  REQUIRE(reader->next(record));
  CHECK(record.position(0) == std::make_pair(std::uint64_t{2}, std::uint64_t{1}));
  CHECK(record.position(1) == std::make_pair(std::uint64_t{3}, std::uint64_t{4}));
  CHECK(record.position(2) == std::make_pair(std::uint64_t{3}, std::uint64_t{8}));
  CHECK(record.physical_line(record.field_starts[2]) == "y\",abc,d");
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

namespace gapscore {

namespace {

// Splits and codes `text` (a string, so followed by '\0') with
// parse_scored; the codes in slot order.
std::vector<SmallCode> scored(const std::string& text, const FieldCoding& coding, Record& record) {
  RecordParser parser(',');
  std::vector<SmallCode> codes(coding.columns(), 99);
  parser.parse_scored(text, 1, record, coding, codes.data());
  std::vector<SmallCode> by_slot;
  for (const std::uint32_t column : coding.column_of_slot) by_slot.push_back(codes[column]);
  return by_slot;
}

}  // namespace

TEST_CASE("parse_scored codes a row of one-digit answers as the coders do", "[input]") {
  // Twenty fields on a 1-7 scale, the last four reversed: codes are d - 1
  // and 7 - d; an empty cell is missing; 8, 0 and x are not on the scale.
  const Coder agree(Scale{"agree7", 1, 7, {}}, false, {""});
  const Coder reversed(Scale{"agree7", 1, 7, {}}, true, {""});
  std::vector<std::size_t> slot_fields;
  std::vector<const Coder*> coders;
  for (std::size_t f = 0; f < 20; ++f) {
    slot_fields.push_back(f);
    coders.push_back(f < 16 ? &agree : &reversed);
  }
  const FieldCoding coding(20, slot_fields, coders);
  Record record;
  const std::vector<SmallCode> codes = scored("1,2,3,4,5,6,7,1,2,3,4,5,6,7,1,2,3,4,5,6", coding, record);
  CHECK(codes == std::vector<SmallCode>{0, 1, 2, 3, 4, 5, 6, 0, 1, 2, 3, 4, 5, 6, 0, 1, 4, 3, 2, 1});
  CHECK(record.fields.size() == 20);
  CHECK(record.field_starts[19] == 38);

  const SmallCode m = kSmallMissing;
  const SmallCode x = kSmallInvalid;
  CHECK(scored("7,,8,0,x,6,5,4,3,2,1,1,1,1,1,1,7,7,,1", coding, record) ==
        std::vector<SmallCode>{6, m, x, x, x, 5, 4, 3, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, m, 6});
  CHECK(record.field_starts[2] == 3);  // the text is gone, its positions are not
  // Quoted, two-digit, padded and NUL-holding cells, among one-digit ones.
  CHECK(scored("\"5\",5,5,5,5,5,5,5,5,5,05,5, 5,5,5,5,5,5,\"3\",5", coding, record) ==
        std::vector<SmallCode>{4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 2, 2, 4, 2});
  CHECK(scored("1,2,3,4,5,6,7,1\x1a,2,3,4,5,6,7,1,2,3,4,5,6", coding, record)[7] == x);
  CHECK(record.has_nul);
}

TEST_CASE("parse_scored codes labels, missing digits and a field read by two coders", "[input]") {
  // Field 0 is NPS (0-10) where 9 means missing; field 1 an agreement
  // scale with labels, also read reversed by a third slot; fields 2-9 a
  // 1-5 scale, so eight one-digit fields follow the first two.
  const Coder nps(Scale{"nps", 0, 10, {}}, false, {"", "9"});
  const Coder agree(Scale{"agree5", 1, 5, {{"Agree", 4}}}, false, {""});
  const Coder reversed(Scale{"agree5", 1, 5, {{"Agree", 4}}}, true, {""});
  std::vector<std::size_t> slot_fields{0, 1, 1};
  std::vector<const Coder*> coders{&nps, &agree, &reversed};
  for (std::size_t f = 2; f < 10; ++f) {
    slot_fields.push_back(f);
    coders.push_back(&agree);
  }
  const FieldCoding coding(10, slot_fields, coders);
  CHECK(coding.columns() == 11);
  Record record;
  CHECK(scored("9,Agree,1,2,3,4,5,1,2,3", coding, record) ==
        std::vector<SmallCode>{kSmallMissing, 3, 1, 0, 1, 2, 3, 4, 0, 1, 2});
  CHECK(scored("10,2,5,5,5,5,5,5,5,9", coding, record) ==
        std::vector<SmallCode>{10, 1, 3, 4, 4, 4, 4, 4, 4, 4, kSmallInvalid});
  CHECK(scored("7,\"Agree\",1,1,1,1,1,1,1,1", coding, record)[1] == 3);
}

TEST_CASE("parse_scored splits like parse and codes like each coder, on random rows", "[input]") {
  // Cells drawn from one-digit answers (most of them), empty, two-digit,
  // labels, quoted cells with delimiters and line breaks, NUL substitutes,
  // cells longer than the eight bytes read at a time; rows of the expected
  // width and of others.
  const Coder agree(Scale{"agree7", 1, 7, {{"Neutral", 4}}}, false, {"", "NA"});
  const Coder reversed(Scale{"agree7", 1, 7, {}}, true, {""});
  const Coder nps(Scale{"nps", 0, 10, {}}, false, {"", "9"});
  const std::size_t width = 30;
  std::vector<std::size_t> slot_fields;
  std::vector<const Coder*> coders;
  for (std::size_t f = 0; f < width; ++f) {
    if (f % 7 == 6) continue;  // unscored
    slot_fields.push_back(f);
    coders.push_back(f % 5 == 4 ? &reversed : f % 11 == 10 ? &nps : &agree);
  }
  slot_fields.push_back(3);
  coders.push_back(&nps);
  const FieldCoding coding(width, slot_fields, coders);
  const std::vector<std::string> cells = {"1",
                                          "2",
                                          "3",
                                          "4",
                                          "5",
                                          "6",
                                          "7",
                                          "0",
                                          "8",
                                          "9",
                                          "4",
                                          "5",
                                          "6",
                                          "",
                                          "10",
                                          "07",
                                          "Neutral",
                                          "x",
                                          "NA",
                                          " 3",
                                          "\"5\"",
                                          "\"a,\nb\"",
                                          "\"x\"\"y\"",
                                          "4\x1a",
                                          "\x1a",
                                          "4\"",
                                          "\"6\"7",
                                          "BR-000001",
                                          "2026-10-02",
                                          "a longer answer than a word",
                                          "ends with a quote\"",
                                          "a NUL substitute far in \x1a",
                                          "\"quoted, and longer than a word\""};
  std::mt19937 random(11);
  const auto draw = [&random](std::size_t below) {
    return std::uniform_int_distribution<std::size_t>(0, below - 1)(random);
  };
  RecordParser plain(',');
  RecordParser coding_parser(',');
  Record expected;
  Record record;
  for (int round = 0; round < 3000; ++round) {
    const std::size_t fields = draw(8) == 0 ? width - 3 + draw(7) : width;
    std::string text;
    for (std::size_t f = 0; f < fields; ++f) {
      if (f > 0) text += ',';
      if (draw(10) == 0) {
        // 8 to 23 bytes, so that a field ends at every offset of the words
        // read, maybe with a quote or NUL substitute anywhere after the first.
        std::string cell(8 + draw(16), 'a');
        if (draw(3) == 0) cell[1 + draw(cell.size() - 1)] = draw(2) == 0 ? '"' : kNulSubstitute;
        text += cell;
      } else {
        text += cells[draw(4) != 0 ? draw(7) : draw(cells.size())];
      }
    }
    plain.parse(text, 2, expected);
    std::vector<SmallCode> codes(coding.columns(), 99);
    coding_parser.parse_scored(text, 2, record, coding, codes.data());
    REQUIRE(std::vector<std::string_view>(record.fields) == std::vector<std::string_view>(expected.fields));
    CHECK(record.field_starts == expected.field_starts);
    CHECK(record.has_nul == expected.has_nul);
    CHECK(record.end_line == expected.end_line);
    if (expected.fields.size() != width) continue;
    for (std::size_t s = 0; s < slot_fields.size(); ++s) {
      INFO(text << " slot " << s);
      CHECK(codes[coding.column_of_slot[s]] == coders[s]->small(expected.fields[slot_fields[s]]));
    }
  }
}

}  // namespace gapscore
