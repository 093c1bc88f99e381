#pragma once

// The share of answers at or above a threshold (CSAT, top-2-box), with its
// Wilson interval.

#include <vector>

#include "gapscore/metrics/figures.h"
#include "gapscore/tally/accumulators.h"

namespace gapscore {

/// Percentage of answers at or above `threshold`, with its Wilson interval;
/// null with no answers.
Proportion proportion_at_or_above(const Histogram& answers, int threshold);

/// With survey weights: the weighted share, its Wilson interval at n_eff
/// (n_eff 0 and null figures with no weight).
Proportion proportion_at_or_above(const Histogram& answers, const WeightedHistogram& weighted, int threshold);
/// The same under a sample design, `indicator` being the stats block of
/// the share as a mean of 0 and 1 (linearised): se and deff from it, and
/// the Wilson interval at the design-effective n, p (1 - p) / se^2 (n_eff
/// when the se is 0); no interval when the design gives no se.
Proportion proportion_at_or_above(const Histogram& answers, const WeightedHistogram& weighted, int threshold,
                                  const Stats& indicator);
/// The indicator of the answers at or above `threshold`, for each point of
/// `answers` from its lowest.
std::vector<double> at_or_above(const Histogram& answers, int threshold);

/// Wilson score interval (z = 1.96) of count / n, in percent; needs n > 0.
/// Weighted: the share times n_eff out of n_eff.
Interval wilson_interval(double count, double n);

}  // namespace gapscore
