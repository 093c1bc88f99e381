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

}  // namespace gapscore
