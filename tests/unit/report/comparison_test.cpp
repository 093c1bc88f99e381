#include "gapscore/report/comparison.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <nlohmann/json.hpp>

#include "gapscore/writers/comparison_writer.h"
#include "gapscore/writers/report_reader.h"
#include "test_support.h"

namespace gapscore {

namespace {

using nlohmann::json;

// Two small reports whose comparisons are worked out by hand below, read
// as gapscore reads a report back.
Report report_a() {
  return read_report(R"({
    "gapscore_report": 1, "questionnaire": {"title": "Managers"},
    "results": [{
      "segment": {}, "rows": 12, "suppressed": false,
      "servqual": {
        "items": [{"id": "R1", "dimension": "reliability", "gap": {"n": 10, "mean": -1.0, "sd": 1.0}},
                  {"id": "R2", "dimension": "reliability", "gap": {"n": 10, "mean": 0.0, "sd": 1.0}}],
        "dimensions": [], "overall": {}},
      "metrics": [{"id": "nps", "type": "nps", "n": 100, "score": 20, "se": 3},
                  {"id": "csat", "type": "csat", "n": 100, "satisfied": 80, "score": 80,
                   "rating": {"n": 100, "mean": 4.0, "sd": 1.0}},
                  {"id": "ces", "type": "ces", "stats": {"n": 5, "mean": 5, "sd": 1},
                   "agree": {"n": 5, "count": 3, "score": 60}}]
    }]
  })",
                     "a.json");
}

Report report_b() {
  return read_report(R"({
    "gapscore_report": 1, "questionnaire": {"title": "Customers"},
    "results": [
      {"segment": {}, "rows": 30, "suppressed": false,
       "servqual": {
         "items": [{"id": "R1", "dimension": "reliability", "gap": {"n": 10, "mean": 0.0, "sd": 1.0}},
                   {"id": "R2", "dimension": "reliability", "gap": {"n": 10, "mean": 0.0, "sd": 1.0}},
                   {"id": "R3", "dimension": "reliability", "gap": {"n": 10, "mean": 0.0, "sd": 1.0}}]},
       "metrics": [{"id": "nps", "type": "nps", "n": 100, "score": 10, "se": 4},
                   {"id": "csat", "type": "csat", "n": 100, "satisfied": 70, "score": 70,
                    "rating": {"n": 100, "mean": 4.0, "sd": 0.0}},
                   {"id": "ces", "type": "nps", "n": 1, "score": 0, "se": null}]},
      {"segment": {"region": "North"}, "rows": 3, "suppressed": true}
    ]
  })",
                     "b.json");
}

