#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>

namespace gapscore::cmd {

struct InitOptions {
  std::string input = "-";
  std::string output;
  std::string delimiter;
  int header_rows = 0;  ///< 0: 1, or 3 for a Qualtrics export (its ImportId row)
  std::int64_t sample_rows = 10000;
};

void setup_init(CLI::App& app, InitOptions& options);

/// Writes a starting questionnaire guessed from a CSV export's header and
/// first rows, and says on standard error what it guessed and what to
/// check. Throws Error on failure.
void run_init(const InitOptions& options);

}  // namespace gapscore::cmd
