#include "gapscore/writers/report_reader.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>

#include "gapscore/report/baseline.h"
#include "gapscore/writers/json_writer.h"
#include "test_support.h"
#include "writers/small_report.h"

namespace gapscore {

namespace {

std::string bundled(const std::string& path) {
  std::ifstream file(std::string(GAPSCORE_SOURCE_DIR) + "/" + path, std::ios::binary);
  REQUIRE(file);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("a report read back writes the same bytes: the reader mirrors the writer", "[writers]") {
  // Between them these hold every kind of block: items with E, P, zones of
  // tolerance and gaps, dimensions with alpha and importance, weighted and
  // unweighted overall scores, NPS, CSAT, CES, drivers, Kano, survey
  // weights, segments compared with the rest, suppressed segments.
  for (const char* path :
       {"examples/servqual22/expected/report.json", "examples/servqual22/expected/report_by_region.json",
        "examples/servqual22/management/expected/report.json", "examples/servqual22/previous/report_by_region.json",
        "examples/weighted/expected/report.json", "examples/weighted/expected/report_by_region.json"}) {
    INFO(path);
    const std::string text = bundled(path);
    CHECK(to_json(read_report(text, path)) == text);
  }
  const std::string small = to_json(small_report());
  CHECK(to_json(read_report(small, "small.json")) == small);
}

TEST_CASE("comparisons with a baseline read back too", "[writers]") {
  Report report = read_report(bundled("examples/servqual22/expected/report_by_region.json"), "now.json");
  compare_with_baseline(report,
                        read_report(bundled("examples/servqual22/previous/report_by_region.json"), "then.json"));
  const std::string text = to_json(report);
  CHECK(text.find("\"vs_baseline\"") != std::string::npos);
  CHECK(to_json(read_report(text, "now.json")) == text);
}

TEST_CASE("a segment's columns keep the breakdown's order", "[writers]") {
  const Report report = read_report(
      R"({"gapscore_report": 1, "results": [{"segment": {"region": "North", "channel": "Web", "n": 3}}]})", "r.json");
  REQUIRE(report.results.size() == 1);
  CHECK(report.results[0].segment == SegmentValues{{"region", "North"}, {"channel", "Web"}, {"n", "3"}});
}

TEST_CASE("what does not fit reads as null, 0 or absent, never as a wrong figure", "[writers]") {
  const Report report = read_report(R"({
    "gapscore_report": 1,
    "input": {"files": ["a.csv", 7], "rows_read": "12", "rows_used": 11.0, "rows_rejected": -1},
    "results": [{
      "segment": {}, "rows": 1e300, "suppressed": "no",
      "servqual": {
        "items": [{"id": "T1", "gap": {"n": 4, "mean": "-1", "sd": null, "ci95": [1]},
                   "perception": {"n": 4, "mean": 3, "distribution": {"freq": {"1": 2, "999999": 1}}},
                   "expectation": 5},
                  {"id": 2, "gap": {"n": 1, "mean": 0}},
                  "not an item"],
        "dimensions": [{"id": "d", "gap": {"n": 4, "mean": -1}, "alpha": {"gap": {"value": "high"}}}],
        "overall": {"gap_weighted": {"n": 1, "mean": 0}}},
      "metrics": [{"id": "nps", "type": "nps", "n": 10, "score": 20, "se": 2},
                  {"id": "x", "type": "sus", "n": 10},
                  {"type": "csat"}]
    }]
  })",
                                    "odd.json");
  CHECK(report.input.files == std::vector<std::string>{"a.csv"});
  CHECK(report.input.rows_read == 0);
  CHECK(report.input.rows_used == 11);
  CHECK(report.input.rows_rejected == -1);
  REQUIRE(report.results.size() == 1);
  const SegmentResult& all = report.results[0];
  CHECK(all.rows == 0);
  CHECK_FALSE(all.suppressed);
  REQUIRE(all.items.size() == 1);
  const ItemResult& item = all.items[0];
  CHECK(item.gap->n == 4);
  CHECK_FALSE(item.gap->mean);
  CHECK_FALSE(item.gap->ci95);
  CHECK_FALSE(item.expectation);
  // A frequency table no scale could have (a million points) is left out.
  CHECK(item.perception->distribution.freq.empty());
  CHECK(*item.perception->stats.mean == 3);
  REQUIRE(all.dimensions.size() == 1);
  CHECK_FALSE(all.dimensions[0].measures.at(0).reliability.alpha);
  // A weighted overall score without its unweighted one has nothing to stand beside.
  CHECK(all.overall.empty());
  REQUIRE(all.metrics.size() == 1);
  CHECK(all.metrics[0].nps.n == 10);
  CHECK(*all.metrics[0].nps.se == 2);
}

TEST_CASE("what is not a gapscore JSON report is refused, naming the file", "[writers]") {
  const Thrown not_json = thrown_by([] { read_report("{\"gapscore_report\": 1,", "broken.json"); });
  CHECK(not_json.kind == ErrorKind::kInvalid);
  CHECK(not_json.messages == std::vector<std::string>{"broken.json: error: not a gapscore JSON report (not JSON)"});
  for (const char* text : {"[]", "{\"gapscore\": 1}", "{\"gapscore_report\": 1, \"results\": {}}"}) {
    const Thrown thrown = thrown_by([&] { read_report(text, "q.json"); });
    CHECK(thrown.kind == ErrorKind::kInvalid);
    CHECK(thrown.messages == std::vector<std::string>{
                                 "q.json: error: not a gapscore JSON report (no \"gapscore_report\" and \"results\")"});
  }
}

}  // namespace gapscore
