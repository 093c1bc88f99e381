#include "gapscore/scaffold/kano_guess.h"

#include <algorithm>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "gapscore/base/text.h"
#include "gapscore/scaffold/column_names.h"

namespace gapscore::scaffold {

namespace {

// Kano answers: mostly integers within 1..5, or wordings like the usual
// ones ("I like it", "I dislike it", "must-be"), all of which hold "like"
// or come with those that do.
bool holds_kano_answers(const ColumnProfile& profile) {
  const std::int64_t filled = profile.cells() - profile.empty();
  if (filled == 0) return false;
  if (profile.integers() * 2 > filled) return *profile.min() >= 1 && *profile.max() <= 5;
  const auto& texts = profile.texts();
  return profile.numbers() == 0 && std::any_of(texts.begin(), texts.end(), [](const auto& text) {
           return ascii_lower(text.first).find("like") != std::string::npos;
         });
}

}  // namespace

nlohmann::ordered_json guess_kano_features(Guesswork& work) {
  const std::vector<std::string>& names = work.names;
  nlohmann::ordered_json features = nlohmann::ordered_json::array();
  for (std::size_t f = 0; f < names.size(); ++f) {
    const auto functional = split_suffix(names[f]);
    if (work.used[f] || !functional || !one_of(functional->second, {"has", "with", "functional", "func"})) continue;
    for (std::size_t d = 0; d < names.size(); ++d) {
      const auto dysfunctional = split_suffix(names[d]);
      if (!work.used[d] && dysfunctional && holds_kano_answers(work.profiles[f]) &&
          holds_kano_answers(work.profiles[d]) &&
          one_of(dysfunctional->second, {"lacks", "without", "dysfunctional", "dysf"}) &&
          iequals(functional->first, dysfunctional->first)) {
        features.push_back({{"id", functional->first}, {"functional", names[f]}, {"dysfunctional", names[d]}});
        work.used[f] = work.used[d] = true;
        break;
      }
    }
  }
  if (!features.empty()) {
    work.notes.push_back("Kano: " + std::to_string(features.size()) +
                         " features with functional and dysfunctional columns (like \"" +
                         features.front()["functional"].get<std::string>() + "\"/\"" +
                         features.front()["dysfunctional"].get<std::string>() +
                         "\"); answers 1..5 or the usual wordings (\"I like it\" ... \"I dislike it\")");
  }
  return features;
}

}  // namespace gapscore::scaffold
