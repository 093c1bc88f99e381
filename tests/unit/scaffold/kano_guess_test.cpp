#include "gapscore/scaffold/kano_guess.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

namespace gapscore {

TEST_CASE("Kano columns pair by their stem, ignoring case; a lone functional column stays", "[scaffold]") {
  const std::vector<std::string> names = {"App_has", "chat_with", "app_lacks", "video_func"};
  const std::vector<std::string> no_questions;
  const std::vector<ColumnProfile> profiles(names.size());
  scaffold::Guesswork work(names, no_questions, profiles);
  CHECK(scaffold::guess_kano_features(work) ==
        nlohmann::ordered_json({{{"id", "App"}, {"functional", "App_has"}, {"dysfunctional", "app_lacks"}}}));
  CHECK(work.used == std::vector<bool>{true, false, true, false});
  CHECK(work.notes ==
        std::vector<std::string>{
            "Kano: 1 features with functional and dysfunctional columns (like \"App_has\"/\"app_lacks\"); "
            "answers 1..5 or the usual wordings (\"I like it\" ... \"I dislike it\")"});
}

}  // namespace gapscore
