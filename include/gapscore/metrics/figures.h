#pragma once

// The figures metrics compute from tallies (METHODS.md): plain values that
// the report model is assembled from and the writers write.

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "gapscore/metrics/design.h"

namespace gapscore {

/// A figure that may not be computable (null in JSON, empty in CSV).
using Figure = std::optional<double>;

struct Interval {
  double low = 0;
  double high = 0;
};

/// A figure compared with another: a segment with the rest of the data,
/// or this report with a baseline. `statistic` is Welch's t (with `df`)
/// or a z; `p_adjusted` is Holm's, for comparisons within a family.
struct Comparison {
  std::string test;  ///< "welch", "design_t", "z" or "two_proportion"
  Figure difference;
  Figure se;  ///< of the difference, for baseline comparisons
  Figure statistic;
  Figure df;
  Figure p;
  Figure p_adjusted;
  std::string flag;  ///< "above"/"below" (segments), "up"/"down" (baseline), or empty

  /// Whether `statistic` is a t (with `df`) rather than a z.
  bool is_t() const { return test == "welch" || test == "design_t"; }
};

/// The descriptive block of METHODS.md; `paired_test` blocks (gaps) add t, p and d.
/// With survey weights the figures are weighted, se is the linearised
/// standard error and `n_eff` is Kish's effective sample size.
struct Stats {
  std::int64_t n = 0;
  Figure n_eff;
  /// With survey weights: the design effect (the linearised variance of the
  /// mean over that of a simple random sample of n) and the design's
  /// degrees of freedom, which the interval and tests use.
  Figure deff;
  Figure df;
  Figure mean;
  Figure sd;
  Figure se;
  std::optional<Interval> ci95;
  bool paired_test = false;
  Figure t;
  Figure p;
  Figure d;
  std::optional<Comparison> vs_rest;
  std::optional<Comparison> vs_baseline;
  /// With survey weights: the mean's influence over the design's parts, from
  /// which a segment's difference from the rest gets its variance.
  std::shared_ptr<const Influence> influence;
};

/// Frequency table of a scored column with its exact quartiles.
struct Distribution {
  Figure median;
  Figure q1;
  Figure q3;
  int low = 0;
  std::vector<std::int64_t> freq;     ///< count of low, low + 1, ...
  std::vector<double> freq_weighted;  ///< sum of the survey weights of each; empty without weights
  std::int64_t missing = 0;
  std::int64_t invalid = 0;
};

struct ItemReliability {
  std::string id;
  Figure alpha_if_deleted;
  Figure item_rest_r;
};

/// Cronbach's alpha of one dimension and measure, on complete respondents.
struct Reliability {
  Figure alpha;
  std::int64_t n = 0;
  std::optional<Interval> ci95;
  Figure standardized;
  std::vector<ItemReliability> items;
};

/// A percentage of answers at or above a threshold, with its Wilson interval.
struct Proportion {
  std::int64_t n = 0;
  Figure n_eff;  ///< with survey weights
  std::int64_t count = 0;
  Figure score;
  /// With survey weights: the share's linearised se (in percent), its
  /// design effect, the design's df and the share's influence (Stats).
  Figure se;
  Figure deff;
  Figure df;
  std::shared_ptr<const Influence> influence;
  std::optional<Interval> ci95;
  std::optional<Comparison> vs_rest;
  std::optional<Comparison> vs_baseline;
};

struct NpsResult {
  std::int64_t n = 0;
  Figure n_eff;  ///< with survey weights
  std::int64_t promoters = 0;
  std::int64_t passives = 0;
  std::int64_t detractors = 0;
  Figure promoters_pct;
  Figure passives_pct;
  Figure detractors_pct;
  Figure score;
  Figure se;
  /// With survey weights: each group's share's linearised se, in points.
  Figure promoters_se;
  Figure passives_se;
  Figure detractors_se;
  /// With survey weights: the score's design effect, the design's df and
  /// its influence (Stats).
  Figure deff;
  Figure df;
  std::shared_ptr<const Influence> influence;
  std::optional<Interval> ci95;
  Distribution distribution;
  std::optional<Comparison> vs_rest;
  std::optional<Comparison> vs_baseline;
};

/// Kano categories in the report's order.
enum class KanoCategory : std::uint8_t { kAttractive, kOneDimensional, kMustBe, kIndifferent, kReverse, kQuestionable };
inline constexpr std::size_t kKanoCategoryCount = 6;

/// "attractive", "one_dimensional", "must_be", "indifferent", "reverse", "questionable".
const char* kano_category_name(KanoCategory category);

/// One Kano feature's classification (METHODS.md, Kano classification).
struct KanoResult {
  std::string id;
  std::int64_t n = 0;
  std::array<std::int64_t, kKanoCategoryCount> counts{};
  std::array<Figure, kKanoCategoryCount> pcts{};
  /// With survey weights: each category's share's linearised se, in
  /// points (`weighted` says the report has them).
  bool weighted = false;
  std::array<Figure, kKanoCategoryCount> ses{};
  std::optional<KanoCategory> dominant;
  Figure fong_difference;  ///< |a - b|, the dominant count minus the runner-up's
  Figure fong_critical;    ///< 1.65 sqrt((a + b)(2n - a - b) / (2n))
  std::optional<bool> fong_significant;
  Figure better;
  Figure worse;
};

/// One dimension in the key-driver and importance-performance analysis.
struct DriverResult {
  std::string id;
  Figure r;              ///< correlation of its perception score with the outcome
  Figure beta;           ///< standardized regression weight
  Figure performance;    ///< its mean perception score
  std::string quadrant;  ///< empty when importance or performance is null
};

struct DriversResult {
  std::string outcome;  ///< the metric's id
  std::int64_t n = 0;   ///< respondents with every perception score and the outcome
  Figure r2;
  std::vector<DriverResult> dimensions;
};

}  // namespace gapscore
