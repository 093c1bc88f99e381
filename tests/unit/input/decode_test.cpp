#include "gapscore/input/decode.h"

#include <zlib.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "gapscore/base/diagnostic.h"
#include "gapscore/input/record_reader.h"
#include "input/reading.h"
#include "test_support.h"

namespace gapscore {

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

TEST_CASE("many members of incompressible rows read whole across every buffer boundary", "[input]") {
  // pigz writes one member per block; rows of pseudo-random digits keep each
  // member near its own size, so members and rows straddle the reader's
  // 256 KiB input and the output buffers.
  std::string data;
  std::string expected_last;
  std::uint32_t state = 12345;
  std::size_t rows = 0;
  for (int member = 0; member < 12; ++member) {
    std::string text;
    while (text.size() < 70000) {
      std::string row;
      for (int digit = 0; digit < 40; ++digit) {
        state = state * 1103515245u + 12345u;
        row += static_cast<char>('0' + (state >> 16) % 10);
      }
      text += row + "\n";
      expected_last = row;
      ++rows;
    }
    data += gzip(text);
  }
  const std::vector<Read> records = read_all(data);
  REQUIRE(records.size() == rows);
  CHECK(records.back().fields == Fields{expected_last});
}

TEST_CASE("a gzip member whose CRC does not match its data is damaged", "[input]") {
  std::string data = gzip("h1,h2\n1,2\n");
  data[data.size() - 8] =
      static_cast<char>(data[data.size() - 8] ^ 0x01);  // the CRC-32, first of the trailer's 8 bytes
  CHECK(thrown_by([&] { read_all(data); }).messages ==
        std::vector<std::string>{"test.csv: error: the gzip data is damaged: the CRC does not match the data"});
  const std::string trailing = gzip("h1\n1\n") + "and then text that is not gzip";
  CHECK(thrown_by([&] { read_all(trailing); }).messages ==
        std::vector<std::string>{
            "test.csv: error: the gzip data is damaged: a member does not start with a gzip header"});
}

}  // namespace gapscore
