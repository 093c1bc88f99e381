#include "gapscore/metrics/drivers.h"

#include <cmath>
#include <utility>

#include "numeric.h"

namespace gapscore {

namespace {

using numeric::exact_scaled_covariance;
using numeric::rounded_scaled_covariance;

// Gauss-Jordan elimination with partial pivoting of the d x (d + 1)
// augmented matrix `a`, in place: false when it is singular (a pivot under
// 1e-12, as when two dimensions are collinear).
bool solve_in_place(std::vector<long double>& a, std::size_t d) {
  for (std::size_t col = 0; col < d; ++col) {
    std::size_t pivot = col;
    for (std::size_t row = col + 1; row < d; ++row) {
      if (std::fabs(a[row * (d + 1) + col]) > std::fabs(a[pivot * (d + 1) + col])) pivot = row;
    }
    if (std::fabs(a[pivot * (d + 1) + col]) < 1e-12L) return false;
    for (std::size_t j = 0; j <= d; ++j) std::swap(a[col * (d + 1) + j], a[pivot * (d + 1) + j]);
    for (std::size_t row = 0; row < d; ++row) {
      if (row == col) continue;
      const long double factor = a[row * (d + 1) + col] / a[col * (d + 1) + col];
      for (std::size_t j = col; j <= d; ++j) a[row * (d + 1) + j] -= factor * a[col * (d + 1) + j];
    }
  }
  return true;
}

// Each dimension's correlation with the outcome, then the standardized
// weights and R^2 from R_xx beta = r_xy; left null when a variable does not
// vary (and the weights when R_xx is singular).
void regression_figures(DriversResult& result, const std::vector<long double>& c) {
  const std::size_t d = result.dimensions.size();
  const std::size_t v = d + 1;
  bool varies = true;
  for (std::size_t i = 0; i < v; ++i) varies = varies && c[i * v + i] > 0;
  if (!varies) return;
  const auto r = [&](std::size_t i, std::size_t j) { return c[i * v + j] / std::sqrt(c[i * v + i] * c[j * v + j]); };
  std::vector<long double> a(d * (d + 1));
  for (std::size_t i = 0; i < d; ++i) {
    result.dimensions[i].r = static_cast<double>(r(i, d));
    for (std::size_t j = 0; j < d; ++j) a[i * (d + 1) + j] = r(i, j);
    a[i * (d + 1) + d] = r(i, d);
  }
  if (!solve_in_place(a, d)) return;
  long double r2 = 0;
  for (std::size_t i = 0; i < d; ++i) {
    const long double beta = a[i * (d + 1) + d] / a[i * (d + 1) + i];
    result.dimensions[i].beta = static_cast<double>(beta);
    r2 += beta * r(i, d);
  }
  result.r2 = static_cast<double>(r2);
}

// Importance-performance: split at the means over the dimensions, when
// every dimension has both.
void assign_quadrants(DriversResult& result) {
  const std::size_t d = result.dimensions.size();
  double importance_mean = 0;
  double performance_mean = 0;
  std::size_t complete = 0;
  for (const DriverResult& dimension : result.dimensions) {
    if (!dimension.r || !dimension.performance) continue;
    importance_mean += *dimension.r;
    performance_mean += *dimension.performance;
    ++complete;
  }
  if (complete != d || d == 0) return;
  importance_mean /= static_cast<double>(d);
  performance_mean /= static_cast<double>(d);
  for (DriverResult& dimension : result.dimensions) {
    const bool important = *dimension.r >= importance_mean;
    const bool performing = *dimension.performance >= performance_mean;
    dimension.quadrant = important ? (performing ? "keep_up_the_good_work" : "concentrate_here")
                                   : (performing ? "possible_overkill" : "low_priority");
  }
}

// Key drivers from c, the D + 1 variables' covariances times any common
// factor (correlations are ratios of covariances, so it cancels).
DriversResult drivers_from(const std::string& outcome, std::int64_t n, const std::vector<long double>& c,
                           const std::vector<std::string>& ids, const std::vector<Figure>& performance) {
  DriversResult result;
  result.outcome = outcome;
  result.n = n;
  for (std::size_t i = 0; i < ids.size(); ++i)
    result.dimensions.push_back({ids[i], std::nullopt, std::nullopt, performance[i], {}});
  if (result.n >= 3) regression_figures(result, c);
  assign_quadrants(result);
  return result;
}

}  // namespace

DriversResult drivers_of(const std::string& outcome, const ProfileSums& block, const std::vector<std::string>& ids,
                         const std::vector<Figure>& performance) {
  // The exact n * sum(xy) - sum(x) sum(y), in long double when it overflows.
  const std::size_t v = ids.size() + 1;
  std::vector<long double> c(v * v);
  for (std::size_t i = 0; i < v; ++i) {
    for (std::size_t j = 0; j < v; ++j) {
      Int128 covariance = 0;
      c[i * v + j] = exact_scaled_covariance(block, i, j, &covariance) ? static_cast<long double>(covariance)
                                                                       : rounded_scaled_covariance(block, i, j);
    }
  }
  return drivers_from(outcome, block.n(), c, ids, performance);
}

DriversResult drivers_of(const std::string& outcome, std::int64_t n, const WeightedCross& block,
                         const std::vector<std::string>& ids, const std::vector<Figure>& performance) {
  const std::size_t v = ids.size() + 1;
  std::vector<long double> c(v * v);
  for (std::size_t i = 0; i < v; ++i) {
    for (std::size_t j = 0; j < v; ++j) c[i * v + j] = static_cast<long double>(block.scaled_covariance(i, j));
  }
  return drivers_from(outcome, n, c, ids, performance);
}

}  // namespace gapscore
