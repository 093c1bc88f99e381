#pragma once

// The Net Promoter Score of a 0..10 question.

#include <vector>

#include "gapscore/metrics/figures.h"
#include "gapscore/tally/accumulators.h"

namespace gapscore {

/// NPS counts, percentages, score, Wald se and adjusted-Wald interval (in
/// -100..100); with no answers only the counts and distribution.
NpsResult nps_of(const Histogram& answers, int promoter_min, int detractor_max);

/// With survey weights: counts as above; weighted shares, with n_eff for
/// the se and the interval (n_eff 0 and null figures with no weight).
NpsResult nps_of(const Histogram& answers, const WeightedHistogram& weighted, int promoter_min, int detractor_max);
/// The same under a sample design, `sign` being the stats block of the
/// mean of +1 (promoter), 0, -1 (detractor), linearised (the se of the
/// difference of the two shares, as svycontrast gives it): se and deff in
/// score points, and the adjusted-Wald interval at the design-effective n,
/// (p + d - (p - d)^2) / se^2 (n_eff when the se is 0); no se and no
/// interval when the design gives no se.
NpsResult nps_of(const Histogram& answers, const WeightedHistogram& weighted, int promoter_min, int detractor_max,
                 const Stats& sign);
/// +1, 0 or -1 for each point of `answers` from its lowest.
std::vector<double> nps_signs(const Histogram& answers, int promoter_min, int detractor_max);

}  // namespace gapscore
