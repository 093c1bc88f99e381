#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "gapscore/scaffold/guesswork.h"
#include "gapscore/scaffold/item_pairing.h"

namespace gapscore::scaffold {

/// The questionnaire's "servqual" section: the items on `item_scale`,
/// grouped into dimensions (the standard RATER order for the 22 numbered
/// items 1..22, else by the letters before their numbers when all have
/// them, else one dimension "all"), with 100-point importance columns
/// named after the dimensions when every dimension has one. Notes the
/// grouping and the importance columns, and marks those used.
nlohmann::ordered_json guess_servqual(const std::vector<PairedItem>& items, const std::string& item_scale,
                                      Guesswork& work);

}  // namespace gapscore::scaffold
