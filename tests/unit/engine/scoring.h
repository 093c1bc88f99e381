#pragma once

// Scoring CSV text through an Engine, for the engine tests.

#include <fstream>
#include <sstream>
#include <string>

#include "gapscore/engine/engine.h"

namespace gapscore {

/// A file of the repository, by its path from the root.
inline std::string read_text(const std::string& relative) {
  std::ifstream in(std::string(GAPSCORE_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// The report of `csv`, read as the comma-separated input data.csv.
inline Report score_text(const Questionnaire& questionnaire, const std::string& csv, EngineOptions options = {}) {
  Engine engine(questionnaire, std::move(options));
  const auto reader = RecordReader::from_string("data.csv", csv, ',');
  engine.read(*reader);
  return engine.finish();
}

/// One item (columns e and p) and a CSAT metric (s) on a 1..5 scale, with
/// respondent ids in column id.
inline const char* const kSmall = R"({"gapscore": 1, "respondent_id": "id",
  "scales": {"a": {"min": 1, "max": 5}},
  "servqual": {"scale": "a", "dimensions": [{"id": "d", "items": [{"id": "i", "expectation": "e", "perception": "p"}]}]},
  "metrics": [{"type": "csat", "column": "s", "scale": "a"}]})";

/// Reads `csv` as the input `name` with kSmall's questionnaire, for what it throws.
inline void read_into_engine(const std::string& name, const std::string& csv, EngineOptions options = {}) {
  Engine engine(parse_questionnaire(kSmall, "q.json"), std::move(options));
  const auto reader = RecordReader::from_string(name, csv, ',');
  engine.read(*reader);
}

}  // namespace gapscore
