#include "gapscore/metrics/reliability.h"

#include <catch2/catch.hpp>
#include <cmath>

namespace gapscore {

TEST_CASE("Cronbach's alpha and its companions, worked by hand", "[metrics]") {
  // x1 = 1 2 3 4, x2 = 2 2 4 4, x3 = 1 3 3 5.
  // Variances 5/3, 4/3, 8/3; covariances 4/3 (1, 2), 2 (1, 3), 4/3 (2, 3); total variance 15.
  CoMoments items(3);
  const std::int64_t rows[4][3] = {{1, 2, 1}, {2, 2, 3}, {3, 4, 3}, {4, 4, 5}};
  for (const auto& row : rows) items.add(row);
  const Reliability r = reliability_of(items, {"x1", "x2", "x3"});
  CHECK(r.n == 4);
  // alpha = 3/2 (1 - (17/3) / 15) = 42/45.
  CHECK(*r.alpha == Approx(42.0 / 45).epsilon(1e-14));
  // Feldt, df 3 and 6: F(0.975; 3, 6) = 6.5988 and F(0.025; 3, 6) = 1 / F(0.975; 6, 3) = 1 / 14.735 (tables).
  CHECK(r.ci95->low == Approx(1 - (3.0 / 45) * 6.5988).epsilon(1e-4));
  CHECK(r.ci95->high == Approx(1 - (3.0 / 45) / 14.735).epsilon(1e-6));
  // Correlations 0.894427, 0.948683, 0.707107, mean 0.850072: 3 r / (1 + 2 r).
  CHECK(*r.standardized == Approx(0.9444742467).epsilon(1e-9));
  // Without x1: (8/3 + 4/3 = 4) over total 20/3: 2 (1 - 0.6) = 0.8; x2 + x3 = 2 x1 + 1, so r = 1.
  CHECK(*r.items[0].alpha_if_deleted == Approx(0.8).epsilon(1e-14));
  CHECK(*r.items[0].item_rest_r == Approx(1.0).epsilon(1e-14));
  // Without x2: 2 (1 - 13/25) = 0.96; r = (8/3) / sqrt(4/3 * 25/3) = 0.8.
  CHECK(*r.items[1].alpha_if_deleted == Approx(0.96).epsilon(1e-14));
  CHECK(*r.items[1].item_rest_r == Approx(0.8).epsilon(1e-14));
  // Without x3: 2 (1 - 9/17) = 16/17; r = (10/3) / sqrt(8/3 * 17/3) = 10 / sqrt(136).
  CHECK(*r.items[2].alpha_if_deleted == Approx(16.0 / 17).epsilon(1e-14));
  CHECK(*r.items[2].item_rest_r == Approx(10 / std::sqrt(136.0)).epsilon(1e-14));
}

TEST_CASE("alpha is null for one item, one respondent, or no variance", "[metrics]") {
  CoMoments one_item(1);
  const std::int64_t a[] = {3};
  one_item.add(a);
  one_item.add(a);
  CHECK_FALSE(reliability_of(one_item, {"i"}).alpha);
  CoMoments flat(2);
  const std::int64_t b[] = {2, 2};
  flat.add(b);
  flat.add(b);
  const Reliability r = reliability_of(flat, {"i", "j"});
  CHECK(r.n == 2);
  CHECK_FALSE(r.alpha);
  CHECK_FALSE(r.ci95);
  CHECK_FALSE(r.standardized);
  // Two items: no per-item figures.
  CoMoments two(2);
  const std::int64_t rows[3][2] = {{1, 2}, {2, 2}, {3, 5}};
  for (const auto& row : rows) two.add(row);
  const Reliability pair = reliability_of(two, {"i", "j"});
  CHECK(pair.alpha);
  CHECK_FALSE(pair.items[0].alpha_if_deleted);
  CHECK_FALSE(pair.items[0].item_rest_r);
}

}  // namespace gapscore
