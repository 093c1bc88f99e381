#include "gapscore/input/record.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <utility>

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

}  // namespace gapscore
