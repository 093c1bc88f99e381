#include "gapscore/tally/batch_plan.h"

#include <catch2/catch.hpp>
#include <vector>

#include "gapscore/questionnaire/questionnaire.h"
#include "gapscore/tally/plan.h"

namespace gapscore {

namespace {

// Three items, one on a scale whose minimum is far from the others'.
const char* const kMixedMinimums = R"({
  "gapscore": 1, "scales": {"five": {"min": 1, "max": 5}, "high": {"min": 200, "max": 210}},
  "servqual": {"scale": "five", "dimensions": [{"id": "d1", "items": [
    {"id": "A", "expectation": "EA", "perception": "PA"},
    {"id": "B", "expectation": "EB", "perception": "PB", "scale": "high"},
    {"id": "C", "expectation": "EC", "perception": "PC"}]}]}
})";

// Three items on the widest scale.
const char* const kWideItems = R"({
  "gapscore": 1, "scales": {"wide": {"min": -500, "max": 500}},
  "servqual": {"scale": "wide", "dimensions": [{"id": "d1", "items": [
    {"id": "A", "expectation": "EA", "perception": "PA"},
    {"id": "B", "expectation": "EB", "perception": "PB"},
    {"id": "C", "expectation": "EC", "perception": "PC"}]}]}
})";

}  // namespace

TEST_CASE("a batch plan offsets plain items by their scale minimums", "[batch]") {
  const Plan plan = make_plan(parse_questionnaire(kMixedMinimums, "q.json"));
  const BatchPlan batch(plan);
  CHECK(batch.most_items == 3);
  // Measures: expectation, perception, gap. The plain ones are shifted by
  // the lowest minimum, 1: items A and C are offset by 0, item B by 199, so
  // the offsets differ. A gap's items are all offset by 0.
  REQUIRE(batch.measures.size() == 3);
  CHECK(batch.measures[0].offset == 0);
  CHECK(batch.measures[0].offsets_differ);
  CHECK(batch.measures[1].offsets_differ);
  CHECK(batch.measures[2].offset == 0);
  CHECK_FALSE(batch.measures[2].offsets_differ);
  // A row's value sum is at most 4 + 10 + 4.
  CHECK(batch.measures[0].narrow);
  CHECK(batch.measures[2].narrow);
  // Profiles are scores times lcm(1, 2, 3) = 6, kept in columns up to 1000:
  // item values up to 166. Item B's plain values reach 210 - 1, its gaps 10.
  REQUIRE(batch.narrow_profiles.size() == 3);
  CHECK(batch.narrow_profiles[0] == 0);
  CHECK(batch.narrow_profiles[1] == 0);
  CHECK(batch.narrow_profiles[2] == 1);
}

TEST_CASE("a batch plan sums wide value sums in 64 bits", "[batch]") {
  const Plan plan = make_plan(parse_questionnaire(kWideItems, "q.json"));
  const BatchPlan batch(plan);
  // Three items of width 1000: a row's value sum reaches 3000, past 2896.
  REQUIRE(batch.measures.size() == 3);
  for (const BatchPlan::MeasureSums& sums : batch.measures) {
    CHECK(sums.offset == 0);
    CHECK_FALSE(sums.offsets_differ);
    CHECK_FALSE(sums.narrow);
  }
  CHECK(batch.narrow_profiles == std::vector<char>{0, 0, 0});
}

}  // namespace gapscore
