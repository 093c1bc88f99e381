#include "gapscore/scaffold/kano_guess.h"

#include <nlohmann/json.hpp>
#include <string>

#include "gapscore/base/text.h"
#include "gapscore/scaffold/column_names.h"

namespace gapscore::scaffold {

nlohmann::ordered_json guess_kano_features(Guesswork& work) {
  const std::vector<std::string>& names = work.names;
  nlohmann::ordered_json features = nlohmann::ordered_json::array();
  for (std::size_t f = 0; f < names.size(); ++f) {
    const auto functional = split_suffix(names[f]);
    if (work.used[f] || !functional || !one_of(functional->second, {"has", "with", "functional", "func"})) continue;
    for (std::size_t d = 0; d < names.size(); ++d) {
      const auto dysfunctional = split_suffix(names[d]);
      if (!work.used[d] && dysfunctional &&
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
