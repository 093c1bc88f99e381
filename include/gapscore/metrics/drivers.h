#pragma once

// Key drivers of an outcome and the importance-performance quadrants.

#include <cstdint>
#include <string>
#include <vector>

#include "gapscore/metrics/figures.h"
#include "gapscore/tally/accumulators.h"

namespace gapscore {

/// Key drivers from the co-moments of D dimension scores and the outcome
/// (the last variable): correlations, standardized regression weights, R^2;
/// then the importance-performance quadrant of each dimension, given its
/// mean perception score. With fewer than three respondents or a variable
/// without variance every figure is null and there are no quadrants; with
/// collinear dimensions only the weights and R^2 are null.
DriversResult drivers_of(const std::string& outcome, const ProfileSums& block, const std::vector<std::string>& ids,
                         const std::vector<Figure>& performance);

/// The same from weighted co-moments; n is the respondents' count.
DriversResult drivers_of(const std::string& outcome, std::int64_t n, const WeightedCross& block,
                         const std::vector<std::string>& ids, const std::vector<Figure>& performance);

}  // namespace gapscore
