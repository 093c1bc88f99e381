#include "cmd/init.h"

#include <algorithm>
#include <iostream>

#include "cmd/common.h"
#include "gapscore/base/diagnostic.h"
#include "gapscore/base/output_file.h"
#include "gapscore/base/text.h"
#include "gapscore/input/header.h"
#include "gapscore/input/record_reader.h"
#include "gapscore/scaffold/header_layout.h"
#include "gapscore/scaffold/scaffold.h"

namespace gapscore::cmd {

void setup_init(CLI::App& app, InitOptions& options) {
  app.add_option("input", options.input, "A CSV export; - or none reads standard input")->type_name("DATA");
  app.add_option("-o,--output", options.output, "Write the questionnaire here (default: standard output)")
      ->type_name("FILE");
  app.add_option("--header-rows", options.header_rows,
                 "Header rows above the data (default: told from the export's layout)")
      ->type_name("N")
      ->check(CLI::Range(1, 100));
  app.add_option("--sample", options.sample_rows, "Rows read to guess scales and ranges (default 10000)")
      ->type_name("N")
      ->check(CLI::PositiveNumber);
  add_delimiter_option(app, options.delimiter);
}

namespace {

std::string base_name(const std::string& path) {
  if (path == "-") return "standard input";
  const std::size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

void run_init(const InitOptions& options) {
  refuse_overlapping_outputs({{"-o", options.output}}, {options.input});
  const std::unique_ptr<RecordReader> reader = RecordReader::open_file(options.input, delimiter_of(options.delimiter));
  // Enough rows to tell the header's height (Qualtrics: 3) before profiling.
  std::vector<std::vector<std::string>> first_rows;
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
  const scaffold::HeaderLayout layout = scaffold::detect_header_layout(first_rows, options.header_rows);
  if (first_rows.size() < static_cast<std::size_t>(layout.rows)) {
    throw Error(ErrorKind::kInvalid, reader->name(),
                "fewer rows than the " + std::to_string(layout.rows) + " header rows");
  }
  const std::vector<std::string>& names = layout.names;
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
  for (std::size_t r = static_cast<std::size_t>(layout.rows); r < first_rows.size(); ++r) profile(first_rows[r]);
  while (sampled < options.sample_rows && reader->next(record)) profile(record.fields);

  const Scaffold scaffold =
      scaffold_questionnaire(layout, profiles, base_name(options.input), GAPSCORE_QUESTIONNAIRE_SCHEMA);
  // A questionnaire with nothing to score would only fail `validate`:
  // nothing is written, and the notes say what was found instead.
  if (scaffold.scorable) {
    const std::string text =
        scaffold.questionnaire.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    write_output(options.output.empty() ? "-" : options.output, text + "\n");
  }
  // Notes quote the export's names and values: shown escaped, like every
  // byte from outside.
  std::cerr << "gapscore init: read the header and " << sampled << " rows of " << printable(reader->name())
            << (misshapen > 0 ? " (" + std::to_string(misshapen) + " rows with another field count skipped)" : "")
            << (scaffold.scorable ? "; guessed:\n" : "; found:\n");
  for (const std::string& note : scaffold.notes) std::cerr << "  - " << printable(note) << '\n';
  if (!scaffold.scorable) {
    throw Error(ErrorKind::kInvalid, reader->name(),
                "nothing to score: no SERVQUAL items, scale items, metrics or Kano features were found, so no "
                "questionnaire was written; write one by hand (docs/FORMATS.md)");
  }
  std::cerr << "Check these guesses, then: gapscore validate -q "
            << printable(options.output.empty() ? "QUESTIONNAIRE.json" : options.output) << ' '
            << printable(options.input == "-" ? "DATA.csv" : options.input) << '\n';
}

}  // namespace gapscore::cmd
