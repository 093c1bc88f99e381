#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "gapscore/scaffold/column_profile.h"
#include "gapscore/scaffold/header_layout.h"

namespace gapscore {

/// A starting questionnaire and what the user should check.
struct Scaffold {
  nlohmann::ordered_json questionnaire;
  std::vector<std::string> notes;
  /// Whether it has anything to score: items, metrics or Kano features.
  /// Without, the questionnaire is not to be written: `validate` would
  /// reject it.
  bool scorable = false;
};

/// Guesses a questionnaire from an export's header layout and a sample of
/// its values: pairs expectation and perception columns by naming, by a
/// side-by-side question or by two matrix questions; groups items into
/// dimensions (the standard RATER order for 22 numbered items, else by
/// the letters before the number); without pairs, rating columns as
/// perception-only items by question block; guesses scales from the
/// values and their wordings; finds NPS, CSAT and CES columns by name and
/// range, a respondent id (by its name or its question text) and a weight
/// column. `source` names the data in the title; `schema`, when given, is
/// the "$schema".
Scaffold scaffold_questionnaire(const scaffold::HeaderLayout& layout, const std::vector<ColumnProfile>& profiles,
                                const std::string& source, const std::string& schema);

}  // namespace gapscore
