#pragma once

// Standard errors of survey-weighted estimates under a sample design
// (METHODS.md, "Sample designs"): Taylor linearisation with primary
// sampling units drawn with replacement within strata, as R's
// survey::svyrecvar computes it for a one-stage design.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace gapscore {

/// One stratum of the design: its primary sampling units in the whole data
/// set, and the finite population correction 1 - f (1 without an fpc).
struct Stratum {
  std::int64_t units = 0;
  double finite_correction = 1;
};

/// How the sample was drawn, as far as standard errors need it. Without
/// strata there is one stratum; without clusters every respondent is a unit.
struct SampleDesign {
  std::vector<Stratum> strata;
  bool clustered = false;
  /// Units with a respondent of nonzero weight, minus the strata that have
  /// one (R's degf, which leaves weight-0 respondents out).
  std::int64_t degrees_of_freedom = 0;
};

/// A ratio's linearised influence z = w (y - mean) / W, summed over one part
/// of its domain: a unit of a clustered design, or the domain's respondents
/// in one stratum when each respondent is a unit.
struct InfluencePart {
  std::size_t key = 0;  ///< the unit's number (clustered) or the stratum's
  std::size_t stratum = 0;
  double sum = 0;      ///< sum of z over the part
  double squares = 0;  ///< sum over its units of z^2 (sum^2 for one unit)
};
using Influence = std::vector<InfluencePart>;

/// The linearised variance: over strata h with n_h units, (1 - f_h) n_h /
/// (n_h - 1) times the sum over its units of (z_hj - mean_h z)^2, the units
/// outside the domain counting as z = 0. A stratum with a single unit adds
/// nothing (R's survey.lonely.psu = "certainty").
double linearised_variance(const SampleDesign& design, const Influence& influence);

/// The influence of the difference of two estimates, a - b, over one
/// design (both in key order): part by part (for units z_a - z_b; within a stratum of
/// respondents their squares add, as no respondent is in both domains).
Influence influence_difference(const SampleDesign& design, const Influence& a, const Influence& b);

}  // namespace gapscore
