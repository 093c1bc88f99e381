#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "cmd/common.h"

namespace gapscore::cmd {

struct ScoreOptions {
  InputOptions input;
  ReportOptions report;
  std::string rejects;
  std::string emit_state;
};

void setup_score(CLI::App& app, ScoreOptions& options);

/// Scores the inputs and writes the report. Returns false when a
/// --fail-if threshold was crossed; throws Error on failure.
bool run_score(const ScoreOptions& options);

}  // namespace gapscore::cmd
