#include "gapscore/tally/tally.h"

#include <catch2/catch.hpp>
#include <cmath>

#include "gapscore/questionnaire/questionnaire.h"
#include "gapscore/tally/batch_counter.h"
#include "test_support.h"

namespace gapscore {

TEST_CASE("histograms count values, missing and invalid cells, and merge", "[tally]") {
  Histogram a(1, 5);
  a.add(3);
  a.add(3);
  a.add(kMissingCode);
  Histogram b(1, 5);
  b.add(5);
  b.add(kInvalidCode);
  a.merge(b);
  CHECK(a.counts() == std::vector<std::int64_t>{0, 0, 2, 0, 1});
  CHECK(a.n() == 3);
  CHECK(a.missing() == 1);
  CHECK(a.invalid() == 1);
  CHECK(a.high() == 5);
}

TEST_CASE("moments merge to the moments of the union", "[tally]") {
  const std::vector<double> values = {2.5, 4, 4.25, 1, 7, 3.5, 6};
  Moments whole;
  for (const double v : values) whole.add(v);
  Moments first;
  Moments second;
  for (std::size_t i = 0; i < values.size(); ++i) (i < 3 ? first : second).add(values[i]);
  first.merge(second);
  // Sum 28.25 over 7 values; sum of squares 138.5625.
  CHECK(first.n == 7);
  CHECK(first.mean == Approx(28.25 / 7).epsilon(1e-14));
  CHECK(first.m2 == Approx(138.5625 - 28.25 * 28.25 / 7).epsilon(1e-13));
  CHECK(whole.m2 == Approx(first.m2).epsilon(1e-13));
  Moments empty;
  empty.merge(first);
  CHECK(empty.mean == first.mean);
}

TEST_CASE("moments keep the variance of large values with a tiny spread", "[tally]") {
  Moments moments;
  for (int i = 0; i < 1000; ++i) moments.add(1e6 + 0.001 * (i % 2));
  // Half the values are 1e6, half 1e6 + 0.001: variance 0.001^2 / 4 * 1000 / 999.
  CHECK(moments.m2 / 999 == Approx(0.25e-6 * 1000 / 999).epsilon(1e-6));
}

TEST_CASE("co-moments give exact covariances", "[tally]") {
  CoMoments items(2);
  const std::int64_t rows[4][2] = {{1, 2}, {2, 2}, {3, 4}, {4, 4}};
  for (const auto& row : rows) items.add(row);
  CHECK(items.n() == 4);
  // var(x) = 5/3, cov(x, y) = 4/3, so n (n - 1) times them: 20 and 16.
  CHECK(items.scaled_covariance(0, 0) == 20);
  CHECK(items.scaled_covariance(0, 1) == 16);
  CHECK(items.scaled_covariance(1, 0) == 16);
  CoMoments other(2);
  other.merge(items);
  CHECK(other.scaled_covariance(1, 1) == 16);
}

namespace {

const char* const kTwoDimensions = R"({
  "gapscore": 1, "scales": {"a": {"min": 1, "max": 5}},
  "servqual": {"scale": "a", "importance": {"d1": "i1", "d2": "i2"}, "dimensions": [
    {"id": "d1", "items": [
      {"id": "A", "expectation": "EA", "perception": "PA"},
      {"id": "B", "expectation": "EB", "perception": "PB"},
      {"id": "C", "expectation": "EC", "perception": "PC"}]},
    {"id": "d2", "items": [{"id": "D", "perception": "PD", "expectation": "ED"}]}]},
  "metrics": [{"type": "nps", "column": "n"}]
})";

}  // namespace

TEST_CASE("the plan numbers slots in questionnaire order", "[tally]") {
  const Plan plan = make_plan(parse_questionnaire(kTwoDimensions, "q.json"));
  REQUIRE(plan.slots.size() == 11);
  CHECK(plan.slots[0].column == "EA");
  CHECK(plan.slots[7].column == "PD");
  CHECK(plan.slots[8].column == "i1");
  CHECK(plan.slots[10].column == "n");
  CHECK(plan.dimension_measures.size() == 6);
  REQUIRE(plan.overall.size() == 3);
  CHECK(plan.overall[2].measure == Measure::kGap);
}

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

TEST_CASE("score sums are exact and merge in any order", "[tally]") {
  ScoreSums a(3);
  a.add(7, 2);
  a.add(11, 3);
  ScoreSums b(3);
  b.add(2, 1);
  b.merge(a);
  CHECK(b.n() == 3);
  CHECK(b.n_with(2) == 1);
  CHECK(b.sum_with(3) == 11);
  CHECK(b.squares_with(3) == 121);
  ProfileSums p(2);
  const std::int64_t first[] = {3, -4};
  const std::int64_t second[] = {5, 6};
  p.add(first);
  p.add(second);
  CHECK(p.n() == 2);
  CHECK(p.sum(1) == 2);
  CHECK(p.cross(1, 0) == 3 * -4 + 5 * 6);
  CHECK(p.cross(1, 1) == 16 + 36);
}

TEST_CASE("tallies count items, dimensions and metrics, and merge", "[tally]") {
  const Plan plan = make_plan(parse_questionnaire(kTwoDimensions, "q.json"));
  const Code first[] = {5, 3, 4, 2, 5, 4, 4, 4, 50, 50, 9};
  const Code second[] = {4, 4, 4, 4, kInvalidCode, 4, 5, 3, 50, 50, 3};
  std::vector<SmallCode> codes;
  for (const Code* row : {first, second}) {
    for (std::size_t s = 0; s < plan.slots.size(); ++s) codes.push_back(small_code(row[s], plan.slots[s].scale.min));
  }
  const std::uint32_t rows[] = {0, 1};
  const BatchPlan batch(plan);
  BatchCounter counter;
  Tally a(plan);
  Tally b(plan);
  add_in_slot_order(counter, batch, codes.data(), rows, 1, a);
  add_in_slot_order(counter, batch, codes.data(), rows + 1, 1, b);
  a.merge(b);
  CHECK(a.rows() == 2);
  // Item A's gaps: -2 (first row) and 0 (second) on -4..4.
  const Histogram gap = a.histogram(plan, plan.items[0].gap_counts);
  CHECK(gap.low() == -4);
  CHECK(gap.counts() == std::vector<std::int64_t>{0, 0, 1, 0, 1, 0, 0, 0, 0});
  CHECK(a.histogram(plan, plan.items[2].expectation_counts).invalid() == 1);
  CHECK(a.scores(plan, 0).n() == 2);
  // d1's expectations are complete only in the first row (EC is invalid in the second).
  CHECK(a.item_moments(plan, 0).n() == 1);
  // Both rows are gap-scored on both dimensions (two of three items are enough).
  CHECK(a.profiles(plan, 2).n() == 2);
  const Histogram nps = a.histogram(plan, plan.metric_counts[0]);
  CHECK(nps.counts()[9] == 1);
  CHECK(nps.counts()[3] == 1);
}

}  // namespace gapscore
