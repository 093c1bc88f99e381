#include "gapscore/engine/breakdowns.h"

#include <catch2/catch.hpp>
#include <map>
#include <string>
#include <vector>

#include "scoring.h"
#include "test_support.h"

namespace gapscore {

TEST_CASE("too many segments stop the run with a clear usage error", "[engine]") {
  EngineOptions options;
  options.breakdowns = {{"id"}};
  options.max_segments = 2;
  const Thrown thrown =
      thrown_by([&] { read_into_engine("data.csv", "id,e,p,s\n1,5,4,4\n2,5,4,4\n3,5,4,4\n", options); });
  CHECK(thrown.kind == ErrorKind::kUsage);
  CHECK(thrown.messages == std::vector<std::string>{"data.csv:4:1: error: --by id makes more than 2 segments; is it an "
                                                    "id or free-text column? (--max-segments raises the limit)"});
}

TEST_CASE("text that is not UTF-8 is reported with its line and repaired in the report", "[engine]") {
  std::vector<std::string> problems;
  EngineOptions options;
  options.breakdowns = {{"r\xE9gion"}};
  options.on_problem = [&problems](const Diagnostic& d) { problems.push_back(format_diagnostic(d)); };
  const Report report = score_text(parse_questionnaire(kSmall, "q.json"),
                                   "id,e,p,s,r\xE9gion\n1,5,4,4,Caf\xE9\n2,5,4,4,Caf\xE9\n3,5,4,4,Nord\n", options);
  CHECK(problems == std::vector<std::string>{
                        "data.csv:1:10: warning: column name \"r\\xe9gion\" is not valid UTF-8; is the file in another "
                        "encoding?",
                        "data.csv:2:9: warning: r\\xe9gion: segment value \"Caf\\xe9\" is not valid UTF-8; reported "
                        "as \"Caf\xEF\xBF\xBD\"",
                    });
  REQUIRE(report.results.size() == 3);
  CHECK(report.results[1].segment[0].second == "Caf\xEF\xBF\xBD");
  CHECK(report.results[1].rows == 2);
}

TEST_CASE("breakdowns sharing columns count each segment's rows, and warn of a value once, at its first row",
          "[engine]") {
  std::vector<std::string> problems;
  EngineOptions options;
  options.breakdowns = {{"r"}, {"c"}, {"r", "c"}};
  options.on_problem = [&problems](const Diagnostic& d) { problems.push_back(format_diagnostic(d)); };
  const Report report = score_text(parse_questionnaire(kSmall, "q.json"),
                                   "id,e,p,s,r,c\n1,5,4,4,Caf\xE9,web\n2,5,4,4,Nord,sh\xF6p\n3,5,4,4,Caf\xE9,sh\xF6p\n"
                                   "4,5,4,4,Nord,web\n5,4,4,4,Caf\xE9,web\n",
                                   options);
  // Once, at the value's first row, though two breakdowns read each column.
  const std::string cafe =
      "data.csv:2:9: warning: r: segment value \"Caf\\xe9\" is not valid UTF-8; reported as "
      "\"Caf\xEF\xBF\xBD\"";
  const std::string shop =
      "data.csv:3:14: warning: c: segment value \"sh\\xf6p\" is not valid UTF-8; reported as "
      "\"sh\xEF\xBF\xBDp\"";
  CHECK(problems == std::vector<std::string>{cafe, shop});
  std::map<std::string, std::int64_t> rows;
  for (const SegmentResult& result : report.results) {
    std::string name;
    for (const auto& [column, value] : result.segment) name += column + "=" + value + ";";
    rows[name] = result.rows;
  }
  const std::string cafe_label = "Caf\xEF\xBF\xBD";
  const std::string shop_label = "sh\xEF\xBF\xBDp";
  CHECK(rows == std::map<std::string, std::int64_t>{{"", 5},
                                                    {"r=" + cafe_label + ";", 3},
                                                    {"r=Nord;", 2},
                                                    {"c=web;", 3},
                                                    {"c=" + shop_label + ";", 2},
                                                    {"r=" + cafe_label + ";c=web;", 2},
                                                    {"r=" + cafe_label + ";c=" + shop_label + ";", 1},
                                                    {"r=Nord;c=web;", 1},
                                                    {"r=Nord;c=" + shop_label + ";", 1}});
  // The Café rows' perceptions are 4, 4, 4 against expectations 5, 5, 4;
  // Café and web, the first and last rows: 4 and 4 against 5 and 4.
  for (const SegmentResult& result : report.results) {
    if (result.segment.empty() || result.segment[0].second != cafe_label) continue;
    REQUIRE(result.items.size() == 1);
    const bool web = result.segment.size() == 2 && result.segment[1].second == "web";
    if (result.segment.size() == 1) CHECK(*result.items[0].gap->mean == Approx(-2.0 / 3));
    if (web) CHECK(*result.items[0].gap->mean == Approx(-0.5));
  }
}

TEST_CASE("crossed segments and --min-n suppression", "[engine]") {
  EngineOptions options;
  options.breakdowns = {{"r", "c"}};
  options.min_n = 2;
  const Report report =
      score_text(parse_questionnaire(kSmall, "q.json"),
                 "id,e,p,s,r,c\n1,5,4,4,N,web\n2,5,5,5,N,web\n3,4,4,4,S,web\n4,4,4,4, N ,shop\n", options);
  REQUIRE(report.results.size() == 4);
  CHECK(report.results[1].segment == std::vector<std::pair<std::string, std::string>>{{"r", "N"}, {"c", "shop"}});
  CHECK(report.results[1].suppressed);
  CHECK(report.results[1].rows == 1);
  CHECK(report.results[1].items.empty());
  CHECK(report.results[2].segment[1].second == "web");
  CHECK_FALSE(report.results[2].suppressed);
  CHECK(report.results[2].rows == 2);
  CHECK(report.results[3].segment[0].second == "S");
}

TEST_CASE("a breakdown is named as on the command line", "[engine]") {
  Breakdown crossed;
  crossed.columns = {"region", "age group"};
  CHECK(crossed.option() == "--by region,age group");
  Breakdown single;
  single.columns = {"region"};
  CHECK(single.option() == "--by region");
}

TEST_CASE("saved segments add up by their values, up to --max-segments", "[engine]") {
  const Plan plan = make_plan(parse_questionnaire(kSmall, "q.json"));
  Breakdown breakdown;
  breakdown.columns = {"region"};
  Segment north{{"North"}, Tally(plan)};
  north.tally.row_count() = 3;
  const SegmentLimit one{1, "(the advice)"};
  breakdown.merge_saved({"North"}, north, plan, one, "a.state");
  // The same values again: the rows add up and the first labels stay.
  Segment again{{"relabelled"}, Tally(plan)};
  again.tally.row_count() = 4;
  breakdown.merge_saved({"North"}, again, plan, one, "b.state");
  REQUIRE(breakdown.segments.size() == 1);
  CHECK(breakdown.segments.at({"North"}).tally.rows() == 7);
  CHECK(breakdown.segments.at({"North"}).labels == std::vector<std::string>{"North"});
  const Segment south{{"South"}, Tally(plan)};
  const Thrown thrown = thrown_by([&] { breakdown.merge_saved({"South"}, south, plan, one, "c.state"); });
  CHECK(thrown.kind == ErrorKind::kUsage);
  CHECK(thrown.messages ==
        std::vector<std::string>{"c.state: error: --by region makes more than 1 segments; (the advice)"});
  CHECK(breakdown.segments.size() == 1);
}

}  // namespace gapscore
