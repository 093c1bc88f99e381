#include "gapscore/scaffold/scaffold.h"

#include <algorithm>
#include <cctype>

#include "gapscore/base/text.h"
#include "gapscore/scaffold/column_names.h"

namespace gapscore {

namespace {

using Json = nlohmann::ordered_json;
using scaffold::is_id_name;
using scaffold::is_letter;
using scaffold::one_of;
using scaffold::split_lettered;
using scaffold::split_suffix;

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
  const auto found = kPrefixes.find(ascii_lower(prefix));
  return found == kPrefixes.end() ? ascii_lower(prefix) : found->second;
}

bool contains(const std::string& text, const char* part) { return ascii_lower(text).find(part) != std::string::npos; }

// `part` as a whole word of `text`, ignoring case.
bool contains_word(const std::string& text, const std::string& part) {
  const std::string haystack = ascii_lower(text);
  for (std::size_t at = haystack.find(part); at != std::string::npos; at = haystack.find(part, at + 1)) {
    const std::size_t end = at + part.size();
    const bool starts = at == 0 || !std::isalnum(static_cast<unsigned char>(haystack[at - 1]));
    const bool ends = end == haystack.size() || !std::isalnum(static_cast<unsigned char>(haystack[end]));
    if (starts && ends) return true;
  }
  return false;
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

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

bool all_digits(const std::string& text) { return !text.empty() && std::all_of(text.begin(), text.end(), is_digit); }

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

// "Thinking of an excellent bank, how far do you agree? - Prompt service"
// (Qualtrics' question row), "An excellent bank... [Prompt service]"
// (Google Forms) or "An excellent bank... / Prompt service" (SurveyMonkey's
// joined header rows): a matrix question's stem and one of its statements.
std::optional<std::pair<std::string, std::string>> stem_and_statement(const std::string& text) {
  const std::string_view whole = trim(text);
  // The stem before `stem_end`, the statement from `begin` to `end`.
  const auto split = [whole](std::size_t stem_end, std::size_t begin, std::size_t end) {
    return std::pair{std::string(trim(whole.substr(0, stem_end))), std::string(trim(whole.substr(begin, end - begin)))};
  };
  const std::size_t open = whole.rfind('[');
  if (!whole.empty() && whole.back() == ']' && open != std::string_view::npos && open > 0) {
    return split(open, open + 1, whole.size() - 1);
  }
  for (const std::string_view separator : {" / ", " - "}) {
    const std::size_t at = whole.rfind(separator);
    if (at != std::string_view::npos && at > 0) return split(at, at + separator.size(), whole.size());
  }
  return std::nullopt;
}

// Without expectation and perception in the column names, the usual
// export of a SERVQUAL questionnaire is two matrix questions over the same
// statements, expectations first: pairs the two stems sharing the most
// statements (at least two), the first as expectations.
std::vector<Item> matrix_items(const std::vector<std::string>& names, const std::vector<std::string>& questions,
                               std::string* stems) {
  std::vector<std::string> order;                                     // stems as they first appear
  std::map<std::string, std::map<std::string, std::string>> columns;  // stem -> statement -> column
  std::map<std::string, std::vector<std::string>> statements;         // stem -> statements in order
  for (std::size_t c = 0; c < names.size(); ++c) {
    const std::string& text = c < questions.size() && !questions[c].empty() ? questions[c] : names[c];
    const auto parts = stem_and_statement(text);
    if (!parts || parts->second.empty()) continue;
    const auto& [stem, statement] = *parts;
    if (columns.count(stem) == 0) order.push_back(stem);
    if (columns[stem].emplace(ascii_lower(statement), names[c]).second) statements[stem].push_back(statement);
  }
  std::size_t best = 1;
  std::pair<std::string, std::string> pair;
  for (std::size_t a = 0; a < order.size(); ++a) {
    for (std::size_t b = a + 1; b < order.size(); ++b) {
      std::size_t shared = 0;
      for (const auto& [statement, column] : columns[order[a]]) shared += columns[order[b]].count(statement);
      if (shared > best) {
        best = shared;
        pair = {order[a], order[b]};
      }
    }
  }
  std::vector<Item> items;
  if (pair.first.empty()) return items;
  for (const std::string& statement : statements[pair.first]) {
    const auto perception = columns[pair.second].find(ascii_lower(statement));
    if (perception == columns[pair.second].end()) continue;
    items.push_back(
        {statement,
         {{"expectation", columns[pair.first][ascii_lower(statement)]}, {"perception", perception->second}}});
  }
  *stems = "\"" + pair.first + "\" as expectations and \"" + pair.second + "\" as perceptions";
  return items;
}

}  // namespace

Scaffold scaffold_questionnaire(const std::vector<std::string>& names, const std::vector<std::string>& questions,
                                const std::vector<ColumnProfile>& profiles, int header_rows, const std::string& source,
                                const std::string& schema, bool joined_names) {
  Scaffold scaffold;
  std::vector<std::string>& notes = scaffold.notes;
  std::vector<bool> used(names.size(), false);

  // ----- SERVQUAL items: columns paired by the key in their names -----
  std::vector<Item> items;
  std::map<std::string, std::size_t> item_of_key;
  for (std::size_t c = 0; c < names.size(); ++c) {
    const std::optional<ItemColumn> column = item_column(names[c]);
    if (!column || profiles[c].numbers() + static_cast<std::int64_t>(profiles[c].texts().size()) == 0) continue;
    const std::string key = ascii_lower(column->key);
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
  std::string matrix_stems;
  if (items.empty()) items = matrix_items(names, questions, &matrix_stems);
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
    if (!used[c] &&
        one_of(names[c], {"weight", "weights", "wt", "wgt", "survey weight", "survey_weight", "surveyweight"}) &&
        filled > 0 && profile.numbers() * 10 >= filled * 9 && profile.min().value_or(0) >= 0) {
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
  if (joined_names) questionnaire["header_names"] = "joined";

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
    std::vector<int> numbers;
    bool all_numbered = true;
    bool all_lettered = true;
    std::vector<std::string> prefixes;
    for (const Item& item : items) {
      if (all_digits(item.key) && item.key.size() <= 9) {
        numbers.push_back(std::stoi(item.key));
      } else {
        all_numbered = false;
      }
      if (const auto lettered = split_lettered(item.key)) {
        prefixes.push_back(lettered->first);
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
        const std::string& key = items[i].key;
        const bool plain_id = is_letter(key[0]) && std::all_of(key.begin(), key.end(), [](char c) {
                                return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
                              });
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
        if (!used[c] && is_importance_column(names[c], id)) {
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
                     (perception_only > 0 ? ", " + std::to_string(perception_only) + " perception only" : "") +
                     (matrix_stems.empty() ? ""
                                           : ", from two questions over the same statements: " + matrix_stems +
                                                 " (check which is which)"));
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
    bool (*named)(const std::string&);
    long long lowest;
    long long highest;
    int default_high;
  };
  const MetricGuess guesses[] = {
      {"nps", [](const std::string& text) { return contains(text, "nps") || contains(text, "recommend"); }, 0, 10, 10},
      {"csat", [](const std::string& text) { return contains(text, "csat") || contains(text, "satisf"); }, 1, 10, 5},
      {"ces",
       [](const std::string& text) {
         return contains_word(text, "ces") || contains(text, "effort") || contains(text, "easy");
       },
       1, 7, 7}};
  for (const MetricGuess& guess : guesses) {
    for (std::size_t c = 0; c < names.size(); ++c) {
      const ColumnProfile& profile = profiles[c];
      const std::string described = c < questions.size() ? names[c] + " " + questions[c] : names[c];
      // An answer scale has answers near its top: a 1..3 group code is not an NPS.
      if (used[c] || !guess.named(described) || !mostly_integers(profile) || *profile.min() < guess.lowest ||
          *profile.max() > guess.highest || *profile.max() < guess.default_high - 3) {
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
  Json features = Json::array();
  for (std::size_t f = 0; f < names.size(); ++f) {
    const auto functional = split_suffix(names[f]);
    if (used[f] || !functional || !one_of(functional->second, {"has", "with", "functional", "func"})) continue;
    for (std::size_t d = 0; d < names.size(); ++d) {
      const auto dysfunctional = split_suffix(names[d]);
      if (!used[d] && dysfunctional && one_of(dysfunctional->second, {"lacks", "without", "dysfunctional", "dysf"}) &&
          iequals(functional->first, dysfunctional->first)) {
        features.push_back({{"id", functional->first}, {"functional", names[f]}, {"dysfunctional", names[d]}});
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
    if (!names[c].empty() && distinct >= 2 && distinct <= 20 && distinct * 5 <= filled && !is_id_name(names[c]) &&
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
