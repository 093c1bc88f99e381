#pragma once

namespace gapscore {

/// Quantile of Student's t distribution with `df` degrees of freedom
/// (df > 0, 0 < probability < 1), from Boost.Math.
double t_quantile(double probability, double df);

/// Two-sided p-value of a t statistic: P(|T| >= |t|), computed from the
/// upper tail so that very small p-values keep their precision.
double t_two_sided_p(double t, double df);

/// Quantile of the F distribution with (df1, df2) degrees of freedom.
double f_quantile(double probability, double df1, double df2);

}  // namespace gapscore
