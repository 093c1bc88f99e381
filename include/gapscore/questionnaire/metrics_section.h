#pragma once

#include <nlohmann/json_fwd.hpp>

#include "gapscore/questionnaire/load_state.h"

namespace gapscore {

/// Reads the "metrics" array of `root`, if there is one, into
/// `state.questionnaire.metrics`: each metric's type, id (its type when not
/// given; unique), column and scale (its own or the type's default), and
/// its type's thresholds, defaulted as METHODS.md says and checked against
/// the scale. Each problem is recorded in `state.check` as it is found; a
/// metric with a problem may be left out.
void read_metrics(const nlohmann::json& root, LoadState& state);

}  // namespace gapscore
