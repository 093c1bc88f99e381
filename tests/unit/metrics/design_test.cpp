#include "gapscore/metrics/design.h"

#include <catch2/catch.hpp>

namespace gapscore {

TEST_CASE("the linearised variance sums over strata, units absent from the domain counting as 0", "[metrics]") {
  SampleDesign design;
  design.clustered = true;
  // Stratum 0: 3 units, influences 0.1 and -0.2 and a unit without the
  // domain's rows: sum z^2 - (sum z)^2 / 3 = 0.05 - 0.01 / 3, times 3 / 2.
  // Stratum 1: 2 units, 0.3 and 0.1, fpc 1 - f = 0.5: (0.1 - 0.16 / 2) *
  // 2 * 0.5. Stratum 2 has one unit, which adds nothing.
  design.strata = {{3, 1}, {2, 0.5}, {1, 1}};
  const Influence influence = {
      {0, 0, 0, 0.1, 0.01}, {1, 1, 0, -0.2, 0.04}, {3, 3, 1, 0.3, 0.09}, {4, 4, 1, 0.1, 0.01}, {5, 5, 2, 0.5, 0.25}};
  CHECK(linearised_variance(design, influence) == Approx((0.05 - 0.01 / 3) * 1.5 + 0.02 * 2 * 0.5));
}

TEST_CASE("a difference of two domains' means combines their influences unit by unit", "[metrics]") {
  SampleDesign clustered;
  clustered.clustered = true;
  clustered.strata = {{4, 1}};
  const Influence a = {{0, 0, 0, 0.1, 0.01}, {1, 1, 0, 0.2, 0.04}};
  const Influence b = {{1, 1, 0, 0.05, 0.0025}, {2, 2, 0, 0.3, 0.09}};
  const Influence units = influence_difference(a, b);
  REQUIRE(units.size() == 3);
  CHECK(units[0].sum == Approx(0.1));
  CHECK(units[1].sum == Approx(0.15));
  CHECK(units[2].sum == Approx(-0.3));
  // The variance of the difference: units 0.1, 0.15, -0.3 and one at 0.
  const double sum = 0.1 + 0.15 - 0.3;
  const double squares = 0.01 + 0.0225 + 0.09;
  CHECK(linearised_variance(clustered, units) == Approx((squares - sum * sum / 4) * 4 / 3));
  // Each respondent a unit: the parts are strata, whose respondents are in
  // one domain or the other, so the squares add up.
  SampleDesign respondents;
  respondents.strata = {{100, 1}};
  const Influence strata = influence_difference({{0, 0, 0, 0.1, 0.02}}, {{0, 0, 0, -0.1, 0.03}});
  REQUIRE(strata.size() == 1);
  CHECK(strata[0].sum == Approx(0.2));
  CHECK(strata[0].squares == Approx(0.05));
}

TEST_CASE("raking's offsets to one margin are post-stratification's: each cell's mean residual", "[metrics]") {
  // One margin whose two values are the cells: the first sweep takes out
  // each cell's mean of (y - mean) / W, and later sweeps find nothing left.
  RakingAdjustment raking;
  raking.cells = {{3, 1.2, {0}, {1}}, {2, 0.7, {1}, {1}}};
  raking.category_rows = {{3, 2}};
  const std::vector<double> offsets = raking_offsets(raking, {0.3, -0.6});
  REQUIRE(offsets.size() == 2);
  CHECK(offsets[0] == Approx(0.1));
  CHECK(offsets[1] == Approx(-0.3));
}

TEST_CASE("with raking a part's influence is w ((y - mean) / W - offset) over all its rows", "[metrics]") {
  // Two respondents of weights 2 and 3 in one part, the first in the domain
  // with w (y - mean) / W = 0.4, offset 0.05: z = 0.4 - 2 * 0.05 = 0.3 and
  // -3 * 0.05 = -0.15.
  InfluencePart part;
  part.sum = 0.4;
  part.squares = 0.16;
  part.linear = 2 * 0.4;
  part.offset = 0.05;
  part.weight = 5;
  part.weight_squares = 13;
  CHECK(part.total() == Approx(0.3 - 0.15));
  CHECK(part.total_squares() == Approx(0.09 + 0.0225));
}

}  // namespace gapscore
