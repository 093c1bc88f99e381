#include "gapscore/metrics/proportion.h"

#include <algorithm>
#include <cmath>

#include "numeric.h"

namespace gapscore {

namespace {

using numeric::kZ95;

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

Proportion proportion_at_or_above(const Histogram& answers, const WeightedHistogram& weighted, int threshold,
                                  const Stats& indicator) {
  Proportion proportion = proportion_at_or_above(answers, weighted, threshold);
  if (!proportion.score) return proportion;
  // A design without a standard error (no degrees of freedom, or fewer
  // than two respondents of nonzero weight) gives no interval either.
  if (!indicator.se) {
    proportion.ci95.reset();
    return proportion;
  }
  const double share = *proportion.score / 100;
  const double se = *indicator.se;
  proportion.se = 100 * se;
  proportion.deff = indicator.deff;
  proportion.df = indicator.df;
  proportion.influence = indicator.influence;
  const double size = se > 0 ? share * (1 - share) / (se * se) : *proportion.n_eff;
  if (size > 0) proportion.ci95 = wilson_interval(share * size, size);
  return proportion;
}

std::vector<double> at_or_above(const Histogram& answers, int threshold) {
  std::vector<double> indicator(answers.counts().size(), 0);
  for (std::size_t i = 0; i < indicator.size(); ++i) {
    if (answers.low() + static_cast<int>(i) >= threshold) indicator[i] = 1;
  }
  return indicator;
}

Interval wilson_interval(double count, double n) {
  const double p = count / n;
  const double z2 = kZ95 * kZ95;
  const double denominator = 1 + z2 / n;
  const double centre = (p + z2 / (2 * n)) / denominator;
  const double half = kZ95 * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
  return {100 * std::max(0.0, centre - half), 100 * std::min(1.0, centre + half)};
}

}  // namespace gapscore
