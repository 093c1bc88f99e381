#include "gapscore/metrics/kano.h"

#include <array>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>

namespace gapscore {

TEST_CASE("Kano classification, dominance, Fong's test and the coefficients, by hand", "[metrics]") {
  // Pairs (functional, dysfunctional), 1 like .. 5 dislike:
  //   (1,5) x 8 -> O;  (1,3) x 5 -> A;  (2,5) x 6 -> M;  (3,3) x 3 -> I;  (5,1) x 1 -> R;  (1,1) x 2 -> Q.
  std::array<std::int64_t, 25> pairs{};
  const auto at = [](int f, int d) { return static_cast<std::size_t>((f - 1) * 5 + (d - 1)); };
  pairs[at(1, 5)] = 8;
  pairs[at(1, 3)] = 5;
  pairs[at(2, 5)] = 6;
  pairs[at(3, 3)] = 3;
  pairs[at(5, 1)] = 1;
  pairs[at(1, 1)] = 2;
  const KanoResult k = kano_of("app", pairs);
  CHECK(k.n == 25);
  CHECK(k.counts == std::array<std::int64_t, 6>{5, 8, 6, 3, 1, 2});
  CHECK(*k.pcts[1] == 32);
  CHECK(*k.dominant == KanoCategory::kOneDimensional);
  // a = 8, b = 6, n = 25: 1.65 sqrt(14 * 36 / 50) = 1.65 sqrt(10.08).
  CHECK(*k.fong_difference == 2);
  CHECK(*k.fong_critical == Approx(1.65 * std::sqrt(10.08)).epsilon(1e-14));
  CHECK_FALSE(*k.fong_significant);
  // Better (5 + 8) / 22, worse -(8 + 6) / 22.
  CHECK(*k.better == Approx(13.0 / 22).epsilon(1e-14));
  CHECK(*k.worse == Approx(-14.0 / 22).epsilon(1e-14));
}

TEST_CASE("Kano ties go to must-be first, and nobody answering gives nulls", "[metrics]") {
  std::array<std::int64_t, 25> pairs{};
  pairs[1 * 5 + 4] = 4;  // (2,5) must-be
  pairs[0 * 5 + 1] = 4;  // (1,2) attractive
  const KanoResult k = kano_of("f", pairs);
  CHECK(*k.dominant == KanoCategory::kMustBe);
  const KanoResult none = kano_of("g", {});
  CHECK(none.n == 0);
  CHECK_FALSE(none.dominant);
  CHECK_FALSE(none.better);
}

}  // namespace gapscore
