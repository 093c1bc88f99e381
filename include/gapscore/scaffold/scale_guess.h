#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "gapscore/scaffold/guesswork.h"
#include "gapscore/scaffold/item_pairing.h"

namespace gapscore::scaffold {

/// The top of the usual answer scale that holds `max`: 5, 7, 9 or 10, or
/// `max` itself above 10.
int rounded_scale_top(long long max);

/// Guesses the items' answer scale from the values their columns hold: the
/// values at least 1% of answers gave, widened to the usual top, with the
/// agreement wordings of a 5- or 7-point scale as labels. Adds it to
/// `scales` (a JSON object) and notes it, with the stray values and the
/// unknown wordings; returns its name. `items` must not be empty.
std::string guess_item_scale(const std::vector<PairedItem>& items, Guesswork& work, nlohmann::ordered_json* scales);

}  // namespace gapscore::scaffold
