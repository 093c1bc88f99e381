#include "gapscore/scaffold/respondent_guess.h"

#include <catch2/catch.hpp>

#include "scaffold/profiles.h"

namespace gapscore {

TEST_CASE("an id with a few repeats and weights with a few gaps are still found", "[scaffold]") {
  // 40 ids, 38 distinct: R0 three times.
  const std::vector<std::string> names = {"ResponseId", "weight"};
  std::vector<std::vector<std::string>> rows;
  for (int r = 0; r < 40; ++r) {
    rows.push_back({"R" + std::to_string(r < 3 ? 0 : r), r == 5 ? "n/a" : r == 6 ? "" : "0.5"});
  }
  const std::vector<std::string> no_questions;
  const std::vector<ColumnProfile> profiles = profiles_of(names.size(), rows);
  scaffold::Guesswork work(names, no_questions, profiles);
  CHECK(scaffold::guess_respondent_id(work) == "ResponseId");
  CHECK(scaffold::guess_weight_column(work) == "weight");
  CHECK(work.used == std::vector<bool>{true, true});
  CHECK(work.notes ==
        std::vector<std::string>{
            "respondent id: column \"ResponseId\" (2 repeated values in the sample: those rows will be rejected as "
            "duplicate_id)",
            "survey weights: column \"weight\"; every figure will be weighted (2 rows in the sample have no number "
            "here and will be rejected); remove \"weight_column\" if these are not weights"});
}

TEST_CASE("too many repeats make no id, a negative value no weight", "[scaffold]") {
  // 20 ids, 10 distinct.
  const std::vector<std::string> names = {"id", "wt"};
  std::vector<std::vector<std::string>> rows;
  for (int r = 0; r < 20; ++r) rows.push_back({std::to_string(r % 10), r == 0 ? "-1" : "1"});
  const std::vector<std::string> no_questions;
  const std::vector<ColumnProfile> profiles = profiles_of(names.size(), rows);
  scaffold::Guesswork work(names, no_questions, profiles);
  CHECK_FALSE(scaffold::guess_respondent_id(work));
  CHECK_FALSE(scaffold::guess_weight_column(work));
  CHECK(work.used == std::vector<bool>{false, false});
  CHECK(work.notes.empty());
}

}  // namespace gapscore
