#include "gapscore/metrics/drivers.h"

#include <array>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <vector>

namespace gapscore {

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

TEST_CASE("key drivers do not depend on the scale, even when exact covariances overflow", "[metrics]") {
  // The rows of the test above times 2^59: n sum(y^2) of the outcome is 725 * 2^118 > 2^127, so some
  // covariances are worked out in long double; correlations are ratios, so every figure stays the same.
  const std::vector<std::array<std::int64_t, 3>> rows = {{1, 2, 2}, {2, 1, 4}, {3, 4, 5}, {4, 3, 6}, {5, 5, 8}};
  ProfileSums plain(3);
  ProfileSums scaled(3);
  for (const auto& row : rows) {
    plain.add(row.data());
    const std::int64_t wide[] = {row[0] << 59, row[1] << 59, row[2] << 59};
    scaled.add(wide);
  }
  const DriversResult expected = drivers_of("nps", plain, {"a", "b"}, {Figure(6.0), Figure(5.0)});
  const DriversResult drivers = drivers_of("nps", scaled, {"a", "b"}, {Figure(6.0), Figure(5.0)});
  for (std::size_t i = 0; i < 2; ++i) {
    CHECK(*drivers.dimensions[i].r == Approx(*expected.dimensions[i].r).epsilon(1e-15));
    CHECK(*drivers.dimensions[i].beta == Approx(*expected.dimensions[i].beta).epsilon(1e-14));
    CHECK(drivers.dimensions[i].quadrant == expected.dimensions[i].quadrant);
  }
  CHECK(*drivers.r2 == Approx(*expected.r2).epsilon(1e-14));
}

}  // namespace gapscore
