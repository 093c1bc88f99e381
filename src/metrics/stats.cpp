#include "gapscore/metrics/stats.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "gapscore/base/probability.h"
#include "numeric.h"

namespace gapscore {

namespace {

using numeric::add;
using numeric::exact_scaled_covariance;
using numeric::finite;
using numeric::multiply;
using numeric::rounded_scaled_covariance;
using numeric::subtract;
using numeric::to_double;

// The stats block with `size` (n, or n_eff with survey weights) as the
// sample size of standard errors and t tests, `variance` its sample
// variance.
Stats stats_sized(std::int64_t n, double size, double mean, double variance, bool paired_test) {
  Stats stats;
  stats.n = n;
  stats.paired_test = paired_test;
  if (n == 0) return stats;
  stats.mean = finite(mean);
  if (n == 1 || !(size > 1)) return stats;
  const double sd = std::sqrt(std::max(variance, 0.0));
  const double se = sd / std::sqrt(size);
  stats.sd = finite(sd);
  stats.se = finite(se);
  const double half = t_quantile(0.975, size - 1) * se;
  stats.ci95 = Interval{mean - half, mean + half};
  if (paired_test && se > 0) {
    const double t = mean / se;
    stats.t = finite(t);
    stats.p = finite(t_two_sided_p(t, size - 1));
    stats.d = finite(mean / sd);
  }
  return stats;
}

}  // namespace

Stats stats_from(std::int64_t n, double mean, double variance, bool paired_test) {
  return stats_sized(n, static_cast<double>(n), mean, variance, paired_test);
}

Stats kish_weighted_stats(std::int64_t n, double weight, double weight_squares, double mean, double m2,
                          bool paired_test) {
  if (n == 0 || !(weight > 0)) {
    // No weight, no effective sample: n_eff 0 keeps the key in the report.
    Stats stats;
    stats.n = n;
    stats.n_eff = 0.0;
    stats.paired_test = paired_test;
    return stats;
  }
  const double n_eff = weight * weight / weight_squares;
  const double variance = n_eff > 1 ? std::max(m2, 0.0) / weight * n_eff / (n_eff - 1) : 0;
  Stats stats = stats_sized(n, n_eff, mean, variance, paired_test);
  stats.n_eff = finite(n_eff);
  return stats;
}

WeightedMean WeightedMean::scaled(double factor) const {
  WeightedMean values = *this;
  values.weight *= factor;
  values.weight_squares *= factor * factor;
  values.m2 *= factor;
  values.squared_m2 *= factor * factor;
  values.squared_first *= factor * factor;
  return values;
}

InfluencePart influence_of(const WeightedMean& part, const WeightedMean& domain, bool unit) {
  InfluencePart influence;
  if (!(domain.weight > 0)) return influence;
  const double offset = part.weight > 0 ? part.mean - domain.mean : 0;
  influence.sum = part.weight * offset / domain.weight;
  // sum of (w (x - domain mean))^2 from the part's own centred sums.
  influence.squares =
      unit ? influence.sum * influence.sum
           : (part.squared_m2 + 2 * offset * part.squared_first + offset * offset * part.weight_squares) /
                 (domain.weight * domain.weight);
  influence.linear = (part.squared_first + offset * part.weight_squares) / domain.weight;
  return influence;
}

Stats weighted_stats(const WeightedMean& values, Influence influence, const SampleDesign& design, bool paired_test) {
  Stats stats;
  stats.n = values.n;
  stats.paired_test = paired_test;
  stats.n_eff = 0.0;
  if (values.n == 0 || !(values.weight > 0)) return stats;
  stats.n_eff = finite(values.weight * values.weight / values.weight_squares);
  stats.mean = finite(values.mean);
  // svyvar's n counts the respondents of nonzero weight.
  const auto count = static_cast<double>(values.n - values.zero_weight);
  if (count < 2) return stats;
  // Weighted sums are rounded, and scores' variances come from sums of
  // squares: values that are all equal leave a variance of rounding noise
  // (about mean^2 n 1e-16), which must read as 0, and so must its se (every
  // influence is then 0), or a gap of all zeros would test significant.
  const double noise = 1e-9 * std::max(1.0, values.mean * values.mean);
  double variance = std::max(values.m2, 0.0) / values.weight * count / (count - 1);
  const bool constant = variance <= noise;
  if (constant) variance = 0;
  const double sd = std::sqrt(variance);
  stats.sd = finite(sd);
  if (design.degrees_of_freedom < 1) return stats;
  const double se = constant ? 0 : std::sqrt(linearised_variance(design, influence));
  const auto df = static_cast<double>(design.degrees_of_freedom);
  stats.se = finite(se);
  stats.df = df;
  const double half = t_quantile(0.975, df) * se;
  stats.ci95 = Interval{values.mean - half, values.mean + half};
  if (variance > 0) stats.deff = finite(se * se / (variance / count));
  if (paired_test && se > 0) {
    const double t = values.mean / se;
    stats.t = finite(t);
    stats.p = finite(t_two_sided_p(t, df));
    if (sd > 0) stats.d = finite(values.mean / sd);
  }
  stats.influence = std::make_shared<const Influence>(std::move(influence));
  return stats;
}

Stats stats_of(const Histogram& histogram, bool paired_test) {
  // Sums of offsets from the lowest value are exact integers; n * S2 - S1^2
  // is exact in 128 bits, so the variance has a single rounding.
  std::int64_t n = 0;
  Int128 s1 = 0;
  Int128 s2 = 0;
  const std::vector<std::int64_t>& counts = histogram.counts();
  for (std::size_t i = 0; i < counts.size(); ++i) {
    const Int128 offset = static_cast<Int128>(i);
    n += counts[i];
    s1 += offset * counts[i];
    s2 += offset * offset * counts[i];
  }
  if (n == 0) return stats_from(0, 0, 0, paired_test);
  const long double mean = histogram.low() + static_cast<long double>(s1) / static_cast<long double>(n);
  const double variance =
      n > 1 ? to_double(n * s2 - s1 * s1) / (static_cast<double>(n) * static_cast<double>(n - 1)) : 0;
  return stats_from(n, static_cast<double>(mean), variance, paired_test);
}

Stats stats_of(const ScoreSums& scores, std::int64_t shift, bool paired_test) {
  const std::int64_t n = scores.n();
  if (n == 0) return stats_from(0, 0, 0, paired_test);
  // Put every score s / c on the common denominator L = lcm(1..k):
  // sum(x) L = sum_c S1_c (L / c), sum(x^2) L^2 = sum_c S2_c (L / c)^2.
  std::int64_t denominator = 1;
  for (std::int64_t c = 2; c <= scores.max_count(); ++c) denominator = std::lcm(denominator, c);
  Int128 first = 0;
  Int128 second = 0;
  bool exact = true;
  long double sum = 0;
  long double sum_squares = 0;
  for (int c = 1; c <= scores.max_count(); ++c) {
    const Int128 factor = denominator / c;
    Int128 term = 0;
    exact = exact && multiply(scores.sum_with(c), factor, &term) && add(first, term, &first) &&
            multiply(scores.squares_with(c), factor * factor, &term) && add(second, term, &second);
    sum += static_cast<long double>(scores.sum_with(c)) / c;
    sum_squares += static_cast<long double>(scores.squares_with(c)) / (static_cast<long double>(c) * c);
  }
  const long double count = static_cast<long double>(n);
  const long double mean = sum / count;
  long double variance = 0;
  Int128 numerator = 0;
  Int128 n_second = 0;
  Int128 first_squared = 0;
  if (n > 1 && exact && multiply(n, second, &n_second) && multiply(first, first, &first_squared) &&
      subtract(n_second, first_squared, &numerator)) {
    variance = static_cast<long double>(numerator) /
               (static_cast<long double>(denominator) * static_cast<long double>(denominator) * count * (count - 1));
  } else if (n > 1) {
    variance = (sum_squares - sum * mean) / (count - 1);
  }
  return stats_from(n, static_cast<double>(static_cast<long double>(shift) + mean), static_cast<double>(variance),
                    paired_test);
}

Stats stats_of(const ProfileSums& profiles, const std::vector<double>& weights, const std::vector<std::int64_t>& shifts,
               std::int64_t denominator, bool paired_test) {
  const std::int64_t n = profiles.n();
  if (n == 0) return stats_from(0, 0, 0, paired_test);
  const std::size_t dimensions = profiles.dimensions();
  const long double count = static_cast<long double>(n);
  const long double scale = static_cast<long double>(denominator);
  long double mean = 0;
  for (std::size_t d = 0; d < dimensions; ++d) {
    mean += static_cast<long double>(weights[d]) *
            (static_cast<long double>(profiles.sum(d)) / (count * scale) + shifts[d]);
  }
  if (n == 1) return stats_from(n, static_cast<double>(mean), 0, paired_test);
  // n (n - 1) L^2 cov(d, e) = n sum(y_d y_e) - sum(y_d) sum(y_e), exactly.
  const bool equal_weights =
      std::all_of(weights.begin(), weights.end(), [&weights](double w) { return w == weights.front(); });
  Int128 total = 0;
  bool exact = equal_weights;
  long double variance = 0;
  for (std::size_t d = 0; d < dimensions; ++d) {
    for (std::size_t e = 0; e < dimensions; ++e) {
      Int128 covariance = 0;
      long double scaled_covariance = 0;
      if (exact_scaled_covariance(profiles, d, e, &covariance)) {
        scaled_covariance = static_cast<long double>(covariance);
        exact = exact && add(total, covariance, &total);
      } else {
        exact = false;
        scaled_covariance = rounded_scaled_covariance(profiles, d, e);
      }
      variance += static_cast<long double>(weights[d]) * static_cast<long double>(weights[e]) * scaled_covariance;
    }
  }
  if (exact) {
    const auto weight = static_cast<long double>(weights.front());
    variance = static_cast<long double>(total) * weight * weight;
  }
  variance /= count * (count - 1) * scale * scale;
  return stats_from(n, static_cast<double>(mean), static_cast<double>(variance), paired_test);
}

Stats stats_of(const Moments& moments, bool paired_test) {
  const double variance = moments.n > 1 ? moments.m2 / static_cast<double>(moments.n - 1) : 0;
  return stats_from(moments.n, moments.mean, variance, paired_test);
}

WeightedMean weighted_mean_of(const Histogram& histogram, const WeightedHistogram& weighted) {
  // Offsets from the lowest point keep the sums small, as for the counts.
  std::vector<double> offsets(weighted.weights.size());
  std::iota(offsets.begin(), offsets.end(), 0.0);
  WeightedMean values = weighted_mean_of(histogram, weighted, offsets);
  values.mean += histogram.low();
  values.plain_sum += static_cast<double>(histogram.low()) * static_cast<double>(values.n);
  return values;
}

WeightedMean weighted_mean_of(const Histogram& histogram, const WeightedHistogram& weighted,
                              const std::vector<double>& value_at) {
  WeightedMean values;
  values.n = histogram.n();
  double sum = 0;
  for (std::size_t i = 0; i < weighted.weights.size(); ++i) {
    values.weight += weighted.weights[i];
    values.weight_squares += weighted.squares[i];
    values.zero_weight += weighted.zero_weight[i];
    sum += weighted.weights[i] * value_at[i];
    values.plain_sum += static_cast<double>(histogram.counts()[i]) * value_at[i];
  }
  values.mean = values.weight > 0 ? sum / values.weight : 0;
  for (std::size_t i = 0; i < weighted.weights.size(); ++i) {
    const double deviation = value_at[i] - values.mean;
    values.m2 += weighted.weights[i] * deviation * deviation;
    values.squared_m2 += weighted.squares[i] * deviation * deviation;
    values.squared_first += weighted.squares[i] * deviation;
  }
  return values;
}

WeightedMean weighted_mean_of(const ScoreSums& scores, const WeightedScores& weighted, std::int64_t shift) {
  WeightedMean values;
  values.n = scores.n();
  double sum = 0;
  double sum_squares = 0;
  double squared_weight_sum = 0;
  double squared_weight_sum_squares = 0;
  for (std::size_t c = 1; c < weighted.weights.size(); ++c) {
    const auto count = static_cast<double>(c);
    values.weight += weighted.weights[c];
    values.weight_squares += weighted.squares[c];
    values.zero_weight += weighted.zero_weight[c];
    sum += weighted.sums[c] / count;
    sum_squares += weighted.sum_squares[c] / (count * count);
    squared_weight_sum += weighted.squared_weight_sums[c] / count;
    squared_weight_sum_squares += weighted.squared_weight_sum_squares[c] / (count * count);
    values.plain_sum += static_cast<double>(scores.sum_with(static_cast<int>(c))) / count;
  }
  values.plain_sum += static_cast<double>(shift) * static_cast<double>(values.n);
  const double mean = values.weight > 0 ? sum / values.weight : 0;
  values.mean = static_cast<double>(shift) + mean;
  values.m2 = sum_squares - values.weight * mean * mean;
  values.squared_m2 = squared_weight_sum_squares - 2 * mean * squared_weight_sum + mean * mean * values.weight_squares;
  values.squared_first = squared_weight_sum - mean * values.weight_squares;
  return values;
}

WeightedMean weighted_mean_of(const ProfileSums& profiles, const WeightedCross& weighted,
                              const std::vector<double>& weights, const std::vector<std::int64_t>& shifts,
                              std::int64_t denominator) {
  WeightedMean values;
  values.n = profiles.n();
  values.weight = weighted.weight;
  values.weight_squares = weighted.squares;
  values.zero_weight = weighted.zero_weight;
  if (!(values.weight > 0)) return values;
  const auto scale = static_cast<double>(denominator);
  const std::size_t k = weights.size();
  // The score is sum_d a_d y_d plus a constant, a_d = weights[d] / L; its
  // mean without the constant is `centre`.
  double centre = 0;
  double shifted = 0;
  for (std::size_t d = 0; d < k; ++d) {
    centre += weights[d] / scale * weighted.sums[d] / values.weight;
    shifted += weights[d] * static_cast<double>(shifts[d]);
    values.plain_sum += weights[d] / scale * static_cast<double>(profiles.sum(d));
  }
  values.plain_sum += shifted * static_cast<double>(values.n);
  values.mean = centre + shifted;
  double m2 = 0;
  double squared_cross = 0;
  double squared_sums = 0;
  for (std::size_t d = 0; d < k; ++d) {
    const double a = weights[d] / scale;
    squared_sums += a * weighted.squared_weight_sums[d];
    for (std::size_t e = 0; e < k; ++e) {
      m2 += weights[d] * weights[e] * weighted.scaled_covariance(d, e);
      squared_cross += a * weights[e] / scale * weighted.squared_weight_cross[std::min(d, e) * k + std::max(d, e)];
    }
  }
  values.m2 = m2 / (values.weight * scale * scale);
  values.squared_m2 = squared_cross - 2 * centre * squared_sums + centre * centre * values.weight_squares;
  values.squared_first = squared_sums - centre * values.weight_squares;
  return values;
}

Stats weighted_stats_of(const Moments& moments, bool paired_test) {
  return kish_weighted_stats(moments.n, moments.weight, moments.weight_squares, moments.mean, moments.m2, paired_test);
}

}  // namespace gapscore
