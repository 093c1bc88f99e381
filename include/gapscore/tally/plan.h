#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gapscore/questionnaire/questionnaire.h"
#include "gapscore/tally/measure.h"

namespace gapscore {

/// The questionnaire compiled for counting: each column it scores becomes
/// a slot in a row of codes, each figure a recipe over slots, and each
/// count a place in a tally's two flat arrays (64-bit counters and 128-bit
/// sums), so that adding a row touches precomputed places and merging is
/// adding arrays.
struct Plan {
  struct Slot {
    std::string column;
    Scale scale;
    bool reverse = false;
  };
  /// A measure's value for one item: codes[plus] - codes[minus] (no minus
  /// for a plain column); `shift` is subtracted for exact co-moments.
  struct Operand {
    int plus = -1;
    int minus = -1;
    std::int64_t shift = 0;
  };
  /// Counts of one column or difference: values from `low`, `width` of
  /// them, at `offset` in the counters, then missing and invalid.
  struct HistogramBlock {
    std::size_t offset = 0;
    int low = 0;
    int width = 0;
  };
  struct ItemPlan {
    int expectation = -1;  ///< slots; -1 when the item has no such column
    int perception = -1;
    int adequate = -1;
    int desired = -1;
    Scale scale;
    /// Histogram blocks, by Measure order then adequate and desired; -1 when absent.
    int expectation_counts = -1;
    int perception_counts = -1;
    int gap_counts = -1;
    int msa_counts = -1;
    int mss_counts = -1;
    int adequate_counts = -1;
    int desired_counts = -1;
    /// Zone counters (below, within, above, inconsistent); -1 without adequate and desired.
    int zone_counts = -1;
  };
  /// One measure of one dimension, e.g. the gap of tangibles.
  struct DimensionMeasure {
    std::size_t dimension = 0;
    Measure measure = Measure::kPerception;
    std::vector<std::size_t> items;  ///< questionnaire item indices that have the measure
    std::vector<Operand> operands;   ///< one per item, same order
    int min_items = 1;
    std::size_t value_offset = 0;  ///< where its item values start in RowScores::values
    /// Subtracted from each value summed for the score: the lowest scale
    /// minimum of its items (0 for differences), keeping the sums small.
    std::int64_t score_shift = 0;
    std::size_t score_counts = 0;   ///< n per item count c (0..k), then sums per c, in the counters
    std::size_t score_squares = 0;  ///< sums of squares per c, in the wide sums
    std::size_t co_moments = 0;     ///< the co-moment block, in the counters
  };
  struct DimensionPlan {
    std::vector<std::size_t> measures;  ///< indices into dimension_measures
    int importance = -1;
    int importance_counts = -1;  ///< histogram block of the importance points
    double weight = 0;           ///< fixed weight normalised to sum 1, when fixed
  };
  /// A measure that every dimension has, scored overall.
  struct OverallMeasure {
    Measure measure = Measure::kPerception;
    std::vector<std::size_t> parts;  ///< per dimension, its index into dimension_measures
    std::size_t profile_count = 0;   ///< respondents, in the counters
    std::size_t profile_sums = 0;    ///< sums[D], then cross[D x D], in the wide sums
  };

  /// One count per row, of one of these kinds.
  enum class StepKind : std::uint8_t {
    kColumn,      ///< codes[plus]; missing and invalid counted too
    kDifference,  ///< codes[plus] - codes[minus], when both are values
    kZone,        ///< perception `plus` against adequate `minus` and desired `third`
    kPair,        ///< the pair (codes[plus], codes[minus]) on 1..5 x 1..5, when both are values
    /// Perception `plus` and expectation `minus` of one item, on one scale:
    /// each as a kColumn (at `offset` and `minus_offset`) and their
    /// difference (at `difference_offset`), counted together because the
    /// joint counts of the pair give all three.
    kJoint,
  };
  struct BinStep {
    StepKind kind = StepKind::kColumn;
    int plus = -1;
    int minus = -1;
    int third = -1;
    std::uint32_t offset = 0;
    int low = 0;
    std::uint32_t width = 0;
    std::uint32_t minus_offset = 0;
    std::uint32_t difference_offset = 0;
  };

  std::vector<Slot> slots;
  std::vector<ItemPlan> items;
  std::vector<HistogramBlock> histograms;
  std::vector<BinStep> bin_steps;
  std::vector<DimensionMeasure> dimension_measures;
  std::vector<DimensionPlan> dimensions;
  std::vector<OverallMeasure> overall;
  /// The common denominator of dimension scores: lcm(1, ..., most items).
  std::int64_t score_denominator = 1;
  std::vector<std::int64_t> denominator_factors;  ///< score_denominator / c, by c
  Weighting weighting = Weighting::kNone;
  std::vector<int> metrics;        ///< slot of each metric
  std::vector<int> metric_counts;  ///< histogram block of each metric
  struct KanoPlan {
    int functional = -1;
    int dysfunctional = -1;
    std::size_t counts = 0;  ///< 25 counters: (functional - 1) * 5 + (dysfunctional - 1)
  };
  std::vector<KanoPlan> kano;
  /// Key drivers: dimension perception scores and the outcome, over the
  /// respondents with all of them; a profile block of D + 1 variables.
  struct DriverPlan {
    int outcome = -1;            ///< slot of the outcome metric
    std::size_t perception = 0;  ///< index in `overall` of the perception measure
    std::size_t count = 0;       ///< in the counters
    std::size_t sums = 0;        ///< in the wide sums: sums[D + 1], cross[(D + 1)^2]
  };
  std::optional<DriverPlan> drivers;
  /// Rows carry survey weights: every tally keeps weighted sums beside its
  /// exact counts.
  bool survey_weights = false;
  std::size_t value_count = 0;
  std::size_t counter_count = 0;
  std::size_t wide_count = 0;
};

/// Compiles a validated questionnaire into slots, recipes and a layout.
Plan make_plan(const Questionnaire& questionnaire);

}  // namespace gapscore
