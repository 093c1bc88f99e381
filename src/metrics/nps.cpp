#include "gapscore/metrics/nps.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "gapscore/metrics/distribution.h"
#include "numeric.h"

namespace gapscore {

namespace {

using numeric::kZ95;

enum class NpsGroup { kPromoter, kPassive, kDetractor };

NpsGroup nps_group(int value, int promoter_min, int detractor_max) {
  if (value >= promoter_min) return NpsGroup::kPromoter;
  if (value <= detractor_max) return NpsGroup::kDetractor;
  return NpsGroup::kPassive;
}

void adjusted_wald(NpsResult& nps, double promoters_size, double detractors_size, double size);

// The percentages, score, Wald se and adjusted-Wald interval from group
// sizes out of `size`: counts out of n, or, with survey weights, weighted
// shares times n_eff out of n_eff.
void nps_figures(NpsResult& nps, double promoters_size, double passives_size, double detractors_size, double size) {
  const double promoters = promoters_size / size;
  const double detractors = detractors_size / size;
  nps.promoters_pct = 100 * promoters;
  nps.passives_pct = 100 * passives_size / size;
  nps.detractors_pct = 100 * detractors;
  const double difference = promoters - detractors;
  nps.score = 100 * difference;
  nps.se = 100 * std::sqrt(std::max(0.0, (promoters + detractors - difference * difference) / size));
  adjusted_wald(nps, promoters_size, detractors_size, size);
}

void adjusted_wald(NpsResult& nps, double promoters_size, double detractors_size, double size) {
  // Adjusted Wald (Rocks 2016): add 3/4 of a promoter and of a detractor
  // (three respondents in all) before the Wald interval.
  const double adjusted_n = size + 3;
  const double adjusted_promoters = (promoters_size + 0.75) / adjusted_n;
  const double adjusted_detractors = (detractors_size + 0.75) / adjusted_n;
  const double adjusted_score = adjusted_promoters - adjusted_detractors;
  const double adjusted_se =
      std::sqrt((adjusted_promoters + adjusted_detractors - adjusted_score * adjusted_score) / adjusted_n);
  nps.ci95 = Interval{std::max(-100.0, 100 * (adjusted_score - kZ95 * adjusted_se)),
                      std::min(100.0, 100 * (adjusted_score + kZ95 * adjusted_se))};
}

// The respondents in each group, and n.
void count_groups(NpsResult& nps, const Histogram& answers, int promoter_min, int detractor_max) {
  const std::vector<std::int64_t>& counts = answers.counts();
  for (std::size_t i = 0; i < counts.size(); ++i) {
    switch (nps_group(answers.low() + static_cast<int>(i), promoter_min, detractor_max)) {
      case NpsGroup::kPromoter:
        nps.promoters += counts[i];
        break;
      case NpsGroup::kPassive:
        nps.passives += counts[i];
        break;
      case NpsGroup::kDetractor:
        nps.detractors += counts[i];
        break;
    }
  }
  nps.n = nps.promoters + nps.passives + nps.detractors;
}

}  // namespace

NpsResult nps_of(const Histogram& answers, int promoter_min, int detractor_max) {
  NpsResult nps;
  nps.distribution = distribution_of(answers);
  count_groups(nps, answers, promoter_min, detractor_max);
  if (nps.n == 0) return nps;
  nps_figures(nps, static_cast<double>(nps.promoters), static_cast<double>(nps.passives),
              static_cast<double>(nps.detractors), static_cast<double>(nps.n));
  return nps;
}

NpsResult nps_of(const Histogram& answers, const WeightedHistogram& weighted, int promoter_min, int detractor_max) {
  NpsResult nps;
  nps.distribution = distribution_of(answers, weighted);
  count_groups(nps, answers, promoter_min, detractor_max);
  std::array<double, 3> groups{};
  double weight = 0;
  double squares = 0;
  for (std::size_t i = 0; i < weighted.weights.size(); ++i) {
    groups[static_cast<std::size_t>(nps_group(answers.low() + static_cast<int>(i), promoter_min, detractor_max))] +=
        weighted.weights[i];
    weight += weighted.weights[i];
    squares += weighted.squares[i];
  }
  nps.n_eff = 0.0;
  if (!(weight > 0)) return nps;
  const double n_eff = weight * weight / squares;
  nps.n_eff = n_eff;
  const auto size = [&](NpsGroup group) { return groups[static_cast<std::size_t>(group)] / weight * n_eff; };
  nps_figures(nps, size(NpsGroup::kPromoter), size(NpsGroup::kPassive), size(NpsGroup::kDetractor), n_eff);
  return nps;
}

NpsResult nps_of(const Histogram& answers, const WeightedHistogram& weighted, int promoter_min, int detractor_max,
                 const Stats& sign) {
  NpsResult nps = nps_of(answers, weighted, promoter_min, detractor_max);
  if (!nps.score) return nps;
  // No design standard error: no se and no interval.
  if (!sign.se) {
    nps.se.reset();
    nps.ci95.reset();
    return nps;
  }
  const double se = *sign.se;
  nps.se = 100 * se;
  nps.deff = sign.deff;
  nps.df = sign.df;
  nps.influence = sign.influence;
  const double promoters = *nps.promoters_pct / 100;
  const double detractors = *nps.detractors_pct / 100;
  const double difference = promoters - detractors;
  const double size = se > 0 ? (promoters + detractors - difference * difference) / (se * se) : nps.n_eff.value_or(0.0);
  if (size > 0) adjusted_wald(nps, promoters * size, detractors * size, size);
  return nps;
}

std::vector<double> nps_signs(const Histogram& answers, int promoter_min, int detractor_max) {
  std::vector<double> signs(answers.counts().size(), 0);
  for (std::size_t i = 0; i < signs.size(); ++i) {
    switch (nps_group(answers.low() + static_cast<int>(i), promoter_min, detractor_max)) {
      case NpsGroup::kPromoter:
        signs[i] = 1;
        break;
      case NpsGroup::kPassive:
        break;
      case NpsGroup::kDetractor:
        signs[i] = -1;
        break;
    }
  }
  return signs;
}

}  // namespace gapscore
