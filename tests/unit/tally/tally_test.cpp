#include "gapscore/tally/tally.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <vector>

#include "gapscore/questionnaire/questionnaire.h"
#include "gapscore/tally/batch_counter.h"
#include "gapscore/tally/batch_plan.h"
#include "gapscore/tally/plan.h"
#include "tally/two_dimensions.h"
#include "test_support.h"

namespace gapscore {

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
