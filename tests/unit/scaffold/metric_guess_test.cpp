#include "gapscore/scaffold/metric_guess.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "gapscore/scaffold/scaffold.h"
#include "scaffold/profiles.h"

namespace gapscore {

TEST_CASE("metrics need their name and a range that fits", "[scaffold]") {
  const std::vector<std::string> names = {"likely_to_recommend", "satisfaction", "effort_score", "recommend_group"};
  std::vector<std::vector<std::string>> rows;
  // CSAT answered on 1..10; effort beyond 1..7; a 1..3 group code.
  for (int r = 0; r < 30; ++r) {
    rows.push_back(
        {std::to_string(r % 11), std::to_string(1 + r % 10), std::to_string(1 + r % 9), std::to_string(1 + r % 3)});
  }
  const Scaffold scaffold =
      scaffold_questionnaire(scaffold::HeaderLayout{"", 1, false, names, {}}, profiles_of(4, rows), "x.csv", "");
  const auto& metrics = scaffold.questionnaire["metrics"];
  REQUIRE(metrics.size() == 2);
  CHECK(metrics[0]["column"] == "likely_to_recommend");
  CHECK(metrics[1]["column"] == "satisfaction");
  CHECK(metrics[1]["scale"] == "csat10");
  CHECK(scaffold.questionnaire["scales"]["csat10"] == nlohmann::ordered_json({{"min", 1}, {"max", 10}}));
}

}  // namespace gapscore
