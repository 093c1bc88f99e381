#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "gapscore/report/report.h"

namespace gapscore {

/// Compares every figure of `report` with the same figure (same segment,
/// item, dimension or metric, same measure) of an earlier JSON report
/// (METHODS.md, trends against a baseline), filling each `vs_baseline`.
/// Throws Error(kInvalid), naming `file`, when `baseline` is not a gapscore
/// JSON report.
void compare_with_baseline(Report& report, const nlohmann::json& baseline, const std::string& file);

/// A --fail-if condition: `[SEGMENT:]PATH OP NUMBER`, e.g. `nps.score < 20`,
/// `servqual.gap.mean < -1.2`, `delta.nps.score < -5`,
/// `region=North:csat.score < 70`, `input.rows_rejected > 0`.
struct Threshold {
  std::string text;
  std::string segment;  ///< "region=North;channel=Web"; empty for the whole data set
  std::vector<std::string> path;
  std::string op;
  double value = 0;
};

/// Parses a --fail-if expression; throws Error(kUsage) saying what is wrong.
Threshold parse_threshold(const std::string& text);

/// Whether a threshold is crossed, and a sentence saying so (the figure's
/// value, or that it is null: a null figure counts as crossed, so that a
/// nightly job fails loudly rather than passing on no data). Throws
/// Error(kUsage) when the path names no figure of the report.
std::optional<std::string> crossed(const nlohmann::json& report, const Threshold& threshold);

}  // namespace gapscore
