#include "gapscore/scaffold.h"

#include <algorithm>
#include <charconv>
#include <regex>

#include "gapscore/text.h"

namespace gapscore {

namespace {

using Json = nlohmann::ordered_json;

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string trimmed(std::string_view text) {
  const std::size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return "";
  const std::size_t end = text.find_last_not_of(" \t");
  return std::string(text.substr(begin, end - begin + 1));
}

// The measure a word in a column name stands for, or empty.
std::string measure_of(const std::string& word) {
  static const std::map<std::string, std::string> kWords = {{"e", "expectation"},
                                                            {"exp", "expectation"},
                                                            {"expect", "expectation"},
                                                            {"expected", "expectation"},
                                                            {"expectation", "expectation"},
                                                            {"expectations", "expectation"},
                                                            {"p", "perception"},
                                                            {"per", "perception"},
                                                            {"perc", "perception"},
                                                            {"perf", "perception"},
                                                            {"perceived", "perception"},
                                                            {"perception", "perception"},
                                                            {"perceptions", "perception"},
                                                            {"performance", "perception"},
                                                            {"min", "adequate"},
                                                            {"minimum", "adequate"},
                                                            {"adq", "adequate"},
                                                            {"adequate", "adequate"},
                                                            {"des", "desired"},
                                                            {"desired", "desired"}};
  const auto found = kWords.find(lower(word));
  return found == kWords.end() ? "" : found->second;
}

struct Item {
  std::string key;
  std::map<std::string, std::string> columns;  // measure -> column name
};

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
  const auto found = kPrefixes.find(lower(prefix));
  return found == kPrefixes.end() ? lower(prefix) : found->second;
}

bool matches(const std::string& name, const char* pattern) {
  return std::regex_search(name, std::regex(pattern, std::regex::icase));
}

bool is_id_name(const std::string& name) {
  return matches(name, R"(^(id|respondent|(respondent|resp|response|record|participant|case)[ _]?id)$)");
}

// gapscore's default missing tokens, which need no mention.
bool is_default_missing(const std::string& text) { return iequals(text, "NA") || iequals(text, "N/A"); }

// Known Likert wordings, by scale length.
const std::vector<std::pair<std::string, int>>& agree_labels(int points) {
  static const std::vector<std::pair<std::string, int>> kFive = {{"Strongly disagree", 1},
                                                                 {"Disagree", 2},
                                                                 {"Neither agree nor disagree", 3},
                                                                 {"Agree", 4},
                                                                 {"Strongly agree", 5}};
  static const std::vector<std::pair<std::string, int>> kSeven = {
      {"Strongly disagree", 1}, {"Disagree", 2}, {"Somewhat disagree", 3}, {"Neither agree nor disagree", 4},
      {"Somewhat agree", 5},    {"Agree", 6},    {"Strongly agree", 7}};
  return points == 5 ? kFive : kSeven;
}

int rounded_scale_top(long long max) {
  for (const int top : {5, 7, 9, 10}) {
    if (max <= top) return top;
  }
  return static_cast<int>(max);
}

std::string listed(const std::vector<std::string>& names, std::size_t limit) {
  std::string text;
  for (std::size_t i = 0; i < names.size() && i < limit; ++i) text += (i == 0 ? "" : ", ") + names[i];
  if (names.size() > limit) text += " and " + std::to_string(names.size() - limit) + " more";
  return text;
}

}  // namespace

void ColumnProfile::add(std::string_view cell) {
  ++cells_;
  const std::string text = trimmed(cell);
  if (text.empty()) {
    ++empty_;
    return;
  }
  if (distinct_.size() < kDistinctCap) distinct_.insert(text);
  long long integer = 0;
  const char* begin = text.data() + (text[0] == '+' ? 1 : 0);
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(begin, end, integer);
  if (error == std::errc() && stop == end) {
    ++integers_;
    ++numbers_;
    min_ = min_ ? std::min(*min_, integer) : integer;
    max_ = max_ ? std::max(*max_, integer) : integer;
    if (integer_counts_.size() < 200 || integer_counts_.count(integer) > 0) ++integer_counts_[integer];
    return;
  }
  double number = 0;
  const auto [decimal_stop, decimal_error] = std::from_chars(begin, end, number);
  if (decimal_error == std::errc() && decimal_stop == end) {
    ++numbers_;
    return;
  }
  if (texts_.size() < 50 || texts_.count(text) > 0) ++texts_[text];
}

