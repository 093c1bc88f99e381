#include "gapscore/scaffold/header_layout.h"

#include <algorithm>
#include <cctype>

#include "gapscore/base/text.h"
#include "gapscore/scaffold/column_names.h"

namespace gapscore::scaffold {

namespace {

using Row = std::vector<std::string>;

std::size_t count_if_cells(const Row& row, bool (*test)(const std::string&)) {
  return static_cast<std::size_t>(std::count_if(row.begin(), row.end(), test));
}

// Qualtrics writes a third header row of {"ImportId": ...} objects; its
// 2016 exports wrote them as Python dictionaries, in single quotes.
bool is_import_id(const std::string& cell) { return cell.rfind("{\"ImportId\"", 0) == 0; }
bool is_single_quoted_import_id(const std::string& cell) { return cell.rfind("{'ImportId'", 0) == 0; }

// Legacy Qualtrics exports tag their first columns V1, V2, ...
bool is_legacy_tag(const std::string& cell) {
  return cell.size() >= 2 && cell[0] == 'V' &&
         std::all_of(cell.begin() + 1, cell.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

bool is_sub_label(const std::string& cell) { return cell == "Response" || cell == "Open-Ended Response"; }

bool has(const Row& row, const char* name) {
  return std::any_of(row.begin(), row.end(), [name](const std::string& cell) { return iequals(trim(cell), name); });
}

// SurveyMonkey writes the question over its first column only and a
// second row of sub-labels: "Response", "Open-Ended Response", or the
// matrix rows; an export with no matrix has no blank in the first row,
// but still begins with its "Respondent ID" and "Collector ID".
bool is_surveymonkey(const Row& first, const Row& second) {
  const bool continued = std::any_of(first.begin(), first.end(), [](const std::string& cell) { return cell.empty(); });
  const bool its_id = !first.empty() && iequals(trim(first[0]), "Respondent ID");
  return (count_if_cells(second, is_sub_label) > 0 && (continued || has(first, "Respondent ID"))) ||
         (continued && its_id && !second.empty() && trim(second[0]).empty());
}

bool is_number(const std::string& cell) {
  const std::string_view text = trim(cell);
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '-';
  });
}

// Under V1, V2, ... legacy Qualtrics writes question text; R's default
// names (V1, V2, ...) sit over data.
bool is_question_row(const Row& row) { return count_if_cells(row, is_number) * 2 < row.size(); }

// Both header rows joined as gapscore's "joined" naming does: an empty cell
// of the first row takes the nearest non-empty cell to its left, and empty
// parts are left out.
std::vector<std::string> joined_names(const Row& first, const Row& second) {
  std::vector<std::string> names;
  std::string carried;
  for (std::size_t c = 0; c < first.size(); ++c) {
    std::string question(trim(first[c]));
    if (question.empty()) question = carried;
    carried = question;
    const std::string label = c < second.size() ? std::string(trim(second[c])) : "";
    names.push_back(question.empty() ? label : label.empty() ? question : question + " / " + label);
  }
  return names;
}

std::vector<std::string> trimmed(const Row& row) {
  std::vector<std::string> cells;
  for (const std::string& cell : row) cells.emplace_back(trim(cell));
  return cells;
}

// A one-row header, named after the platform whose first columns it has.
std::string one_row_description(const Row& first) {
  if (has(first, "Timestamp")) return "one header row (Google Forms: Timestamp, then the questions)";
  if (has(first, "Start time") && has(first, "Completion time")) {
    return "one header row (Microsoft Forms: ID, Start time, Completion time, then the questions)";
  }
  if (has(first, "submitdate") && has(first, "lastpage")) {
    return "one header row (LimeSurvey: id, submitdate, lastpage, then the question codes)";
  }
  return "one header row";
}

}  // namespace

HeaderLayout detect_header_layout(const std::vector<std::vector<std::string>>& first_rows, int header_rows) {
  HeaderLayout layout;
  const auto set = [&layout](std::string description, int rows, bool joined = false) {
    layout.description = std::move(description);
    layout.rows = rows;
    layout.joined = joined;
  };
  const Row none;
  const Row& first = first_rows.empty() ? none : first_rows[0];
  const Row& second = first_rows.size() >= 2 ? first_rows[1] : none;
  const Row& third = first_rows.size() >= 3 ? first_rows[2] : none;
  const bool data_beneath = first_rows.size() >= 3;
  if (data_beneath && count_if_cells(third, is_import_id) * 2 > third.size()) {
    set("Qualtrics (three header rows: export tags, question text, {\"ImportId\": ...})", 3);
  } else if (data_beneath && count_if_cells(third, is_single_quoted_import_id) * 2 > third.size()) {
    set("Qualtrics 2016 (three header rows: export tags, question text, {'ImportId': ...})", 3);
  } else if (!second.empty() && is_legacy_tag(std::string(trim(first[0]))) && is_question_row(second) &&
             (count_if_cells(first, is_legacy_tag) >= 2 || is_id_name(std::string(trim(second[0]))))) {
    set("legacy Qualtrics (two header rows: V1, V2, ... tags, then question text)", 2);
  } else if (!second.empty() && is_surveymonkey(first, second)) {
    set("SurveyMonkey (two header rows: the questions, then \"Response\" or each matrix row; "
        "names join both)",
        2, true);
  } else {
    set(one_row_description(first), 1);
  }
  if (header_rows > 0 && header_rows != layout.rows) {
    set(std::to_string(header_rows) + " header rows (--header-rows)", header_rows);
  }
  if (layout.joined) {
    layout.names = joined_names(first, second);
  } else {
    layout.names = trimmed(first);
    // Exports with several header rows put the question text in the second.
    if (layout.rows >= 2) layout.questions = trimmed(second);
  }
  return layout;
}

}  // namespace gapscore::scaffold
