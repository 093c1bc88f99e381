#include "gapscore/engine/id_set.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <string_view>

namespace gapscore {

namespace {

// Inserts as the engine does, with the hash its counting threads take.
std::uint64_t remember(IdSet& ids, std::string_view id, std::uint64_t where) {
  return ids.insert(id, IdSet::hash_of(id), where);
}

}  // namespace

TEST_CASE("an id is new once; after that, where it was first seen comes back", "[engine]") {
  IdSet ids;
  CHECK(remember(ids, "a", 7) == 0);
  CHECK(remember(ids, "b", 9) == 0);
  CHECK(remember(ids, "a", 11) == 7);
  CHECK(remember(ids, "a", 12) == 7);
  CHECK(remember(ids, "b", 13) == 9);
}

TEST_CASE("ids are compared whole: prefixes, lengths and NUL bytes tell them apart", "[engine]") {
  IdSet ids;
  CHECK(remember(ids, "1", 1) == 0);
  CHECK(remember(ids, "11", 2) == 0);
  CHECK(remember(ids, "111", 3) == 0);
  CHECK(remember(ids, std::string_view("1\0", 2), 4) == 0);
  const std::string long_id(1000, 'x');
  CHECK(remember(ids, long_id, 5) == 0);
  CHECK(remember(ids, long_id + "y", 6) == 0);
  CHECK(remember(ids, "11", 20) == 2);
  CHECK(remember(ids, std::string_view("1\0", 2), 21) == 4);
  CHECK(remember(ids, long_id, 22) == 5);
  CHECK(remember(ids, long_id + "y", 23) == 6);
}

// 10000 ids in a table of 1024 slots at first, at most 3/4 full: ids share
// slots from the first hundreds on, and the table doubles four times (at
// the 769th, 1537th, 3073rd and 6145th id) to 16384 slots.
TEST_CASE("thousands of ids: shared slots and a growing table lose none", "[engine]") {
  IdSet ids;
  const auto where = [](std::uint64_t i) { return ((i % 7) << 48) | (i + 1); };
  for (std::uint64_t i = 0; i < 10000; ++i) {
    if (remember(ids, "r" + std::to_string(i), where(i)) != 0) FAIL("r" << i << " was taken for seen");
  }
  for (std::uint64_t i = 0; i < 10000; ++i) {
    if (remember(ids, "r" + std::to_string(i), 1) != where(i)) FAIL("r" << i << " was lost");
  }
  CHECK(remember(ids, "r10000", 1) == 0);
}

}  // namespace gapscore
