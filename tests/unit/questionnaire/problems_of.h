#pragma once

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "gapscore/base/diagnostic.h"
#include "gapscore/questionnaire/questionnaire.h"
#include "test_support.h"

namespace gapscore {

/// Every diagnostic the questionnaire produces, formatted, or an empty list.
inline std::vector<std::string> problems_of(const std::string& json) {
  const Thrown thrown = thrown_by([&json] { parse_questionnaire(json, "q.json"); });
  CHECK(thrown.kind == ErrorKind::kInvalid);
  return thrown.messages;
}

/// `problems` formatted, for comparing whole messages.
inline std::vector<std::string> formatted(const std::vector<Diagnostic>& problems) {
  std::vector<std::string> messages;
  for (const Diagnostic& d : problems) messages.push_back(format_diagnostic(d));
  return messages;
}

/// One SERVQUAL dimension of three items on one 1..7 scale, nothing else.
inline const char* const kMinimal = R"({
  "gapscore": 1,
  "scales": {"agree7": {"min": 1, "max": 7}},
  "servqual": {"scale": "agree7", "dimensions": [
    {"id": "tangibles", "items": [
      {"id": "T1", "expectation": "E1", "perception": "P1"},
      {"id": "T2", "expectation": "E2", "perception": "P2"},
      {"id": "T3", "expectation": "E3", "perception": "P3"}]}]}
})";

}  // namespace gapscore
