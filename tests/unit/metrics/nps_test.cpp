#include "gapscore/metrics/nps.h"

#include <catch2/catch.hpp>
#include <cmath>

#include "metrics/histogram_of.h"

namespace gapscore {

TEST_CASE("NPS counts, score, Wald se and adjusted-Wald interval", "[metrics]") {
  // 10 answers: 10 10 10 9 9 (promoters) 8 7 (passives) 5 2 2 (detractors).
  const NpsResult nps = nps_of(histogram_of(0, 10, {10, 10, 10, 9, 9, 8, 7, 5, 2, 2}), 9, 6);
  CHECK(nps.n == 10);
  CHECK(nps.promoters == 5);
  CHECK(nps.passives == 2);
  CHECK(nps.detractors == 3);
  CHECK(*nps.promoters_pct == 50);
  CHECK(*nps.passives_pct == 20);
  CHECK(*nps.detractors_pct == 30);
  CHECK(*nps.score == Approx(20).epsilon(1e-14));
  // se = 100 sqrt((0.5 + 0.3 - 0.2^2) / 10) = 100 sqrt(0.076).
  CHECK(*nps.se == Approx(100 * std::sqrt(0.076)).epsilon(1e-14));
  // n' = 13, p'p = 5.75/13, p'd = 3.75/13, s' = 2/13, se' = sqrt((9.5/13 - (2/13)^2) / 13).
  const double s = 2.0 / 13;
  const double se = std::sqrt((9.5 / 13 - s * s) / 13);
  CHECK(nps.ci95->low == Approx(100 * (s - 1.96 * se)).epsilon(1e-13));
  CHECK(nps.ci95->high == Approx(100 * (s + 1.96 * se)).epsilon(1e-13));
  CHECK(*nps.distribution.median == 8);
}

TEST_CASE("NPS interval is clipped to -100..100 and empty answers give nulls", "[metrics]") {
  const NpsResult all_promoters = nps_of(histogram_of(0, 10, {10, 10}), 9, 6);
  CHECK(*all_promoters.score == 100);
  CHECK(*all_promoters.se == 0);
  CHECK(all_promoters.ci95->high <= 100);
  const NpsResult none = nps_of(histogram_of(0, 10, {}), 9, 6);
  CHECK(none.n == 0);
  CHECK_FALSE(none.score);
  CHECK_FALSE(none.se);
  CHECK_FALSE(none.ci95);
}

}  // namespace gapscore
