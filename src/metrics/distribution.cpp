#include "gapscore/metrics/distribution.h"

namespace gapscore {

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

}  // namespace gapscore
