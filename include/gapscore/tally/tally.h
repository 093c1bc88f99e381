#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gapscore/coding/coder.h"
#include "gapscore/questionnaire/questionnaire.h"
#include "gapscore/tally/measure.h"

namespace gapscore {

/// Exact 128-bit integer arithmetic for sums of products (a GCC/Clang
/// extension; `__extension__` keeps -Wpedantic quiet).
__extension__ using Int128 = __int128;

/// Counts of integer values in [low, high], plus missing and invalid
/// answers. Exact, so merging in any order gives the same state.
class Histogram {
 public:
  Histogram() = default;
  Histogram(int low, int high);
  /// Counts as a tally keeps them: `values` per point from `low`.
  Histogram(int low, std::vector<std::int64_t> values, std::int64_t missing, std::int64_t invalid);

  /// Adds a coded cell: a value in range, kMissingCode or kInvalidCode.
  void add(Code code) {
    if (is_value(code)) {
      ++counts_[static_cast<std::size_t>(code - low_)];
    } else if (code == kMissingCode) {
      ++missing_;
    } else {
      ++invalid_;
    }
  }
  void merge(const Histogram& other);

  int low() const { return low_; }
  int high() const { return low_ + static_cast<int>(counts_.size()) - 1; }
  const std::vector<std::int64_t>& counts() const { return counts_; }
  std::int64_t n() const;
  std::int64_t missing() const { return missing_; }
  std::int64_t invalid() const { return invalid_; }

 private:
  int low_ = 0;
  std::vector<std::int64_t> counts_;
  std::int64_t missing_ = 0;
  std::int64_t invalid_ = 0;
};

/// Count, mean and centred sum of squares of real values, each with a
/// weight (1 without survey weights): West's weighted form of Welford's
/// update for one value, Chan et al.'s pairwise formula for merging. With
/// unit weights the arithmetic is exactly the unweighted one.
struct Moments {
  std::int64_t n = 0;
  double weight = 0;          ///< sum of the weights
  double weight_squares = 0;  ///< sum of the squared weights
  double mean = 0;
  double m2 = 0;  ///< sum of w (x - mean)^2

  void add(double x, double w = 1) {
    ++n;
    weight += w;
    weight_squares += w * w;
    if (weight <= 0) return;
    const double delta = x - mean;
    mean += delta * w / weight;
    m2 += w * delta * (x - mean);
  }
  void merge(const Moments& other);
};

/// Sums and cross-products of k integer variables over complete cases,
/// exact in 64-bit integers (values are shifted to start near 0), from which
/// every covariance follows. The basis of Cronbach's alpha.
class CoMoments {
 public:
  CoMoments() = default;
  explicit CoMoments(std::size_t k);
  /// A block laid out as [n, sum_1..sum_k, cross (k x k, upper triangle used)].
  CoMoments(std::size_t k, const std::int64_t* block);

  /// Adds one complete case of k values.
  void add(const std::int64_t* values);
  void merge(const CoMoments& other);

  std::size_t k() const { return k_; }
  std::int64_t n() const { return block_.empty() ? 0 : block_[0]; }
  /// n (n - 1) times the sample covariance of variables i and j, exactly:
  /// n * sum(x_i x_j) - sum(x_i) * sum(x_j).
  Int128 scaled_covariance(std::size_t i, std::size_t j) const;

 private:
  std::size_t k_ = 0;
  std::vector<std::int64_t> block_;
};

/// Exact sums of respondent scores that are means of their valid item
/// values, s / c with s an integer sum and c from 1 to max_count. Rows are
/// counted per c, so the mean and variance follow exactly, whatever the
/// order in which rows were added or tallies merged.
class ScoreSums {
 public:
  ScoreSums() = default;
  explicit ScoreSums(int max_count);
  /// Blocks as a tally keeps them: n and s per c (0..max_count), s^2 per c.
  ScoreSums(int max_count, const std::int64_t* narrow, const Int128* wide);

  void add(std::int64_t sum, int count) {
    const auto c = static_cast<std::size_t>(count);
    ++n_[c];
    s1_[c] += sum;
    s2_[c] += static_cast<Int128>(sum) * sum;
  }
  void merge(const ScoreSums& other);

