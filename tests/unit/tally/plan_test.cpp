#include "gapscore/tally/plan.h"

#include <catch2/catch.hpp>

#include "gapscore/questionnaire/questionnaire.h"
#include "tally/two_dimensions.h"

namespace gapscore {

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

TEST_CASE("the plan lays out a tally's counts part by part, in a fixed order", "[tally]") {
  const Plan plan = make_plan(parse_questionnaire(kTwoDimensions, "q.json"));
  // Each item first: its expectation and perception on 1..5 (5 values,
  // missing, invalid: 7 counters each) and its gap on -4..4 (11).
  REQUIRE(plan.items.size() == 4);
  CHECK(plan.histograms[static_cast<std::size_t>(plan.items[1].expectation_counts)].offset == 25);
  CHECK(plan.histograms[static_cast<std::size_t>(plan.items[1].perception_counts)].offset == 32);
  CHECK(plan.histograms[static_cast<std::size_t>(plan.items[3].gap_counts)].offset == 89);
  // Then each dimension's measures: counts and sums per item count (2 (k + 1)
  // counters), co-moments (1 + k + k^2), squares per item count (k + 1 wide
  // sums), and after them the dimension's importance points (0..100: 103).
  REQUIRE(plan.dimension_measures.size() == 6);
  CHECK(plan.dimension_measures[1].score_counts == 121);
  CHECK(plan.dimension_measures[1].co_moments == 129);
  CHECK(plan.dimension_measures[1].score_squares == 4);
  CHECK(plan.histograms[static_cast<std::size_t>(plan.dimensions[0].importance_counts)].offset == 163);
  CHECK(plan.dimension_measures[3].score_counts == 266);
  CHECK(plan.dimension_measures[3].score_squares == 12);
  // Then the overall measures (one counter, D + D^2 wide sums each), and the
  // NPS metric on 0..10 last.
  CHECK(plan.overall[0].profile_count == 390);
  CHECK(plan.overall[2].profile_sums == 30);
  CHECK(plan.histograms[static_cast<std::size_t>(plan.metric_counts[0])].offset == 393);
  CHECK(plan.counter_count == 406);
  CHECK(plan.wide_count == 36);
  // Rows are binned item by item (perception and expectation jointly), then
  // the importance points and the metric.
  REQUIRE(plan.bin_steps.size() == 7);
  CHECK(plan.bin_steps[3].kind == Plan::StepKind::kJoint);
  CHECK(plan.bin_steps[3].plus == 7);
  CHECK(plan.bin_steps[3].minus == 6);
  CHECK(plan.bin_steps[4].kind == Plan::StepKind::kColumn);
  CHECK(plan.bin_steps[4].plus == 8);
  CHECK(plan.bin_steps[6].offset == 393);
}

}  // namespace gapscore
