#pragma once

// The descriptive stats block of METHODS.md (n, mean, sd, se, ci95, and for
// gaps the paired t test and d) from each kind of tally accumulator.

#include <cstdint>
#include <vector>

#include "gapscore/metrics/figures.h"
#include "gapscore/tally/accumulators.h"

namespace gapscore {

/// The stats block of the values counted in `histogram` (exact sums, so no
/// precision is lost whatever the values' size); with `paired_test`, also
/// the one-sample t-test of mean = 0 and Cohen's d_z.
Stats stats_of(const Histogram& histogram, bool paired_test);

/// The stats block of dimension scores s / c + shift, from exact sums: the
/// variance is one exact integer ratio unless its terms overflow 128 bits,
/// when it is worked out in long double from the same exact sums.
Stats stats_of(const ScoreSums& scores, std::int64_t shift, bool paired_test);

/// The stats block of a fixed weighting of the dimension scores over the
/// respondents scored on every dimension: sum over d of weights[d] times
/// (y_d / denominator + shifts[d]). With equal weights the variance is an
/// exact integer ratio.
Stats stats_of(const ProfileSums& profiles, const std::vector<double>& weights, const std::vector<std::int64_t>& shifts,
               std::int64_t denominator, bool paired_test);

/// The stats block of real values summarised as moments.
Stats stats_of(const Moments& moments, bool paired_test);

/// The stats block from n, mean and the sample variance (n - 1 denominator).
Stats stats_from(std::int64_t n, double mean, double variance, bool paired_test);

/// How the sample was drawn, as far as standard errors need it. With
/// survey weights and no strata or clusters every respondent of the whole
/// data set is a primary sampling unit, and a segment's (a domain's)
/// variance sums over all of them, as R's survey package does.
struct SampleDesign {
  std::int64_t units = 0;  ///< primary sampling units of the whole design
  /// The design's degrees of freedom: units of nonzero weight, minus one
  /// (R's degf, which leaves weight-0 respondents out).
  std::int64_t degrees_of_freedom = 0;
};

/// A survey-weighted mean as survey::svymean computes it (METHODS.md,
/// survey weights): n values (`zero_weight` of them of weight 0), weights
/// summing to `weight` (their squares to `weight_squares`), weighted mean
/// `mean`, m2 = sum of w (x - mean)^2 and squared_m2 = sum of
/// (w (x - mean))^2. sd is svyvar's, se the linearised one, the interval
/// and t test on the design's degrees of freedom; n_eff is Kish's.
struct WeightedMean {
  std::int64_t n = 0;
  std::int64_t zero_weight = 0;
  double weight = 0;
  double weight_squares = 0;
  double mean = 0;
  double m2 = 0;
  double squared_m2 = 0;
};
Stats weighted_stats(const WeightedMean& values, const SampleDesign& design, bool paired_test);

/// The Kish form used where the linearised one is not kept (the
/// importance-weighted overall score): n_eff = W^2 / sum w^2 takes n's
/// place in the sd's correction, se, ci95 and t test.
Stats kish_weighted_stats(std::int64_t n, double weight, double weight_squares, double mean, double m2,
                          bool paired_test);

// Survey-weighted counterparts of the stats blocks above; n stays the
// count of respondents, and with no weight every figure but n_eff (0) is
// null.

/// Of the values counted in `histogram`, weighted by `weighted`.
Stats stats_of(const Histogram& histogram, const WeightedHistogram& weighted, const SampleDesign& design,
               bool paired_test);
/// Of dimension scores s / c + shift, weighted by `weighted`.
Stats stats_of(const ScoreSums& scores, const WeightedScores& weighted, std::int64_t shift, const SampleDesign& design,
               bool paired_test);
/// Of a fixed weighting of the dimension scores, from their weighted sums.
Stats stats_of(const ProfileSums& profiles, const WeightedCross& weighted, const std::vector<double>& weights,
               const std::vector<std::int64_t>& shifts, std::int64_t denominator, const SampleDesign& design,
               bool paired_test);
/// Of real values summarised as weighted moments (Kish's form).
Stats weighted_stats_of(const Moments& moments, bool paired_test);

}  // namespace gapscore
