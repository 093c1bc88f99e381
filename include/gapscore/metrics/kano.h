#pragma once

// The Kano classification of features (METHODS.md, Kano classification);
// the categories and kano_category_name are in figures.h.

#include <array>
#include <cstdint>
#include <string>

#include "gapscore/metrics/figures.h"

namespace gapscore {

/// The Kano classification of one feature from its 5 x 5 answer counts
/// (functional answer - 1) * 5 + (dysfunctional answer - 1). With no
/// answers, n 0 and null figures.
KanoResult kano_of(const std::string& id, const std::array<std::int64_t, 25>& pairs);

/// With survey weights: counts as above; percentages, the dominant
/// category, Better and Worse from the weights, and Fong's test on weighted
/// shares of n_eff (null figures with no weight).
KanoResult kano_of(const std::string& id, const std::array<std::int64_t, 25>& pairs,
                   const std::array<double, 25>& weighted_pairs, double weight_squares);

}  // namespace gapscore
