#include "gapscore/scaffold/column_names.h"

#include <catch2/catch.hpp>
#include <string>
#include <utility>

namespace gapscore {

TEST_CASE("item columns are read from the common namings", "[scaffold]") {
  const auto check = [](const std::string& name, const std::string& measure, const std::string& key) {
    const std::optional<ItemColumn> column = item_column(name);
    INFO(name);
    REQUIRE(column);
    CHECK(column->measure == measure);
    CHECK(column->key == key);
  };
  check("E_01", "expectation", "01");
  check("P01", "perception", "01");
  check("e3", "expectation", "3");
  check("Q1_exp", "expectation", "Q1");
  check("Q1_perf", "perception", "Q1");
  check("T1_min", "adequate", "T1");
  check("T1_des", "desired", "T1");
  check("RL2_per", "perception", "RL2");
  check("Expectation - Prompt service", "expectation", "Prompt service");
  check("Perceptions: Prompt service", "perception", "Prompt service");
  CHECK_FALSE(item_column("Email"));
  CHECK_FALSE(item_column("region"));
  CHECK_FALSE(item_column("nps"));
  CHECK_FALSE(item_column("Type"));
}

TEST_CASE("names split into a stem and a final word of letters", "[scaffold]") {
  using Parts = std::pair<std::string, std::string>;
  CHECK(scaffold::split_suffix("Q1_exp") == Parts{"Q1", "exp"});
  CHECK(scaffold::split_suffix("Q1 - perf") == Parts{"Q1", "perf"});
  CHECK(scaffold::split_suffix("app_has") == Parts{"app", "has"});
  // No separator, no stem, no final word, or a stem ending in a separator.
  CHECK_FALSE(scaffold::split_suffix("Q1exp"));
  CHECK_FALSE(scaffold::split_suffix("exp"));
  CHECK_FALSE(scaffold::split_suffix("_exp"));
  CHECK_FALSE(scaffold::split_suffix("Q1"));
}

TEST_CASE("names split into letters and a number", "[scaffold]") {
  using Parts = std::pair<std::string, std::string>;
  CHECK(scaffold::split_lettered("RL2") == Parts{"RL", "2"});
  CHECK(scaffold::split_lettered("E_01") == Parts{"E", "01"});
  CHECK(scaffold::split_lettered("T1a") == Parts{"T", "1a"});
  CHECK_FALSE(scaffold::split_lettered("12"));
  CHECK_FALSE(scaffold::split_lettered("E__1"));
  CHECK_FALSE(scaffold::split_lettered("T1ab"));
  CHECK_FALSE(scaffold::split_lettered("region"));
}

TEST_CASE("respondent id names and word lists ignore case", "[scaffold]") {
  for (const char* name : {"ID", "respondent", "Respondent ID", "resp_id", "ResponseId", "case id", "participantid"}) {
    INFO(name);
    CHECK(scaffold::is_id_name(name));
  }
  CHECK_FALSE(scaffold::is_id_name("idx"));
  CHECK_FALSE(scaffold::is_id_name("respondent_number"));
  CHECK(scaffold::one_of("Weight", {"weight", "wt"}));
  CHECK_FALSE(scaffold::one_of("weights", {"weight", "wt"}));
}

}  // namespace gapscore
