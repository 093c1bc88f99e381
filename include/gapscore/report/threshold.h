#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace gapscore {

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

/// Whether a threshold is crossed in `report`, the JSON document of a
/// report (json_writer's report_document: PATH follows its keys), and a
/// sentence saying so (the figure's value, or that it is null: a null
/// figure counts as crossed, so that a nightly job fails loudly rather than
/// passing on no data). The segment is found as names_segment() reads it.
/// Throws Error(kUsage) when the path names no figure of the report.
std::optional<std::string> crossed(const nlohmann::ordered_json& report, const Threshold& threshold);

}  // namespace gapscore
