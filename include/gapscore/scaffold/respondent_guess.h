#pragma once

#include <optional>
#include <string>

#include "gapscore/scaffold/guesswork.h"

namespace gapscore::scaffold {

/// The first column named like a respondent id (is_id_name) that is never
/// empty and whose values are distinct, bar a few repeats, in the sample.
/// Notes it, with the repeats gapscore will reject, and marks it used;
/// nothing when no column fits.
std::optional<std::string> guess_respondent_id(Guesswork& work);

/// The first unused column named "weight", "wt", "survey weight" or the
/// like whose values are mostly numbers, none negative. Notes it, with the
/// rows that have no number, and marks it used; nothing when no column fits.
std::optional<std::string> guess_weight_column(Guesswork& work);

}  // namespace gapscore::scaffold
