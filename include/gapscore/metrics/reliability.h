#pragma once

// Cronbach's alpha of a dimension's items, with Feldt's interval.

#include <string>
#include <vector>

#include "gapscore/metrics/figures.h"
#include "gapscore/tally/accumulators.h"

namespace gapscore {

/// Cronbach's alpha with Feldt's interval, standardized alpha and, for
/// three or more items, alpha-if-deleted and corrected item-total r.
/// Figures that cannot be computed (fewer than two items or respondents, no
/// variance) are null.
Reliability reliability_of(const CoMoments& items, const std::vector<std::string>& item_ids);

/// The same from the weighted covariances, with n_eff for Feldt's interval.
Reliability reliability_of(const CoMoments& items, const WeightedCross& weighted,
                           const std::vector<std::string>& item_ids);

}  // namespace gapscore
