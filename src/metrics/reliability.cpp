#include "gapscore/metrics/reliability.h"

#include <cmath>

#include "gapscore/base/probability.h"
#include "numeric.h"

namespace gapscore {

namespace {

using numeric::finite;
using numeric::to_double;

// Every figure is a ratio of covariances, so any common factor of q(i, j)
// cancels: q is n (n - 1) cov(i, j) in exact integers, or W^2 times the
// weighted covariance with survey weights. `size` is n or n_eff, for
// Feldt's degrees of freedom.
template <class Number>
Reliability reliability_from(const std::vector<Number>& q, std::size_t k, std::int64_t n, double size,
                             const std::vector<std::string>& item_ids) {
  Reliability reliability;
  reliability.n = n;
  for (const std::string& id : item_ids) reliability.items.push_back({id, std::nullopt, std::nullopt});
  if (k < 2 || n < 2 || !(size > 1)) return reliability;

  const auto alpha_without = [&](std::size_t skip) -> Figure {
    Number diagonal = 0;
    Number total = 0;
    std::size_t kept = 0;
    for (std::size_t i = 0; i < k; ++i) {
      if (i == skip) continue;
      ++kept;
      diagonal += q[i * k + i];
      for (std::size_t j = 0; j < k; ++j) {
        if (j != skip) total += q[i * k + j];
      }
    }
    if (kept < 2 || total <= 0) return std::nullopt;
    const auto kk = static_cast<double>(kept);
    return finite(kk / (kk - 1) * (1 - to_double(diagonal) / to_double(total)));
  };

  reliability.alpha = alpha_without(k);
  if (reliability.alpha) {
    const double df1 = size - 1;
    const double df2 = df1 * static_cast<double>(k - 1);
    const double complement = 1 - *reliability.alpha;
    reliability.ci95 =
        Interval{1 - complement * f_quantile(0.975, df1, df2), 1 - complement * f_quantile(0.025, df1, df2)};
  }

  bool all_vary = true;
  for (std::size_t i = 0; i < k; ++i) all_vary = all_vary && q[i * k + i] > 0;
  if (all_vary) {
    double r_sum = 0;
    for (std::size_t i = 0; i < k; ++i) {
      for (std::size_t j = i + 1; j < k; ++j) {
        r_sum += to_double(q[i * k + j]) / std::sqrt(to_double(q[i * k + i]) * to_double(q[j * k + j]));
      }
    }
    const auto kk = static_cast<double>(k);
    const double r_mean = r_sum / (kk * (kk - 1) / 2);
    const double denominator = 1 + (kk - 1) * r_mean;
    if (denominator != 0) reliability.standardized = finite(kk * r_mean / denominator);
  }

  if (k >= 3) {
    for (std::size_t i = 0; i < k; ++i) {
      ItemReliability& item = reliability.items[i];
      item.alpha_if_deleted = alpha_without(i);
      Number with_rest = 0;
      Number rest = 0;
      for (std::size_t j = 0; j < k; ++j) {
        if (j == i) continue;
        with_rest += q[i * k + j];
        for (std::size_t l = 0; l < k; ++l) {
          if (l != i) rest += q[j * k + l];
        }
      }
      if (q[i * k + i] > 0 && rest > 0) {
        item.item_rest_r = finite(to_double(with_rest) / std::sqrt(to_double(q[i * k + i]) * to_double(rest)));
      }
    }
  }
  return reliability;
}

}  // namespace

Reliability reliability_of(const CoMoments& items, const std::vector<std::string>& item_ids) {
  const std::size_t k = items.k();
  std::vector<Int128> q(k * k);
  for (std::size_t i = 0; i < k; ++i) {
    for (std::size_t j = 0; j < k; ++j) q[i * k + j] = items.scaled_covariance(i, j);
  }
  return reliability_from(q, k, items.n(), static_cast<double>(items.n()), item_ids);
}

Reliability reliability_of(const CoMoments& items, const WeightedCross& weighted,
                           const std::vector<std::string>& item_ids) {
  const std::size_t k = weighted.variables;
  std::vector<double> q(k * k);
  for (std::size_t i = 0; i < k; ++i) {
    for (std::size_t j = 0; j < k; ++j) q[i * k + j] = weighted.scaled_covariance(i, j);
  }
  const double size = weighted.weight > 0 ? weighted.weight * weighted.weight / weighted.squares : 0;
  return reliability_from(q, k, items.n(), size, item_ids);
}

}  // namespace gapscore
