#pragma once

#include <nlohmann/json_fwd.hpp>

#include "gapscore/scaffold/guesswork.h"

namespace gapscore::scaffold {

/// The questionnaire's "metrics": the first unused column for each of NPS,
/// CSAT and CES (in that order) whose name or question says so ("nps",
/// "recommend"; "csat", "satisf"; the word "ces", "effort", "easy") and
/// whose integer answers fit the metric's range and reach near its top.
/// A CSAT or CES scale other than the default one is added to `scales` (a
/// JSON object). Notes each metric and marks its column used; an empty
/// array when none is found.
nlohmann::ordered_json guess_metrics(Guesswork& work, nlohmann::ordered_json* scales);

}  // namespace gapscore::scaffold
