#include "gapscore/questionnaire/servqual_section.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "gapscore/base/text.h"

namespace gapscore {

namespace {

using nlohmann::json;

// Dimension scores are summed exactly over the common denominator
// lcm(1..k); past 30 items it would not fit in 64 bits.
constexpr int kMaxItemsPerDimension = 30;

// One walk over the section. Weights are checked across dimensions, and
// ids must be unique across the section, so the walk keeps what it has seen.
class ServqualReader {
 public:
  explicit ServqualReader(LoadState& state) : state_(state), check_(state.check), questionnaire_(state.questionnaire) {}

  void read(const json& servqual, const std::string& pointer) {
    check_.allow_keys(servqual, pointer, {"scale", "min_items", "dimensions", "importance"});
    default_scale_given_ = servqual.contains("scale");
    default_scale_ = state_.scales.reference(check_, servqual, pointer);
    // 0: not given, each dimension then needs half its items.
    default_min_items_ = check_.integer_at(servqual, "min_items", pointer, false).value_or(0);
    if (default_min_items_ < 0 || (default_min_items_ == 0 && servqual.contains("min_items"))) {
      check_.problem(child(pointer, "min_items"), "min_items must be at least 1");
      default_min_items_ = 0;
    }
    const auto dimensions = servqual.find("dimensions");
    if (dimensions == servqual.end()) {
      check_.problem(pointer, "missing required key \"dimensions\"");
      return;
    }
    const std::string dimensions_pointer = child(pointer, "dimensions");
    if (!dimensions->is_array() || dimensions->empty()) {
      check_.problem(dimensions_pointer, "expected a non-empty array of dimensions, found " + type_name(*dimensions));
      return;
    }
    for (std::size_t d = 0; d < dimensions->size(); ++d) read_dimension((*dimensions)[d], child(dimensions_pointer, d));
    read_weights(dimensions_pointer);
    read_importance(servqual, pointer);
  }

 private:
  void read_dimension(const json& value, const std::string& pointer) {
    if (!check_.expect_object(value, pointer)) return;
    check_.allow_keys(value, pointer, {"id", "label", "weight", "min_items", "items"});
    Dimension dimension;
    if (auto id = check_.string_at(value, "id", pointer, true)) {
      dimension.id = *id;
      const auto [it, inserted] = dimension_ids_.emplace(*id, pointer);
      if (!inserted)
        check_.problem(child(pointer, "id"), "dimension id " + quote(*id) + " is already used at " + it->second);
    }
    dimension.label = check_.string_at(value, "label", pointer, false).value_or(dimension.id);
    read_weight(value, pointer, dimension);
    std::optional<int> min_items = check_.integer_at(value, "min_items", pointer, false);
    const auto items = value.find("items");
    if (items == value.end()) {
      check_.problem(pointer, "missing required key \"items\"");
    } else if (!items->is_array() || items->empty()) {
      check_.problem(child(pointer, "items"), "a dimension needs at least one item");
    } else {
      for (std::size_t i = 0; i < items->size(); ++i) {
        std::optional<Item> item = read_item((*items)[i], child(child(pointer, "items"), i));
        if (!item) continue;
        item->dimension = dimension.id;
        dimension.items.push_back(questionnaire_.items.size());
        questionnaire_.items.push_back(std::move(*item));
      }
    }
    const int k = static_cast<int>(dimension.items.size());
    if (k > kMaxItemsPerDimension) {
      check_.problem(child(pointer, "items"), "a dimension may have at most " + std::to_string(kMaxItemsPerDimension) +
                                                  " items, this one has " + std::to_string(k));
    }
    if (min_items) {
      if (*min_items < 1) {
        check_.problem(child(pointer, "min_items"), "min_items must be at least 1");
      } else if (k > 0 && *min_items > k) {
        check_.problem(child(pointer, "min_items"), "min_items " + std::to_string(*min_items) + " is more than the " +
                                                        std::to_string(k) + " item(s) of the dimension");
      }
      dimension.min_items = *min_items;
    } else {
      dimension.min_items = std::min(default_min_items_ > 0 ? default_min_items_ : (k + 1) / 2, std::max(k, 1));
    }
    questionnaire_.dimensions.push_back(std::move(dimension));
  }

  // Whether the section weighs its dimensions is known only once every
  // dimension is read, so this notes where weights are and are not.
  void read_weight(const json& value, const std::string& pointer, Dimension& dimension) {
    const auto weight = value.find("weight");
    if (weight == value.end()) {
      dimensions_without_weight_.push_back(pointer);
      return;
    }
    if (!weight->is_number()) {
      check_.problem(child(pointer, "weight"), "expected a number, found " + type_name(*weight));
    } else if (weight->get<double>() < 0 || !std::isfinite(weight->get<double>())) {
      check_.problem(child(pointer, "weight"), "a weight must not be negative");
    } else {
      dimension.weight = weight->get<double>();
    }
    weight_pointers_.push_back(child(pointer, "weight"));
  }

