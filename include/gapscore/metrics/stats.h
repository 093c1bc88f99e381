#pragma once

// The descriptive stats block of METHODS.md (n, mean, sd, se, ci95, and for
// gaps the paired t test and d) from each kind of tally accumulator.

#include <cstdint>
#include <vector>

#include "gapscore/metrics/design.h"
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

/// A survey-weighted mean's sums (METHODS.md, survey weights): n values
/// (`zero_weight` of them of weight 0), weights summing to `weight` (their
/// squares to `weight_squares`), weighted mean `mean`, m2 = sum of
/// w (x - mean)^2, squared_m2 = sum of (w (x - mean))^2 and squared_first
/// = sum of w^2 (x - mean); `plain_sum` is the unweighted sum of x.
struct WeightedMean {
  std::int64_t n = 0;
  std::int64_t zero_weight = 0;
  double weight = 0;
  double weight_squares = 0;
  double mean = 0;
  double m2 = 0;
  double squared_m2 = 0;
  double squared_first = 0;
  double plain_sum = 0;

  /// The sums with every weight multiplied by `factor` (a raking cell's).
  WeightedMean scaled(double factor) const;
};

/// The sums of the values counted in `histogram`, weighted by `weighted`.
WeightedMean weighted_mean_of(const Histogram& histogram, const WeightedHistogram& weighted);
/// Of a value given to each point of the histogram (`value_at`, from its
/// lowest point): an indicator for a share, an NPS group's sign.
WeightedMean weighted_mean_of(const Histogram& histogram, const WeightedHistogram& weighted,
                              const std::vector<double>& value_at);
/// Of dimension scores s / c + shift.
WeightedMean weighted_mean_of(const ScoreSums& scores, const WeightedScores& weighted, std::int64_t shift);
/// Of a fixed weighting of the dimension scores (see the unweighted stats_of).
WeightedMean weighted_mean_of(const ProfileSums& profiles, const WeightedCross& weighted,
                              const std::vector<double>& weights, const std::vector<std::int64_t>& shifts,
                              std::int64_t denominator);

/// The influence on `domain`'s mean of one part of it, whose sums are
/// `part`: a unit of a clustered design, or the domain's respondents in one
/// stratum (key, unit, stratum and raking's terms left for the caller).
InfluencePart influence_of(const WeightedMean& part, const WeightedMean& domain, bool unit);

/// The stats block of a survey-weighted mean as survey::svymean computes it:
/// sd is svyvar's, se the linearised one over `influence`, the interval and
/// t test on the design's degrees of freedom, deff svymean's "replace"
/// form; n_eff is Kish's.
Stats weighted_stats(const WeightedMean& values, Influence influence, const SampleDesign& design, bool paired_test);

/// The Kish form used where the linearised one is not kept (the
/// importance-weighted overall score): n_eff = W^2 / sum w^2 takes n's
/// place in the sd's correction, se, ci95 and t test.
Stats kish_weighted_stats(std::int64_t n, double weight, double weight_squares, double mean, double m2,
                          bool paired_test);

/// Of real values summarised as weighted moments (Kish's form).
Stats weighted_stats_of(const Moments& moments, bool paired_test);

}  // namespace gapscore
