#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gapscore/input/header_naming.h"

namespace gapscore {

/// An inclusive integer range with optional text labels for its points.
struct Scale {
  std::string name;
  int min = 1;
  int max = 7;
  std::vector<std::pair<std::string, int>> labels;

  int points() const { return max - min + 1; }
};

/// One SERVQUAL statement. A column name is empty when the item does not
/// have that measure (no expectation: SERVPERF; no adequate/desired: no
/// zone of tolerance).
struct Item {
  std::string id;
  std::string text;
  std::string dimension;
  Scale scale;
  std::string expectation;
  std::string perception;
  std::string adequate;
  std::string desired;
  bool reverse = false;
  bool optional = false;  ///< a report may have no valid value of it
};

/// One margin to rake to: a column and the population share of each of its
/// values, in the order of the values.
struct RakingMargin {
  std::string column;
  std::vector<std::pair<std::string, double>> shares;
};

/// Raked weights (METHODS.md, "Raking"): iterative proportional fitting of
/// the base weights to the margins, in the order of their columns' names,
/// as R's survey::rake fits them.
struct Raking {
  std::vector<RakingMargin> margins;
  int max_iterations = 50;
  /// Converged when no cell's weight total moves by more than this share of
  /// the total weight in a sweep over the margins.
  double tolerance = 1e-7;
  /// The largest ratio of a raked weight to its base weight; none when 0.
  double cap = 0;
};

struct Dimension {
  std::string id;
  std::string label;
  std::vector<std::size_t> items;  ///< indices into Questionnaire::items
  int min_items = 1;               ///< resolved: explicit, inherited or half rounded up
  std::optional<double> weight;    ///< fixed weight as written, before normalising
  std::string importance_column;   ///< 100-point allocation column, when used
};

enum class MetricType { kNps, kCsat, kCes };

struct Metric {
  std::string id;
  MetricType type = MetricType::kNps;
  std::string column;
  Scale scale;
  int promoter_min = 9;
  int detractor_max = 6;
  int satisfied_min = 4;
  int agree_min = 5;
  bool optional = false;  ///< a report may have no valid value of it
};

enum class Weighting { kNone, kFixed, kImportance };

/// A Kano feature: asked functionally ("if it has ...") and dysfunctionally
/// ("if it lacks ..."), each answered on a 1..5 scale: like, must-be,
/// neutral, live-with, dislike.
struct KanoFeature {
  std::string id;
  std::string text;
  std::string functional;
  std::string dysfunctional;
  Scale scale;
  bool optional = false;  ///< a report may have no valid pair of answers
};

/// A validated questionnaire: every reference resolved, every default filled.
struct Questionnaire {
  std::string file;
  /// The document as parsed, compact with sorted keys: what a saved state
  /// carries and fingerprints.
  std::string source;
  std::string title;
  std::string respondent_id;
  /// Survey weights (METHODS.md): every figure is weighted when set.
  std::string weight_column;
  /// The sample design (METHODS.md, "Sample designs"): strata, primary
  /// sampling units and the finite population correction; any may be empty.
  std::string strata_column;
  std::string cluster_column;
  std::string fpc_column;
  std::optional<Raking> raking;
  int header_rows = 1;
  HeaderNaming header_names;
  std::vector<std::string> missing;
  bool has_servqual = false;
  std::vector<Item> items;
  std::vector<Dimension> dimensions;
  Weighting weighting = Weighting::kNone;
  std::vector<Metric> metrics;
  std::vector<KanoFeature> kano;
  /// Key drivers: the index in `metrics` of the outcome; -1 for none.
  int driver_outcome = -1;
};

/// A column the questionnaire reads, with what it is for ("item T1
/// expectation"), used to bind the CSV header and to explain errors.
struct ColumnUse {
  std::string column;
  std::string role;
  std::string pointer;
};

/// Parses and validates a questionnaire. Every problem is collected; if
/// there is any, throws Error(kInvalid) carrying all of them, each with its
/// JSON pointer (or line and column for a JSON syntax error).
Questionnaire parse_questionnaire(std::string_view json_text, const std::string& file_name);

/// Reads `path` and parses it; throws Error(kIo) when it cannot be read.
Questionnaire load_questionnaire(const std::string& path);

/// Every column the questionnaire names, in questionnaire order.
std::vector<ColumnUse> column_uses(const Questionnaire& questionnaire);

}  // namespace gapscore
