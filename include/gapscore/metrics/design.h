#pragma once

// Standard errors of survey-weighted estimates under a sample design
// (METHODS.md, "Sample designs"): Taylor linearisation with primary
// sampling units drawn with replacement within strata, as R's
// survey::svyrecvar computes it for a one-stage design.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace gapscore {

/// One stratum of the design: its primary sampling units in the whole data
/// set, and the finite population correction 1 - f (1 without an fpc).
struct Stratum {
  std::int64_t units = 0;
  double finite_correction = 1;
};

/// One cell of a raking: the rows with one value of each margin column.
struct RakingCell {
  std::int64_t rows = 0;
  /// Raked weight / base weight: the same for every row of the cell.
  double factor = 1;
  /// Per margin, in raking order: the cell's value's number in the margin.
  std::vector<std::size_t> category;
  /// Per margin: the factor the last sweep left after that margin's step,
  /// over the final factor (R keeps those weights for the variance).
  std::vector<double> step_ratio;
};

/// What raking did to the weights, as far as standard errors need it.
struct RakingAdjustment {
  std::vector<RakingCell> cells;
  /// Per margin: its number of values, and the rows with each.
  std::vector<std::vector<std::int64_t>> category_rows;
};

/// The offsets of raking's linearisation, per cell, for an estimate whose
/// influence is z = w (y - mean) / W: given per cell the unweighted sum of
/// (y - mean) / W over the domain's rows in it, the d_c for which R's
/// svyrecvar, which sweeps x <- x - w ave(x / w, margin) ten times over the
/// margins, leaves z = w ((y - mean) / W - d_c).
std::vector<double> raking_offsets(const RakingAdjustment& raking, const std::vector<double>& residual_sums);

/// How the sample was drawn, as far as standard errors need it. Without
/// strata there is one stratum; without clusters every respondent is a unit.
struct SampleDesign {
  std::vector<Stratum> strata;
  bool clustered = false;
  /// With raked weights: the raking's cells.
  std::optional<RakingAdjustment> raking;
  /// Units with a respondent of nonzero weight, minus the strata that have
  /// one (R's degf, which leaves weight-0 respondents out).
  std::int64_t degrees_of_freedom = 0;
};

/// A ratio's linearised influence z = w (y - mean) / W, summed over one part
/// of its domain: a unit of a clustered design, or the domain's respondents
/// in one stratum when each respondent is a unit; with raking, the part's
/// rows in one raking cell, and z = w ((y - mean) / W - offset) on every
/// row of the data set, the domain's or not.
struct InfluencePart {
  std::size_t key = 0;   ///< the part's number, by unit then cell
  std::size_t unit = 0;  ///< the unit's number (clustered) or the stratum's
  std::size_t stratum = 0;
  double sum = 0;      ///< sum of w (y - mean) / W over the domain's rows in the part
  double squares = 0;  ///< sum of (w (y - mean) / W)^2 over them
  /// With raking: the sum of w^2 (y - mean) / W over them, the cell's
  /// offset, and the part's (all its rows') weight and squared weight.
  double linear = 0;
  double offset = 0;
  double weight = 0;
  double weight_squares = 0;

  double total() const { return sum - offset * weight; }
  double total_squares() const { return squares - 2 * offset * linear + offset * offset * weight_squares; }
};
using Influence = std::vector<InfluencePart>;

/// The linearised variance: over strata h with n_h units, (1 - f_h) n_h /
/// (n_h - 1) times the sum over its units of (z_hj - mean_h z)^2, the units
/// outside the domain counting as z = 0. A stratum with a single unit adds
/// nothing (R's survey.lonely.psu = "certainty").
double linearised_variance(const SampleDesign& design, const Influence& influence);

/// The influence of the difference of the estimates of two domains no
/// respondent is in both of, a - b, over one design (both in key order):
/// part by part z_a - z_b, whose squares within a part are those of a and b
/// added, less raking's cross terms.
Influence influence_difference(const Influence& a, const Influence& b);

}  // namespace gapscore