const ComparedFigure& find(const ReportComparison& comparison, const std::string& id, const std::string& measure) {
  for (const ComparedFigure& figure : comparison.figures) {
    if (figure.id == id && figure.measure == measure) return figure;
  }
  FAIL("no figure " << id << " " << measure);
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("two reports are compared item by item with Welch tests, Holm-adjusted per measure", "[compare]") {
  const ReportComparison comparison = compare_reports(report_a(), "a.json", "", report_b(), "b.json", "");
  CHECK(comparison.a.title == "Managers");
  CHECK(comparison.b.rows == 30);

  // R1: difference -1, each variance of the mean 1/10, t = -1/sqrt(0.2),
  // Welch df = 0.2^2 / (0.1^2/9 + 0.1^2/9) = 18, p = 2 P(T18 > 2.2361).
  const ComparedFigure& r1 = find(comparison, "R1", "gap");
  CHECK(r1.level == "item");
  CHECK(r1.dimension == "reliability");
  CHECK(*r1.a.mean == -1.0);
  CHECK(r1.b.n == 10);
  CHECK(r1.kind == ComparedKind::kMeans);
  CHECK(r1.comparison.test == "welch");
  CHECK(*r1.comparison.difference == Approx(-1));
  CHECK(*r1.comparison.statistic == Approx(-2.2360679775));
  CHECK(*r1.comparison.df == Approx(18));
  CHECK(*r1.comparison.p == Approx(0.0382496145).epsilon(1e-8));
  // Two item gaps are two tests: Holm doubles the smaller p, and the
  // difference is no longer significant.
  CHECK(*r1.comparison.p_adjusted == Approx(0.0764992290).epsilon(1e-8));
  CHECK(r1.comparison.flag.empty());
  const ComparedFigure& r2 = find(comparison, "R2", "gap");
  CHECK(*r2.comparison.p == Approx(1));
  CHECK(*r2.comparison.p_adjusted == Approx(1));

  // NPS: difference 10, se sqrt(3^2 + 4^2) = 5, z = 2, a family of one.
  const ComparedFigure& nps = find(comparison, "nps", "score");
  CHECK(nps.comparison.test == "z");
  CHECK(*nps.comparison.se == Approx(5));
  CHECK(*nps.comparison.statistic == Approx(2));
  CHECK(*nps.comparison.p_adjusted == Approx(0.0455002639).epsilon(1e-8));
  CHECK(nps.comparison.flag == "above");

  // CSAT: 80% against 70%, pooled 75%, se sqrt(.75 .25 (1/100 + 1/100)).
  const ComparedFigure& csat = find(comparison, "csat", "score");
  CHECK(csat.comparison.test == "two_proportion");
  CHECK(csat.a.count == 80);
  CHECK(csat.kind == ComparedKind::kProportion);
  CHECK(*csat.comparison.difference == Approx(10));
  CHECK(*csat.comparison.statistic == Approx(1.6329931619));
  CHECK(*csat.comparison.p == Approx(0.1024704349).epsilon(1e-8));
  // One side without variance still gives a Welch test (the other's).
  const ComparedFigure& rating = find(comparison, "csat", "rating");
  CHECK(*rating.comparison.difference == Approx(0));
  CHECK(*rating.comparison.statistic == Approx(0));
}

TEST_CASE("what only one report has is listed, not compared", "[compare]") {
  const ReportComparison comparison = compare_reports(report_a(), "a.json", "", report_b(), "b.json", "");
  CHECK(comparison.only_in_a == std::vector<std::string>{"metric ces (a ces here)"});
  CHECK(comparison.only_in_b == std::vector<std::string>{"item R3", "metric ces (a nps here)"});
  for (const ComparedFigure& figure : comparison.figures) CHECK(figure.id != "ces");
}

TEST_CASE("a segment must be in its report and not suppressed", "[compare]") {
  const Thrown missing =
      thrown_by([] { compare_reports(report_a(), "a.json", "region=East", report_b(), "b.json", ""); });
  CHECK(missing.kind == ErrorKind::kUsage);
  CHECK(missing.messages.at(0) ==
        "a.json: error: no segment \"region=East\" in this report; it has (the whole data set)");
  const Thrown suppressed =
      thrown_by([] { compare_reports(report_a(), "a.json", "", report_b(), "b.json", "region=North"); });
  CHECK(suppressed.kind == ErrorKind::kInvalid);
  CHECK_THAT(suppressed.messages.at(0), Catch::Contains("is suppressed"));
}

TEST_CASE("a segment of crossed columns is named in either order", "[compare]") {
  Report crossed = report_a();
  crossed.results.front().segment = {{"region", "North"}, {"channel", "Web"}};
  for (const char* label : {"region=North;channel=Web", "channel=Web;region=North"}) {
    const ReportComparison comparison = compare_reports(crossed, "a.json", label, report_b(), "b.json", "");
    CHECK(comparison.a.segment == SegmentValues{{"region", "North"}, {"channel", "Web"}});
  }
  const std::string json_text =
      comparison_to_json(compare_reports(crossed, "a.json", "channel=Web;region=North", report_b(), "b.json", ""));
  CHECK(json_text.find("\"segment\": {\n      \"region\": \"North\",\n      \"channel\": \"Web\"\n    }") !=
        std::string::npos);
}

}  // namespace gapscore
