#include "gapscore/engine/id_set.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "gapscore/base/diagnostic.h"

namespace gapscore {

namespace {

// Inserts as the engine does, with the fingerprint its counting threads take.
std::uint64_t remember(IdSet& ids, std::string_view id, std::uint64_t where) {
  static const SipKey key = random_sip_key();
  return ids.insert(siphash128(key, id), where);
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

// 1.2 million ids: the table holds 49,152, so they go to 24 runs in the
// temporary file, the first 16 merged into one larger run, and 20,352
// stay in the table; the filter, made for 2^20 ids, grows at the
// 1,048,577th. Every 613th id is asked again (1,958: too few to keep every
// id in memory), from every run and the table.
TEST_CASE("a million ids: runs in the temporary file, their merges and a grown filter lose none", "[engine]") {
  IdSet ids;
  constexpr std::uint64_t kIds = 1200000;
  const auto where = [](std::uint64_t i) { return ((i % 7) << 48) | (i + 1); };
  std::uint64_t taken_for_seen = 0;
  for (std::uint64_t i = 0; i < kIds; ++i) {
    if (remember(ids, "R_" + std::to_string(i), where(i)) != 0) ++taken_for_seen;
  }
  CHECK(taken_for_seen == 0);
  std::uint64_t lost = 0;
  for (std::uint64_t i = 0; i < kIds; i += 613) {
    if (remember(ids, "R_" + std::to_string(i), 1) != where(i)) ++lost;
  }
  CHECK(lost == 0);
  CHECK(remember(ids, "R_" + std::to_string(kIds), 1) == 0);
  CHECK(remember(ids, "R_" + std::to_string(kIds), 2) == 1);
}

// 100,000 ids, then each again: the 4,096th repeat found in the file (more
// than 1 in 256 of the ids) moves every id into the table, which then
// doubles as new ids come.
TEST_CASE("ids repeated many times over are all found, from the file and then from memory", "[engine]") {
  IdSet ids;
  constexpr std::uint64_t kIds = 100000;
  for (std::uint64_t i = 0; i < kIds; ++i) remember(ids, "id" + std::to_string(i), i + 1);
  std::uint64_t wrong = 0;
  for (std::uint64_t i = 0; i < kIds; ++i) {
    if (remember(ids, "id" + std::to_string(i), kIds + i + 1) != i + 1) ++wrong;
  }
  CHECK(wrong == 0);
  for (std::uint64_t i = kIds; i < 3 * kIds; ++i) {
    if (remember(ids, "id" + std::to_string(i), i + 1) != 0) ++wrong;
  }
  for (std::uint64_t i = 0; i < 3 * kIds; i += 7) {
    if (remember(ids, "id" + std::to_string(i), 1) != i + 1) ++wrong;
  }
  CHECK(wrong == 0);
}

TEST_CASE("without a writable temporary directory, many ids stop the run with a clear error naming it", "[engine]") {
  const char* before = std::getenv("TMPDIR");
  const std::string saved = before == nullptr ? "" : before;
  ::setenv("TMPDIR", "/nonexistent/gapscore\x1b[2J", 1);
  IdSet ids;
  std::string message;
  try {
    for (std::uint64_t i = 0; i < 70000; ++i) remember(ids, "id" + std::to_string(i), i + 1);
  } catch (const Error& e) {
    message = e.what();
  }
  if (before == nullptr) {
    ::unsetenv("TMPDIR");
  } else {
    ::setenv("TMPDIR", saved.c_str(), 1);
  }
  // The directory comes from outside: shown escaped, never raw.
  CHECK_THAT(message,
             Catch::Contains("\"/nonexistent/gapscore\\x1b[2J\", from TMPDIR") && Catch::Contains("cannot create"));
  CHECK(message.find('\x1b') == std::string::npos);
}

}  // namespace gapscore
