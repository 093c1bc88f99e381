#pragma once

// Tests of a difference between two figures (a segment and the rest, a
// report and its baseline), and Holm's adjustment within a family.

#include <vector>

#include "gapscore/metrics/design.h"
#include "gapscore/metrics/figures.h"

namespace gapscore {

/// Welch's t test of two means (two-sided), from their stats blocks; null
/// figures when either side has fewer than two values or both have sd 0.
/// Survey-weighted blocks (two domains of one design) are compared by their
/// linearised standard errors on the design's degrees of freedom instead
/// (test "design_t").
Comparison welch_test(const Stats& a, const Stats& b);

/// Two survey-weighted means of domains of one `design` (a segment and the
/// rest): the difference's linearised variance from both influences, as
/// svyby and svycontrast give it, t on the design's degrees of freedom
/// (test "design_t").
Comparison domain_test(const Stats& a, const Stats& b, const SampleDesign& design);
/// The same for two figures `a` and `b` that are `scale` times the means
/// whose influences are given (percentages: 100), on `df` degrees of freedom.
Comparison domain_test(const Figure& a, const Figure& b, const Influence& a_influence, const Influence& b_influence,
                       double df, const SampleDesign& design, double scale);

/// z test of two NPS scores from their Wald standard errors; null statistic
/// and p when either has no se or both are 0.
Comparison nps_difference(const NpsResult& a, const NpsResult& b);

/// Two-proportion z test with the pooled proportion (scores in percent);
/// with survey weights, of the weighted shares at n_eff. Null statistic and
/// p when either side is empty or the pooled se is 0.
Comparison two_proportion_test(const Proportion& a, const Proportion& b);

/// Holm's step-down adjustment of a family of p-values, in place: each
/// comparison's p_adjusted. Null p-values are left out of the family.
void holm_adjust(const std::vector<Comparison*>& family);

/// Two-sided p-value of a standard normal z.
double normal_two_sided_p(double z);

}  // namespace gapscore
