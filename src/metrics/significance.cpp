#include "gapscore/metrics/significance.h"

#include <algorithm>
#include <cmath>

#include "gapscore/base/probability.h"

namespace gapscore {

double normal_two_sided_p(double z) { return std::erfc(std::fabs(z) / std::sqrt(2.0)); }

namespace {

// Two survey-weighted means known only by their blocks (`compare` reads
// them from two reports): their standard errors as independent samples',
// on the smaller of the two designs' degrees of freedom.
Comparison design_t_test(const Stats& a, const Stats& b) {
  Comparison result;
  result.test = "design_t";
  if (a.mean && b.mean) result.difference = *a.mean - *b.mean;
  if (!result.difference || !a.se || !b.se) return result;
  const double variance = *a.se * *a.se + *b.se * *b.se;
  if (!(variance > 0)) return result;
  const double t = *result.difference / std::sqrt(variance);
  const double df = std::min(*a.df, *b.df);
  result.statistic = t;
  result.df = df;
  result.p = t_two_sided_p(t, df);
  return result;
}

}  // namespace

Comparison domain_test(const Figure& a, const Figure& b, const Influence& a_influence, const Influence& b_influence,
                       double df, const SampleDesign& design, double scale) {
  Comparison result;
  result.test = "design_t";
  if (a && b) result.difference = *a - *b;
  if (!result.difference) return result;
  const double variance = scale * scale * linearised_variance(design, influence_difference(a_influence, b_influence));
  // As in the stats block: a variance of rounding noise is no variance.
  const double noise = 1e-12 * scale * std::max(1.0, std::fabs(*a / scale));
  if (!(std::sqrt(variance) > noise)) return result;
  const double t = *result.difference / std::sqrt(variance);
  result.statistic = t;
  result.df = df;
  result.p = t_two_sided_p(t, df);
  return result;
}

Comparison domain_test(const Stats& a, const Stats& b, const SampleDesign& design) {
  if (!a.se || !b.se || !a.df || !a.influence || !b.influence) {
    Comparison result;
    result.test = "design_t";
    if (a.mean && b.mean) result.difference = *a.mean - *b.mean;
    return result;
  }
  return domain_test(a.mean, b.mean, *a.influence, *b.influence, *a.df, design, 1);
}

Comparison welch_test(const Stats& a, const Stats& b) {
  if (a.df && b.df) return design_t_test(a, b);
  Comparison result;
  result.test = "welch";
  if (a.mean && b.mean) result.difference = *a.mean - *b.mean;
  // With survey weights, Kish's n_eff stands in for n.
  const double na = a.n_eff.value_or(static_cast<double>(a.n));
  const double nb = b.n_eff.value_or(static_cast<double>(b.n));
  if (!a.sd || !b.sd || a.n < 2 || b.n < 2 || !(na > 1) || !(nb > 1)) return result;
  const double va = *a.sd * *a.sd / na;
  const double vb = *b.sd * *b.sd / nb;
  if (va + vb <= 0) return result;
  const double t = *result.difference / std::sqrt(va + vb);
  const double df = (va + vb) * (va + vb) / (va * va / (na - 1) + vb * vb / (nb - 1));
  result.statistic = t;
  result.df = df;
  result.p = t_two_sided_p(t, df);
  return result;
}

Comparison nps_difference(const NpsResult& a, const NpsResult& b) {
  Comparison result;
  result.test = "z";
  if (a.score && b.score) result.difference = *a.score - *b.score;
  if (!a.se || !b.se) return result;
  const double se = std::sqrt(*a.se * *a.se + *b.se * *b.se);
  result.se = se;
  if (se <= 0) return result;
  result.statistic = *result.difference / se;
  result.p = normal_two_sided_p(*result.statistic);
  return result;
}

Comparison two_proportion_test(const Proportion& a, const Proportion& b) {
  Comparison result;
  result.test = "two_proportion";
  if (a.n == 0 || b.n == 0) return result;
  double pa = static_cast<double>(a.count) / static_cast<double>(a.n);
  double pb = static_cast<double>(b.count) / static_cast<double>(b.n);
  double na = static_cast<double>(a.n);
  double nb = static_cast<double>(b.n);
  double pooled = static_cast<double>(a.count + b.count) / static_cast<double>(a.n + b.n);
  if (a.n_eff || b.n_eff) {
    // Survey weights: weighted shares over Kish's effective sizes.
    if (!a.score || !b.score || !a.n_eff || !b.n_eff) return result;
    pa = *a.score / 100;
    pb = *b.score / 100;
    na = *a.n_eff;
    nb = *b.n_eff;
    pooled = (pa * na + pb * nb) / (na + nb);
  }
  result.difference = 100 * (pa - pb);
  const double se = std::sqrt(pooled * (1 - pooled) * (1 / na + 1 / nb));
  if (se <= 0) return result;
  result.statistic = (pa - pb) / se;
  result.p = normal_two_sided_p(*result.statistic);
  return result;
}

void holm_adjust(const std::vector<Comparison*>& family) {
  std::vector<Comparison*> tested;
  for (Comparison* comparison : family) {
    if (comparison->p) tested.push_back(comparison);
  }
  std::stable_sort(tested.begin(), tested.end(),
                   [](const Comparison* x, const Comparison* y) { return *x->p < *y->p; });
  const std::size_t m = tested.size();
  double running = 0;
  for (std::size_t i = 0; i < m; ++i) {
    running = std::max(running, std::min(1.0, static_cast<double>(m - i) * *tested[i]->p));
    tested[i]->p_adjusted = running;
  }
}

}  // namespace gapscore
