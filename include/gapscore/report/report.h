#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "gapscore/questionnaire/questionnaire.h"
#include "gapscore/tally/tally.h"

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
  std::string test;  ///< "welch", "z" or "two_proportion"
  Figure difference;
  Figure se;  ///< of the difference, for baseline comparisons
  Figure statistic;
  Figure df;
  Figure p;
  Figure p_adjusted;
  std::string flag;  ///< "above"/"below" (segments), "up"/"down" (baseline), or empty
};

/// The descriptive block of METHODS.md; `paired_test` blocks (gaps) add t, p and d.
/// With survey weights the figures are weighted and `n_eff` (Kish's
/// effective sample size) takes n's place in standard errors and tests.
struct Stats {
  std::int64_t n = 0;
  Figure n_eff;
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

struct ColumnFigures {
  Stats stats;
  Distribution distribution;
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

/// Where perceptions fall against the zone of tolerance, for one item.
struct ZoneResult {
  std::int64_t n = 0;  ///< respondents with a consistent zone (adequate <= desired)
  std::int64_t below = 0;
  std::int64_t within = 0;
  std::int64_t above = 0;
  std::int64_t inconsistent = 0;
  Figure below_pct;
  Figure within_pct;
  Figure above_pct;
};

struct ItemResult {
  std::string id;
  std::string dimension;
  std::optional<ColumnFigures> expectation;
  std::optional<ColumnFigures> perception;
  std::optional<ColumnFigures> adequate;
  std::optional<ColumnFigures> desired;
  std::optional<Stats> gap;
  std::optional<Stats> msa;
  std::optional<Stats> mss;
  std::optional<ZoneResult> zone;
};

struct DimensionMeasureResult {
  Measure measure = Measure::kPerception;
  Stats stats;
  Reliability reliability;
};

struct DimensionResult {
  std::string id;
  std::vector<DimensionMeasureResult> measures;
  std::optional<ColumnFigures> importance;  ///< points allocated, with importance columns
};

struct OverallResult {
  Measure measure = Measure::kPerception;
  Stats unweighted;
  std::optional<Stats> weighted;
};

/// A percentage of answers at or above a threshold, with its Wilson interval.
struct Proportion {
  std::int64_t n = 0;
  Figure n_eff;  ///< with survey weights
  std::int64_t count = 0;
  Figure score;
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
  std::optional<Interval> ci95;
  Distribution distribution;
  std::optional<Comparison> vs_rest;
  std::optional<Comparison> vs_baseline;
};

struct MetricResult {
  std::string id;
  MetricType type = MetricType::kNps;
  NpsResult nps;          ///< for nps metrics
  Proportion satisfied;   ///< for csat metrics: the CSAT score
  Proportion agree;       ///< for ces metrics
  ColumnFigures answers;  ///< the raw answers: csat "rating", ces "stats"
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

/// The survey weights of a result's rows: their sum and Kish's n_eff.
struct WeightSummary {
  double sum = 0;
  double n_eff = 0;  ///< 0 when the weights sum to 0
};

struct SegmentResult {
  std::vector<std::pair<std::string, std::string>> segment;  ///< column, value; empty for the whole data set
  std::int64_t rows = 0;
  bool suppressed = false;
  std::optional<WeightSummary> weight;  ///< with survey weights
  std::vector<ItemResult> items;
  std::vector<DimensionResult> dimensions;
  std::vector<OverallResult> overall;
  std::vector<MetricResult> metrics;
  std::vector<KanoResult> kano;
  std::optional<DriversResult> drivers;
};

struct InvalidCellCount {
  std::string column;
  std::string reason;
  std::int64_t count = 0;
};

/// Row accounting: rows_read = rows_used + rows_rejected, always.
struct InputSummary {
  std::vector<std::string> files;
  std::int64_t rows_read = 0;
  std::int64_t rows_used = 0;
  std::int64_t rows_rejected = 0;
  std::vector<std::pair<std::string, std::int64_t>> rejected;  ///< reason, count
  std::vector<InvalidCellCount> invalid_cells;
};

struct Report {
  std::string tool_version;
  std::string title;
  bool has_servqual = false;
  /// For people (the HTML report): dimension labels and item texts by id;
  /// an id without one is shown as itself.
  std::map<std::string, std::string> dimension_labels;
  std::map<std::string, std::string> item_texts;
  InputSummary input;
  std::vector<SegmentResult> results;
};

/// The figures of one tally, by METHODS.md's definitions.
SegmentResult segment_result(const Questionnaire& questionnaire, const Plan& plan, const Tally& tally);

/// Comparisons of one figure across the segments of a breakdown, adjusted
/// together; keyed by the figure's place ("item/T1/gap").
using ComparisonFamilies = std::map<std::string, std::vector<Comparison*>>;

/// Compares every comparable figure of `segment` with the same figure of
/// `rest` (METHODS.md, segments against the rest), recording each in
/// `families`. `importance_weighted` says the weighted overall scores are
/// respondent-weighted, which are not compared.
void compare_with_rest(SegmentResult& segment, const SegmentResult& rest, bool importance_weighted,
                       ComparisonFamilies& families);

/// Holm-adjusts each family and flags its comparisons "above" or "below"
/// when the adjusted p is under 0.05.
void adjust_and_flag(ComparisonFamilies& families);

/// gapscore's version, "MAJOR.MINOR.PATCH".
const char* tool_version();

}  // namespace gapscore
