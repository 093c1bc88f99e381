#include "gapscore/questionnaire/kano_section.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "gapscore/questionnaire/load_state.h"
#include "problems_of.h"

namespace gapscore {

namespace {

// The problems of reading `document`'s scales and then its Kano section into `state`.
std::vector<std::string> kano_problems(const std::string& document, LoadState& state) {
  const nlohmann::json root = nlohmann::json::parse(document);
  state.scales.read(state.check, root);
  read_kano(root, state);
  return formatted(state.check.problems());
}

}  // namespace

TEST_CASE("a Kano section without a scale reads the wordings survey tools use", "[questionnaire]") {
  LoadState state("q.json");
  CHECK(kano_problems(R"({"kano": {"features": [
      {"id": "wifi", "text": "Free wifi", "functional": "wifi_f", "dysfunctional": "wifi_d"}]}})",
                      state)
            .empty());
  REQUIRE(state.questionnaire.kano.size() == 1);
  const KanoFeature& wifi = state.questionnaire.kano[0];
  CHECK(wifi.id == "wifi");
  CHECK(wifi.text == "Free wifi");
  CHECK(wifi.functional == "wifi_f");
  CHECK(wifi.dysfunctional == "wifi_d");
  CHECK(wifi.scale.min == 1);
  CHECK(wifi.scale.max == 5);
  const std::pair<std::string, int> live_with{"I can live with it", 4};
  CHECK(std::find(wifi.scale.labels.begin(), wifi.scale.labels.end(), live_with) != wifi.scale.labels.end());
  CHECK(state.columns.at("wifi_d") == "/kano/features/0/dysfunctional");
}

TEST_CASE("a Kano scale runs from 1 to 5", "[questionnaire]") {
  LoadState state("q.json");
  CHECK(kano_problems(R"({"scales": {"agree7": {"min": 1, "max": 7}},
      "kano": {"scale": "agree7", "features": [{"id": "a", "functional": "f", "dysfunctional": "d"}]}})",
                      state) ==
        std::vector<std::string>{
            "q.json: /kano/scale: error: a Kano scale runs from 1 (like) to 5 (dislike), this one from 1 to 7"});
  CHECK(state.questionnaire.kano.empty());
}

TEST_CASE("a Kano section needs features", "[questionnaire]") {
  LoadState none("q.json");
  CHECK(kano_problems(R"({"kano": {}})", none) ==
        std::vector<std::string>{"q.json: /kano: error: a Kano section needs a non-empty array of \"features\""});
  LoadState empty("q.json");
  CHECK(kano_problems(R"({"kano": {"features": []}})", empty) ==
        std::vector<std::string>{
            "q.json: /kano/features: error: a Kano section needs a non-empty array of \"features\""});
}

TEST_CASE("Kano feature ids are unique and each column is read once", "[questionnaire]") {
  LoadState state("q.json");
  CHECK(
      kano_problems(R"({"kano": {"features": [
      {"id": "a", "functional": "f", "dysfunctional": "d"},
      {"id": "a", "functional": "d", "dysfunctional": "e"}]}})",
                    state) ==
      std::vector<std::string>{
          "q.json: /kano/features/1/functional: error: column \"d\" is already used at /kano/features/0/dysfunctional",
          "q.json: /kano/features/1/id: error: feature id \"a\" is already used at /kano/features/0",
      });
  REQUIRE(state.questionnaire.kano.size() == 1);
  CHECK(state.questionnaire.kano[0].functional == "f");
}

}  // namespace gapscore
