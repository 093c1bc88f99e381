#include "cmd/validate.h"

#include <iostream>

#include "cmd/progress.h"
#include "gapscore/engine/engine.h"
#include "gapscore/questionnaire/questionnaire.h"

namespace gapscore::cmd {

void setup_validate(CLI::App& app, ValidateOptions& options) { add_input_options(app, options.input); }

bool run_validate(const ValidateOptions& options) {
  const Questionnaire questionnaire = load_questionnaire(options.input.questionnaire);
  std::int64_t errors = 0;
  std::int64_t warnings = 0;
  EngineOptions checks = engine_options(options.input);
  checks.on_problem = [&](const Diagnostic& diagnostic) {
    ++(diagnostic.severity == Severity::kError ? errors : warnings);
    std::cerr << format_diagnostic(diagnostic) << '\n';
  };
  ProgressDisplay progress(progress_mode(options.input.quiet, options.input.progress),
                           known_input_bytes(input_paths(options.input)));
  progress.attach(checks);
  Engine engine(questionnaire, std::move(checks));
  read_inputs(options.input, engine);
  progress.finish();
  engine.check_design(true);
  const InputSummary summary = engine.summary();
  std::cerr << "gapscore: " << summary.rows_read << " rows read, " << summary.rows_used << " used, "
            << summary.rows_rejected << " rejected; " << errors << " errors, " << warnings << " warnings\n";
  return errors == 0;
}

}  // namespace gapscore::cmd
