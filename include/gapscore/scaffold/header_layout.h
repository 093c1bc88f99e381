#pragma once

#include <string>
#include <vector>

namespace gapscore::scaffold {

/// How an export's header rows are laid out, told from its first rows.
struct HeaderLayout {
  std::string description;             ///< for the notes: "Qualtrics (three header rows: ...)"
  int rows = 1;                        ///< header rows above the data
  bool joined = false;                 ///< names join the header rows (SurveyMonkey)
  std::vector<std::string> names;      ///< the column names gapscore will read
  std::vector<std::string> questions;  ///< the question text under each name, or empty
};

/// The layout of the platforms' exports (docs/FORMATS.md, "Questionnaire
/// scaffold"): Qualtrics' three rows (current and 2016), legacy Qualtrics'
/// V1.. tags over question text, SurveyMonkey's question and sub-label
/// rows, or one row (named after the platform when its columns say so).
/// `header_rows`, when above 0, is what the user said and wins. Needs the
/// first three rows or all there are.
HeaderLayout detect_header_layout(const std::vector<std::vector<std::string>>& first_rows, int header_rows);

}  // namespace gapscore::scaffold
