#include "gapscore/input/record.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <utility>
#include <vector>

#include "gapscore/input/record_reader.h"

namespace gapscore {

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

TEST_CASE("positions of every field, in one pass, are each field's position", "[input]") {
  const auto reader = RecordReader::from_string("t.csv", "h\n\"x\ny\",abc,\"\"\"\n\n\",d\n", ',');
  Record record;
  REQUIRE(reader->next(record));
  REQUIRE(reader->next(record));
  const std::vector<std::pair<std::uint64_t, std::uint64_t>> all = record.positions();
  REQUIRE(all.size() == 4);
  // "x / y" on lines 2-3; abc at line 3, column 4; the field with two
  // breaks starts there too, at column 8; d on line 5, column 3.
  CHECK(all[1] == std::make_pair(std::uint64_t{3}, std::uint64_t{4}));
  CHECK(all[3] == std::make_pair(std::uint64_t{5}, std::uint64_t{3}));
  for (std::size_t i = 0; i < all.size(); ++i) CHECK(all[i] == record.position(i));
}

}  // namespace gapscore
