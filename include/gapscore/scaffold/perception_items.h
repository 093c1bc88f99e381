#pragma once

#include <nlohmann/json_fwd.hpp>

#include "gapscore/scaffold/guesswork.h"

namespace gapscore::scaffold {

/// Without expectation columns, a SERVPERF study: the columns no guess has
/// taken whose answers are ratings (integers on a 3- to 11-point scale
/// within 0..10, or the wordings of one known scale) become
/// perception-only items, one dimension per question block (a matrix
/// question's stem, or the tag before `_` or the letters before the number
/// in their names), the block-less ones together in "all". Each block gets
/// its scale (guess_item_scale). Returns the "servqual" section, or null
/// when fewer than two such columns are left; notes what it did and marks
/// the columns used.
nlohmann::ordered_json guess_perception_items(Guesswork& work, nlohmann::ordered_json* scales);

}  // namespace gapscore::scaffold
