#pragma once

// A questionnaire of two dimensions (three items and one), importance
// points and an NPS metric, for the tally tests.

namespace gapscore {

inline const char* const kTwoDimensions = R"({
  "gapscore": 1, "scales": {"a": {"min": 1, "max": 5}},
  "servqual": {"scale": "a", "importance": {"d1": "i1", "d2": "i2"}, "dimensions": [
    {"id": "d1", "items": [
      {"id": "A", "expectation": "EA", "perception": "PA"},
      {"id": "B", "expectation": "EB", "perception": "PB"},
      {"id": "C", "expectation": "EC", "perception": "PC"}]},
    {"id": "d2", "items": [{"id": "D", "perception": "PD", "expectation": "ED"}]}]},
  "metrics": [{"type": "nps", "column": "n"}]
})";

}  // namespace gapscore
