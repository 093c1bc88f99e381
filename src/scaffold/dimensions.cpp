#include "gapscore/scaffold/dimensions.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <utility>

#include "gapscore/base/text.h"
#include "gapscore/scaffold/column_names.h"

namespace gapscore::scaffold {

namespace {

using Json = nlohmann::ordered_json;

// Standard SERVQUAL order (Parasuraman, Zeithaml and Berry 1988): the
// statements' numbers in each RATER dimension, and the usual item ids.
struct StandardDimension {
  const char* id;
  int first;
  int last;
  const char* prefix;
};
constexpr StandardDimension kRater[] = {{"tangibles", 1, 4, "T"},
                                        {"reliability", 5, 9, "RL"},
                                        {"responsiveness", 10, 13, "RS"},
                                        {"assurance", 14, 17, "A"},
                                        {"empathy", 18, 22, "E"}};

// A dimension for the letters before an item's number (T1, RL2, EMP3).
std::string dimension_for_prefix(const std::string& prefix) {
  static const std::map<std::string, std::string> kPrefixes = {
      {"t", "tangibles"},         {"tan", "tangibles"},   {"tang", "tangibles"},    {"r", "reliability"},
      {"rl", "reliability"},      {"rel", "reliability"}, {"rs", "responsiveness"}, {"res", "responsiveness"},
      {"resp", "responsiveness"}, {"a", "assurance"},     {"as", "assurance"},      {"ass", "assurance"},
      {"e", "empathy"},           {"em", "empathy"},      {"emp", "empathy"}};
  const auto found = kPrefixes.find(ascii_lower(prefix));
  return found == kPrefixes.end() ? ascii_lower(prefix) : found->second;
}

bool all_digits(const std::string& text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

// "imp_tangibles", "importance tangibles", "pointsTangibles" for dimension "tangibles".
bool is_importance_column(const std::string& name, const std::string& dimension) {
  for (const char* stem : {"imp", "importance", "points"}) {
    for (const char* joint : {"", " ", "_", ".", "-"}) {
      if (iequals(name, std::string(stem) + joint + dimension)) return true;
    }
  }
  return false;
}

// What the items' keys say about their grouping: each key's number when
// all are numbers, each key's letters when all are lettered (T1, RL2).
struct KeyShapes {
  std::vector<int> numbers;
  std::vector<std::string> prefixes;
  bool all_numbered = true;
  bool all_lettered = true;
  bool standard = false;  // numbered 1..22, in any order
};

KeyShapes key_shapes(const std::vector<PairedItem>& items) {
  KeyShapes shapes;
  for (const PairedItem& item : items) {
    if (all_digits(item.key) && item.key.size() <= 9) {
      shapes.numbers.push_back(std::stoi(item.key));
    } else {
      shapes.all_numbered = false;
    }
    if (const auto lettered = split_lettered(item.key)) {
      shapes.prefixes.push_back(lettered->first);
    } else {
      shapes.all_lettered = false;
    }
  }
  std::vector<int> sorted = shapes.numbers;
  std::sort(sorted.begin(), sorted.end());
  shapes.standard = shapes.all_numbered && sorted.size() == 22;
  for (std::size_t i = 0; shapes.standard && i < sorted.size(); ++i) {
    shapes.standard = sorted[i] == static_cast<int>(i) + 1;
  }
  return shapes;
}

// Dimension ids with their items, in order of appearance.
class Dimensions {
 public:
  // The items of dimension `id`, added when new.
  Json& operator[](const std::string& id) {
    for (auto& [existing, entries] : dimensions_) {
      if (existing == id) return entries;
    }
    dimensions_.push_back({id, Json::array()});
    return dimensions_.back().second;
  }
  const std::vector<std::pair<std::string, Json>>& all() const { return dimensions_; }

 private:
  std::vector<std::pair<std::string, Json>> dimensions_;
};

Json item_json(const std::string& id, const PairedItem& item, const std::string& text) {
  Json out = {{"id", id}};
  if (!text.empty()) out["text"] = text;
  for (const char* measure : {"expectation", "adequate", "desired", "perception"}) {
    const auto column = item.columns.find(measure);
    if (column != item.columns.end()) out[measure] = column->second;
  }
  return out;
}

void group_standard(const std::vector<PairedItem>& items, const KeyShapes& shapes, Dimensions* dimensions,
                    std::vector<std::string>* notes) {
  // All five in the standard order, whichever items come first.
  for (const StandardDimension& rater : kRater) (*dimensions)[rater.id];
  for (std::size_t i = 0; i < items.size(); ++i) {
    const int number = shapes.numbers[i];
    for (const StandardDimension& rater : kRater) {
      if (number >= rater.first && number <= rater.last) {
        (*dimensions)[rater.id].push_back(
            item_json(rater.prefix + std::to_string(number - rater.first + 1), items[i], ""));
      }
    }
  }
  notes->push_back(
      "22 numbered items: grouped into the RATER dimensions in the standard SERVQUAL order "
      "(1-4 tangibles, 5-9 reliability, 10-13 responsiveness, 14-17 assurance, 18-22 empathy); "
      "check that your questionnaire kept that order");
}

void group_by_prefix(const std::vector<PairedItem>& items, const KeyShapes& shapes, Dimensions* dimensions,
                     std::vector<std::string>* notes) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    std::string id = items[i].key;
    id.erase(std::remove_if(id.begin(), id.end(), [](char c) { return c == ' ' || c == '_' || c == '.' || c == '-'; }),
             id.end());
    (*dimensions)[dimension_for_prefix(shapes.prefixes[i])].push_back(item_json(id, items[i], ""));
  }
  std::vector<std::string> groups;
  for (const auto& [id, entries] : dimensions->all()) {
    groups.push_back(id + " (" + std::to_string(entries.size()) + ")");
  }
  notes->push_back("grouped the items into dimensions by the letters before their numbers: " + listed(groups, 10) +
                   "; check the grouping and the dimension names");
}

// A key that is already an id (Q1, item_3) stays one; numbers become Q1,
// other keys (statements) become item1 with the statement as text.
void group_all(const std::vector<PairedItem>& items, const KeyShapes& shapes, Dimensions* dimensions,
               std::vector<std::string>* notes) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string& key = items[i].key;
    const bool plain_id = is_letter(key[0]) && std::all_of(key.begin(), key.end(), [](char c) {
                            return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
                          });
    const std::string id = plain_id ? key : (shapes.all_numbered ? "Q" + key : "item" + std::to_string(i + 1));
    (*dimensions)["all"].push_back(item_json(id, items[i], plain_id || shapes.all_numbered ? "" : key));
  }
  notes->push_back("put all " + std::to_string(items.size()) +
                   " items in one dimension \"all\": split them into your questionnaire's dimensions "
                   "(tangibles, reliability, responsiveness, assurance, empathy)");
}

