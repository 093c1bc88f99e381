#include "gapscore/tally/accumulators.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <vector>

#include "gapscore/coding/coder.h"

namespace gapscore {

TEST_CASE("histograms count values, missing and invalid cells, and merge", "[tally]") {
  Histogram a(1, 5);
  a.add(3);
  a.add(3);
  a.add(kMissingCode);
  Histogram b(1, 5);
  b.add(5);
  b.add(kInvalidCode);
  a.merge(b);
  CHECK(a.counts() == std::vector<std::int64_t>{0, 0, 2, 0, 1});
  CHECK(a.n() == 3);
  CHECK(a.missing() == 1);
  CHECK(a.invalid() == 1);
  CHECK(a.high() == 5);
}

TEST_CASE("moments merge to the moments of the union", "[tally]") {
  const std::vector<double> values = {2.5, 4, 4.25, 1, 7, 3.5, 6};
  Moments whole;
  for (const double v : values) whole.add(v);
  Moments first;
  Moments second;
  for (std::size_t i = 0; i < values.size(); ++i) (i < 3 ? first : second).add(values[i]);
  first.merge(second);
  // Sum 28.25 over 7 values; sum of squares 138.5625.
  CHECK(first.n == 7);
  CHECK(first.mean == Approx(28.25 / 7).epsilon(1e-14));
  CHECK(first.m2 == Approx(138.5625 - 28.25 * 28.25 / 7).epsilon(1e-13));
  CHECK(whole.m2 == Approx(first.m2).epsilon(1e-13));
  Moments empty;
  empty.merge(first);
  CHECK(empty.mean == first.mean);
}

TEST_CASE("moments keep the variance of large values with a tiny spread", "[tally]") {
  Moments moments;
  for (int i = 0; i < 1000; ++i) moments.add(1e6 + 0.001 * (i % 2));
  // Half the values are 1e6, half 1e6 + 0.001: variance 0.001^2 / 4 * 1000 / 999.
  CHECK(moments.m2 / 999 == Approx(0.25e-6 * 1000 / 999).epsilon(1e-6));
}

TEST_CASE("co-moments give exact covariances", "[tally]") {
  CoMoments items(2);
  const std::int64_t rows[4][2] = {{1, 2}, {2, 2}, {3, 4}, {4, 4}};
  for (const auto& row : rows) items.add(row);
  CHECK(items.n() == 4);
  // var(x) = 5/3, cov(x, y) = 4/3, so n (n - 1) times them: 20 and 16.
  CHECK(items.scaled_covariance(0, 0) == 20);
  CHECK(items.scaled_covariance(0, 1) == 16);
  CHECK(items.scaled_covariance(1, 0) == 16);
  CoMoments other(2);
  other.merge(items);
  CHECK(other.scaled_covariance(1, 1) == 16);
}

TEST_CASE("score sums are exact and merge in any order", "[tally]") {
  ScoreSums a(3);
  a.add(7, 2);
  a.add(11, 3);
  ScoreSums b(3);
  b.add(2, 1);
  b.merge(a);
  CHECK(b.n() == 3);
  CHECK(b.n_with(2) == 1);
  CHECK(b.sum_with(3) == 11);
  CHECK(b.squares_with(3) == 121);
  ProfileSums p(2);
  const std::int64_t first[] = {3, -4};
  const std::int64_t second[] = {5, 6};
  p.add(first);
  p.add(second);
  CHECK(p.n() == 2);
  CHECK(p.sum(1) == 2);
  CHECK(p.cross(1, 0) == 3 * -4 + 5 * 6);
  CHECK(p.cross(1, 1) == 16 + 36);
}

}  // namespace gapscore
