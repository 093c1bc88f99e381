#include "gapscore/report/baseline.h"

#include <catch2/catch.hpp>
#include <cmath>

namespace gapscore {

namespace {

// One segment with an item gap and an NPS, the figures chosen so that the
// comparisons below are easy to do by hand.
Report report_now() {
  Report report;
  SegmentResult all;
  ItemResult item;
  item.id = "R1";
  Stats gap;
  gap.n = 100;
  gap.mean = -0.5;
  gap.se = 0.3;
  item.gap = gap;
  all.items.push_back(item);
  MetricResult nps;
  nps.id = "nps";
  nps.type = MetricType::kNps;
  nps.nps.n = 200;
  nps.nps.score = 30;
  nps.nps.se = 3;
  all.metrics.push_back(nps);
  MetricResult csat;
  csat.id = "csat";
  csat.type = MetricType::kCsat;
  csat.satisfied.n = 100;
  csat.satisfied.score = 80;
  all.metrics.push_back(csat);
  report.results.push_back(all);
  return report;
}

// The month before: R1's gap -0.1 (se 0.4), NPS 40 (se 4), CSAT 70% of 100.
Report baseline() {
  Report then = report_now();
  SegmentResult& all = then.results.front();
  all.items.front().gap->mean = -0.1;
  all.items.front().gap->se = 0.4;
  all.metrics[0].nps.score = 40;
  all.metrics[0].nps.se = 4;
  all.metrics[1].satisfied.score = 70;
  return then;
}

}  // namespace

TEST_CASE("each figure is compared with the same figure of the baseline by a z test", "[baseline]") {
  Report report = report_now();
  compare_with_baseline(report, baseline());
  const SegmentResult& all = report.results.front();

  // Gap: difference -0.4, se sqrt(0.3^2 + 0.4^2) = 0.5, z = -0.8.
  const Comparison& gap = *all.items.front().gap->vs_baseline;
  CHECK(gap.test == "z");
  CHECK(*gap.difference == Approx(-0.4));
  CHECK(*gap.se == Approx(0.5));
  CHECK(*gap.statistic == Approx(-0.8));
  CHECK(*gap.p == Approx(0.4237107971).epsilon(1e-9));  // 2 (1 - Phi(0.8))
  CHECK(gap.flag.empty());

  // NPS: difference -10, se sqrt(9 + 16) = 5, z = -2: significant, down.
  const Comparison& nps = *all.metrics[0].nps.vs_baseline;
  CHECK(*nps.difference == Approx(-10));
  CHECK(*nps.statistic == Approx(-2));
  CHECK(*nps.p == Approx(0.0455002639).epsilon(1e-9));
  CHECK(nps.flag == "down");

  // CSAT %: binomial standard errors 100 sqrt(.8 .2 / 100) = 4 and
  // 100 sqrt(.7 .3 / 100) = 4.5826; z = 10 / 6.0828 = 1.644.
  const Comparison& csat = *all.metrics[1].satisfied.vs_baseline;
  CHECK(*csat.difference == Approx(10));
  CHECK(*csat.se == Approx(std::sqrt(16 + 21.0)));
  CHECK(*csat.statistic == Approx(10 / std::sqrt(37.0)));
  CHECK(csat.flag.empty());
}

TEST_CASE("figures the baseline lacks get no comparison", "[baseline]") {
  Report report = report_now();
  report.results.front().items.front().id = "R9";
  SegmentResult north;
  north.segment = {{"region", "North"}};
  north.metrics = report.results.front().metrics;
  report.results.push_back(north);
  compare_with_baseline(report, baseline());
  CHECK_FALSE(report.results[0].items.front().gap->vs_baseline);
  CHECK(report.results[0].metrics[0].nps.vs_baseline);
  CHECK_FALSE(report.results[1].metrics[0].nps.vs_baseline);
}

TEST_CASE("a metric of another type in the baseline is not compared", "[baseline]") {
  Report report = report_now();
  Report then = baseline();
  then.results.front().metrics[0].type = MetricType::kCsat;
  compare_with_baseline(report, then);
  CHECK_FALSE(report.results.front().metrics[0].nps.vs_baseline);
  CHECK(report.results.front().metrics[1].satisfied.vs_baseline);
}

TEST_CASE("crossed segments meet their baseline whatever the order of its columns", "[baseline]") {
  Report report = report_now();
  report.results.front().segment = {{"region", "North"}, {"channel", "Web"}};
  Report then = baseline();
  then.results.front().segment = {{"channel", "Web"}, {"region", "North"}};
  compare_with_baseline(report, then);
  CHECK(*report.results.front().metrics[0].nps.vs_baseline->difference == Approx(-10));
  then.results.front().suppressed = true;
  Report again = report_now();
  again.results.front().segment = report.results.front().segment;
  compare_with_baseline(again, then);
  CHECK_FALSE(again.results.front().metrics[0].nps.vs_baseline);
}

}  // namespace gapscore
