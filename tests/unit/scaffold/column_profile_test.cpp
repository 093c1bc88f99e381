#include "gapscore/scaffold/column_profile.h"

#include <catch2/catch.hpp>
#include <string>

namespace gapscore {

TEST_CASE("a column profile counts integers, decimals, texts and empty cells", "[scaffold]") {
  ColumnProfile profile;
  for (const char* cell : {"  3 ", "+4", "2.5", "", "Agree", "NA", "\t", "-2"}) profile.add(cell);
  CHECK(profile.cells() == 8);
  CHECK(profile.empty() == 2);
  CHECK(profile.integers() == 3);
  CHECK(profile.numbers() == 4);
  CHECK(profile.min() == -2);
  CHECK(profile.max() == 4);
  CHECK(profile.integer_counts() == std::map<long long, std::int64_t>{{-2, 1}, {3, 1}, {4, 1}});
  CHECK(profile.texts() == std::map<std::string, std::int64_t>{{"Agree", 1}, {"NA", 1}});
  // "+4" and "3" count as written, trimmed.
  CHECK(profile.distinct() == 6);
  CHECK_FALSE(profile.distinct_capped());
}

TEST_CASE("a column profile stops counting distinct values at the cap", "[scaffold]") {
  ColumnProfile profile;
  for (std::size_t i = 0; i <= ColumnProfile::kDistinctCap; ++i) profile.add("R" + std::to_string(i));
  CHECK(profile.cells() == 1001);
  CHECK(profile.distinct() == 1000);
  CHECK(profile.distinct_capped());
  CHECK(profile.texts().size() == 50);
  CHECK_FALSE(profile.min());
}

}  // namespace gapscore
