#include "gapscore/base/json_text.h"

#include <catch2/catch.hpp>
#include <string>

namespace gapscore {

TEST_CASE("nesting deeper than the limit is found where it starts, brackets in strings aside", "[base]") {
  const std::string limit(kMaxJsonDepth, '[');
  CHECK_FALSE(too_deep(limit + std::string(kMaxJsonDepth, ']')));
  CHECK(too_deep(limit + "[]" + std::string(kMaxJsonDepth, ']')) == std::size_t{64});
  CHECK(too_deep("{\"a\": " + limit + "]") == std::size_t{69});
  // Brackets in strings, escaped quotes included, are text.
  CHECK_FALSE(too_deep("[\"" + std::string(100, '[') + "\\\"" + std::string(100, '{') + "\"]"));
  // Siblings do not add up: depth goes down as arrays close.
  std::string siblings = "[";
  for (int i = 0; i < 100; ++i) siblings += "[[]],";
  CHECK_FALSE(too_deep(siblings + "0]"));
}

TEST_CASE("a byte offset is a line and a column", "[base]") {
  CHECK(line_and_column("ab\ncd", 0) == std::make_pair(std::uint64_t{1}, std::uint64_t{1}));
  CHECK(line_and_column("ab\ncd", 4) == std::make_pair(std::uint64_t{2}, std::uint64_t{2}));
  CHECK(line_and_column("ab", 9) == std::make_pair(std::uint64_t{1}, std::uint64_t{3}));
}

}  // namespace gapscore
