#include "gapscore/metrics/distribution.h"
#include "gapscore/metrics/drivers.h"
#include "gapscore/metrics/kano.h"
#include "gapscore/metrics/nps.h"
#include "gapscore/metrics/proportion.h"
#include "gapscore/metrics/reliability.h"
#include "gapscore/metrics/significance.h"
#include "gapscore/metrics/stats.h"

#include <catch2/catch.hpp>
#include <cmath>

namespace gapscore {

namespace {

Histogram histogram_of(int low, int high, const std::vector<int>& values) {
  Histogram histogram(low, high);
  for (const int v : values) histogram.add(v);
  return histogram;
}

}  // namespace

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

TEST_CASE("key drivers: correlations, standardized weights and quadrants", "[metrics]") {
  // Two dimensions x1, x2 and an outcome y over five respondents.
  const std::vector<std::array<std::int64_t, 3>> rows = {{1, 2, 2}, {2, 1, 4}, {3, 4, 5}, {4, 3, 6}, {5, 5, 8}};
  ProfileSums block(3);
  for (const auto& row : rows) block.add(row.data());
  const auto correlation = [&rows](std::size_t i, std::size_t j) {
    double mi = 0;
    double mj = 0;
    for (const auto& row : rows) {
      mi += static_cast<double>(row[i]) / 5;
      mj += static_cast<double>(row[j]) / 5;
    }
    double sij = 0;
    double sii = 0;
    double sjj = 0;
    for (const auto& row : rows) {
      sij += (static_cast<double>(row[i]) - mi) * (static_cast<double>(row[j]) - mj);
      sii += (static_cast<double>(row[i]) - mi) * (static_cast<double>(row[i]) - mi);
      sjj += (static_cast<double>(row[j]) - mj) * (static_cast<double>(row[j]) - mj);
    }
    return sij / std::sqrt(sii * sjj);
  };
  const double r1 = correlation(0, 2);
  const double r2 = correlation(1, 2);
  const double r12 = correlation(0, 1);
  const DriversResult drivers = drivers_of("nps", block, {"a", "b"}, {Figure(6.0), Figure(5.0)});
  CHECK(drivers.n == 5);
  CHECK(*drivers.dimensions[0].r == Approx(r1).epsilon(1e-12));
  CHECK(*drivers.dimensions[1].r == Approx(r2).epsilon(1e-12));
  const double beta1 = (r1 - r12 * r2) / (1 - r12 * r12);
  const double beta2 = (r2 - r12 * r1) / (1 - r12 * r12);
  CHECK(*drivers.dimensions[0].beta == Approx(beta1).epsilon(1e-12));
  CHECK(*drivers.dimensions[1].beta == Approx(beta2).epsilon(1e-12));
  CHECK(*drivers.r2 == Approx(beta1 * r1 + beta2 * r2).epsilon(1e-12));
  // r1 = 0.99 > r2 = 0.78 and performance 6 > 5: a is kept up, b is low priority.
  CHECK(drivers.dimensions[0].quadrant == "keep_up_the_good_work");
  CHECK(drivers.dimensions[1].quadrant == "low_priority");
}

TEST_CASE("key drivers are null with too few respondents or no variance", "[metrics]") {
  ProfileSums block(2);
  const std::int64_t row[] = {3, 3};
  for (int i = 0; i < 4; ++i) block.add(row);
  const DriversResult drivers = drivers_of("csat", block, {"a"}, {Figure(3.0)});
  CHECK(drivers.n == 4);
  CHECK_FALSE(drivers.dimensions[0].r);
  CHECK_FALSE(drivers.r2);
  CHECK(drivers.dimensions[0].quadrant.empty());
}

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
