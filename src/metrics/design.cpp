#include "gapscore/metrics/design.h"

#include <algorithm>

namespace gapscore {

double linearised_variance(const SampleDesign& design, const Influence& influence) {
  std::vector<double> sums(design.strata.size(), 0);
  std::vector<double> squares(design.strata.size(), 0);
  for (const InfluencePart& part : influence) {
    sums[part.stratum] += part.sum;
    squares[part.stratum] += part.squares;
  }
  double variance = 0;
  for (std::size_t h = 0; h < design.strata.size(); ++h) {
    const Stratum& stratum = design.strata[h];
    if (stratum.units < 2) continue;
    const auto units = static_cast<double>(stratum.units);
    const double centred = std::max(squares[h] - sums[h] * sums[h] / units, 0.0);
    variance += stratum.finite_correction * units / (units - 1) * centred;
  }
  return variance;
}

Influence influence_difference(const SampleDesign& design, const Influence& a, const Influence& b) {
  // Both are in key order (a domain's parts are); so is the difference.
  Influence difference;
  difference.reserve(a.size() + b.size());
  auto in_a = a.begin();
  auto in_b = b.begin();
  while (in_a != a.end() || in_b != b.end()) {
    InfluencePart part;
    if (in_b == b.end() || (in_a != a.end() && in_a->key < in_b->key)) {
      part = *in_a++;
    } else if (in_a == a.end() || in_b->key < in_a->key) {
      part = {in_b->key, in_b->stratum, -in_b->sum, in_b->squares};
      ++in_b;
    } else {
      part = {in_a->key, in_a->stratum, in_a->sum - in_b->sum, in_a->squares + in_b->squares};
      ++in_a;
      ++in_b;
    }
    if (design.clustered) part.squares = part.sum * part.sum;
    difference.push_back(part);
  }
  return difference;
}

}  // namespace gapscore