  std::optional<Item> read_item(const json& value, const std::string& pointer) {
    if (!check_.expect_object(value, pointer)) return std::nullopt;
    check_.allow_keys(
        value, pointer,
        {"id", "text", "expectation", "perception", "adequate", "desired", "scale", "reverse", "optional"});
    Item item;
    bool ok = true;
    if (auto id = check_.string_at(value, "id", pointer, true)) {
      item.id = *id;
      const auto [it, inserted] = item_ids_.emplace(*id, pointer);
      if (!inserted) {
        check_.problem(child(pointer, "id"), "item id " + quote(*id) + " is already used at " + it->second);
        ok = false;
      }
    } else {
      ok = false;
    }
    item.text = check_.string_at(value, "text", pointer, false).value_or("");
    const std::optional<std::string> perception = check_.column_at(value, "perception", pointer, true);
    if (!perception) ok = false;
    item.perception = perception.value_or("");
    item.expectation = check_.column_at(value, "expectation", pointer, false).value_or("");
    item.adequate = check_.column_at(value, "adequate", pointer, false).value_or("");
    item.desired = check_.column_at(value, "desired", pointer, false).value_or("");
    for (const auto& [key, column] : {std::pair<const char*, const std::string*>{"expectation", &item.expectation},
                                      {"perception", &item.perception},
                                      {"adequate", &item.adequate},
                                      {"desired", &item.desired}}) {
      if (!column->empty()) state_.use_column(*column, child(pointer, key));
    }
    item.reverse = check_.boolean_at(value, "reverse", pointer).value_or(false);
    item.optional = check_.boolean_at(value, "optional", pointer).value_or(false);
    if (value.contains("scale")) {
      const std::optional<Scale> scale = state_.scales.reference(check_, value, pointer);
      if (!scale) return std::nullopt;
      item.scale = *scale;
    } else if (default_scale_) {
      item.scale = *default_scale_;
    } else {
      if (!default_scale_given_) {
        check_.problem(pointer, "no scale: give \"scale\" here or under \"/servqual\"");
      }
      return std::nullopt;
    }
    if (!ok) return std::nullopt;
    return item;
  }

  void read_weights(const std::string& dimensions_pointer) {
    if (weight_pointers_.empty()) return;
    if (!dimensions_without_weight_.empty()) {
      for (const std::string& pointer : dimensions_without_weight_) {
        check_.problem(pointer, "missing \"weight\": give every dimension a weight, or none");
      }
      return;
    }
    double sum = 0;
    for (const Dimension& dimension : questionnaire_.dimensions) sum += dimension.weight.value_or(0);
    if (sum <= 0) {
      check_.problem(dimensions_pointer, "the dimension weights sum to 0");
      return;
    }
    questionnaire_.weighting = Weighting::kFixed;
  }

  void read_importance(const json& servqual, const std::string& servqual_pointer) {
    const auto found = servqual.find("importance");
    if (found == servqual.end()) return;
    const std::string pointer = child(servqual_pointer, "importance");
    if (!check_.expect_object(*found, pointer)) return;
    if (!weight_pointers_.empty()) {
      check_.problem(pointer, "give either fixed dimension weights or importance columns, not both");
      return;
    }
    std::vector<std::string> ids;
    for (const Dimension& dimension : questionnaire_.dimensions) ids.push_back(dimension.id);
    bool ok = true;
    for (const auto& [id, column] : found->items()) {
      const std::string entry = child(pointer, id);
      const auto dimension = std::find_if(questionnaire_.dimensions.begin(), questionnaire_.dimensions.end(),
                                          [&id = id](const Dimension& d) { return d.id == id; });
      if (dimension == questionnaire_.dimensions.end()) {
        check_.problem(entry, "unknown dimension " + quote(id) + did_you_mean(id, ids));
        ok = false;
        continue;
      }
      if (!column.is_string() || trim(column.get<std::string>()).empty()) {
        check_.problem(entry, "expected a column name, found " + type_name(column));
        ok = false;
        continue;
      }
      dimension->importance_column = column.get<std::string>();
      state_.use_column(dimension->importance_column, entry);
    }
    for (const Dimension& dimension : questionnaire_.dimensions) {
      if (dimension.importance_column.empty()) {
        check_.problem(pointer, "no importance column for dimension " + quote(dimension.id));
        ok = false;
      }
    }
    if (ok) questionnaire_.weighting = Weighting::kImportance;
  }

  LoadState& state_;
  Checker& check_;
  Questionnaire& questionnaire_;
  // What "/servqual" gives every dimension and item that does not say.
  bool default_scale_given_ = false;
  std::optional<Scale> default_scale_;
  int default_min_items_ = 0;
  std::map<std::string, std::string> dimension_ids_;
  std::map<std::string, std::string> item_ids_;
  std::vector<std::string> weight_pointers_;
  std::vector<std::string> dimensions_without_weight_;
};

}  // namespace

void read_servqual(const json& root, LoadState& state) {
  const auto found = root.find("servqual");
  if (found == root.end()) return;
  const std::string pointer = "/servqual";
  if (!state.check.expect_object(*found, pointer)) return;
  state.questionnaire.has_servqual = true;
  ServqualReader(state).read(*found, pointer);
}

}  // namespace gapscore
