#include "gapscore/metrics/proportion.h"

#include <catch2/catch.hpp>
#include <cmath>

#include "metrics/histogram_of.h"

namespace gapscore {

TEST_CASE("Wilson score interval", "[metrics]") {
  // 7 of 10, z = 1.96: centre (0.7 + z^2 / 20) / (1 + z^2 / 10),
  // half-width z sqrt(0.7 * 0.3 / 10 + z^2 / 400) / (1 + z^2 / 10): 39.68% to 89.22%.
  const double z2 = 1.96 * 1.96;
  const double centre = (0.7 + z2 / 20) / (1 + z2 / 10);
  const double half = 1.96 * std::sqrt(0.021 + z2 / 400) / (1 + z2 / 10);
  const Interval interval = wilson_interval(7, 10);
  CHECK(interval.low == Approx(100 * (centre - half)).epsilon(1e-13));
  CHECK(interval.high == Approx(100 * (centre + half)).epsilon(1e-13));
  CHECK(interval.low == Approx(39.68).epsilon(1e-4));
  CHECK(interval.high == Approx(89.22).epsilon(1e-4));
  const Proportion csat = proportion_at_or_above(histogram_of(1, 5, {5, 4, 4, 3, 1}), 4);
  CHECK(csat.n == 5);
  CHECK(csat.count == 3);
  CHECK(*csat.score == 60);
  const Interval zero = wilson_interval(0, 4);
  CHECK(zero.low == 0);
}

}  // namespace gapscore
