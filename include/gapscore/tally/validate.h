#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "gapscore/questionnaire/questionnaire.h"
#include "gapscore/tally/plan.h"
#include "gapscore/tally/tally.h"

namespace gapscore {

/// The most rows one run may count. Within it, every count and sum a
/// tally's rows allow fits its type, so tallies that pass tally_problem can
/// be added up without overflow.
inline constexpr std::int64_t kMaxRows = std::int64_t{1} << 40;

/// What is wrong with `tally`, laid out for `plan` (of `questionnaire`) and
/// read from outside (a saved state): rows below 0 or above kMaxRows; a
/// count below 0 or above the tally's rows; a column's answers, missing and
/// invalid cells that do not add up to its rows; a sum or product of scores
/// that no rows on the plan's scales could give; a weighted sum that is not
/// a finite number, or a negative sum of weights. Nothing when the tally
/// could have been counted; else a sentence naming the figure, such as
/// "item T1 expectation: more answers than the tally's 10 rows".
std::optional<std::string> tally_problem(const Questionnaire& questionnaire, const Plan& plan, const Tally& tally);

}  // namespace gapscore
