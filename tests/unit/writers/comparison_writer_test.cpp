#include "gapscore/writers/comparison_writer.h"

#include <catch2/catch.hpp>

#include "gapscore/base/version.h"

namespace gapscore {

namespace {

// One Welch test of an item gap, one z test of an NPS, with survey weights
// on side A; the figures are made up, the writers only lay them out.
ReportComparison small_comparison() {
  ReportComparison comparison;
  comparison.a = {"a.json", "Managers", {{"region", "North"}, {"channel", "Web"}}, 12};
  comparison.b = {"b.json", "Customers", {}, 30};
  ComparedFigure gap;
  gap.level = "item";
  gap.id = "R1";
  gap.dimension = "reliability";
  gap.measure = "gap";
  gap.a.n = 10;
  gap.a.n_eff = 8.5;
  gap.a.mean = -1;
  gap.a.sd = 1;
  gap.b.n = 10;
  gap.b.mean = 0;
  gap.comparison = {"welch", -1.0, std::nullopt, -2.5, 18.0, 0.02, 0.04, "below"};
  ComparedFigure nps;
  nps.level = "metric";
  nps.id = "nps";
  nps.type = "nps";
  nps.measure = "score";
  nps.kind = ComparedKind::kNps;
  nps.a.n = 100;
  nps.a.score = 20;
  nps.a.se = 3;
  nps.b.n = 80;
  nps.b.score = 10;
  nps.b.se = 4;
  nps.comparison = {"z", 10.0, 5.0, 2.0, std::nullopt, 0.0455, 0.0455, ""};
  comparison.figures = {gap, nps};
  comparison.only_in_b = {"item R3"};
  return comparison;
}

}  // namespace

TEST_CASE("the CSV comparison is tidy: one figure a row, a then b then the test", "[writers]") {
  CHECK(comparison_to_csv(small_comparison()) ==
        "level,id,measure,stat,value\n"
        "item,R1,gap,a_n,10\nitem,R1,gap,a_n_eff,8.5\nitem,R1,gap,a_mean,-1\nitem,R1,gap,a_sd,1\n"
        "item,R1,gap,b_n,10\nitem,R1,gap,b_mean,0\nitem,R1,gap,b_sd,\n"
        "item,R1,gap,difference,-1\nitem,R1,gap,t,-2.5\nitem,R1,gap,df,18\nitem,R1,gap,p,0.02\n"
        "item,R1,gap,p_holm,0.04\nitem,R1,gap,flag,-1\n"
        "metric,nps,score,a_n,100\nmetric,nps,score,a_score,20\nmetric,nps,score,a_se,3\n"
        "metric,nps,score,b_n,80\nmetric,nps,score,b_score,10\nmetric,nps,score,b_se,4\n"
        "metric,nps,score,difference,10\nmetric,nps,score,z,2\nmetric,nps,score,se,5\n"
        "metric,nps,score,p,0.0455\nmetric,nps,score,p_holm,0.0455\nmetric,nps,score,flag,0\n");
}

TEST_CASE("the JSON comparison groups figures by entry, the sides first", "[writers]") {
  const std::string json = comparison_to_json(small_comparison());
  const std::string version = tool_version();
  CHECK(json.rfind("{\n  \"gapscore_comparison\": 1,\n  \"tool\": {\n    \"name\": \"gapscore\",\n    \"version\": \"" +
                       version +
                       "\"\n  },\n  \"a\": {\n    \"file\": \"a.json\",\n    \"title\": \"Managers\",\n"
                       "    \"segment\": {\n      \"region\": \"North\",\n      \"channel\": \"Web\"\n    },\n"
                       "    \"rows\": 12\n  },\n",
                   0) == 0);
  CHECK(json.find("\"items\": [\n    {\n      \"id\": \"R1\",\n      \"dimension\": \"reliability\",\n"
                  "      \"gap\": {\n        \"a\": {\n          \"n\": 10,\n          \"n_eff\": 8.5,\n") !=
        std::string::npos);
  CHECK(json.find("\"metrics\": [\n    {\n      \"id\": \"nps\",\n      \"type\": \"nps\",\n      \"score\": {") !=
        std::string::npos);
  CHECK(json.find("\"only_in_b\": [\n    \"item R3\"\n  ]\n}\n") != std::string::npos);
}

}  // namespace gapscore
