#pragma once

// The Net Promoter Score of a 0..10 question.

#include "gapscore/metrics/figures.h"
#include "gapscore/tally/accumulators.h"

namespace gapscore {

/// NPS counts, percentages, score, Wald se and adjusted-Wald interval (in
/// -100..100); with no answers only the counts and distribution.
NpsResult nps_of(const Histogram& answers, int promoter_min, int detractor_max);

/// With survey weights: counts as above; weighted shares, with n_eff for
/// the se and the interval (n_eff 0 and null figures with no weight).
NpsResult nps_of(const Histogram& answers, const WeightedHistogram& weighted, int promoter_min, int detractor_max);

}  // namespace gapscore