// 100-point importance allocations named after the dimensions (imp_tangibles).
Json importance_columns(const Json& dimensions, const Guesswork& work) {
  Json importance = Json::object();
  for (const Json& entry : dimensions) {
    const std::string id = entry["id"].get<std::string>();
    for (std::size_t c = 0; c < work.names.size(); ++c) {
      if (!work.used[c] && is_importance_column(work.names[c], id)) {
        importance[id] = work.names[c];
        break;
      }
    }
  }
  return importance;
}

}  // namespace

Json guess_servqual(const std::vector<PairedItem>& items, const std::string& item_scale, Guesswork& work) {
  const KeyShapes shapes = key_shapes(items);
  Dimensions dimensions;
  if (shapes.standard) {
    group_standard(items, shapes, &dimensions, &work.notes);
  } else if (shapes.all_lettered) {
    group_by_prefix(items, shapes, &dimensions, &work.notes);
  } else {
    group_all(items, shapes, &dimensions, &work.notes);
  }
  Json servqual = {{"scale", item_scale}};
  Json list = Json::array();
  for (const auto& [id, entries] : dimensions.all()) {
    if (!entries.empty()) list.push_back({{"id", id}, {"items", entries}});
  }
  servqual["dimensions"] = list;
  const Json importance = importance_columns(list, work);
  if (importance.size() == list.size()) {
    for (const auto& [id, column] : importance.items()) work.used[work.index_of(column.get<std::string>())] = true;
    servqual["importance"] = importance;
    work.notes.push_back(
        "importance points per dimension (100-point allocation): " + std::to_string(importance.size()) +
        " columns named like \"" + importance.begin().value().get<std::string>() + "\"");
  }
  return servqual;
}

}  // namespace gapscore::scaffold