  int max_count() const { return static_cast<int>(n_.size()) - 1; }
  std::int64_t n() const;
  std::int64_t n_with(int count) const { return n_[static_cast<std::size_t>(count)]; }
  std::int64_t sum_with(int count) const { return s1_[static_cast<std::size_t>(count)]; }
  Int128 squares_with(int count) const { return s2_[static_cast<std::size_t>(count)]; }

 private:
  std::vector<std::int64_t> n_;
  std::vector<std::int64_t> s1_;
  std::vector<Int128> s2_;
};

/// Exact sums over the respondents scored on every dimension: each
/// dimension's score sum put on a common denominator, y_d = s_d (L / c_d),
/// and the cross-products y_d y_e. The mean and variance of any fixed
/// weighting of the dimension scores (the overall SERVQUAL score, plain or
/// weighted) follow from them.
class ProfileSums {
 public:
  ProfileSums() = default;
  explicit ProfileSums(std::size_t dimensions);
  /// Blocks as a tally keeps them: n, then sums[D] and cross[D x D].
  ProfileSums(std::size_t dimensions, std::int64_t n, const Int128* wide);

  void add(const std::int64_t* y);
  void merge(const ProfileSums& other);

  std::size_t dimensions() const { return sums_.size(); }
  std::int64_t n() const { return n_; }
  Int128 sum(std::size_t d) const { return sums_[d]; }
  Int128 cross(std::size_t d, std::size_t e) const;

 private:
  std::int64_t n_ = 0;
  std::vector<Int128> sums_;
  std::vector<Int128> cross_;  // upper triangle, row-major
};

/// Survey-weighted sums of one histogram block: per value, the sum of the
/// weights of the respondents who gave it and of their squared weights.
struct WeightedHistogram {
  int low = 0;
  std::vector<double> weights;
  std::vector<double> squares;
};

/// Survey-weighted sums of dimension scores s / c, per item count c
/// (0..max): the weights, squared weights, w s and w s^2.
struct WeightedScores {
  std::vector<double> weights;
  std::vector<double> squares;
  std::vector<double> sums;
  std::vector<double> sum_squares;
};

/// Survey-weighted sums over complete cases of several variables: the
/// weights, squared weights, w x_i and w x_i x_j (upper triangle used).
struct WeightedCross {
  std::size_t variables = 0;
  double weight = 0;
  double squares = 0;
  std::vector<double> sums;
  std::vector<double> cross;

  /// W^2 times the weighted (population) covariance of i and j:
  /// W sum(w x_i x_j) - sum(w x_i) sum(w x_j).
  double scaled_covariance(std::size_t i, std::size_t j) const;
};

/// The questionnaire compiled for counting: each column it scores becomes
/// a slot in a row of codes, each figure a recipe over slots, and each
/// count a place in a tally's two flat arrays (64-bit counters and 128-bit
/// sums), so that adding a row touches precomputed places and merging is
/// adding arrays.
struct Plan {
  struct Slot {
    std::string column;
    Scale scale;
    bool reverse = false;
  };
  /// A measure's value for one item: codes[plus] - codes[minus] (no minus
  /// for a plain column); `shift` is subtracted for exact co-moments.
  struct Operand {
    int plus = -1;
    int minus = -1;
    std::int64_t shift = 0;
  };
  /// Counts of one column or difference: values from `low`, `width` of
  /// them, at `offset` in the counters, then missing and invalid.
  struct HistogramBlock {
    std::size_t offset = 0;
    int low = 0;
    int width = 0;
  };
  struct ItemPlan {
    int expectation = -1;  ///< slots; -1 when the item has no such column
    int perception = -1;
    int adequate = -1;
    int desired = -1;
    Scale scale;
    /// Histogram blocks, by Measure order then adequate and desired; -1 when absent.
    int expectation_counts = -1;
    int perception_counts = -1;
    int gap_counts = -1;
    int msa_counts = -1;
    int mss_counts = -1;
    int adequate_counts = -1;
    int desired_counts = -1;
    /// Zone counters (below, within, above, inconsistent); -1 without adequate and desired.
    int zone_counts = -1;
  };
  /// One measure of one dimension, e.g. the gap of tangibles.
  struct DimensionMeasure {
    std::size_t dimension = 0;
    Measure measure = Measure::kPerception;
    std::vector<std::size_t> items;  ///< questionnaire item indices that have the measure
    std::vector<Operand> operands;   ///< one per item, same order
    int min_items = 1;
    std::size_t value_offset = 0;  ///< where its item values start in RowScores::values
    /// Subtracted from each value summed for the score: the lowest scale
    /// minimum of its items (0 for differences), keeping the sums small.
    std::int64_t score_shift = 0;
    std::size_t score_counts = 0;   ///< n per item count c (0..k), then sums per c, in the counters
    std::size_t score_squares = 0;  ///< sums of squares per c, in the wide sums
    std::size_t co_moments = 0;     ///< the co-moment block, in the counters
  };
  struct DimensionPlan {
    std::vector<std::size_t> measures;  ///< indices into dimension_measures
    int importance = -1;
    int importance_counts = -1;  ///< histogram block of the importance points
    double weight = 0;           ///< fixed weight normalised to sum 1, when fixed
  };
  /// A measure that every dimension has, scored overall.
  struct OverallMeasure {
    Measure measure = Measure::kPerception;
    std::vector<std::size_t> parts;  ///< per dimension, its index into dimension_measures
    std::size_t profile_count = 0;   ///< respondents, in the counters
    std::size_t profile_sums = 0;    ///< sums[D], then cross[D x D], in the wide sums
  };

