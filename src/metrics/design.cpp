#include "gapscore/metrics/design.h"

#include <algorithm>
#include <map>

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
  std::map<std::size_t, InfluencePart> parts;
  for (const InfluencePart& part : a) parts[part.key] = part;
  for (const InfluencePart& part : b) {
    const auto [it, inserted] = parts.try_emplace(part.key, InfluencePart{part.key, part.stratum, 0, 0});
    it->second.sum -= part.sum;
    it->second.squares += part.squares;
  }
  Influence difference;
  difference.reserve(parts.size());
  for (auto& [key, part] : parts) {
    if (design.clustered) part.squares = part.sum * part.sum;
    difference.push_back(part);
  }
  return difference;
}

}  // namespace gapscore
