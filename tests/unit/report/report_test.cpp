#include "gapscore/report/report.h"

#include <catch2/catch.hpp>

namespace gapscore {

TEST_CASE("a segment is labelled col=value in its breakdown's order", "[report]") {
  CHECK(segment_label({}).empty());
  CHECK(segment_label({{"region", "North"}}) == "region=North");
  CHECK(segment_label({{"region", "North"}, {"channel", "Web"}}) == "region=North;channel=Web");
}

TEST_CASE("a label names a segment in its own order or another", "[report]") {
  const SegmentValues crossed = {{"region", "North"}, {"channel", "Web"}};
  CHECK(names_segment("region=North;channel=Web", crossed));
  CHECK(names_segment("channel=Web;region=North", crossed));
  CHECK_FALSE(names_segment("region=North", crossed));
  CHECK_FALSE(names_segment("region=North;channel=Web;x=1", crossed));
  CHECK_FALSE(names_segment("region=South;channel=Web", crossed));
  CHECK(names_segment("", {}));
  CHECK_FALSE(names_segment("", crossed));
  // A value holding the separator is named by its exact label only.
  const SegmentValues odd = {{"branch", "A;B"}, {"region", "N"}};
  CHECK(names_segment("branch=A;B;region=N", odd));
}

TEST_CASE("find_result takes the first result a label names", "[report]") {
  Report report;
  report.results.resize(3);
  report.results[1].segment = {{"region", "North"}};
  report.results[1].rows = 7;
  report.results[2].segment = {{"region", "South"}};
  CHECK(find_result(report, "") == &report.results[0]);
  CHECK(find_result(report, "region=North")->rows == 7);
  CHECK(find_result(report, "region=East") == nullptr);
}

TEST_CASE("overall scores come in the report's order, the gap first", "[report]") {
  const std::vector<OverallResult> overall = {
      {Measure::kExpectation, {}, {}}, {Measure::kPerception, {}, {}}, {Measure::kGap, {}, {}}};
  const std::vector<const OverallResult*> ordered = in_report_order(overall);
  REQUIRE(ordered.size() == 3);
  CHECK(ordered[0]->measure == Measure::kGap);
  CHECK(ordered[1]->measure == Measure::kExpectation);
  CHECK(ordered[2]->measure == Measure::kPerception);
}

}  // namespace gapscore
