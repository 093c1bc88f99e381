#include "gapscore/metrics/metrics.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "gapscore/base/probability.h"

namespace gapscore {

const char* kano_category_name(KanoCategory category) {
  switch (category) {
    case KanoCategory::kAttractive:
      return "attractive";
    case KanoCategory::kOneDimensional:
      return "one_dimensional";
    case KanoCategory::kMustBe:
      return "must_be";
    case KanoCategory::kIndifferent:
      return "indifferent";
    case KanoCategory::kReverse:
      return "reverse";
    case KanoCategory::kQuestionable:
      return "questionable";
  }
  return "";
}

namespace {

constexpr double kZ95 = 1.96;

Figure finite(double value) { return std::isfinite(value) ? Figure(value) : std::nullopt; }

double to_double(Int128 value) { return static_cast<double>(static_cast<long double>(value)); }
double to_double(double value) { return value; }

// Checked 128-bit arithmetic: false when a step overflows.
bool multiply(Int128 a, Int128 b, Int128* out) { return !__builtin_mul_overflow(a, b, out); }
bool add(Int128 a, Int128 b, Int128* out) { return !__builtin_add_overflow(a, b, out); }

}  // namespace

namespace {

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

Stats weighted_stats(std::int64_t n, double weight, double weight_squares, double mean, double m2, bool paired_test) {
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
      !__builtin_sub_overflow(n_second, first_squared, &numerator)) {
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
      Int128 n_cross = 0;
      Int128 product = 0;
      Int128 covariance = 0;
      const bool fits = multiply(n, profiles.cross(d, e), &n_cross) &&
                        multiply(profiles.sum(d), profiles.sum(e), &product) &&
                        !__builtin_sub_overflow(n_cross, product, &covariance);
      long double scaled_covariance = 0;
      if (fits) {
        scaled_covariance = static_cast<long double>(covariance);
        exact = exact && add(total, covariance, &total);
      } else {
        exact = false;
        scaled_covariance = count * static_cast<long double>(profiles.cross(d, e)) -
                            static_cast<long double>(profiles.sum(d)) * static_cast<long double>(profiles.sum(e));
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

Stats stats_of(const Histogram& histogram, const WeightedHistogram& weighted, bool paired_test) {
  double weight = 0;
  double squares = 0;
  double sum = 0;
  for (std::size_t i = 0; i < weighted.weights.size(); ++i) {
    weight += weighted.weights[i];
    squares += weighted.squares[i];
    sum += weighted.weights[i] * static_cast<double>(i);
  }
  const double offset = weight > 0 ? sum / weight : 0;
  // Centred on the mean, over the few distinct values: no cancellation.
  double m2 = 0;
  for (std::size_t i = 0; i < weighted.weights.size(); ++i) {
    const double deviation = static_cast<double>(i) - offset;
    m2 += weighted.weights[i] * deviation * deviation;
  }
  return weighted_stats(histogram.n(), weight, squares, histogram.low() + offset, m2, paired_test);
}

Stats stats_of(const ScoreSums& scores, const WeightedScores& weighted, std::int64_t shift, bool paired_test) {
  double weight = 0;
  double squares = 0;
  double sum = 0;
  double sum_squares = 0;
  for (std::size_t c = 1; c < weighted.weights.size(); ++c) {
    const auto count = static_cast<double>(c);
    weight += weighted.weights[c];
    squares += weighted.squares[c];
    sum += weighted.sums[c] / count;
    sum_squares += weighted.sum_squares[c] / (count * count);
  }
  const double mean = weight > 0 ? sum / weight : 0;
  return weighted_stats(scores.n(), weight, squares, static_cast<double>(shift) + mean,
                        sum_squares - weight * mean * mean, paired_test);
}

Stats stats_of(const ProfileSums& profiles, const WeightedCross& weighted, const std::vector<double>& weights,
               const std::vector<std::int64_t>& shifts, std::int64_t denominator, bool paired_test) {
  const double weight = weighted.weight;
  if (!(weight > 0)) return weighted_stats(profiles.n(), 0, 0, 0, 0, paired_test);
  const auto scale = static_cast<double>(denominator);
  double mean = 0;
  double m2 = 0;
  for (std::size_t d = 0; d < weights.size(); ++d) {
    mean += weights[d] * (weighted.sums[d] / (weight * scale) + static_cast<double>(shifts[d]));
    for (std::size_t e = 0; e < weights.size(); ++e) {
      m2 += weights[d] * weights[e] * weighted.scaled_covariance(d, e);
    }
  }
  return weighted_stats(profiles.n(), weight, weighted.squares, mean, m2 / (weight * scale * scale), paired_test);
}

Stats weighted_stats_of(const Moments& moments, bool paired_test) {
  return weighted_stats(moments.n, moments.weight, moments.weight_squares, moments.mean, moments.m2, paired_test);
}

namespace {

// The p-th quantile, p = num / den, is the first value whose cumulative
// count (or weight) c reaches p * total: den * c >= num * total, exact for
// integer counts.
template <class Count>
Figure quantile_of(int low, const std::vector<Count>& freq, Count total, Count num, Count den) {
  Count cumulative = 0;
  for (std::size_t i = 0; i < freq.size(); ++i) {
    cumulative += freq[i];
    if (freq[i] > 0 && den * cumulative >= num * total) return Figure(low + static_cast<int>(i));
  }
  return Figure();
}

}  // namespace

Distribution distribution_of(const Histogram& histogram) {
  Distribution distribution;
  distribution.low = histogram.low();
  distribution.freq = histogram.counts();
  distribution.missing = histogram.missing();
  distribution.invalid = histogram.invalid();
  const std::int64_t n = histogram.n();
  if (n == 0) return distribution;
  const std::vector<std::int64_t>& freq = distribution.freq;
  distribution.q1 = quantile_of<std::int64_t>(distribution.low, freq, n, 1, 4);
  distribution.median = quantile_of<std::int64_t>(distribution.low, freq, n, 1, 2);
  distribution.q3 = quantile_of<std::int64_t>(distribution.low, freq, n, 3, 4);
  return distribution;
}

Distribution distribution_of(const Histogram& histogram, const WeightedHistogram& weighted) {
  Distribution distribution = distribution_of(histogram);
  distribution.freq_weighted = weighted.weights;
  double weight = 0;
  for (const double w : weighted.weights) weight += w;
  if (!(weight > 0)) {
    distribution.q1 = distribution.median = distribution.q3 = std::nullopt;
    return distribution;
  }
  distribution.q1 = quantile_of<double>(distribution.low, weighted.weights, weight, 1, 4);
  distribution.median = quantile_of<double>(distribution.low, weighted.weights, weight, 1, 2);
  distribution.q3 = quantile_of<double>(distribution.low, weighted.weights, weight, 3, 4);
  return distribution;
}

namespace {

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

namespace {

enum class NpsGroup { kPromoter, kPassive, kDetractor };

NpsGroup nps_group(int value, int promoter_min, int detractor_max) {
  if (value >= promoter_min) return NpsGroup::kPromoter;
  if (value <= detractor_max) return NpsGroup::kDetractor;
  return NpsGroup::kPassive;
}

// The percentages, score, Wald se and adjusted-Wald interval from group
// sizes out of `size`: counts out of n, or, with survey weights, weighted
// shares times n_eff out of n_eff.
void nps_figures(NpsResult& nps, double promoters_size, double passives_size, double detractors_size, double size) {
  const double promoters = promoters_size / size;
  const double detractors = detractors_size / size;
  nps.promoters_pct = 100 * promoters;
  nps.passives_pct = 100 * passives_size / size;
  nps.detractors_pct = 100 * detractors;
  const double difference = promoters - detractors;
  nps.score = 100 * difference;
  nps.se = 100 * std::sqrt(std::max(0.0, (promoters + detractors - difference * difference) / size));
  // Adjusted Wald (Rocks 2016): add 3/4 of a promoter and of a detractor
  // (three respondents in all) before the Wald interval.
  const double adjusted_n = size + 3;
  const double adjusted_promoters = (promoters_size + 0.75) / adjusted_n;
  const double adjusted_detractors = (detractors_size + 0.75) / adjusted_n;
  const double adjusted_score = adjusted_promoters - adjusted_detractors;
  const double adjusted_se =
      std::sqrt((adjusted_promoters + adjusted_detractors - adjusted_score * adjusted_score) / adjusted_n);
  nps.ci95 = Interval{std::max(-100.0, 100 * (adjusted_score - kZ95 * adjusted_se)),
                      std::min(100.0, 100 * (adjusted_score + kZ95 * adjusted_se))};
}

}  // namespace

namespace {

// The respondents in each group, and n.
void count_groups(NpsResult& nps, const Histogram& answers, int promoter_min, int detractor_max) {
  const std::vector<std::int64_t>& counts = answers.counts();
  for (std::size_t i = 0; i < counts.size(); ++i) {
    switch (nps_group(answers.low() + static_cast<int>(i), promoter_min, detractor_max)) {
      case NpsGroup::kPromoter:
        nps.promoters += counts[i];
        break;
      case NpsGroup::kPassive:
        nps.passives += counts[i];
        break;
      case NpsGroup::kDetractor:
        nps.detractors += counts[i];
        break;
    }
  }
  nps.n = nps.promoters + nps.passives + nps.detractors;
}

}  // namespace

NpsResult nps_of(const Histogram& answers, int promoter_min, int detractor_max) {
  NpsResult nps;
  nps.distribution = distribution_of(answers);
  count_groups(nps, answers, promoter_min, detractor_max);
  if (nps.n == 0) return nps;
  nps_figures(nps, static_cast<double>(nps.promoters), static_cast<double>(nps.passives),
              static_cast<double>(nps.detractors), static_cast<double>(nps.n));
  return nps;
}

NpsResult nps_of(const Histogram& answers, const WeightedHistogram& weighted, int promoter_min, int detractor_max) {
  NpsResult nps;
  nps.distribution = distribution_of(answers, weighted);
  count_groups(nps, answers, promoter_min, detractor_max);
  std::array<double, 3> groups{};
  double weight = 0;
  double squares = 0;
  for (std::size_t i = 0; i < weighted.weights.size(); ++i) {
    groups[static_cast<std::size_t>(nps_group(answers.low() + static_cast<int>(i), promoter_min, detractor_max))] +=
        weighted.weights[i];
    weight += weighted.weights[i];
    squares += weighted.squares[i];
  }
  nps.n_eff = 0.0;
  if (!(weight > 0)) return nps;
  const double n_eff = weight * weight / squares;
  nps.n_eff = n_eff;
  const auto size = [&](NpsGroup group) { return groups[static_cast<std::size_t>(group)] / weight * n_eff; };
  nps_figures(nps, size(NpsGroup::kPromoter), size(NpsGroup::kPassive), size(NpsGroup::kDetractor), n_eff);
  return nps;
}

Interval wilson_interval(double count, double n) {
  const double p = count / n;
  const double z2 = kZ95 * kZ95;
  const double denominator = 1 + z2 / n;
  const double centre = (p + z2 / (2 * n)) / denominator;
  const double half = kZ95 * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
  return {100 * std::max(0.0, centre - half), 100 * std::min(1.0, centre + half)};
}

namespace {

// n, and the count at or above `threshold`.
Proportion count_at_or_above(const Histogram& answers, int threshold) {
  Proportion proportion;
  const std::vector<std::int64_t>& counts = answers.counts();
  for (std::size_t i = 0; i < counts.size(); ++i) {
    proportion.n += counts[i];
    if (answers.low() + static_cast<int>(i) >= threshold) proportion.count += counts[i];
  }
  return proportion;
}

}  // namespace

Proportion proportion_at_or_above(const Histogram& answers, int threshold) {
  Proportion proportion = count_at_or_above(answers, threshold);
  if (proportion.n == 0) return proportion;
  proportion.score = 100 * static_cast<double>(proportion.count) / static_cast<double>(proportion.n);
  proportion.ci95 = wilson_interval(static_cast<double>(proportion.count), static_cast<double>(proportion.n));
  return proportion;
}

Proportion proportion_at_or_above(const Histogram& answers, const WeightedHistogram& weighted, int threshold) {
  Proportion proportion = count_at_or_above(answers, threshold);
  double weight = 0;
  double squares = 0;
  double at_or_above = 0;
  for (std::size_t i = 0; i < weighted.weights.size(); ++i) {
    weight += weighted.weights[i];
    squares += weighted.squares[i];
    if (answers.low() + static_cast<int>(i) >= threshold) at_or_above += weighted.weights[i];
  }
  proportion.n_eff = 0.0;
  if (!(weight > 0)) return proportion;
  const double share = at_or_above / weight;
  const double n_eff = weight * weight / squares;
  proportion.n_eff = n_eff;
  proportion.score = 100 * share;
  proportion.ci95 = wilson_interval(share * n_eff, n_eff);
  return proportion;
}

namespace {

// Berger et al. (1993): rows functional, columns dysfunctional, both like,
// must-be, neutral, live-with, dislike.
KanoCategory kano_category(std::size_t functional, std::size_t dysfunctional) {
  using K = KanoCategory;
  static constexpr K kTable[5][5] = {
      {K::kQuestionable, K::kAttractive, K::kAttractive, K::kAttractive, K::kOneDimensional},
      {K::kReverse, K::kIndifferent, K::kIndifferent, K::kIndifferent, K::kMustBe},
      {K::kReverse, K::kIndifferent, K::kIndifferent, K::kIndifferent, K::kMustBe},
      {K::kReverse, K::kIndifferent, K::kIndifferent, K::kIndifferent, K::kMustBe},
      {K::kReverse, K::kReverse, K::kReverse, K::kReverse, K::kQuestionable},
  };
  return kTable[functional][dysfunctional];
}

template <class Count>
std::array<Count, kKanoCategoryCount> kano_totals(const std::array<Count, 25>& pairs) {
  std::array<Count, kKanoCategoryCount> totals{};
  for (std::size_t f = 0; f < 5; ++f) {
    for (std::size_t d = 0; d < 5; ++d) totals[static_cast<std::size_t>(kano_category(f, d))] += pairs[f * 5 + d];
  }
  return totals;
}

// Percentages, the dominant category with Fong's test, Better and Worse,
// from category sizes out of `n`: counts, or with survey weights weighted
// shares times n_eff.
void kano_figures(KanoResult& result, const std::array<double, kKanoCategoryCount>& sizes, double n) {
  using K = KanoCategory;
  for (std::size_t c = 0; c < kKanoCategoryCount; ++c) result.pcts[c] = 100 * sizes[c] / n;
  // Most frequent first; ties in Kano's order of importance: M, O, A, I, R, Q.
  std::array<K, kKanoCategoryCount> order = {K::kMustBe,      K::kOneDimensional, K::kAttractive,
                                             K::kIndifferent, K::kReverse,        K::kQuestionable};
  const auto size = [&sizes](K category) { return sizes[static_cast<std::size_t>(category)]; };
  std::stable_sort(order.begin(), order.end(), [&size](K x, K y) { return size(x) > size(y); });
  result.dominant = order[0];
  const double a = size(order[0]);
  const double b = size(order[1]);
  result.fong_difference = a - b;
  result.fong_critical = 1.65 * std::sqrt((a + b) * (2 * n - a - b) / (2 * n));
  result.fong_significant = *result.fong_difference >= *result.fong_critical;
  const double base = size(K::kAttractive) + size(K::kOneDimensional) + size(K::kMustBe) + size(K::kIndifferent);
  if (base > 0) {
    result.better = (size(K::kAttractive) + size(K::kOneDimensional)) / base;
    result.worse = -(size(K::kOneDimensional) + size(K::kMustBe)) / base;
  }
}

}  // namespace

KanoResult kano_of(const std::string& id, const std::array<std::int64_t, 25>& pairs) {
  KanoResult result;
  result.id = id;
  result.counts = kano_totals(pairs);
  for (const std::int64_t count : result.counts) result.n += count;
  if (result.n == 0) return result;
  std::array<double, kKanoCategoryCount> sizes{};
  for (std::size_t c = 0; c < kKanoCategoryCount; ++c) sizes[c] = static_cast<double>(result.counts[c]);
  kano_figures(result, sizes, static_cast<double>(result.n));
  return result;
}

KanoResult kano_of(const std::string& id, const std::array<std::int64_t, 25>& pairs,
                   const std::array<double, 25>& weighted_pairs, double weight_squares) {
  KanoResult result;
  result.id = id;
  result.counts = kano_totals(pairs);
  for (const std::int64_t count : result.counts) result.n += count;
  std::array<double, kKanoCategoryCount> sizes = kano_totals(weighted_pairs);
  double weight = 0;
  for (const double size : sizes) weight += size;
  if (result.n == 0 || !(weight > 0)) return result;
  const double n_eff = weight * weight / weight_squares;
  for (double& size : sizes) size = size / weight * n_eff;
  kano_figures(result, sizes, n_eff);
  return result;
}

namespace {

// Key drivers from c, the D + 1 variables' covariances times any common
// factor (correlations are ratios of covariances, so it cancels).
DriversResult drivers_from(const std::string& outcome, std::int64_t n, const std::vector<long double>& c,
                           const std::vector<std::string>& ids, const std::vector<Figure>& performance) {
  DriversResult result;
  result.outcome = outcome;
  result.n = n;
  const std::size_t d = ids.size();
  for (std::size_t i = 0; i < d; ++i)
    result.dimensions.push_back({ids[i], std::nullopt, std::nullopt, performance[i], {}});
  if (result.n >= 3) {
    const std::size_t v = d + 1;
    bool varies = true;
    for (std::size_t i = 0; i < v; ++i) varies = varies && c[i * v + i] > 0;
    if (varies) {
      const auto r = [&](std::size_t i, std::size_t j) {
        return c[i * v + j] / std::sqrt(c[i * v + i] * c[j * v + j]);
      };
      // Solve R_xx beta = r_xy by Gaussian elimination with partial pivoting.
      std::vector<long double> a(d * (d + 1));
      for (std::size_t i = 0; i < d; ++i) {
        result.dimensions[i].r = static_cast<double>(r(i, d));
        for (std::size_t j = 0; j < d; ++j) a[i * (d + 1) + j] = r(i, j);
        a[i * (d + 1) + d] = r(i, d);
      }
      bool singular = false;
      for (std::size_t col = 0; col < d && !singular; ++col) {
        std::size_t pivot = col;
        for (std::size_t row = col + 1; row < d; ++row) {
          if (std::fabs(a[row * (d + 1) + col]) > std::fabs(a[pivot * (d + 1) + col])) pivot = row;
        }
        if (std::fabs(a[pivot * (d + 1) + col]) < 1e-12L) {
          singular = true;
          break;
        }
        for (std::size_t j = 0; j <= d; ++j) std::swap(a[col * (d + 1) + j], a[pivot * (d + 1) + j]);
        for (std::size_t row = 0; row < d; ++row) {
          if (row == col) continue;
          const long double factor = a[row * (d + 1) + col] / a[col * (d + 1) + col];
          for (std::size_t j = col; j <= d; ++j) a[row * (d + 1) + j] -= factor * a[col * (d + 1) + j];
        }
      }
      if (!singular) {
        long double r2 = 0;
        for (std::size_t i = 0; i < d; ++i) {
          const long double beta = a[i * (d + 1) + d] / a[i * (d + 1) + i];
          result.dimensions[i].beta = static_cast<double>(beta);
          r2 += beta * r(i, d);
        }
        result.r2 = static_cast<double>(r2);
      }
    }
  }
  // Importance-performance: split at the means over the dimensions.
  double importance_mean = 0;
  double performance_mean = 0;
  std::size_t complete = 0;
  for (const DriverResult& dimension : result.dimensions) {
    if (!dimension.r || !dimension.performance) continue;
    importance_mean += *dimension.r;
    performance_mean += *dimension.performance;
    ++complete;
  }
  if (complete == d && d > 0) {
    importance_mean /= static_cast<double>(d);
    performance_mean /= static_cast<double>(d);
    for (DriverResult& dimension : result.dimensions) {
      const bool important = *dimension.r >= importance_mean;
      const bool performing = *dimension.performance >= performance_mean;
      dimension.quadrant = important ? (performing ? "keep_up_the_good_work" : "concentrate_here")
                                     : (performing ? "possible_overkill" : "low_priority");
    }
  }
  return result;
}

}  // namespace

DriversResult drivers_of(const std::string& outcome, const ProfileSums& block, const std::vector<std::string>& ids,
                         const std::vector<Figure>& performance) {
  // The exact n * sum(xy) - sum(x) sum(y), in long double when it overflows.
  const std::size_t v = ids.size() + 1;
  std::vector<long double> c(v * v);
  const auto count = static_cast<long double>(block.n());
  for (std::size_t i = 0; i < v; ++i) {
    for (std::size_t j = 0; j < v; ++j) {
      Int128 n_cross = 0;
      Int128 product = 0;
      Int128 covariance = 0;
      if (multiply(block.n(), block.cross(i, j), &n_cross) && multiply(block.sum(i), block.sum(j), &product) &&
          !__builtin_sub_overflow(n_cross, product, &covariance)) {
        c[i * v + j] = static_cast<long double>(covariance);
      } else {
        c[i * v + j] = count * static_cast<long double>(block.cross(i, j)) -
                       static_cast<long double>(block.sum(i)) * static_cast<long double>(block.sum(j));
      }
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

double normal_two_sided_p(double z) { return std::erfc(std::fabs(z) / std::sqrt(2.0)); }

Comparison welch_test(const Stats& a, const Stats& b) {
  Comparison result;
  result.test = "welch";
  if (a.mean && b.mean) result.difference = *a.mean - *b.mean;
  // With survey weights, Kish's n_eff stands in for n.
  const double na = a.n_eff.value_or(static_cast<double>(a.n));
  const double nb = b.n_eff.value_or(static_cast<double>(b.n));
  if (!a.sd || !b.sd || a.n < 2 || b.n < 2 || !(na > 1) || !(nb > 1)) return result;
  const double va = *a.sd * *a.sd / na;
  const double vb = *b.sd * *b.sd / nb;
  if (va + vb <= 0) return result;
  const double t = *result.difference / std::sqrt(va + vb);
  const double df = (va + vb) * (va + vb) / (va * va / (na - 1) + vb * vb / (nb - 1));
  result.statistic = t;
  result.df = df;
  result.p = t_two_sided_p(t, df);
  return result;
}

Comparison nps_difference(const NpsResult& a, const NpsResult& b) {
  Comparison result;
  result.test = "z";
  if (a.score && b.score) result.difference = *a.score - *b.score;
  if (!a.se || !b.se) return result;
  const double se = std::sqrt(*a.se * *a.se + *b.se * *b.se);
  result.se = se;
  if (se <= 0) return result;
  result.statistic = *result.difference / se;
  result.p = normal_two_sided_p(*result.statistic);
  return result;
}

Comparison two_proportion_test(const Proportion& a, const Proportion& b) {
  Comparison result;
  result.test = "two_proportion";
  if (a.n == 0 || b.n == 0) return result;
  double pa = static_cast<double>(a.count) / static_cast<double>(a.n);
  double pb = static_cast<double>(b.count) / static_cast<double>(b.n);
  double na = static_cast<double>(a.n);
  double nb = static_cast<double>(b.n);
  double pooled = static_cast<double>(a.count + b.count) / static_cast<double>(a.n + b.n);
  if (a.n_eff || b.n_eff) {
    // Survey weights: weighted shares over Kish's effective sizes.
    if (!a.score || !b.score || !a.n_eff || !b.n_eff) return result;
    pa = *a.score / 100;
    pb = *b.score / 100;
    na = *a.n_eff;
    nb = *b.n_eff;
    pooled = (pa * na + pb * nb) / (na + nb);
  }
  result.difference = 100 * (pa - pb);
  const double se = std::sqrt(pooled * (1 - pooled) * (1 / na + 1 / nb));
  if (se <= 0) return result;
  result.statistic = (pa - pb) / se;
  result.p = normal_two_sided_p(*result.statistic);
  return result;
}

void holm_adjust(const std::vector<Comparison*>& family) {
  std::vector<Comparison*> tested;
  for (Comparison* comparison : family) {
    if (comparison->p) tested.push_back(comparison);
  }
  std::stable_sort(tested.begin(), tested.end(),
                   [](const Comparison* x, const Comparison* y) { return *x->p < *y->p; });
  const std::size_t m = tested.size();
  double running = 0;
  for (std::size_t i = 0; i < m; ++i) {
    running = std::max(running, std::min(1.0, static_cast<double>(m - i) * *tested[i]->p));
    tested[i]->p_adjusted = running;
  }
}

}  // namespace gapscore
