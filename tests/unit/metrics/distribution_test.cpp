#include "gapscore/metrics/distribution.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <vector>

#include "metrics/histogram_of.h"

namespace gapscore {

TEST_CASE("quartiles are the first value whose cumulative count reaches p n", "[metrics]") {
  // 1, 2, 3, 3: cumulative 1, 2, 4 of 4: q1 needs 1 -> 1, median 2 -> 2, q3 3 -> 3.
  const Distribution d = distribution_of(histogram_of(1, 5, {1, 2, 3, 3}));
  CHECK(*d.q1 == 1);
  CHECK(*d.median == 2);
  CHECK(*d.q3 == 3);
  CHECK(d.freq == std::vector<std::int64_t>{1, 1, 2, 0, 0});
  // 5 values 1..5: q1 needs 1.25 -> 2, median 2.5 -> 3, q3 3.75 -> 4.
  const Distribution five = distribution_of(histogram_of(1, 5, {1, 2, 3, 4, 5}));
  CHECK(*five.q1 == 2);
  CHECK(*five.median == 3);
  CHECK(*five.q3 == 4);
  const Distribution empty = distribution_of(histogram_of(1, 5, {}));
  CHECK_FALSE(empty.median);
}

}  // namespace gapscore
