#include "cmd/score.h"

#include <iostream>
#include <memory>
#include <vector>

#include "cmd/progress.h"
#include "gapscore/base/output_file.h"
#include "gapscore/engine/engine.h"
#include "gapscore/input/record_parser.h"
#include "gapscore/questionnaire/questionnaire.h"
#include "gapscore/writers/csv_writer.h"

namespace gapscore::cmd {

void setup_score(CLI::App& app, ScoreOptions& options) {
  add_input_options(app, options.input);
  add_report_options(app, options.report);
  app.add_option("--rejects", options.rejects, "Write rejected rows here, verbatim, with file, line and reason")
      ->type_name("FILE");
  app.add_option("--emit-state", options.emit_state,
                 "Write the partial state for `gapscore merge` here (- for standard output); no report unless -o")
      ->type_name("FILE");
}

namespace {

// Rejected rows keep the input's own shape: its header rows and each row
// as read, after three columns that say where the row was and why it was
// left out, in the input's delimiter; so the file opens in a spreadsheet
// and, once fixed, scores with the same questionnaire. The header is the
// first input's, and so is the dialect: a row of a later input split by
// another delimiter is written again in the first's.
class RejectsWriter {
 public:
  explicit RejectsWriter(const std::string& path) : output_(path) {}

  void header(const std::vector<std::string>& rows, char delimiter) {
    input_delimiter_ = delimiter;
    if (delimiter_ != 0) return;
    delimiter_ = delimiter;
    for (std::size_t r = 0; r < rows.size(); ++r) {
      const std::string prefix = r == 0 ? "rejected_file" + std::string(1, delimiter) + "rejected_line" + delimiter +
                                              "rejected_reason" + delimiter
                                        : std::string(3, delimiter);
      output_.write(prefix);
      output_.write(rows[r]);
      output_.write("\n");
    }
  }

  void add(const RejectedRow& row) {
    output_.write(csv_field(row.file, delimiter_) + delimiter_ + std::to_string(row.line) + delimiter_ + row.reason +
                  delimiter_);
    if (input_delimiter_ == delimiter_) {
      output_.write(row.text);
    } else {
      write_in_own_dialect(row.text);
    }
    output_.write("\n");
  }

  void commit() { output_.commit(); }

 private:
  // A row of an input with another delimiter than the first's is split by
  // its own and written with the file's, each field quoted as it needs.
  void write_in_own_dialect(std::string_view text) {
    if (!parser_ || parser_->delimiter() != input_delimiter_)
      parser_ = std::make_unique<RecordParser>(input_delimiter_);
    const std::string copy(text);  // the parser needs a '\0' after the text
    parser_->parse(copy, 0, record_);
    for (std::size_t f = 0; f < record_.fields.size(); ++f) {
      if (f > 0) output_.write(std::string_view(&delimiter_, 1));
      output_.write(csv_field(std::string(record_.fields[f]), delimiter_));
    }
  }

  OutputFile output_;
  char delimiter_ = 0;
  char input_delimiter_ = 0;
  std::unique_ptr<RecordParser> parser_;
  Record record_;
};

void print_summary(const InputSummary& input) {
  std::int64_t invalid = 0;
  for (const InvalidCellCount& cell : input.invalid_cells) invalid += cell.count;
  if (input.rows_rejected == 0 && invalid == 0) return;
  std::vector<std::string> parts;
  if (input.rows_rejected > 0) {
    std::string rejected =
        std::to_string(input.rows_rejected) + " of " + std::to_string(input.rows_read) + " rows rejected (";
    for (std::size_t i = 0; i < input.rejected.size(); ++i) {
      if (i > 0) rejected += ", ";
      rejected += std::to_string(input.rejected[i].second) + " " + input.rejected[i].first;
    }
    parts.push_back(rejected + ")");
  }
  if (invalid > 0) parts.push_back(std::to_string(invalid) + " invalid cells read as missing");
  std::string line = "gapscore: warning: " + parts.front();
  if (parts.size() > 1) line += ", " + parts.back();
  std::cerr << line << "; `gapscore validate` lists them\n";
}

}  // namespace

bool run_score(const ScoreOptions& options) {
  const std::vector<Threshold> thresholds = parse_thresholds(options.report);
  const bool writes_report = options.emit_state.empty() || !options.report.output.empty();
  std::vector<std::string> reads = input_paths(options.input);
  reads.push_back(options.input.questionnaire);
  if (!options.report.baseline.empty()) reads.push_back(options.report.baseline);
  refuse_overlapping_outputs(
      {{"-o", writes_report ? (options.report.output.empty() ? "-" : options.report.output) : ""},
       {"--rejects", options.rejects},
       {"--emit-state", options.emit_state}},
      reads);
  const Questionnaire questionnaire = load_questionnaire(options.input.questionnaire);
  EngineOptions engine = engine_options(options.input);
  // Problems with single cells and rows are summed up at the end; warnings
  // about the input as a whole (encoding, repeated names) are shown as
  // found, unless --quiet asks for errors only.
  engine.on_problem = [quiet = options.input.quiet](const Diagnostic& diagnostic) {
    if (!quiet && diagnostic.severity == Severity::kWarning) std::cerr << format_diagnostic(diagnostic) << '\n';
  };
  std::unique_ptr<RejectsWriter> rejects;
  if (!options.rejects.empty()) {
    rejects = std::make_unique<RejectsWriter>(options.rejects);
    engine.on_header = [&rejects](const std::vector<std::string>& rows, char delimiter) {
      rejects->header(rows, delimiter);
    };
    engine.on_reject = [&rejects](const RejectedRow& row) { rejects->add(row); };
  }
  ProgressDisplay progress(progress_mode(options.input.quiet, options.input.progress),
                           known_input_bytes(input_paths(options.input)));
  progress.attach(engine);
  Engine scoring(questionnaire, std::move(engine));
  read_inputs(options.input, scoring);
  progress.finish();
  scoring.check_design(writes_report);
  if (!options.emit_state.empty()) write_output(options.emit_state, scoring.save_state());
  // A shard's state alone is not the sample: no report, and no raking, of it.
  bool passed = true;
  if (writes_report) passed = deliver_report(scoring.finish(), questionnaire, options.report, thresholds);
  const InputSummary input = scoring.summary();
  if (rejects) rejects->commit();
  if (!options.input.quiet) print_summary(input);
  return passed;
}

}  // namespace gapscore::cmd
