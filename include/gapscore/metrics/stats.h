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

/// The survey-weighted stats block (METHODS.md, survey weights) of n values
/// with weights summing to `weight` (their squares to `weight_squares`),
/// weighted mean `mean` and m2 = sum of w (x - mean)^2: n_eff = W^2 / sum
/// w^2 takes n's place in the sd's correction, se, ci95 and t test.
Stats weighted_stats(std::int64_t n, double weight, double weight_squares, double mean, double m2, bool paired_test);

// Survey-weighted counterparts of the stats blocks above; n stays the
// count of respondents, and with no weight every figure but n_eff (0) is
// null.

/// Of the values counted in `histogram`, weighted by `weighted`.
Stats stats_of(const Histogram& histogram, const WeightedHistogram& weighted, bool paired_test);
/// Of dimension scores s / c + shift, weighted by `weighted`.
Stats stats_of(const ScoreSums& scores, const WeightedScores& weighted, std::int64_t shift, bool paired_test);
/// Of a fixed weighting of the dimension scores, from their weighted sums.
Stats stats_of(const ProfileSums& profiles, const WeightedCross& weighted, const std::vector<double>& weights,
               const std::vector<std::int64_t>& shifts, std::int64_t denominator, bool paired_test);
/// Of real values summarised as weighted moments.
Stats weighted_stats_of(const Moments& moments, bool paired_test);

}  // namespace gapscore
