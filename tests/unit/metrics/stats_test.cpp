#include "gapscore/metrics/stats.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>

#include "metrics/histogram_of.h"

namespace gapscore {

TEST_CASE("the stats block of a few values", "[metrics]") {
  // 2, 4, 4, 5: mean 15/4; squared deviations 3.0625 + 0.0625 * 2 + 1.5625 = 4.75; var 4.75 / 3.
  const Stats stats = stats_of(histogram_of(1, 7, {2, 4, 4, 5}), false);
  CHECK(stats.n == 4);
  CHECK(*stats.mean == 3.75);
  CHECK(*stats.sd == Approx(std::sqrt(4.75 / 3)).epsilon(1e-14));
  CHECK(*stats.se == Approx(std::sqrt(4.75 / 3) / 2).epsilon(1e-14));
  // t(0.975, 3) = 3.182446 (t table).
  CHECK(stats.ci95->low == Approx(3.75 - 3.182446305284263 * std::sqrt(4.75 / 3) / 2).epsilon(1e-12));
  CHECK(stats.ci95->high == Approx(3.75 + 3.182446305284263 * std::sqrt(4.75 / 3) / 2).epsilon(1e-12));
  CHECK_FALSE(stats.t);
}

TEST_CASE("a gap block adds the paired t-test and d", "[metrics]") {
  // Gaps -1, -2, -3: mean -2, sd 1, se 1/sqrt(3), t = -2 sqrt(3), df 2.
  const Stats stats = stats_of(histogram_of(-6, 6, {-1, -2, -3}), true);
  CHECK(*stats.mean == -2);
  CHECK(*stats.sd == Approx(1.0).epsilon(1e-15));
  CHECK(*stats.t == Approx(-2 * std::sqrt(3.0)).epsilon(1e-14));
  // With 2 df, P(|T| >= t) = 1 - |t| / sqrt(2 + t^2).
  CHECK(*stats.p == Approx(1 - 2 * std::sqrt(3.0) / std::sqrt(14.0)).epsilon(1e-12));
  CHECK(*stats.d == Approx(-2.0).epsilon(1e-14));
  // t(0.975, 2) = 0.95 sqrt(2 / (4 * 0.975 * 0.025)).
  const double half = 0.95 * std::sqrt(2 / (4 * 0.975 * 0.025)) / std::sqrt(3.0);
  CHECK(stats.ci95->low == Approx(-2 - half).epsilon(1e-13));
}

TEST_CASE("edge cases: n = 0, n = 1, all values equal", "[metrics]") {
  const Stats none = stats_of(histogram_of(1, 5, {}), true);
  CHECK(none.n == 0);
  CHECK_FALSE(none.mean);
  CHECK_FALSE(none.sd);
  CHECK_FALSE(none.ci95);
  CHECK_FALSE(none.t);
  const Stats one = stats_of(histogram_of(1, 5, {4}), true);
  CHECK(*one.mean == 4);
  CHECK_FALSE(one.sd);
  CHECK_FALSE(one.se);
  CHECK_FALSE(one.ci95);
  CHECK_FALSE(one.p);
  const Stats equal = stats_of(histogram_of(-4, 4, {2, 2, 2}), true);
  CHECK(*equal.sd == 0);
  CHECK(*equal.se == 0);
  CHECK(equal.ci95->low == 2);
  CHECK(equal.ci95->high == 2);
  CHECK_FALSE(equal.t);
  CHECK_FALSE(equal.p);
  CHECK_FALSE(equal.d);
  Moments same;
  for (int i = 0; i < 5; ++i) same.add(13.0 / 3);
  const Stats moments = stats_of(same, true);
  CHECK(*moments.sd == 0);
  CHECK_FALSE(moments.t);
}

TEST_CASE("values far from zero keep their variance exactly", "[metrics]") {
  const Stats stats = stats_of(histogram_of(1000000, 1000002, {1000000, 1000001, 1000002}), false);
  CHECK(*stats.mean == 1000001);
  CHECK(*stats.sd == 1);
}

TEST_CASE("a profile block whose exact covariance overflows 128 bits falls back to long double", "[metrics]") {
  // y = 0, 1, 2, 3 times 2^61: sum y^2 = 14 * 2^122 fits, n sum y^2 = 56 * 2^122 does not.
  // Mean 1.5 * 2^61; the sample variance of 0..3 is 5/3, so sd = sqrt(5/3) * 2^61.
  const double unit = std::ldexp(1.0, 61);
  ProfileSums profiles(1);
  for (std::int64_t k = 0; k < 4; ++k) {
    const std::int64_t y[] = {k << 61};
    profiles.add(y);
  }
  const Stats stats = stats_of(profiles, {1.0}, {0}, 1, false);
  CHECK(stats.n == 4);
  CHECK(*stats.mean == 1.5 * unit);
  CHECK(*stats.sd == Approx(std::sqrt(5.0 / 3) * unit).epsilon(1e-15));
}

}  // namespace gapscore
