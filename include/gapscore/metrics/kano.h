#pragma once

// The Kano classification of features (METHODS.md, Kano classification);
// the categories and kano_category_name are in figures.h.

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "gapscore/metrics/figures.h"

namespace gapscore {

/// The Kano classification of one feature from its 5 x 5 answer counts
/// (functional answer - 1) * 5 + (dysfunctional answer - 1). With no
/// answers, n 0 and null figures.
KanoResult kano_of(const std::string& id, const std::array<std::int64_t, 25>& pairs);

/// Per answer pair, as kano_of numbers them: 1 where the pair is in
/// `category`, else 0 (the indicator whose mean is the category's share).
std::vector<double> kano_indicator(KanoCategory category);

/// With survey weights: counts as above; percentages, the dominant
/// category, Better and Worse from the weights, and Fong's test on weighted
/// shares of n_eff (null figures with no weight).
KanoResult kano_of(const std::string& id, const std::array<std::int64_t, 25>& pairs,
                   const std::array<double, 25>& weighted_pairs, double weight_squares);

}  // namespace gapscore
