#pragma once

// The share of answers at or above a threshold (CSAT, top-2-box), with its
// Wilson interval.

#include "gapscore/metrics/figures.h"
#include "gapscore/tally/accumulators.h"

namespace gapscore {

/// Percentage of answers at or above `threshold`, with its Wilson interval;
/// null with no answers.
Proportion proportion_at_or_above(const Histogram& answers, int threshold);

/// With survey weights: the weighted share, its Wilson interval at n_eff
/// (n_eff 0 and null figures with no weight).
Proportion proportion_at_or_above(const Histogram& answers, const WeightedHistogram& weighted, int threshold);

/// Wilson score interval (z = 1.96) of count / n, in percent; needs n > 0.
/// Weighted: the share times n_eff out of n_eff.
Interval wilson_interval(double count, double n);

}  // namespace gapscore
