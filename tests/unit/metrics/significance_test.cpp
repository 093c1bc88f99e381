#include "gapscore/metrics/significance.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "gapscore/metrics/stats.h"

namespace gapscore {

TEST_CASE("Welch's t test of two means", "[metrics]") {
  // a: n 10, mean 5, sd 2; b: n 20, mean 4, sd 1. s1^2/n1 = 0.4, s2^2/n2 = 0.05:
  // t = 1 / sqrt(0.45); df = 0.45^2 / (0.4^2 / 9 + 0.05^2 / 19).
  Stats a = stats_from(10, 5, 4, false);
  Stats b = stats_from(20, 4, 1, false);
  const Comparison c = welch_test(a, b);
  CHECK(*c.difference == 1);
  CHECK(*c.statistic == Approx(1 / std::sqrt(0.45)).epsilon(1e-12));
  CHECK(*c.df == Approx(0.45 * 0.45 / (0.16 / 9 + 0.0025 / 19)).epsilon(1e-12));
  // scipy.stats.t.sf(1.4907, 11.307) * 2.
  CHECK(*c.p == Approx(0.16340).epsilon(1e-4));
  Stats flat = stats_from(5, 3, 0, false);
  CHECK_FALSE(welch_test(flat, flat).statistic);
  CHECK(*welch_test(flat, flat).difference == 0);
  CHECK_FALSE(welch_test(stats_from(1, 3, 0, false), b).p);
}

TEST_CASE("two proportions and NPS differences", "[metrics]") {
  // 30 of 50 against 20 of 50: pooled 0.5, se sqrt(0.25 * 0.04) = 0.1, z = 2.
  Proportion a;
  a.n = 50;
  a.count = 30;
  Proportion b;
  b.n = 50;
  b.count = 20;
  const Comparison c = two_proportion_test(a, b);
  CHECK(*c.difference == Approx(20).epsilon(1e-14));
  CHECK(*c.statistic == Approx(2).epsilon(1e-14));
  CHECK(*c.p == Approx(0.0455003).epsilon(1e-6));
  NpsResult x;
  x.score = 30;
  x.se = 3;
  NpsResult y;
  y.score = 22;
  y.se = 4;
  const Comparison nps = nps_difference(x, y);
  CHECK(*nps.se == 5);
  CHECK(*nps.statistic == Approx(1.6).epsilon(1e-14));
}

TEST_CASE("Holm's step-down adjustment", "[metrics]") {
  // p 0.01, 0.04, 0.03, 0.005, and a null: sorted 0.005 x 4, 0.01 x 3, 0.03 x 2, 0.04 x 1 -> 0.02, 0.03, 0.06,
  // then max(0.06, 0.04) = 0.06.
  std::vector<Comparison> family(5);
  family[0].p = 0.01;
  family[1].p = 0.04;
  family[2].p = 0.03;
  family[3].p = 0.005;
  std::vector<Comparison*> pointers;
  for (Comparison& c : family) pointers.push_back(&c);
  holm_adjust(pointers);
  CHECK(*family[3].p_adjusted == Approx(0.02).epsilon(1e-14));
  CHECK(*family[0].p_adjusted == Approx(0.03).epsilon(1e-14));
  CHECK(*family[2].p_adjusted == Approx(0.06).epsilon(1e-14));
  CHECK(*family[1].p_adjusted == Approx(0.06).epsilon(1e-14));
  CHECK_FALSE(family[4].p_adjusted);
}

}  // namespace gapscore
