#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace gapscore::cmd {

struct CompareOptions {
  std::string a;
  std::string b;
  std::string segment_a;
  std::string segment_b;
  std::string output;
  std::string format;
};

void setup_compare(CLI::App& app, CompareOptions& options);

/// Lays two JSON reports side by side and writes the comparison; throws
/// Error on failure.
void run_compare(const CompareOptions& options);

}  // namespace gapscore::cmd
