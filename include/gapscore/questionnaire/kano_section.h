#pragma once

#include <nlohmann/json_fwd.hpp>

#include "gapscore/questionnaire/load_state.h"

namespace gapscore {

/// Reads the "kano" section of `root`, if there is one, into
/// `state.questionnaire.kano`: its scale (a named 1..5 scale, or the
/// wordings survey tools commonly use) and its features, each with a unique
/// id and its functional and dysfunctional columns. Each problem is
/// recorded in `state.check` as it is found; a feature with a problem may
/// be left out, and every feature is when the scale is wrong.
void read_kano(const nlohmann::json& root, LoadState& state);

}  // namespace gapscore
