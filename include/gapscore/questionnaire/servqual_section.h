#pragma once

#include <nlohmann/json_fwd.hpp>

#include "gapscore/questionnaire/load_state.h"

namespace gapscore {

/// Reads the "servqual" section of `root`, if there is one, into
/// `state.questionnaire`: its dimensions and their items (each item's scale
/// its own or the section's, every id unique), the dimensions' minimum
/// number of items, and their weighting, fixed weights or importance
/// columns. Each problem is recorded in `state.check` as it is found; an
/// item or dimension with a problem may be left out.
void read_servqual(const nlohmann::json& root, LoadState& state);

}  // namespace gapscore
