#include <CLI/CLI.hpp>
#include <algorithm>
#include <csignal>
#include <iostream>
#include <new>

#include "cmd/compare.h"
#include "cmd/init.h"
#include "cmd/merge.h"
#include "cmd/score.h"
#include "cmd/validate.h"
#include "gapscore/base/diagnostic.h"
#include "gapscore/base/output_file.h"
#include "gapscore/base/text.h"
#include "gapscore/base/version.h"
#include "gapscore/report/report.h"

namespace {

// The exit codes of FORMATS.md; chosen here and nowhere else.
enum class ExitCode : int {
  kSuccess = 0,
  kInvalid = 1,
  kUsage = 2,
  kIo = 3,
  kThreshold = 4,
  kInternal = 70,
};

int code(ExitCode exit_code) { return static_cast<int>(exit_code); }

ExitCode exit_code_for(gapscore::ErrorKind kind) {
  switch (kind) {
    case gapscore::ErrorKind::kInvalid:
      return ExitCode::kInvalid;
    case gapscore::ErrorKind::kUsage:
      return ExitCode::kUsage;
    case gapscore::ErrorKind::kIo:
      return ExitCode::kIo;
    case gapscore::ErrorKind::kBrokenPipe:
      return ExitCode::kSuccess;
  }
  return ExitCode::kInternal;
}

}  // namespace

int main(int argc, char** argv) {
  // A closed pipe must be an error we can see (EPIPE), not a silent kill.
  std::signal(SIGPIPE, SIG_IGN);
  gapscore::remove_temporary_outputs_on_signals();

  CLI::App app{"gapscore: SERVQUAL gap scores, NPS, CSAT and CES from survey exports"};
  app.name("gapscore");
  app.set_version_flag("--version", std::string("gapscore ") + gapscore::tool_version());
  app.require_subcommand(1);

  gapscore::cmd::ScoreOptions score;
  CLI::App* score_command = app.add_subcommand("score", "Compute the report from CSV exports");
  gapscore::cmd::setup_score(*score_command, score);

  gapscore::cmd::ValidateOptions validate;
  CLI::App* validate_command =
      app.add_subcommand("validate", "Check the questionnaire and data, listing every problem");
  gapscore::cmd::setup_validate(*validate_command, validate);

  gapscore::cmd::MergeOptions merge;
  CLI::App* merge_command = app.add_subcommand("merge", "Add up states saved by `score --emit-state` into one report");
  gapscore::cmd::setup_merge(*merge_command, merge);

  gapscore::cmd::CompareOptions compare;
  CLI::App* compare_command =
      app.add_subcommand("compare", "Lay two reports side by side, item by item, with Welch tests");
  gapscore::cmd::setup_compare(*compare_command, compare);

  gapscore::cmd::InitOptions init;
  CLI::App* init_command =
      app.add_subcommand("init", "Write a starting questionnaire guessed from an export's header and values");
  gapscore::cmd::setup_init(*init_command, init);

  std::vector<std::string> commands;
  for (const CLI::App* command : app.get_subcommands([](const CLI::App*) { return true; })) {
    commands.push_back(command->get_name());
  }
  if (argc > 1 && argv[1][0] != '-' && std::find(commands.begin(), commands.end(), argv[1]) == commands.end()) {
    std::cerr << "gapscore: error: unknown command " << gapscore::quote(argv[1])
              << gapscore::did_you_mean(argv[1], commands) << "\nRun `gapscore --help` for usage.\n";
    return code(ExitCode::kUsage);
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);
    std::cerr << "gapscore: error: " << gapscore::printable(e.what()) << "\nRun `gapscore --help` for usage.\n";
    return code(ExitCode::kUsage);
  }

  try {
    if (score_command->parsed()) {
      if (!gapscore::cmd::run_score(score)) return code(ExitCode::kThreshold);
    } else if (validate_command->parsed()) {
      if (!gapscore::cmd::run_validate(validate)) return code(ExitCode::kInvalid);
    } else if (merge_command->parsed()) {
      if (!gapscore::cmd::run_merge(merge)) return code(ExitCode::kThreshold);
    } else if (compare_command->parsed()) {
      gapscore::cmd::run_compare(compare);
    } else if (init_command->parsed()) {
      gapscore::cmd::run_init(init);
    }
    return code(ExitCode::kSuccess);
  } catch (const gapscore::Error& e) {
    if (e.kind() != gapscore::ErrorKind::kBrokenPipe) {
      for (const gapscore::Diagnostic& diagnostic : e.diagnostics()) {
        std::cerr << gapscore::format_diagnostic(diagnostic) << '\n';
      }
    }
    return code(exit_code_for(e.kind()));
  } catch (const std::bad_alloc&) {
    std::cerr << "gapscore: error: out of memory\n";
    return code(ExitCode::kIo);
  } catch (const std::exception& e) {
    std::cerr << "gapscore: internal error: " << gapscore::printable(e.what()) << '\n';
    return code(ExitCode::kInternal);
  }
}
