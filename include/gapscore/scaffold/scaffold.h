#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "gapscore/scaffold/column_profile.h"

namespace gapscore {

/// A starting questionnaire and what the user should check.
struct Scaffold {
  nlohmann::ordered_json questionnaire;
  std::vector<std::string> notes;
};

/// Guesses a questionnaire from the column names and a sample of values:
/// pairs expectation and perception columns by naming, groups items into
/// dimensions (the standard RATER order for 22 numbered items, else by
/// the letters before the number), guesses scales from the values, finds
/// NPS, CSAT and CES columns by name and range, a respondent id and a
/// weight column. `questions` is the question text under each name (a
/// second header row), or empty; metrics are found by either. `source`
/// names the data in the title; `schema`, when given, is the "$schema";
/// `joined_names` says the names join all header rows (SurveyMonkey).
Scaffold scaffold_questionnaire(const std::vector<std::string>& names, const std::vector<std::string>& questions,
                                const std::vector<ColumnProfile>& profiles, int header_rows, const std::string& source,
                                const std::string& schema, bool joined_names = false);

}  // namespace gapscore
