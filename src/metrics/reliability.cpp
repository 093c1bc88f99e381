#include "gapscore/metrics/reliability.h"

#include <cmath>

#include "gapscore/base/probability.h"
#include "numeric.h"

namespace gapscore {

namespace {

using numeric::finite;
using numeric::to_double;

// Alpha of the k items but `skip` (k for all of them); null for fewer than
// two items or a total that does not vary.
template <class Number>
Figure alpha_without(const std::vector<Number>& q, std::size_t k, std::size_t skip) {
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
}

// Feldt's interval of alpha from the F distribution on size - 1 and
// (size - 1)(k - 1) degrees of freedom.
Interval feldt_interval(double alpha, std::size_t k, double size) {
  const double df1 = size - 1;
  const double df2 = df1 * static_cast<double>(k - 1);
  const double complement = 1 - alpha;
  return Interval{1 - complement * f_quantile(0.975, df1, df2), 1 - complement * f_quantile(0.025, df1, df2)};
}

// Standardized alpha, from the mean inter-item correlation; null unless
// every item varies.
template <class Number>
Figure standardized_alpha(const std::vector<Number>& q, std::size_t k) {
  for (std::size_t i = 0; i < k; ++i) {
    if (!(q[i * k + i] > 0)) return std::nullopt;
  }
  double r_sum = 0;
  for (std::size_t i = 0; i < k; ++i) {
    for (std::size_t j = i + 1; j < k; ++j) {
      r_sum += to_double(q[i * k + j]) / std::sqrt(to_double(q[i * k + i]) * to_double(q[j * k + j]));
    }
  }
  const auto kk = static_cast<double>(k);
  const double r_mean = r_sum / (kk * (kk - 1) / 2);
  const double denominator = 1 + (kk - 1) * r_mean;
  if (denominator == 0) return std::nullopt;
  return finite(kk * r_mean / denominator);
}

// The corrected item-total r of item i: its correlation with the sum of the
// other items; null when either does not vary.
template <class Number>
Figure item_rest_r(const std::vector<Number>& q, std::size_t k, std::size_t i) {
  Number with_rest = 0;
  Number rest = 0;
  for (std::size_t j = 0; j < k; ++j) {
    if (j == i) continue;
    with_rest += q[i * k + j];
    for (std::size_t l = 0; l < k; ++l) {
      if (l != i) rest += q[j * k + l];
    }
  }
  if (!(q[i * k + i] > 0 && rest > 0)) return std::nullopt;
  return finite(to_double(with_rest) / std::sqrt(to_double(q[i * k + i]) * to_double(rest)));
}

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
  reliability.alpha = alpha_without(q, k, k);
  if (reliability.alpha) reliability.ci95 = feldt_interval(*reliability.alpha, k, size);
  reliability.standardized = standardized_alpha(q, k);
  if (k >= 3) {
    for (std::size_t i = 0; i < k; ++i) {
      reliability.items[i].alpha_if_deleted = alpha_without(q, k, i);
      reliability.items[i].item_rest_r = item_rest_r(q, k, i);
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
