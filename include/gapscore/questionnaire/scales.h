#pragma once

#include <map>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "gapscore/questionnaire/json_checks.h"
#include "gapscore/questionnaire/questionnaire.h"

namespace gapscore {

/// The scale named `name` described by `value` (min, max, labels), or
/// nothing when any of it is wrong, each problem recorded at its pointer
/// below `pointer`. Labels are kept trimmed of spaces and tabs.
std::optional<Scale> read_scale(Checker& check, const std::string& name, const nlohmann::json& value,
                                const std::string& pointer);

/// The document's "scales" section, which items, metrics and Kano features
/// refer to by name.
class NamedScales {
 public:
  /// Reads every scale of the "scales" section of `root`, if there is one.
  void read(Checker& check, const nlohmann::json& root);

  /// Resolves the "scale" key of `object`: nothing when absent, or, with a
  /// problem and a "did you mean", when it names no scale. A scale that
  /// exists but failed its own checks is not reported again at each use.
  std::optional<Scale> reference(Checker& check, const nlohmann::json& object, const std::string& pointer) const;

  /// A token both missing and a label would be read as missing everywhere,
  /// silently dropping answers that the label promised to score: records a
  /// problem for each label that equals a token of `missing`, ignoring case.
  void check_labels_against_missing(Checker& check, const std::vector<std::string>& missing) const;

 private:
  std::vector<std::string> names() const;

  std::map<std::string, Scale> scales_;
  std::set<std::string> broken_;
};

}  // namespace gapscore