std::optional<ItemColumn> item_column(const std::string& name) {
  static const std::regex kLabelled(
      R"(^\s*(expectations?|expected|perceptions?|perceived|performance|adequate|minimum|desired)\s*[-:|]\s*(.+?)\s*$)",
      std::regex::icase);
  static const std::regex kPrefixed(R"(^(e|p|exp|per|perc|perf|min|adq|des)[ _.-]?(\d+[a-z]?)$)", std::regex::icase);
  static const std::regex kSuffixed(
      R"(^(.*[a-z0-9])[ _.-]+(e|p|exp|expect|expected|expectation|perf|perc|per|perceived|perception|performance|min|minimum|adequate|adq|des|desired)$)",
      std::regex::icase);
  std::smatch match;
  const std::string text = trimmed(name);
  if (std::regex_match(text, match, kLabelled)) return ItemColumn{measure_of(match[1].str()), match[2].str()};
  if (std::regex_match(text, match, kPrefixed)) return ItemColumn{measure_of(match[1].str()), match[2].str()};
  if (std::regex_match(text, match, kSuffixed)) return ItemColumn{measure_of(match[2].str()), match[1].str()};
  return std::nullopt;
}

Scaffold scaffold_questionnaire(const std::vector<std::string>& names, const std::vector<std::string>& questions,
                                const std::vector<ColumnProfile>& profiles, int header_rows, const std::string& source,
                                const std::string& schema) {
  Scaffold scaffold;
  std::vector<std::string>& notes = scaffold.notes;
  std::vector<bool> used(names.size(), false);

  // ----- SERVQUAL items: columns paired by the key in their names -----
  std::vector<Item> items;
  std::map<std::string, std::size_t> item_of_key;
  for (std::size_t c = 0; c < names.size(); ++c) {
    const std::optional<ItemColumn> column = item_column(names[c]);
    if (!column || profiles[c].numbers() + static_cast<std::int64_t>(profiles[c].texts().size()) == 0) continue;
    const std::string key = lower(column->key);
    auto [at, inserted] = item_of_key.emplace(key, items.size());
    if (inserted) items.push_back({column->key, {}});
    Item& item = items[at->second];
    if (item.columns.count(column->measure) > 0) continue;
    item.columns[column->measure] = names[c];
  }
  std::vector<std::string> without_perception;
  items.erase(std::remove_if(items.begin(), items.end(),
                             [&without_perception](const Item& item) {
                               if (item.columns.count("perception") > 0) return false;
                               without_perception.push_back(item.columns.begin()->second);
                               return true;
                             }),
              items.end());
  std::map<std::string, std::size_t> column_index;
  for (std::size_t c = 0; c < names.size(); ++c) column_index.emplace(names[c], c);
  for (const Item& item : items) {
    for (const auto& [measure, column] : item.columns) used[column_index[column]] = true;
  }

  Json questionnaire;
  if (!schema.empty()) questionnaire["$schema"] = schema;
  questionnaire["gapscore"] = 1;
  questionnaire["title"] = "Survey from " + source;

  // ----- respondent id and survey weight, by name and values -----
  for (std::size_t c = 0; c < names.size(); ++c) {
    const ColumnProfile& profile = profiles[c];
    const std::int64_t filled = profile.cells() - profile.empty();
    // An id column with a few repeats is still one: gapscore rejects the repeats.
    const auto distinct = static_cast<std::int64_t>(profile.distinct());
    if (!questionnaire.contains("respondent_id") && is_id_name(names[c]) && filled > 0 && profile.empty() == 0 &&
        (profile.distinct_capped() || distinct * 100 >= filled * 95)) {
      questionnaire["respondent_id"] = names[c];
      used[c] = true;
      notes.push_back("respondent id: column \"" + names[c] + "\"" +
                      (profile.distinct_capped() || distinct == filled
                           ? std::string(" (every value in the sample is distinct)")
                           : " (" + std::to_string(filled - distinct) +
                                 " repeated values in the sample: those rows will be rejected as duplicate_id)"));
    }
  }
  for (std::size_t c = 0; c < names.size(); ++c) {
    const ColumnProfile& profile = profiles[c];
    const std::int64_t filled = profile.cells() - profile.empty();
    if (!used[c] && matches(names[c], R"(^(weights?|wt|wgt|survey[ _]?weight)$)") && filled > 0 &&
        profile.numbers() * 10 >= filled * 9 && profile.min().value_or(0) >= 0) {
      questionnaire["weight_column"] = names[c];
      used[c] = true;
      const std::int64_t unusable = profile.cells() - profile.numbers();
      notes.push_back("survey weights: column \"" + names[c] + "\"; every figure will be weighted" +
                      (unusable > 0 ? " (" + std::to_string(unusable) +
                                          " rows in the sample have no number here and will be rejected)"
                                    : std::string()) +
                      "; remove \"weight_column\" if these are not weights");
      break;
    }
  }
  if (header_rows != 1) questionnaire["header_rows"] = header_rows;

  // ----- the items' scale, from the values seen -----
  Json scales = Json::object();
  std::map<long long, std::int64_t> values;
  std::map<std::string, std::int64_t> texts;
  for (const Item& item : items) {
    for (const auto& [measure, column] : item.columns) {
      const ColumnProfile& profile = profiles[column_index[column]];
      for (const auto& [value, count] : profile.integer_counts()) values[value] += count;
      for (const auto& [text, count] : profile.texts()) {
        if (!is_default_missing(text)) texts[text] += count;
      }
    }
  }
  // The scale spans the values at least 1% of answers gave: stray typos
  // (a 0 or a 77 on a 1..7 scale) are left out, to be counted as invalid.
  std::int64_t answers = 0;
  for (const auto& [value, count] : values) answers += count;
  std::optional<long long> low;
  std::optional<long long> high;
  for (const auto& [value, count] : values) {
    if (count * 100 >= answers) {
      low = low ? std::min(*low, value) : value;
      high = high ? std::max(*high, value) : value;
    }
  }
  std::vector<std::string> strays;
  for (const auto& [value, count] : values) {
    if (low && (value < std::min(*low, 1LL) || value > rounded_scale_top(*high)))
      strays.push_back(std::to_string(value));
  }
  std::string item_scale;
  if (!items.empty()) {
    bool seven_point_words = false;
    for (const auto& [text, count] : texts) {
      seven_point_words = seven_point_words || iequals(text, "Somewhat agree") || iequals(text, "Somewhat disagree");
    }
    const int top = high ? rounded_scale_top(*high) : (seven_point_words ? 7 : 5);
    const int bottom = low && *low <= 0 ? static_cast<int>(*low) : 1;
    Json scale = {{"min", bottom}, {"max", top}};
    Json labels = Json::object();
    std::vector<std::string> unknown;
    for (const auto& [text, count] : texts) {
      bool known = false;
      if (bottom == 1 && (top == 5 || top == 7)) {
        for (const auto& [label, value] : agree_labels(top)) {
          if (iequals(text, label)) {
            labels[label] = value;
            known = true;
          }
        }
      }
      if (!known) unknown.push_back("\"" + text + "\"");
    }
    if (!labels.empty()) scale["labels"] = labels;
    item_scale =
        bottom == 1 ? "agree" + std::to_string(top) : "scale" + std::to_string(bottom) + "_" + std::to_string(top);
    scales[item_scale] = scale;
    notes.push_back(
        "items' scale \"" + item_scale + "\": " + std::to_string(bottom) + ".." + std::to_string(top) +
        (high ? " (at least 1% of answers gave each of " + std::to_string(*low) + ".." + std::to_string(*high) + ")"
              : "") +
        (labels.empty() ? "" : ", agreement labels found: " + std::to_string(labels.size())) +
        "; check the scale's end points");
    if (!strays.empty()) {
      notes.push_back("item values outside that scale, to be counted as invalid: " + listed(strays, 8));
    }
    if (!unknown.empty()) {
      notes.push_back("item cells that are neither numbers nor known labels: " + listed(unknown, 6) +
                      "; add each to \"missing\" or as a label of the scale");
    }
  }

  // ----- dimensions -----
  if (!items.empty()) {
    static const std::regex kNumbered(R"(^0*(\d+)$)");
    static const std::regex kLettered(R"(^([a-z]+)[ _.-]?\d+[a-z]?$)", std::regex::icase);
    std::vector<int> numbers;
    bool all_numbered = true;
    bool all_lettered = true;
    std::vector<std::string> prefixes;
    for (const Item& item : items) {
      std::smatch match;
      if (std::regex_match(item.key, match, kNumbered)) {
        numbers.push_back(std::stoi(match[1].str()));
      } else {
        all_numbered = false;
      }
      if (std::regex_match(item.key, match, kLettered)) {
        prefixes.push_back(match[1].str());
      } else {
        all_lettered = false;
      }
    }
    std::vector<int> sorted = numbers;
    std::sort(sorted.begin(), sorted.end());
    bool standard = all_numbered && sorted.size() == 22;
    for (std::size_t i = 0; standard && i < sorted.size(); ++i) standard = sorted[i] == static_cast<int>(i) + 1;

    // dimension id -> items in order of appearance
    std::vector<std::pair<std::string, Json>> dimensions;
    const auto dimension = [&dimensions](const std::string& id) -> Json& {
      for (auto& [existing, entries] : dimensions) {
        if (existing == id) return entries;
      }
      dimensions.push_back({id, Json::array()});
      return dimensions.back().second;
    };
    const auto item_json = [](const std::string& id, const Item& item, const std::string& text) {
      Json out = {{"id", id}};
      if (!text.empty()) out["text"] = text;
      for (const char* measure : {"expectation", "adequate", "desired", "perception"}) {
        const auto column = item.columns.find(measure);
        if (column != item.columns.end()) out[measure] = column->second;
      }
      return out;
    };
    if (standard) {
      for (const StandardDimension& rater : kRater) dimension(rater.id);
      for (std::size_t i = 0; i < items.size(); ++i) {
        for (const StandardDimension& rater : kRater) {
          if (numbers[i] >= rater.first && numbers[i] <= rater.last) {
            dimension(rater.id).push_back(
                item_json(rater.prefix + std::to_string(numbers[i] - rater.first + 1), items[i], ""));
          }
        }
      }
      notes.push_back(
          "22 numbered items: grouped into the RATER dimensions in the standard SERVQUAL order "
          "(1-4 tangibles, 5-9 reliability, 10-13 responsiveness, 14-17 assurance, 18-22 empathy); "
          "check that your questionnaire kept that order");
    } else if (all_lettered) {
      for (std::size_t i = 0; i < items.size(); ++i) {
        std::string id = items[i].key;
        id.erase(
            std::remove_if(id.begin(), id.end(), [](char c) { return c == ' ' || c == '_' || c == '.' || c == '-'; }),
            id.end());
        dimension(dimension_for_prefix(prefixes[i])).push_back(item_json(id, items[i], ""));
      }
      std::vector<std::string> groups;
      for (const auto& [id, entries] : dimensions) groups.push_back(id + " (" + std::to_string(entries.size()) + ")");
      notes.push_back("grouped the items into dimensions by the letters before their numbers: " + listed(groups, 10) +
                      "; check the grouping and the dimension names");
    } else {
      for (std::size_t i = 0; i < items.size(); ++i) {
        const bool plain_id = std::regex_match(items[i].key, std::regex(R"(^[A-Za-z][A-Za-z0-9_]*$)"));
        const std::string id =
            plain_id ? items[i].key : (all_numbered ? "Q" + items[i].key : "item" + std::to_string(i + 1));
        dimension("all").push_back(item_json(id, items[i], plain_id || all_numbered ? "" : items[i].key));
      }
      notes.push_back("put all " + std::to_string(items.size()) +
                      " items in one dimension \"all\": split them into your questionnaire's dimensions "
                      "(tangibles, reliability, responsiveness, assurance, empathy)");
    }
    Json servqual = {{"scale", item_scale}};
    Json list = Json::array();
    for (auto& [id, entries] : dimensions) {
      if (!entries.empty()) list.push_back({{"id", id}, {"items", entries}});
    }
    servqual["dimensions"] = list;
    // 100-point importance allocations named after the dimensions (imp_tangibles).
    Json importance = Json::object();
    for (const Json& entry : list) {
      const std::string id = entry["id"].get<std::string>();
      for (std::size_t c = 0; c < names.size(); ++c) {
        if (!used[c] &&
            std::regex_match(names[c], std::regex("(imp|importance|points)[ _.-]?" + id, std::regex::icase))) {
          importance[id] = names[c];
          break;
        }
      }
    }
    if (importance.size() == list.size()) {
      for (auto& [id, column] : importance.items()) used[column_index[column.get<std::string>()]] = true;
      servqual["importance"] = importance;
      notes.push_back("importance points per dimension (100-point allocation): " + std::to_string(importance.size()) +
                      " columns named like \"" + importance.begin().value().get<std::string>() + "\"");
    }
    std::size_t with_expectation = 0;
    std::size_t with_zone = 0;
    std::size_t perception_only = 0;
    for (const Item& item : items) {
      with_expectation += item.columns.count("expectation");
      if (item.columns.size() == 1) ++perception_only;
      if (item.columns.count("adequate") > 0 && item.columns.count("desired") > 0) ++with_zone;
    }
    notes.insert(notes.begin(),
                 "found " + std::to_string(items.size()) + " SERVQUAL items: " + std::to_string(with_expectation) +
                     " with expectation and perception" +
                     (with_zone > 0 ? ", " + std::to_string(with_zone) + " with a zone of tolerance" : "") +
                     (perception_only > 0 ? ", " + std::to_string(perception_only) + " perception only" : ""));
    questionnaire["scales"] = scales;
    questionnaire["servqual"] = servqual;
  } else {
    notes.insert(notes.begin(),
                 "found no SERVQUAL items: name expectation and perception columns like E_01/P_01, Q1_exp/Q1_perf "
                 "or \"Expectation - ...\"/\"Perception - ...\", or add the \"servqual\" section by hand");
  }
  if (!without_perception.empty()) {
    notes.push_back("columns that look like items but have no perception column, left out: " +
                    listed(without_perception, 6));
  }

  // ----- NPS, CSAT and CES, by name and range -----
  Json metrics = Json::array();
  const auto mostly_integers = [](const ColumnProfile& profile) {
    const std::int64_t filled = profile.cells() - profile.empty();
    return filled > 0 && profile.integers() * 10 >= filled * 9;
  };
  struct MetricGuess {
    const char* type;
    const char* name_pattern;
    long long lowest;
    long long highest;
    int default_high;
  };
  const MetricGuess guesses[] = {{"nps", R"(nps|recommend)", 0, 10, 10},
                                 {"csat", R"(csat|satisf)", 1, 10, 5},
                                 {"ces", R"(\bces\b|effort|easy)", 1, 7, 7}};
  for (const MetricGuess& guess : guesses) {
    for (std::size_t c = 0; c < names.size(); ++c) {
      const ColumnProfile& profile = profiles[c];
      const std::string described = c < questions.size() ? names[c] + " " + questions[c] : names[c];
      // An answer scale has answers near its top: a 1..3 group code is not an NPS.
      if (used[c] || !matches(described, guess.name_pattern) || !mostly_integers(profile) ||
          *profile.min() < guess.lowest || *profile.max() > guess.highest || *profile.max() < guess.default_high - 3) {
        continue;
      }
      Json metric = {{"id", guess.type}, {"type", guess.type}, {"column", names[c]}};
      std::string range = std::string(guess.type) == "nps" ? "0..10" : "1.." + std::to_string(guess.default_high);
      if (std::string(guess.type) != "nps") {
        const int top = rounded_scale_top(*profile.max());
        if (top != guess.default_high) {
          const std::string scale_name = std::string(guess.type) + std::to_string(top);
          scales[scale_name] = {{"min", 1}, {"max", top}};
          metric["scale"] = scale_name;
          range = "1.." + std::to_string(top);
        }
      }
      metrics.push_back(metric);
      used[c] = true;
      notes.push_back(std::string(guess.type) + ": column \"" + names[c] + "\" on " + range + " (values seen " +
                      std::to_string(*profile.min()) + ".." + std::to_string(*profile.max()) + ")");
      break;
    }
  }
  if (!metrics.empty()) {
    if (!scales.empty()) questionnaire["scales"] = scales;
    questionnaire["metrics"] = metrics;
  }

  // ----- Kano: functional and dysfunctional columns of one feature -----
  static const std::regex kFunctional(R"(^(.*[a-z0-9])[ _.-]+(has|with|functional|func)$)", std::regex::icase);
  static const std::regex kDysfunctional(R"(^(.*[a-z0-9])[ _.-]+(lacks|without|dysfunctional|dysf)$)",
                                         std::regex::icase);
  Json features = Json::array();
  for (std::size_t f = 0; f < names.size(); ++f) {
    std::smatch functional;
    if (used[f] || !std::regex_match(names[f], functional, kFunctional)) continue;
    for (std::size_t d = 0; d < names.size(); ++d) {
      std::smatch dysfunctional;
      if (!used[d] && std::regex_match(names[d], dysfunctional, kDysfunctional) &&
          iequals(functional[1].str(), dysfunctional[1].str())) {
        features.push_back({{"id", functional[1].str()}, {"functional", names[f]}, {"dysfunctional", names[d]}});
        used[f] = used[d] = true;
        break;
      }
    }
  }
  if (!features.empty()) {
    questionnaire["kano"] = {{"features", features}};
    notes.push_back("Kano: " + std::to_string(features.size()) +
                    " features with functional and dysfunctional columns (like \"" +
                    features.front()["functional"].get<std::string>() + "\"/\"" +
                    features.front()["dysfunctional"].get<std::string>() +
                    "\"); answers 1..5 or the usual wordings (\"I like it\" ... \"I dislike it\")");
  }

  // ----- what is left: segment candidates and unused columns -----
  std::vector<std::string> segments;
  std::vector<std::string> unused;
  for (std::size_t c = 0; c < names.size(); ++c) {
    if (used[c]) continue;
    const ColumnProfile& profile = profiles[c];
    const std::size_t distinct = profile.distinct();
    const auto filled = static_cast<std::size_t>(profile.cells() - profile.empty());
    if (distinct >= 2 && distinct <= 20 && distinct * 5 <= filled && !is_id_name(names[c]) &&
        profile.numbers() * 2 < profile.cells() - profile.empty()) {
      segments.push_back("\"" + names[c] + "\" (" + std::to_string(distinct) + " values)");
    } else if (!names[c].empty()) {
      unused.push_back("\"" + names[c] + "\"");
    }
  }
  if (!segments.empty()) notes.push_back("columns to break the report down by (--by): " + listed(segments, 8));
  if (!unused.empty()) notes.push_back("columns not used: " + listed(unused, 8));
  scaffold.questionnaire = std::move(questionnaire);
  return scaffold;
}

}  // namespace gapscore
