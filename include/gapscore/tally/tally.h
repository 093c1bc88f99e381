#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "gapscore/tally/accumulators.h"
#include "gapscore/tally/plan.h"
#include "gapscore/tally/row_scores.h"

namespace gapscore {

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
  /// Adds another tally's exact counts and sums (what BatchCounter counts),
  /// leaving out its floating-point sums, which must come row by row.
  void merge_counts(const Tally& other);
  /// Removes a subset's counts (the rest of the data is the whole minus a
  /// segment). Exact for every sum; importance-weighted moments are left as
  /// they were and must not be read from the result.
  void subtract(const Tally& subset);
  /// Multiplies every row's survey weight by `factor` (a raking cell's):
  /// weighted sums by it, sums of squared weights by its square.
  void scale_weights(double factor);

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
  /// Rows of weight 0: R's survey leaves them out of sample sizes (svyvar's
  /// n, degf) while they stay in n and the counts.
  std::int64_t zero_weight_rows() const { return zero_weight_rows_; }
  std::int64_t zero_weight_counter(std::size_t offset) const { return zero_weight_[offset]; }
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
  std::vector<double>& weighted_wide_squares() { return weighted_wide_squares_; }
  std::vector<std::int64_t>& zero_weight_counters() { return zero_weight_; }
  std::int64_t& raw_zero_weight_rows() { return zero_weight_rows_; }
  const std::vector<std::int64_t>& counters() const { return counters_; }
  const std::vector<Int128>& wide() const { return wide_; }
  const std::vector<Moments>& importance() const { return importance_; }
  const std::vector<double>& weighted() const { return weighted_; }
  const std::vector<double>& weighted_squares() const { return weighted_squares_; }
  const std::vector<double>& weighted_wide() const { return weighted_wide_; }
  const std::vector<double>& weighted_wide_squares() const { return weighted_wide_squares_; }
  const std::vector<std::int64_t>& zero_weight_counters() const { return zero_weight_; }

 private:
  void add_survey_weighted(const Plan& plan, const RowScores& row);
  WeightedCross weighted_cross(std::size_t variables, std::size_t count, std::size_t sums, bool sums_in_counters) const;

  std::int64_t rows_ = 0;
  std::vector<std::int64_t> counters_;
  std::vector<Int128> wide_;
  std::vector<Moments> importance_;
  // Survey weights only: per counter, the sum of w times its increment and
  // of w^2 times it; per wide sum, the sum of w times its term and of w^2
  // times it. The w^2 sums give the linearised variances (with every
  // respondent a sampling unit, sum over units of (w (y - mean))^2).
  double weight_sum_ = 0;
  double weight_squares_ = 0;
  std::vector<double> weighted_;
  std::vector<double> weighted_squares_;
  std::vector<double> weighted_wide_;
  std::vector<double> weighted_wide_squares_;
  // Per counter, its increments from rows of weight 0.
  std::int64_t zero_weight_rows_ = 0;
  std::vector<std::int64_t> zero_weight_;
};

/// The bytes one tally laid out for `plan` holds: its counters and 128-bit
/// sums, and with survey weights their weighted counterparts.
std::uint64_t tally_bytes(const Plan& plan);

}  // namespace gapscore
