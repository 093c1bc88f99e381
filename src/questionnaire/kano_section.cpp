#include "gapscore/questionnaire/kano_section.h"

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>

#include "gapscore/base/text.h"

namespace gapscore {

namespace {

using nlohmann::json;

// The Kano answers in the wordings survey tools commonly use.
Scale default_kano_scale() {
  Scale scale{"(kano default 1..5)", 1, 5, {}};
  const std::pair<const char*, int> labels[] = {{"like", 1},
                                                {"I like it", 1},
                                                {"I like it that way", 1},
                                                {"must-be", 2},
                                                {"must be", 2},
                                                {"It must be that way", 2},
                                                {"I expect it", 2},
                                                {"I expect it that way", 2},
                                                {"neutral", 3},
                                                {"I am neutral", 3},
                                                {"I don't care", 3},
                                                {"live-with", 4},
                                                {"live with", 4},
                                                {"I can live with it", 4},
                                                {"I can tolerate it", 4},
                                                {"dislike", 5},
                                                {"I dislike it", 5},
                                                {"I dislike it that way", 5}};
  for (const auto& [label, code] : labels) scale.labels.emplace_back(label, code);
  return scale;
}

// The section's scale, or nothing when the one it names is unknown, broken
// or not 1..5.
std::optional<Scale> read_kano_scale(const json& kano, const std::string& pointer, LoadState& state) {
  if (!kano.contains("scale")) return default_kano_scale();
  const std::optional<Scale> named = state.scales.reference(state.check, kano, pointer);
  if (!named) return std::nullopt;
  if (named->min != 1 || named->max != 5) {
    state.check.problem(child(pointer, "scale"), "a Kano scale runs from 1 (like) to 5 (dislike), this one from " +
                                                     std::to_string(named->min) + " to " + std::to_string(named->max));
    return std::nullopt;
  }
  return named;
}

void read_feature(const json& value, const std::string& pointer, const Scale& scale,
                  std::map<std::string, std::string>& ids, LoadState& state) {
  Checker& check = state.check;
  if (!check.expect_object(value, pointer)) return;
  check.allow_keys(value, pointer, {"id", "text", "functional", "dysfunctional", "optional"});
  KanoFeature feature;
  feature.scale = scale;
  const std::optional<std::string> id = check.string_at(value, "id", pointer, true);
  const std::optional<std::string> functional = check.column_at(value, "functional", pointer, true);
  const std::optional<std::string> dysfunctional = check.column_at(value, "dysfunctional", pointer, true);
  feature.text = check.string_at(value, "text", pointer, false).value_or("");
  feature.optional = check.boolean_at(value, "optional", pointer).value_or(false);
  if (functional) state.use_column(*functional, child(pointer, "functional"));
  if (dysfunctional) state.use_column(*dysfunctional, child(pointer, "dysfunctional"));
  if (!id || !functional || !dysfunctional) return;
  const auto [it, inserted] = ids.emplace(*id, pointer);
  if (!inserted) {
    check.problem(child(pointer, "id"), "feature id " + quote(*id) + " is already used at " + it->second);
    return;
  }
  feature.id = *id;
  feature.functional = *functional;
  feature.dysfunctional = *dysfunctional;
  state.questionnaire.kano.push_back(std::move(feature));
}

}  // namespace

void read_kano(const json& root, LoadState& state) {
  const auto found = root.find("kano");
  if (found == root.end()) return;
  const std::string pointer = "/kano";
  if (!state.check.expect_object(*found, pointer)) return;
  state.check.allow_keys(*found, pointer, {"scale", "features"});
  const std::optional<Scale> scale = read_kano_scale(*found, pointer, state);
  if (!scale) return;
  const auto features = found->find("features");
  const std::string features_pointer = child(pointer, "features");
  if (features == found->end() || !features->is_array() || features->empty()) {
    state.check.problem(features == found->end() ? pointer : features_pointer,
                        "a Kano section needs a non-empty array of \"features\"");
    return;
  }
  std::map<std::string, std::string> ids;
  for (std::size_t i = 0; i < features->size(); ++i) {
    read_feature((*features)[i], child(features_pointer, i), *scale, ids, state);
  }
}

}  // namespace gapscore
