#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>

#include "gapscore/questionnaire/questionnaire.h"

namespace gapscore {

/// Checks the parsed document `root` of questionnaire `file` and builds the
/// questionnaire it describes: the top level (format version, header rows
/// and naming, missing tokens, respondent id, weight column, key drivers)
/// and every section. Every problem is collected; if there is any, throws
/// Error(kInvalid) carrying all of them, each with its JSON pointer, in the
/// order the document is read.
Questionnaire questionnaire_from_json(const nlohmann::json& root, const std::string& file);

}  // namespace gapscore
