#include "gapscore/questionnaire/questionnaire.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "gapscore/base/diagnostic.h"
#include "gapscore/base/text.h"

namespace gapscore {

namespace {

using nlohmann::json;

// The widest scale accepted: frequency tables hold one count per point.
constexpr int kMaxScalePoints = 1001;
// Dimension scores are summed exactly over the common denominator
// lcm(1..k); past 30 items it would not fit in 64 bits.
constexpr int kMaxItemsPerDimension = 30;

std::string escape_pointer_token(std::string_view token) {
  std::string out;
  for (const char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string child(const std::string& pointer, std::string_view key) {
  return pointer + "/" + escape_pointer_token(key);
}

std::string child(const std::string& pointer, std::size_t index) { return pointer + "/" + std::to_string(index); }

std::string type_name(const json& value) {
  switch (value.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::boolean:
      return "a boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return "an integer";
    case json::value_t::number_float:
      return "a number with a fraction";
    case json::value_t::string:
      return "a string";
    case json::value_t::array:
      return "an array";
    case json::value_t::object:
      return "an object";
    default:
      return "something else";
  }
}

// Collects problems while walking the JSON document; each accessor reports
// what it expected at which pointer and returns nothing on a mismatch, so
// the walk goes on and every problem is found in one run.
class Checker {
 public:
  explicit Checker(std::string file) : file_(std::move(file)) {}

  void problem(const std::string& pointer, const std::string& message) {
    Diagnostic d;
    d.file = file_;
    d.pointer = pointer;
    d.has_pointer = true;
    d.message = message;
    problems_.push_back(std::move(d));
  }

  const std::vector<Diagnostic>& problems() const { return problems_; }

  bool expect_object(const json& value, const std::string& pointer) {
    if (value.is_object()) return true;
    problem(pointer, "expected an object, found " + type_name(value));
    return false;
  }

  void allow_keys(const json& object, const std::string& pointer, const std::vector<std::string>& allowed) {
    for (const auto& [key, value] : object.items()) {
      if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
      problem(child(pointer, key), "unknown key " + quote(key) + did_you_mean(key, allowed));
    }
  }

  std::optional<std::string> string_at(const json& object, const std::string& key, const std::string& pointer,
                                       bool required) {
    const auto found = object.find(key);
    if (found == object.end()) {
      if (required) problem(pointer, "missing required key " + quote(key));
      return std::nullopt;
    }
    if (!found->is_string()) {
      problem(child(pointer, key), "expected a string, found " + type_name(*found));
      return std::nullopt;
    }
    return found->get<std::string>();
  }

  std::optional<std::string> column_at(const json& object, const std::string& key, const std::string& pointer,
                                       bool required) {
    std::optional<std::string> column = string_at(object, key, pointer, required);
    if (column && trim(*column).empty()) {
      problem(child(pointer, key), "a column name must not be empty");
      return std::nullopt;
    }
    return column;
  }

  std::optional<int> integer_at(const json& object, const std::string& key, const std::string& pointer, bool required) {
    const auto found = object.find(key);
    if (found == object.end()) {
      if (required) problem(pointer, "missing required key " + quote(key));
      return std::nullopt;
    }
    return integer(*found, child(pointer, key));
  }

  std::optional<int> integer(const json& value, const std::string& pointer) {
    if (!value.is_number_integer()) {
      problem(pointer, "expected an integer, found " + type_name(value));
      return std::nullopt;
    }
    const auto number = value.get<long long>();
    if (number < -1000000000LL || number > 1000000000LL) {
      problem(pointer, "integer " + std::to_string(number) + " is outside -1000000000..1000000000");
      return std::nullopt;
    }
    return static_cast<int>(number);
  }

  std::optional<bool> boolean_at(const json& object, const std::string& key, const std::string& pointer) {
    const auto found = object.find(key);
    if (found == object.end()) return std::nullopt;
    if (!found->is_boolean()) {
      problem(child(pointer, key), "expected true or false, found " + type_name(*found));
      return std::nullopt;
    }
    return found->get<bool>();
  }

 private:
  std::string file_;
  std::vector<Diagnostic> problems_;
};

std::optional<Scale> read_scale(Checker& check, const std::string& name, const json& value,
                                const std::string& pointer) {
  if (!check.expect_object(value, pointer)) return std::nullopt;
  check.allow_keys(value, pointer, {"min", "max", "labels"});
  const std::optional<int> min = check.integer_at(value, "min", pointer, true);
  const std::optional<int> max = check.integer_at(value, "max", pointer, true);
  if (!min || !max) return std::nullopt;
  Scale scale;
  scale.name = name;
  scale.min = *min;
  scale.max = *max;
  bool ok = true;
  if (*min >= *max) {
    check.problem(pointer, "min (" + std::to_string(*min) + ") must be less than max (" + std::to_string(*max) + ")");
    ok = false;
  } else if (static_cast<long long>(*max) - *min + 1 > kMaxScalePoints) {
    check.problem(pointer, "a scale may have at most " + std::to_string(kMaxScalePoints) + " points, this one has " +
                               std::to_string(static_cast<long long>(*max) - *min + 1));
    ok = false;
  }
  const auto labels = value.find("labels");
  if (labels != value.end()) {
    const std::string labels_pointer = child(pointer, "labels");
    if (check.expect_object(*labels, labels_pointer)) {
      std::map<std::string, std::string> seen;
      for (const auto& [label, code_value] : labels->items()) {
        const std::string label_pointer = child(labels_pointer, label);
        const std::string key = ascii_lower(trim(label));
        if (key.empty()) {
          check.problem(label_pointer, "a label must not be empty");
          ok = false;
          continue;
        }
        if (!seen.emplace(key, label).second) {
          check.problem(label_pointer, "label " + quote(label) + " is the same as " + quote(seen[key]) +
                                           " once case and surrounding spaces are ignored");
          ok = false;
          continue;
        }
        const std::optional<int> code = check.integer(code_value, label_pointer);
        if (!code) {
          ok = false;
          continue;
        }
        if (*code < *min || *code > *max) {
          check.problem(label_pointer, "code " + std::to_string(*code) + " is outside the scale " +
                                           std::to_string(*min) + ".." + std::to_string(*max));
          ok = false;
          continue;
        }
        scale.labels.emplace_back(std::string(trim(label)), *code);
      }
    }
  }
  if (!ok) return std::nullopt;
  return scale;
}

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

Scale builtin_scale(MetricType type) {
  switch (type) {
    case MetricType::kNps:
      return Scale{"(nps default 0..10)", 0, 10, {}};
    case MetricType::kCsat:
      return Scale{"(csat default 1..5)", 1, 5, {}};
    case MetricType::kCes:
      return Scale{"(ces default 1..7)", 1, 7, {}};
  }
  return {};
}

class Loader {
 public:
  Loader(const json& root, const std::string& file) : root_(root), check_(file) {
    questionnaire_.file = file;
    questionnaire_.source = root.dump();
  }

  Questionnaire load() {
    if (!check_.expect_object(root_, "")) throw Error(ErrorKind::kInvalid, check_.problems());
    check_.allow_keys(root_, "",
                      {"$schema", "gapscore", "title", "respondent_id", "weight_column", "header_rows", "header_names",
                       "missing", "scales", "servqual", "metrics", "kano", "drivers"});
    read_version();
    questionnaire_.title = check_.string_at(root_, "title", "", false).value_or("");
    if (auto id = check_.column_at(root_, "respondent_id", "", false)) {
      questionnaire_.respondent_id = *id;
      use_column(*id, "/respondent_id");
    }
    if (auto weight = check_.column_at(root_, "weight_column", "", false)) {
      questionnaire_.weight_column = *weight;
      use_column(*weight, "/weight_column");
    }
    read_header_rows();
    read_header_names();
    read_missing();
    read_scales();
    read_servqual();
    read_metrics();
    read_kano();
    read_drivers();
    if (!root_.contains("servqual") && !root_.contains("metrics") && !root_.contains("kano")) {
      check_.problem("", "nothing to score: give a \"servqual\" section, \"metrics\" or \"kano\"");
    }
    check_missing_against_labels();
    if (!check_.problems().empty()) throw Error(ErrorKind::kInvalid, check_.problems());
    return std::move(questionnaire_);
  }

 private:
  void read_version() {
    const auto found = root_.find("gapscore");
    if (found == root_.end()) {
      check_.problem("", "missing required key \"gapscore\" (the format version, 1)");
      return;
    }
    if (!found->is_number_integer() || found->get<long long>() != 1) {
      check_.problem("/gapscore", "unsupported format version " + found->dump() + ", this gapscore reads version 1");
    }
  }

  void read_header_rows() {
    if (auto rows = check_.integer_at(root_, "header_rows", "", false)) {
      if (*rows < 1 || *rows > 100) {
        check_.problem("/header_rows", "header_rows must be between 1 and 100, found " + std::to_string(*rows));
      } else {
        questionnaire_.header_rows = *rows;
      }
    }
  }

  void read_header_names() {
    const auto found = root_.find("header_names");
    if (found == root_.end()) return;
    HeaderNaming& naming = questionnaire_.header_names;
    if (found->is_string() && found->get<std::string>() == "joined") {
      naming.joined = true;
    } else if (found->is_string() && found->get<std::string>() == "first") {
      naming.row = 1;
    } else if (found->is_string() && found->get<std::string>() == "last") {
      naming.row = questionnaire_.header_rows;
    } else if (found->is_number_integer() && found->get<long long>() >= 1 &&
               found->get<long long>() <= questionnaire_.header_rows) {
      naming.row = found->get<int>();
    } else {
      check_.problem("/header_names", "expected \"first\", \"last\", \"joined\" or a header row number from 1 to " +
                                          std::to_string(questionnaire_.header_rows) + ", found " + found->dump());
    }
  }

  void read_missing() {
    const auto found = root_.find("missing");
    if (found == root_.end()) {
      questionnaire_.missing = {"", "NA", "N/A"};
      return;
    }
    if (!found->is_array()) {
      check_.problem("/missing", "expected an array of strings, found " + type_name(*found));
      return;
    }
    for (std::size_t i = 0; i < found->size(); ++i) {
      const json& token = (*found)[i];
      if (!token.is_string()) {
        check_.problem(child("/missing", i), "expected a string, found " + type_name(token));
        continue;
      }
      questionnaire_.missing.push_back(std::string(trim(token.get<std::string>())));
    }
  }

  void read_scales() {
    const auto found = root_.find("scales");
    if (found == root_.end()) return;
    if (!check_.expect_object(*found, "/scales")) return;
    for (const auto& [name, value] : found->items()) {
      const std::string pointer = child("/scales", name);
      if (std::optional<Scale> scale = read_scale(check_, name, value, pointer)) {
        scales_.emplace(name, *scale);
      } else {
        broken_scales_.insert(name);
      }
    }
  }

  std::vector<std::string> scale_names() const {
    std::vector<std::string> names;
    for (const auto& [name, scale] : scales_) names.push_back(name);
    return names;
  }

  // Resolves a "scale" reference; a scale that exists but failed its own
  // checks is not reported again at each use.
  std::optional<Scale> scale_reference(const json& object, const std::string& pointer) {
    const std::optional<std::string> name = check_.string_at(object, "scale", pointer, false);
    if (!name) return std::nullopt;
    const auto found = scales_.find(*name);
    if (found != scales_.end()) return found->second;
    if (broken_scales_.count(*name) == 0) {
      check_.problem(child(pointer, "scale"), "unknown scale " + quote(*name) + did_you_mean(*name, scale_names()));
    }
    return std::nullopt;
  }

  void use_column(const std::string& column, const std::string& pointer) {
    const auto [it, inserted] = columns_.emplace(column, pointer);
    if (!inserted) {
      check_.problem(pointer, "column " + quote(column) + " is already used at " + it->second);
    }
  }

  void read_servqual() {
    const auto found = root_.find("servqual");
    if (found == root_.end()) return;
    const std::string pointer = "/servqual";
    if (!check_.expect_object(*found, pointer)) return;
    const json& servqual = *found;
    questionnaire_.has_servqual = true;
    check_.allow_keys(servqual, pointer, {"scale", "min_items", "dimensions", "importance"});
    const bool scale_given = servqual.contains("scale");
    const std::optional<Scale> scale = scale_reference(servqual, pointer);
    // 0: not given, each dimension then needs half its items.
    int min_items = check_.integer_at(servqual, "min_items", pointer, false).value_or(0);
    if (min_items < 0 || (min_items == 0 && servqual.contains("min_items"))) {
      check_.problem(child(pointer, "min_items"), "min_items must be at least 1");
      min_items = 0;
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
    std::map<std::string, std::string> dimension_ids;
    std::map<std::string, std::string> item_ids;
    for (std::size_t d = 0; d < dimensions->size(); ++d) {
      read_dimension((*dimensions)[d], child(dimensions_pointer, d), scale_given, scale, min_items, dimension_ids,
                     item_ids);
    }
    read_weights(dimensions_pointer);
    read_importance(servqual, pointer);
  }

  void read_dimension(const json& value, const std::string& pointer, bool default_scale_given,
                      const std::optional<Scale>& default_scale, int default_min_items,
                      std::map<std::string, std::string>& dimension_ids, std::map<std::string, std::string>& item_ids) {
    if (!check_.expect_object(value, pointer)) return;
    check_.allow_keys(value, pointer, {"id", "label", "weight", "min_items", "items"});
    Dimension dimension;
    if (auto id = check_.string_at(value, "id", pointer, true)) {
      dimension.id = *id;
      const auto [it, inserted] = dimension_ids.emplace(*id, pointer);
      if (!inserted)
        check_.problem(child(pointer, "id"), "dimension id " + quote(*id) + " is already used at " + it->second);
    }
    dimension.label = check_.string_at(value, "label", pointer, false).value_or(dimension.id);
    const auto weight = value.find("weight");
    if (weight != value.end()) {
      if (!weight->is_number()) {
        check_.problem(child(pointer, "weight"), "expected a number, found " + type_name(*weight));
      } else if (weight->get<double>() < 0 || !std::isfinite(weight->get<double>())) {
        check_.problem(child(pointer, "weight"), "a weight must not be negative");
      } else {
        dimension.weight = weight->get<double>();
      }
      weight_pointers_.push_back(child(pointer, "weight"));
    } else {
      dimensions_without_weight_.push_back(pointer);
    }
    std::optional<int> min_items = check_.integer_at(value, "min_items", pointer, false);
    const auto items = value.find("items");
    if (items == value.end()) {
      check_.problem(pointer, "missing required key \"items\"");
    } else if (!items->is_array() || items->empty()) {
      check_.problem(child(pointer, "items"), "a dimension needs at least one item");
    } else {
      for (std::size_t i = 0; i < items->size(); ++i) {
        const std::string item_pointer = child(child(pointer, "items"), i);
        std::optional<Item> item = read_item((*items)[i], item_pointer, default_scale_given, default_scale, item_ids);
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
      dimension.min_items = std::min(default_min_items > 0 ? default_min_items : (k + 1) / 2, std::max(k, 1));
    }
    questionnaire_.dimensions.push_back(std::move(dimension));
  }

  std::optional<Item> read_item(const json& value, const std::string& pointer, bool default_scale_given,
                                const std::optional<Scale>& default_scale,
                                std::map<std::string, std::string>& item_ids) {
    if (!check_.expect_object(value, pointer)) return std::nullopt;
    check_.allow_keys(value, pointer,
                      {"id", "text", "expectation", "perception", "adequate", "desired", "scale", "reverse"});
    Item item;
    bool ok = true;
    if (auto id = check_.string_at(value, "id", pointer, true)) {
      item.id = *id;
      const auto [it, inserted] = item_ids.emplace(*id, pointer);
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
      if (!column->empty()) use_column(*column, child(pointer, key));
    }
    item.reverse = check_.boolean_at(value, "reverse", pointer).value_or(false);
    if (value.contains("scale")) {
      const std::optional<Scale> scale = scale_reference(value, pointer);
      if (!scale) return std::nullopt;
      item.scale = *scale;
    } else if (default_scale) {
      item.scale = *default_scale;
    } else {
      if (!default_scale_given) {
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
      use_column(dimension->importance_column, entry);
    }
    for (const Dimension& dimension : questionnaire_.dimensions) {
      if (dimension.importance_column.empty()) {
        check_.problem(pointer, "no importance column for dimension " + quote(dimension.id));
        ok = false;
      }
    }
    if (ok) questionnaire_.weighting = Weighting::kImportance;
  }

  void read_kano() {
    const auto found = root_.find("kano");
    if (found == root_.end()) return;
    const std::string pointer = "/kano";
    if (!check_.expect_object(*found, pointer)) return;
    check_.allow_keys(*found, pointer, {"scale", "features"});
    Scale scale = default_kano_scale();
    if (found->contains("scale")) {
      const std::optional<Scale> named = scale_reference(*found, pointer);
      if (!named) return;
      if (named->min != 1 || named->max != 5) {
        check_.problem(child(pointer, "scale"), "a Kano scale runs from 1 (like) to 5 (dislike), this one from " +
                                                    std::to_string(named->min) + " to " + std::to_string(named->max));
        return;
      }
      scale = *named;
    }
    const auto features = found->find("features");
    const std::string features_pointer = child(pointer, "features");
    if (features == found->end() || !features->is_array() || features->empty()) {
      check_.problem(features == found->end() ? pointer : features_pointer,
                     "a Kano section needs a non-empty array of \"features\"");
      return;
    }
    std::map<std::string, std::string> ids;
    for (std::size_t i = 0; i < features->size(); ++i) {
      const json& value = (*features)[i];
      const std::string feature_pointer = child(features_pointer, i);
      if (!check_.expect_object(value, feature_pointer)) continue;
      check_.allow_keys(value, feature_pointer, {"id", "text", "functional", "dysfunctional"});
      KanoFeature feature;
      feature.scale = scale;
      const std::optional<std::string> id = check_.string_at(value, "id", feature_pointer, true);
      const std::optional<std::string> functional = check_.column_at(value, "functional", feature_pointer, true);
      const std::optional<std::string> dysfunctional = check_.column_at(value, "dysfunctional", feature_pointer, true);
      feature.text = check_.string_at(value, "text", feature_pointer, false).value_or("");
      if (functional) use_column(*functional, child(feature_pointer, "functional"));
      if (dysfunctional) use_column(*dysfunctional, child(feature_pointer, "dysfunctional"));
      if (!id || !functional || !dysfunctional) continue;
      const auto [it, inserted] = ids.emplace(*id, feature_pointer);
      if (!inserted) {
        check_.problem(child(feature_pointer, "id"), "feature id " + quote(*id) + " is already used at " + it->second);
        continue;
      }
      feature.id = *id;
      feature.functional = *functional;
      feature.dysfunctional = *dysfunctional;
      questionnaire_.kano.push_back(std::move(feature));
    }
  }

  void read_drivers() {
    const auto found = root_.find("drivers");
    if (found == root_.end()) return;
    const std::string pointer = "/drivers";
    if (!check_.expect_object(*found, pointer)) return;
    check_.allow_keys(*found, pointer, {"outcome"});
    const std::optional<std::string> outcome = check_.string_at(*found, "outcome", pointer, true);
    if (!outcome) return;
    std::vector<std::string> ids;
    for (std::size_t m = 0; m < questionnaire_.metrics.size(); ++m) {
      ids.push_back(questionnaire_.metrics[m].id);
      if (questionnaire_.metrics[m].id == *outcome) questionnaire_.driver_outcome = static_cast<int>(m);
    }
    if (questionnaire_.driver_outcome < 0) {
      check_.problem(child(pointer, "outcome"), "no metric " + quote(*outcome) + did_you_mean(*outcome, ids) +
                                                    "; the outcome is the id of an nps or csat metric");
    } else if (questionnaire_.metrics[static_cast<std::size_t>(questionnaire_.driver_outcome)].type ==
               MetricType::kCes) {
      check_.problem(child(pointer, "outcome"), "the outcome of key drivers is an nps or csat metric");
    }
    if (!questionnaire_.has_servqual) check_.problem(pointer, "key drivers need a \"servqual\" section");
  }

  void read_metrics() {
    const auto found = root_.find("metrics");
    if (found == root_.end()) return;
    if (!found->is_array()) {
      check_.problem("/metrics", "expected an array of metrics, found " + type_name(*found));
      return;
    }
    std::map<std::string, std::string> ids;
    for (std::size_t i = 0; i < found->size(); ++i) read_metric((*found)[i], child("/metrics", i), ids);
  }

  void read_metric(const json& value, const std::string& pointer, std::map<std::string, std::string>& ids) {
    if (!check_.expect_object(value, pointer)) return;
    check_.allow_keys(value, pointer,
                      {"id", "type", "column", "scale", "promoter_min", "detractor_max", "satisfied_min", "agree_min"});
    Metric metric;
    bool ok = true;
    const std::optional<std::string> type = check_.string_at(value, "type", pointer, true);
    if (!type) return;
    if (*type == "nps") {
      metric.type = MetricType::kNps;
    } else if (*type == "csat") {
      metric.type = MetricType::kCsat;
    } else if (*type == "ces") {
      metric.type = MetricType::kCes;
    } else {
      check_.problem(child(pointer, "type"), "unknown metric type " + quote(*type) +
                                                 did_you_mean(*type, {"nps", "csat", "ces"}) +
                                                 "; expected \"nps\", \"csat\" or \"ces\"");
      return;
    }
    metric.id = check_.string_at(value, "id", pointer, false).value_or(*type);
    const auto [it, inserted] = ids.emplace(metric.id, pointer);
    if (!inserted) {
      check_.problem(pointer, "metric id " + quote(metric.id) + " is already used at " + it->second);
      ok = false;
    }
    if (auto column = check_.column_at(value, "column", pointer, true)) {
      metric.column = *column;
      use_column(*column, child(pointer, "column"));
    } else {
      ok = false;
    }
    if (value.contains("scale")) {
      const std::optional<Scale> scale = scale_reference(value, pointer);
      if (!scale) return;
      metric.scale = *scale;
    } else {
      metric.scale = builtin_scale(metric.type);
    }
    const Scale& scale = metric.scale;
    const auto option = [&](const char* key, MetricType only_for, int fallback) {
      if (!value.contains(key)) return fallback;
      if (metric.type != only_for) {
        check_.problem(child(pointer, key), std::string(key) + " applies only to " +
                                                (only_for == MetricType::kNps    ? "nps"
                                                 : only_for == MetricType::kCsat ? "csat"
                                                                                 : "ces") +
                                                " metrics");
        ok = false;
        return fallback;
      }
      const std::optional<int> number = check_.integer_at(value, key, pointer, true);
      if (!number) {
        ok = false;
        return fallback;
      }
      if (*number < scale.min || *number > scale.max) {
        check_.problem(child(pointer, key), std::string(key) + " " + std::to_string(*number) +
                                                " is outside the scale " + std::to_string(scale.min) + ".." +
                                                std::to_string(scale.max));
        ok = false;
      }
      return *number;
    };
    metric.promoter_min = option("promoter_min", MetricType::kNps, std::min(9, scale.max));
    metric.detractor_max = option("detractor_max", MetricType::kNps, std::min(6, scale.max - 1));
    metric.satisfied_min = option("satisfied_min", MetricType::kCsat, scale.max - 1);
    metric.agree_min = option("agree_min", MetricType::kCes, (scale.min + scale.max) / 2 + 1);
    if (metric.type == MetricType::kNps && metric.detractor_max >= metric.promoter_min) {
      check_.problem(pointer, "detractor_max (" + std::to_string(metric.detractor_max) +
                                  ") must be less than promoter_min (" + std::to_string(metric.promoter_min) + ")");
      ok = false;
    }
    if (ok) questionnaire_.metrics.push_back(std::move(metric));
  }

  // A token both missing and a label would be read as missing everywhere,
  // silently dropping answers that the label promised to score.
  void check_missing_against_labels() {
    for (const auto& [name, scale] : scales_) {
      for (const auto& [label, code] : scale.labels) {
        for (const std::string& token : questionnaire_.missing) {
          if (iequals(token, label)) {
            check_.problem(child(child("/scales", name), "labels"),
                           "label " + quote(label) + " is also a missing token; remove it from one of the two");
          }
        }
      }
    }
  }

  const json& root_;
  Checker check_;
  Questionnaire questionnaire_;
  std::map<std::string, Scale> scales_;
  std::set<std::string> broken_scales_;
  std::map<std::string, std::string> columns_;
  std::vector<std::string> weight_pointers_;
  std::vector<std::string> dimensions_without_weight_;
};

// nlohmann reports a byte offset; editors want line and column.
std::pair<std::uint64_t, std::uint64_t> line_and_column(std::string_view text, std::size_t byte) {
  std::uint64_t line = 1;
  std::uint64_t column = 1;
  for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

}  // namespace

Questionnaire parse_questionnaire(std::string_view json_text, const std::string& file_name) {
  json root;
  try {
    root = json::parse(json_text.begin(), json_text.end());
  } catch (const json::parse_error& e) {
    Diagnostic d;
    d.file = file_name;
    // e.byte is just past the last character read, the end of the
    // unexpected token; point at its start instead.
    std::size_t offset = std::min(e.byte > 0 ? e.byte - 1 : 0, json_text.size());
    if (offset < json_text.size() && json_text[offset] == '"') {
      const std::size_t open = json_text.rfind('"', offset > 0 ? offset - 1 : 0);
      if (open != std::string_view::npos && open < offset) offset = open;
    } else {
      const auto is_word = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '+';
      };
      while (offset > 0 && offset < json_text.size() && is_word(json_text[offset]) && is_word(json_text[offset - 1]))
        --offset;
    }
    std::tie(d.line, d.column) = line_and_column(json_text, offset);
    std::string message = e.what();
    const std::size_t detail = message.find("syntax error");
    d.message = "not valid JSON: " + (detail == std::string::npos ? message : message.substr(detail));
    throw Error(ErrorKind::kInvalid, std::move(d));
  } catch (const json::out_of_range& e) {
    // A number too large for a double ("2e7777"): nlohmann names the
    // literal but not its place, so find it in the text.
    const std::string message = e.what();
    const std::size_t quote_open = message.find('\'');
    const std::size_t quote_close = message.rfind('\'');
    std::size_t offset = 0;
    if (quote_open != std::string::npos && quote_close > quote_open) {
      offset = json_text.find(message.substr(quote_open + 1, quote_close - quote_open - 1));
      if (offset == std::string_view::npos) offset = 0;
    }
    Diagnostic d;
    d.file = file_name;
    std::tie(d.line, d.column) = line_and_column(json_text, offset);
    const std::size_t detail = message.find("number overflow");
    d.message = "not valid JSON: " + (detail == std::string::npos ? message : message.substr(detail));
    throw Error(ErrorKind::kInvalid, std::move(d));
  }
  return Loader(root, file_name).load();
}

Questionnaire load_questionnaire(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorKind::kIo, path, std::string("cannot open the questionnaire: ") + std::strerror(errno));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad())
    throw Error(ErrorKind::kIo, path, std::string("cannot read the questionnaire: ") + std::strerror(errno));
  return parse_questionnaire(text.str(), path);
}

std::vector<ColumnUse> column_uses(const Questionnaire& questionnaire) {
  std::vector<ColumnUse> uses;
  if (!questionnaire.respondent_id.empty()) {
    uses.push_back({questionnaire.respondent_id, "the respondent id", "/respondent_id"});
  }
  if (!questionnaire.weight_column.empty()) {
    uses.push_back({questionnaire.weight_column, "the survey weight", "/weight_column"});
  }
  for (std::size_t d = 0; d < questionnaire.dimensions.size(); ++d) {
    const Dimension& dimension = questionnaire.dimensions[d];
    for (std::size_t i = 0; i < dimension.items.size(); ++i) {
      const Item& item = questionnaire.items[dimension.items[i]];
      const std::string pointer = "/servqual/dimensions/" + std::to_string(d) + "/items/" + std::to_string(i);
      for (const auto& [measure, column] :
           {std::pair<const char*, const std::string*>{"expectation", &item.expectation},
            {"perception", &item.perception},
            {"adequate", &item.adequate},
            {"desired", &item.desired}}) {
        if (!column->empty()) {
          uses.push_back({*column, "item " + item.id + " " + measure, pointer + "/" + measure});
        }
      }
    }
  }
  for (const Dimension& dimension : questionnaire.dimensions) {
    if (!dimension.importance_column.empty()) {
      uses.push_back({dimension.importance_column, "importance of " + dimension.id,
                      "/servqual/importance/" + escape_pointer_token(dimension.id)});
    }
  }
  for (std::size_t m = 0; m < questionnaire.metrics.size(); ++m) {
    const Metric& metric = questionnaire.metrics[m];
    uses.push_back({metric.column, "metric " + metric.id, "/metrics/" + std::to_string(m) + "/column"});
  }
  for (std::size_t f = 0; f < questionnaire.kano.size(); ++f) {
    const KanoFeature& feature = questionnaire.kano[f];
    const std::string pointer = "/kano/features/" + std::to_string(f);
    uses.push_back({feature.functional, "Kano feature " + feature.id + " functional", pointer + "/functional"});
    uses.push_back(
        {feature.dysfunctional, "Kano feature " + feature.id + " dysfunctional", pointer + "/dysfunctional"});
  }
  return uses;
}

}  // namespace gapscore
