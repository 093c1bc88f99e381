#pragma once

#include <map>
#include <string>

#include "gapscore/questionnaire/json_checks.h"
#include "gapscore/questionnaire/questionnaire.h"
#include "gapscore/questionnaire/scales.h"

namespace gapscore {

/// What the readers of the document's sections share while one document
/// loads: the problems found so far, the questionnaire being filled, the
/// named scales and the columns already read.
struct LoadState {
  /// Problems are reported against `file`.
  explicit LoadState(const std::string& file) : check(file) {}

  /// Records that `column` is read at `pointer`; a column read at two places
  /// is a problem at the second, naming the first.
  void use_column(const std::string& column, const std::string& pointer);

  Checker check;
  Questionnaire questionnaire;
  NamedScales scales;
  std::map<std::string, std::string> columns;  ///< each column read, with the pointer of its first use
};

}  // namespace gapscore
