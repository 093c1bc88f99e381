#include "gapscore/report/threshold.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace gapscore {

using nlohmann::ordered_json;

TEST_CASE("a threshold is [SEGMENT:]PATH OP NUMBER", "[threshold]") {
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

TEST_CASE("a malformed threshold is a usage error saying what is wrong", "[threshold]") {
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

TEST_CASE("thresholds are checked against the report's figures", "[threshold]") {
  const ordered_json report = ordered_json::parse(R"({
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

TEST_CASE("a threshold naming no figure is a usage error", "[threshold]") {
  const ordered_json report =
      ordered_json::parse(R"({"results": [{"segment": {}, "metrics": [{"id": "nps", "score": 1}]}]})");
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

TEST_CASE("a threshold names a crossed segment's columns in either order", "[threshold]") {
  const ordered_json report = ordered_json::parse(R"({"results": [
    {"segment": {}, "metrics": [{"id": "nps", "score": 1}]},
    {"segment": {"region": "North", "channel": "Web"}, "metrics": [{"id": "nps", "score": 7}]}]})");
  CHECK(crossed(report, parse_threshold("region=North;channel=Web:nps.score < 10")) ==
        "threshold crossed: region=North;channel=Web:nps.score < 10 (region=North;channel=Web:nps.score is 7)");
  CHECK(crossed(report, parse_threshold("channel=Web;region=North:nps.score < 10")));
  CHECK_FALSE(crossed(report, parse_threshold("channel=Web;region=North:nps.score < 5")));
  CHECK_THAT(thrown_by([&] { crossed(report, parse_threshold("region=North:nps.score < 5")); }).messages.at(0),
             Catch::Contains("no segment region=North"));
}

}  // namespace gapscore
