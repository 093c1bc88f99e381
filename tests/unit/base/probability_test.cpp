#include "gapscore/base/probability.h"

#include <catch2/catch.hpp>
#include <cmath>

namespace gapscore {

namespace {
const double kPi = std::acos(-1.0);
}

TEST_CASE("t quantiles match closed forms and published tables", "[probability]") {
  // df = 1 is the Cauchy distribution: t = tan(pi (p - 1/2)).
  CHECK(t_quantile(0.975, 1) == Approx(std::tan(kPi * 0.475)).epsilon(1e-13));
  // df = 2: t = (2p - 1) sqrt(2 / (4 p (1 - p))).
  CHECK(t_quantile(0.975, 2) == Approx(0.95 * std::sqrt(2 / (4 * 0.975 * 0.025))).epsilon(1e-13));
  // Student t table, two-sided 95%: 2.228 (10 df), 2.042 (30 df), 1.984 (100 df).
  CHECK(t_quantile(0.975, 10) == Approx(2.228139).epsilon(1e-6));
  CHECK(t_quantile(0.975, 30) == Approx(2.042272).epsilon(1e-6));
  CHECK(t_quantile(0.975, 100) == Approx(1.983972).epsilon(1e-6));
  // Many degrees of freedom: the normal 97.5% point.
  CHECK(t_quantile(0.975, 1e9) == Approx(1.959964).epsilon(1e-6));
}

TEST_CASE("two-sided t p-values match closed forms", "[probability]") {
  // df = 1: P(|T| >= t) = 1 - (2 / pi) atan(t).
  CHECK(t_two_sided_p(3.0, 1) == Approx(1 - 2 / kPi * std::atan(3.0)).epsilon(1e-12));
  // df = 2: P(|T| >= t) = 1 - t / sqrt(2 + t^2), whatever the sign of t.
  CHECK(t_two_sided_p(-2.5, 2) == Approx(1 - 2.5 / std::sqrt(2 + 6.25)).epsilon(1e-12));
  CHECK(t_two_sided_p(0, 5) == Approx(1.0));
  // Far tails keep their precision rather than rounding to 0.
  const double tiny = t_two_sided_p(40, 2000);
  CHECK(tiny > 0);
  CHECK(tiny < 1e-200);
}

TEST_CASE("F quantiles match published tables", "[probability]") {
  // F table, upper 2.5% points: F(5, 10) = 4.2361, F(10, 5) = 6.6192.
  CHECK(f_quantile(0.975, 5, 10) == Approx(4.2361).epsilon(1e-4));
  CHECK(f_quantile(0.025, 5, 10) == Approx(1 / 6.6192).epsilon(1e-4));
  // F(1, df) is the square of t(df), the two-sided 95% t point giving the one-sided 95% F point.
  CHECK(f_quantile(0.95, 1, 10) == Approx(2.2281388519649 * 2.2281388519649).epsilon(1e-10));
}

}  // namespace gapscore
