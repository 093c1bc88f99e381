#include "gapscore/tally/row_scores.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <vector>

#include "gapscore/questionnaire/questionnaire.h"
#include "gapscore/tally/plan.h"
#include "tally/two_dimensions.h"

namespace gapscore {

namespace {

// One item with all four columns, and survey weights.
const char* const kWeightedZones = R"({
  "gapscore": 1, "weight_column": "w", "scales": {"a": {"min": 1, "max": 5}},
  "servqual": {"scale": "a", "dimensions": [{"id": "d1", "items": [
    {"id": "A", "expectation": "EA", "perception": "PA", "adequate": "AA", "desired": "DA"}]}]}
})";

}  // namespace

TEST_CASE("row scores follow min_items, completeness and importance weights", "[tally]") {
  const Plan plan = make_plan(parse_questionnaire(kTwoDimensions, "q.json"));
  // Scores are kept as exact sums: values shifted by the scale minimum (1),
  // and over a common denominator lcm(1, 2, 3) = 6 for the overall score.
  CHECK(plan.score_denominator == 6);
  CHECK(plan.dimension_measures[0].score_shift == 1);
  CHECK(plan.dimension_measures[2].score_shift == 0);
  // Slots: EA PA EB PB EC PC ED PD i1 i2 n
  const Code row[] = {5, 3, 4, kMissingCode, 5, 4, 4, 4, 75, 25, 9};
  RowScores scores;
  scores.compute(plan, row);
  // d1 expectation: 5, 4, 5 (14/3): shifted sum 11 over 3, complete.
  CHECK(scores.score_sums[0] == 11);
  CHECK(scores.score_counts[0] == 3);
  CHECK(scores.complete[0] == 1);
  // Perception 3, 4 with B missing (3.5): shifted sum 5 over 2, at least min_items = 2.
  CHECK(scores.score_sums[1] == 5);
  CHECK(scores.score_counts[1] == 2);
  CHECK(scores.complete[1] == 0);
  // Gap -2, -1: sum -3 over 2.
  CHECK(scores.score_sums[2] == -3);
  CHECK(scores.score_counts[2] == 2);
  // Overall gap profile (measure 2): d1 -3 * 6/2 = -9, d2 0 * 6/1 = 0.
  REQUIRE(plan.overall[2].measure == Measure::kGap);
  CHECK(scores.profiled[2] == 1);
  CHECK(scores.profiles[2 * 2 + 0] == -9);
  CHECK(scores.profiles[2 * 2 + 1] == 0);
  // Importance 75 : 25 of -1.5 and 0.
  CHECK(scores.importance_weighted[2] == -1.125);

  const Code sparse[] = {5, 3, kMissingCode, kMissingCode, kInvalidCode, 4, 4, 4, 0, 0, kMissingCode};
  scores.compute(plan, sparse);
  CHECK(scores.score_counts[0] == 0);
  CHECK(scores.profiled[0] == 0);
  // Perception 3 and 4 is enough: d1 shifted sum 5 * 6/2, d2 (4 - 1) * 6/1.
  CHECK(scores.profiled[1] == 1);
  CHECK(scores.profiles[2 * 1 + 0] == 15);
  CHECK(scores.profiles[2 * 1 + 1] == 18);
  // Importance points summing to 0 leave the weighted score out.
  CHECK(std::isnan(scores.importance_weighted[1]));
}

TEST_CASE("with survey weights, a row names the counters its weight goes to", "[tally]") {
  const Plan plan = make_plan(parse_questionnaire(kWeightedZones, "q.json"));
  REQUIRE(plan.survey_weights);
  // Counters: expectation, perception, adequate and desired on 1..5 (7
  // each, from 0), gap, MSA and MSS on -4..4 (11 each, from 28), zones (61).
  // Slots: EA PA AA DA
  const Code row[] = {4, 3, 2, kMissingCode};
  RowScores scores;
  scores.compute(plan, row);
  // Perception 3 (7 + 2), expectation 4 (0 + 3), gap -1 (28 + 3); adequate 2
  // (14 + 1), MSA 1 (39 + 5); desired missing (21 + 5), so no MSS and no zone.
  REQUIRE(scores.bin_count == 6);
  CHECK(std::vector<std::uint32_t>(scores.bins.begin(), scores.bins.begin() + 6) ==
        std::vector<std::uint32_t>{9, 3, 31, 15, 44, 26});

  const Code above[] = {kInvalidCode, 5, 2, 4};
  scores.compute(plan, above);
  // Perception 5 (7 + 4), expectation invalid (0 + 6), no gap; adequate 2
  // (14 + 1), MSA 3 (39 + 7); desired 4 (21 + 3), MSS 1 (50 + 5); above the
  // zone of tolerance (61 + 2).
  REQUIRE(scores.bin_count == 7);
  CHECK(std::vector<std::uint32_t>(scores.bins.begin(), scores.bins.begin() + 7) ==
        std::vector<std::uint32_t>{11, 6, 15, 46, 24, 55, 63});
}

TEST_CASE("without survey weights, a row names no counters", "[tally]") {
  const Plan plan = make_plan(parse_questionnaire(kTwoDimensions, "q.json"));
  const Code row[] = {5, 3, 4, 2, 5, 4, 4, 4, 50, 50, 9};
  RowScores scores;
  scores.compute(plan, row);
  CHECK(scores.bin_count == 0);
}

}  // namespace gapscore
