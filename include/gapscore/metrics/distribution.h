#pragma once

// The frequency table of a scored column with its exact quartiles.

#include "gapscore/metrics/figures.h"
#include "gapscore/tally/accumulators.h"

namespace gapscore {

/// Frequency table with exact median and quartiles: the p-th quantile is the
/// smallest value whose cumulative count reaches p * n. With no answers the
/// quartiles are null.
Distribution distribution_of(const Histogram& histogram);

/// With survey weights: the counts, the weight of each value, and the
/// weighted median and quartiles (the smallest value whose cumulative
/// weight reaches p times the total); null with no weight.
Distribution distribution_of(const Histogram& histogram, const WeightedHistogram& weighted);

}  // namespace gapscore
