#pragma once

#include <CLI/CLI.hpp>

#include "cmd/common.h"

namespace gapscore::cmd {

struct ValidateOptions {
  InputOptions input;
};

void setup_validate(CLI::App& app, ValidateOptions& options);

/// Runs every check of `score`, printing each problem on standard error,
/// one a line. Returns false when any error was found.
bool run_validate(const ValidateOptions& options);

}  // namespace gapscore::cmd
