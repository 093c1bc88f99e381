#include "cmd/init.h"

#include <algorithm>
#include <iostream>

#include "cmd/common.h"
#include "gapscore/base/diagnostic.h"
#include "gapscore/base/output_file.h"
#include "gapscore/base/text.h"
#include "gapscore/input/header.h"
#include "gapscore/input/record_reader.h"
#include "gapscore/scaffold/scaffold.h"

namespace gapscore::cmd {

void setup_init(CLI::App& app, InitOptions& options) {
  app.add_option("input", options.input, "A CSV export; - or none reads standard input")->type_name("DATA");
  app.add_option("-o,--output", options.output, "Write the questionnaire here (default: standard output)")
      ->type_name("FILE");
  app.add_option("--header-rows", options.header_rows,
                 "Header rows above the data (default 1, or 3 for a Qualtrics export)")
      ->type_name("N")
      ->check(CLI::Range(1, 100));
  app.add_option("--sample", options.sample_rows, "Rows read to guess scales and ranges (default 10000)")
      ->type_name("N")
      ->check(CLI::PositiveNumber);
  add_delimiter_option(app, options.delimiter);
}

namespace {

using Row = std::vector<std::string>;

// Qualtrics writes a third header row of {"ImportId": ...} objects.
bool is_import_id_row(const Row& row) {
  std::size_t import_ids = 0;
  for (const std::string& field : row) {
    if (field.rfind("{\"ImportId\"", 0) == 0) ++import_ids;
  }
  return import_ids * 2 > row.size();
}

std::string base_name(const std::string& path) {
  if (path == "-") return "standard input";
  const std::size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// SurveyMonkey writes the question over its first column only and a
// second row of sub-labels: "Response", "Open-Ended Response", or the
// matrix rows.
bool is_sub_label_row(const Row& first, const Row& second) {
  const bool continued = std::any_of(first.begin(), first.end(), [](const std::string& cell) { return cell.empty(); });
  const bool labels = std::any_of(second.begin(), second.end(), [](const std::string& cell) {
    return cell == "Response" || cell == "Open-Ended Response";
  });
  return continued && labels;
}

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

}  // namespace

void run_init(const InitOptions& options) {
  refuse_overlapping_outputs({{"-o", options.output}}, {options.input});
  const std::unique_ptr<RecordReader> reader = RecordReader::open_file(options.input, delimiter_of(options.delimiter));
  // Enough rows to tell the header's height (Qualtrics: 3) before profiling.
  std::vector<Row> first_rows;
  Record record;
  const std::size_t look_ahead = std::max<std::size_t>(3, static_cast<std::size_t>(options.header_rows));
  while (first_rows.size() < look_ahead && reader->next(record)) {
    if (record.has_nul) {
      throw Error(ErrorKind::kInvalid, Diagnostic{reader->name(),
                                                  record.line,
                                                  0,
                                                  {},
                                                  false,
                                                  Severity::kError,
                                                  "this row holds NUL bytes: the input looks like a binary file, or "
                                                  "UTF-16 without a byte order mark, not CSV text",
                                                  {}});
    }
    first_rows.emplace_back(record.fields.begin(), record.fields.end());
  }
  if (first_rows.empty()) throw Error(ErrorKind::kInvalid, reader->name(), "no header row: the input is empty");
  const bool sub_labels = first_rows.size() >= 2 && is_sub_label_row(first_rows[0], first_rows[1]);
  const int header_rows = options.header_rows > 0                                     ? options.header_rows
                          : first_rows.size() >= 3 && is_import_id_row(first_rows[2]) ? 3
                          : sub_labels                                                ? 2
                                                                                      : 1;
  const bool joined = header_rows == 2 && sub_labels;
  if (first_rows.size() < static_cast<std::size_t>(header_rows)) {
    throw Error(ErrorKind::kInvalid, reader->name(),
                "fewer rows than the " + std::to_string(header_rows) + " header rows");
  }
  std::vector<std::string> names;
  if (joined) {
    names = joined_names(first_rows[0], first_rows[1]);
  } else {
    for (const std::string& name : first_rows.front()) names.push_back(std::string(trim(name)));
  }
  std::vector<ColumnProfile> profiles(names.size());
  std::int64_t sampled = 0;
  std::int64_t misshapen = 0;
  const auto profile = [&](const auto& fields) {
    if (fields.size() != names.size()) {
      ++misshapen;
      return;
    }
    ++sampled;
    for (std::size_t c = 0; c < fields.size(); ++c) profiles[c].add(fields[c]);
  };
  for (std::size_t r = static_cast<std::size_t>(header_rows); r < first_rows.size(); ++r) profile(first_rows[r]);
  while (sampled < options.sample_rows && reader->next(record)) profile(record.fields);

  // Exports with several header rows put the question text in the second.
  std::vector<std::string> questions;
  if (header_rows >= 2 && !joined) {
    for (const std::string& text : first_rows[1]) questions.push_back(std::string(trim(text)));
  }
  const Scaffold scaffold = scaffold_questionnaire(names, questions, profiles, header_rows, base_name(options.input),
                                                   GAPSCORE_QUESTIONNAIRE_SCHEMA, joined);
  const std::string text = scaffold.questionnaire.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  write_output(options.output.empty() ? "-" : options.output, text + "\n");
  // Notes quote the export's names and values: shown escaped, like every
  // byte from outside.
  std::cerr << "gapscore init: read the header and " << sampled << " rows of " << printable(reader->name())
            << (misshapen > 0 ? " (" + std::to_string(misshapen) + " rows with another field count skipped)" : "")
            << "; guessed:\n";
  for (const std::string& note : scaffold.notes) std::cerr << "  - " << printable(note) << '\n';
  std::cerr << "Check these guesses, then: gapscore validate -q "
            << printable(options.output.empty() ? "QUESTIONNAIRE.json" : options.output) << ' '
            << printable(options.input == "-" ? "DATA.csv" : options.input) << '\n';
}

}  // namespace gapscore::cmd