  /// One count per row, of one of these kinds.
  enum class StepKind : std::uint8_t {
    kColumn,      ///< codes[plus]; missing and invalid counted too
    kDifference,  ///< codes[plus] - codes[minus], when both are values
    kZone,        ///< perception `plus` against adequate `minus` and desired `third`
    kPair,        ///< the pair (codes[plus], codes[minus]) on 1..5 x 1..5, when both are values
    /// Perception `plus` and expectation `minus` of one item, on one scale:
    /// each as a kColumn (at `offset` and `minus_offset`) and their
    /// difference (at `difference_offset`), counted together because the
    /// joint counts of the pair give all three.
    kJoint,
  };
  struct BinStep {
    StepKind kind = StepKind::kColumn;
    int plus = -1;
    int minus = -1;
    int third = -1;
    std::uint32_t offset = 0;
    int low = 0;
    std::uint32_t width = 0;
    std::uint32_t minus_offset = 0;
    std::uint32_t difference_offset = 0;
  };

  std::vector<Slot> slots;
  std::vector<ItemPlan> items;
  std::vector<HistogramBlock> histograms;
  std::vector<BinStep> bin_steps;
  std::vector<DimensionMeasure> dimension_measures;
  std::vector<DimensionPlan> dimensions;
  std::vector<OverallMeasure> overall;
  /// The common denominator of dimension scores: lcm(1, ..., most items).
  std::int64_t score_denominator = 1;
  std::vector<std::int64_t> denominator_factors;  ///< score_denominator / c, by c
  Weighting weighting = Weighting::kNone;
  std::vector<int> metrics;        ///< slot of each metric
  std::vector<int> metric_counts;  ///< histogram block of each metric
  struct KanoPlan {
    int functional = -1;
    int dysfunctional = -1;
    std::size_t counts = 0;  ///< 25 counters: (functional - 1) * 5 + (dysfunctional - 1)
  };
  std::vector<KanoPlan> kano;
  /// Key drivers: dimension perception scores and the outcome, over the
  /// respondents with all of them; a profile block of D + 1 variables.
  struct DriverPlan {
    int outcome = -1;            ///< slot of the outcome metric
    std::size_t perception = 0;  ///< index in `overall` of the perception measure
    std::size_t count = 0;       ///< in the counters
    std::size_t sums = 0;        ///< in the wide sums: sums[D + 1], cross[(D + 1)^2]
  };
  std::optional<DriverPlan> drivers;
  /// Rows carry survey weights: every tally keeps weighted sums beside its
  /// exact counts.
  bool survey_weights = false;
  std::size_t value_count = 0;
  std::size_t counter_count = 0;
  std::size_t wide_count = 0;
};

/// Compiles a validated questionnaire into slots, recipes and a layout.
Plan make_plan(const Questionnaire& questionnaire);

/// What one row contributes, worked out once from its codes and then added
/// to every tally the row belongs to: the places and values its weighted
/// (floating-point) sums need. Exact counts come from BatchCounter.
struct RowScores {
  const Code* codes = nullptr;
  std::vector<std::uint32_t> bins;  ///< with survey weights: counters to add the weight to, `bin_count` of them
  std::size_t bin_count = 0;
  std::vector<std::int64_t> score_sums;     ///< per dimension measure: shifted sum of its valid values
  std::vector<int> score_counts;            ///< per dimension measure: how many; 0 below min_items
  std::vector<char> complete;               ///< per dimension measure: all its items valid
  std::vector<std::int64_t> values;         ///< shifted item values, for complete measures
  std::vector<std::int64_t> profiles;       ///< per overall measure, y_d of each dimension
  std::vector<char> profiled;               ///< per overall measure: every dimension scored
  std::vector<double> importance_weighted;  ///< per overall measure; NaN when not scored
  std::vector<std::int64_t> drivers;        ///< perception y_d of each dimension, then the outcome
  bool driven = false;                      ///< all of `drivers` valid
  double weight = 1;                        ///< the row's survey weight

