#include "gapscore/report/baseline.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace gapscore {

namespace {

using nlohmann::json;

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

json baseline() {
  return json::parse(R"({
    "gapscore_report": 1,
    "results": [{
      "segment": {},
      "servqual": {"items": [{"id": "R1", "gap": {"mean": -0.1, "se": 0.4}}]},
      "metrics": [{"id": "nps", "score": 40, "se": 4},
                  {"id": "csat", "n": 100, "score": 70}]
    }]
  })");
}

}  // namespace

TEST_CASE("each figure is compared with the same figure of the baseline by a z test", "[trend]") {
  Report report = report_now();
  compare_with_baseline(report, baseline(), "then.json");
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

TEST_CASE("figures the baseline lacks get no comparison", "[trend]") {
  Report report = report_now();
  report.results.front().items.front().id = "R9";
  SegmentResult north;
  north.segment = {{"region", "North"}};
  north.metrics = report.results.front().metrics;
  report.results.push_back(north);
  compare_with_baseline(report, baseline(), "then.json");
  CHECK_FALSE(report.results[0].items.front().gap->vs_baseline);
  CHECK(report.results[0].metrics[0].nps.vs_baseline);
  CHECK_FALSE(report.results[1].metrics[0].nps.vs_baseline);
}

TEST_CASE("a baseline that is not a report is refused, naming the file", "[trend]") {
  Report report = report_now();
  const Thrown thrown = thrown_by([&] { compare_with_baseline(report, json::parse(R"({"gapscore": 1})"), "q.json"); });
  CHECK(thrown.kind == ErrorKind::kInvalid);
  REQUIRE(thrown.messages.size() == 1);
  CHECK(thrown.messages[0] == "q.json: error: not a gapscore JSON report (no \"gapscore_report\" and \"results\")");
}

TEST_CASE("a threshold is [SEGMENT:]PATH OP NUMBER", "[trend]") {
  const Threshold plain = parse_threshold("nps.score < 20");
  CHECK(plain.segment.empty());
  CHECK(plain.path == std::vector<std::string>{"nps", "score"});
  CHECK(plain.op == "<");
  CHECK(plain.value == 20);

  const Threshold segment = parse_threshold(" region=North;channel=Web : servqual.gap.mean>=-1.25 ");
  CHECK(segment.segment == "region=North;channel=Web");
  CHECK(segment.path == std::vector<std::string>{"servqual", "gap", "mean"});
  CHECK(segment.op == ">=");
  CHECK(segment.value == -1.25);

  CHECK(parse_threshold("delta.nps.score != 0").op == "!=");
  CHECK(parse_threshold("input.rows_rejected <= 5").op == "<=");
}

TEST_CASE("a malformed threshold is a usage error saying what is wrong", "[trend]") {
  const auto why = [](const std::string& text) {
    const Thrown thrown = thrown_by([&] { parse_threshold(text); });
    CHECK(thrown.kind == ErrorKind::kUsage);
    return thrown.messages.at(0);
  };
  CHECK_THAT(why("nps.score 20"), Catch::Contains("no comparison"));
  CHECK_THAT(why("nps.score < twenty"), Catch::Contains("the right-hand side is not a number"));
  CHECK_THAT(why("nps.score < 1e999"), Catch::Contains("the right-hand side is not a number"));
  CHECK_THAT(why("nps..score < 2"), Catch::Contains("an empty part in the path"));
  CHECK_THAT(why("nps < 2"), Catch::Contains("the path names no figure"));
}

TEST_CASE("thresholds are checked against the report's figures", "[trend]") {
  const json report = json::parse(R"({
    "input": {"rows_rejected": 3},
    "results": [
      {"segment": {}, "servqual": {"overall": {"gap": {"mean": -0.75,
                                                        "vs_baseline": {"difference": -0.25}}},
                                    "dimensions": [{"id": "reliability", "gap": {"mean": -1.0}}],
                                    "items": [{"id": "R1", "gap": {"mean": null}}]},
       "metrics": [{"id": "nps", "score": 12.5, "vs_baseline": {"difference": 2}}]},
      {"segment": {"region": "North"}, "metrics": [{"id": "nps", "score": 9}]}
    ]
  })");
  const auto check = [&](const std::string& text) { return crossed(report, parse_threshold(text)); };
  CHECK(check("nps.score < 20") == "threshold crossed: nps.score < 20 (nps.score is 12.5)");
  CHECK_FALSE(check("nps.score < 12.5"));
  CHECK(check("nps.score <= 12.5"));
  CHECK_FALSE(check("nps.score > 12.5"));
  CHECK(check("nps.score >= 12.5"));
  CHECK(check("nps.score == 12.5"));
  CHECK_FALSE(check("nps.score != 12.5"));
  CHECK(check("servqual.gap.mean < -0.5"));
  CHECK(check("dimension.reliability.gap.mean <= -1"));
  CHECK(check("input.rows_rejected > 0"));
  CHECK(check("region=North:nps.score < 10") ==
        "threshold crossed: region=North:nps.score < 10 (region=North:nps.score is 9)");
  CHECK(check("delta.nps.score > 1") == "threshold crossed: delta.nps.score > 1 (delta.nps.score is 2)");
  CHECK_FALSE(check("delta.servqual.gap.mean < -0.5"));
  // A null figure fails the job whatever the comparison: no data is not a pass.
  CHECK(check("item.R1.gap.mean > 100") == "threshold crossed: item.R1.gap.mean > 100 (item.R1.gap.mean is null)");
}

TEST_CASE("a threshold naming no figure is a usage error", "[trend]") {
  const json report = json::parse(R"({"results": [{"segment": {}, "metrics": [{"id": "nps", "score": 1}]}]})");
  const auto why = [&](const std::string& text) {
    const Thrown thrown = thrown_by([&] { crossed(report, parse_threshold(text)); });
    CHECK(thrown.kind == ErrorKind::kUsage);
    return thrown.messages.at(0);
  };
  CHECK_THAT(why("nps.scor < 1"), Catch::Contains("no such figure in the report"));
  CHECK_THAT(why("csat.score < 1"), Catch::Contains("no such figure in the report"));
  CHECK_THAT(why("region=South:nps.score < 1"), Catch::Contains("no segment region=South"));
  CHECK_THAT(why("delta.nps.score < 1"), Catch::Contains("no baseline comparison"));
}

}  // namespace gapscore
