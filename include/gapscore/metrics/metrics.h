#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "gapscore/metrics/figures.h"
#include "gapscore/tally/tally.h"

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

/// Survey-weighted counterparts of the stats blocks above; n stays the
/// count of respondents.
Stats stats_of(const Histogram& histogram, const WeightedHistogram& weighted, bool paired_test);
Stats stats_of(const ScoreSums& scores, const WeightedScores& weighted, std::int64_t shift, bool paired_test);
Stats stats_of(const ProfileSums& profiles, const WeightedCross& weighted, const std::vector<double>& weights,
               const std::vector<std::int64_t>& shifts, std::int64_t denominator, bool paired_test);
Stats weighted_stats_of(const Moments& moments, bool paired_test);

/// Frequency table with exact median and quartiles: the p-th quantile is the
/// smallest value whose cumulative count reaches p * n.
Distribution distribution_of(const Histogram& histogram);

/// With survey weights: the counts, the weight of each value, and the
/// weighted median and quartiles (the smallest value whose cumulative
/// weight reaches p times the total).
Distribution distribution_of(const Histogram& histogram, const WeightedHistogram& weighted);

/// Cronbach's alpha with Feldt's interval, standardized alpha and, for
/// three or more items, alpha-if-deleted and corrected item-total r.
Reliability reliability_of(const CoMoments& items, const std::vector<std::string>& item_ids);

/// The same from the weighted covariances, with n_eff for Feldt's interval.
Reliability reliability_of(const CoMoments& items, const WeightedCross& weighted,
                           const std::vector<std::string>& item_ids);

/// NPS counts, percentages, score, Wald se and adjusted-Wald interval.
NpsResult nps_of(const Histogram& answers, int promoter_min, int detractor_max);

/// With survey weights: counts as above; weighted shares, with n_eff for
/// the se and the interval.
NpsResult nps_of(const Histogram& answers, const WeightedHistogram& weighted, int promoter_min, int detractor_max);

/// Percentage of answers at or above `threshold`, with its Wilson interval.
Proportion proportion_at_or_above(const Histogram& answers, int threshold);

/// With survey weights: the weighted share, its Wilson interval at n_eff.
Proportion proportion_at_or_above(const Histogram& answers, const WeightedHistogram& weighted, int threshold);

/// The Kano classification of one feature from its 5 x 5 answer counts
/// (functional answer - 1) * 5 + (dysfunctional answer - 1).
KanoResult kano_of(const std::string& id, const std::array<std::int64_t, 25>& pairs);

/// With survey weights: counts as above; percentages, the dominant
/// category, Better and Worse from the weights, and Fong's test on weighted
/// shares of n_eff.
KanoResult kano_of(const std::string& id, const std::array<std::int64_t, 25>& pairs,
                   const std::array<double, 25>& weighted_pairs, double weight_squares);

/// Key drivers from the co-moments of D dimension scores and the outcome
/// (the last variable): correlations, standardized regression weights, R^2;
/// then the importance-performance quadrant of each dimension, given its
/// mean perception score.
DriversResult drivers_of(const std::string& outcome, const ProfileSums& block, const std::vector<std::string>& ids,
                         const std::vector<Figure>& performance);

/// The same from weighted co-moments; n is the respondents' count.
DriversResult drivers_of(const std::string& outcome, std::int64_t n, const WeightedCross& block,
                         const std::vector<std::string>& ids, const std::vector<Figure>& performance);

/// Welch's t test of two means (two-sided), from their stats blocks (n_eff
/// for n when weighted); null figures when either side has fewer than two
/// values or both have sd 0.
Comparison welch_test(const Stats& a, const Stats& b);

/// z test of two NPS scores from their Wald standard errors.
Comparison nps_difference(const NpsResult& a, const NpsResult& b);

/// Two-proportion z test with the pooled proportion (scores in percent);
/// with survey weights, of the weighted shares at n_eff.
Comparison two_proportion_test(const Proportion& a, const Proportion& b);

/// Holm's step-down adjustment of a family of p-values, in place: each
/// comparison's p_adjusted. Null p-values are left out of the family.
void holm_adjust(const std::vector<Comparison*>& family);

/// Two-sided p-value of a standard normal z.
double normal_two_sided_p(double z);

/// Wilson score interval (z = 1.96) of count / n, in percent; needs n > 0.
/// Weighted: the share times n_eff out of n_eff.
Interval wilson_interval(double count, double n);

}  // namespace gapscore
