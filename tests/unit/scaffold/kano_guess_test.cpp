#include "gapscore/scaffold/kano_guess.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "scaffold/profiles.h"

namespace gapscore {

TEST_CASE("Kano columns pair by their stem, ignoring case; a lone functional column stays", "[scaffold]") {
  const std::vector<std::string> names = {"App_has", "chat_with", "app_lacks", "video_func"};
  const std::vector<std::string> no_questions;
  const std::vector<ColumnProfile> profiles =
      profiles_of(names.size(), {{"1", "I like it", "5", "2"}, {"2", "I dislike it", "4", "3"}});
  scaffold::Guesswork work(names, no_questions, profiles);
  CHECK(scaffold::guess_kano_features(work) ==
        nlohmann::ordered_json({{{"id", "App"}, {"functional", "App_has"}, {"dysfunctional", "app_lacks"}}}));
  CHECK(work.used == std::vector<bool>{true, false, true, false});
  CHECK(work.notes ==
        std::vector<std::string>{
            "Kano: 1 features with functional and dysfunctional columns (like \"App_has\"/\"app_lacks\"); "
            "answers 1..5 or the usual wordings (\"I like it\" ... \"I dislike it\")"});
}

TEST_CASE("Kano pairs need Kano answers: 1..5 or the usual wordings", "[scaffold]") {
  const std::vector<std::string> names = {"Wifi_has", "Wifi_lacks", "Tv_has", "Tv_lacks", "Bar_has", "Bar_lacks"};
  const std::vector<std::string> no_questions;
  // Wifi: empty; Tv: yes/no; Bar: 1..9 codes.
  const std::vector<ColumnProfile> profiles =
      profiles_of(names.size(), {{"", "", "yes", "no", "7", "9"}, {"", "", "no", "yes", "8", "6"}});
  scaffold::Guesswork work(names, no_questions, profiles);
  CHECK(scaffold::guess_kano_features(work).empty());
  CHECK(work.notes.empty());
}

}  // namespace gapscore
