#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "cmd/common.h"

namespace gapscore::cmd {

struct MergeOptions {
  std::vector<std::string> states;
  ReportOptions report;
  std::int64_t min_n = 0;
  std::size_t max_segments = 0;
  std::uint64_t max_memory = kDefaultMaxMemory;
  std::string emit_state;
};

void setup_merge(CLI::App& app, MergeOptions& options);

/// Adds up saved states and writes their report (and, if asked, the
/// combined state). Returns false when a --fail-if threshold was crossed;
/// throws Error on failure.
bool run_merge(const MergeOptions& options);

}  // namespace gapscore::cmd