  /// Fills this from one row's codes (one per slot of `plan`) without allocating.
  void compute(const Plan& plan, const Code* row_codes);
};

/// Everything counted for one set of rows (the whole data set or one
/// segment), in the plan's flat layout. Tallies of disjoint row sets add
/// up to the tally of their union, exactly.
class Tally {
 public:
  Tally() = default;
  explicit Tally(const Plan& plan);

  /// Adds one used row's floating-point sums: its importance-weighted
  /// scores and, with survey weights, its weighted counts. Rows must come in
  /// input order, as the rounding depends on it; BatchCounter counts the
  /// row itself and its exact sums.
  void add_weighted(const Plan& plan, const RowScores& row);
  void merge(const Tally& other);
  /// Removes a subset's counts (the rest of the data is the whole minus a
  /// segment). Exact for every sum; importance-weighted moments are left as
  /// they were and must not be read from the result.
  void subtract(const Tally& subset);

  std::int64_t rows() const { return rows_; }
  Histogram histogram(const Plan& plan, int block) const;
  ScoreSums scores(const Plan& plan, std::size_t dimension_measure) const;
  CoMoments item_moments(const Plan& plan, std::size_t dimension_measure) const;
  ProfileSums profiles(const Plan& plan, std::size_t overall_measure) const;
  /// The key drivers' block: dimension perception scores, then the outcome.
  ProfileSums drivers(const Plan& plan) const;
  /// The counter at `offset` (zone counts and the like).
  std::int64_t counter(std::size_t offset) const { return counters_[offset]; }
  const Moments& importance_weighted(std::size_t overall_measure) const { return importance_[overall_measure]; }

  /// Survey-weighted counterparts, for a plan with survey weights.
  double weight_sum() const { return weight_sum_; }
  double weight_squares() const { return weight_squares_; }
  WeightedHistogram weighted_histogram(const Plan& plan, int block) const;
  WeightedScores weighted_scores(const Plan& plan, std::size_t dimension_measure) const;
  WeightedCross weighted_item_moments(const Plan& plan, std::size_t dimension_measure) const;
  WeightedCross weighted_profiles(const Plan& plan, std::size_t overall_measure) const;
  WeightedCross weighted_drivers(const Plan& plan) const;
  /// The sum of the weights, and of their squares, counted at `offset`.
  double weighted_counter(std::size_t offset) const { return weighted_[offset]; }
  double weighted_counter_squares(std::size_t offset) const { return weighted_squares_[offset]; }

  /// The raw state, for saving and loading.
  std::int64_t& row_count() { return rows_; }
  std::vector<std::int64_t>& counters() { return counters_; }
  std::vector<Int128>& wide() { return wide_; }
  std::vector<Moments>& importance() { return importance_; }
  double& raw_weight_sum() { return weight_sum_; }
  double& raw_weight_squares() { return weight_squares_; }
  std::vector<double>& weighted() { return weighted_; }
  std::vector<double>& weighted_squares() { return weighted_squares_; }
  std::vector<double>& weighted_wide() { return weighted_wide_; }

 private:
  void add_survey_weighted(const Plan& plan, const RowScores& row);
  WeightedCross weighted_cross(std::size_t variables, std::size_t count, std::size_t sums, bool sums_in_counters) const;

  std::int64_t rows_ = 0;
  std::vector<std::int64_t> counters_;
  std::vector<Int128> wide_;
  std::vector<Moments> importance_;
  // Survey weights only: per counter, the sum of w times its increment and
  // of w^2 times it; per wide sum, the sum of w times its term.
  double weight_sum_ = 0;
  double weight_squares_ = 0;
  std::vector<double> weighted_;
  std::vector<double> weighted_squares_;
  std::vector<double> weighted_wide_;
};

}  // namespace gapscore
