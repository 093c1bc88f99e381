#include "gapscore/scaffold/scale_guess.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <utility>

#include "gapscore/base/text.h"

namespace gapscore::scaffold {

namespace {

using Json = nlohmann::ordered_json;

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

// The answers of all the items' columns together.
struct ItemAnswers {
  std::map<long long, std::int64_t> values;
  std::map<std::string, std::int64_t> texts;  // without the default missing tokens
};

ItemAnswers pooled_answers(const std::vector<PairedItem>& items, const Guesswork& work) {
  ItemAnswers answers;
  for (const PairedItem& item : items) {
    for (const auto& [measure, column] : item.columns) {
      const ColumnProfile& profile = work.profiles[work.index_of(column)];
      for (const auto& [value, count] : profile.integer_counts()) answers.values[value] += count;
      for (const auto& [text, count] : profile.texts()) {
        if (!is_default_missing(text)) answers.texts[text] += count;
      }
    }
  }
  return answers;
}

// The values at least 1% of answers gave, lowest and highest (none when no
// value is an integer): stray typos (a 0 or a 77 on a 1..7 scale) are left
// out, to be counted as invalid.
struct CommonSpan {
  std::optional<long long> low;
  std::optional<long long> high;
};

CommonSpan common_span(const std::map<long long, std::int64_t>& values) {
  std::int64_t answers = 0;
  for (const auto& [value, count] : values) answers += count;
  CommonSpan span;
  for (const auto& [value, count] : values) {
    if (count * 100 >= answers) {
      span.low = span.low ? std::min(*span.low, value) : value;
      span.high = span.high ? std::max(*span.high, value) : value;
    }
  }
  return span;
}

std::vector<std::string> stray_values(const std::map<long long, std::int64_t>& values, const CommonSpan& span) {
  std::vector<std::string> strays;
  for (const auto& [value, count] : values) {
    if (span.low && (value < std::min(*span.low, 1LL) || value > rounded_scale_top(*span.high))) {
      strays.push_back(std::to_string(value));
    }
  }
  return strays;
}

// The agreement wordings among `texts` as labels of a bottom..top scale;
// the other texts, quoted, go to `unknown`.
Json agreement_labels(const std::map<std::string, std::int64_t>& texts, int bottom, int top,
                      std::vector<std::string>* unknown) {
  Json labels = Json::object();
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
    if (!known) unknown->push_back("\"" + text + "\"");
  }
  return labels;
}

}  // namespace

int rounded_scale_top(long long max) {
  for (const int top : {5, 7, 9, 10}) {
    if (max <= top) return top;
  }
  return static_cast<int>(max);
}

std::string guess_item_scale(const std::vector<PairedItem>& items, Guesswork& work, Json* scales) {
  const ItemAnswers answers = pooled_answers(items, work);
  const CommonSpan span = common_span(answers.values);
  const std::vector<std::string> strays = stray_values(answers.values, span);
  bool seven_point_words = false;
  for (const auto& [text, count] : answers.texts) {
    seven_point_words = seven_point_words || iequals(text, "Somewhat agree") || iequals(text, "Somewhat disagree");
  }
  const auto& [low, high] = span;
  const int top = high ? rounded_scale_top(*high) : (seven_point_words ? 7 : 5);
  const int bottom = low && *low <= 0 ? static_cast<int>(*low) : 1;
  Json scale = {{"min", bottom}, {"max", top}};
  std::vector<std::string> unknown;
  const Json labels = agreement_labels(answers.texts, bottom, top, &unknown);
  if (!labels.empty()) scale["labels"] = labels;
  const std::string name =
      bottom == 1 ? "agree" + std::to_string(top) : "scale" + std::to_string(bottom) + "_" + std::to_string(top);
  (*scales)[name] = scale;
  work.notes.push_back(
      "items' scale \"" + name + "\": " + std::to_string(bottom) + ".." + std::to_string(top) +
      (high ? " (at least 1% of answers gave each of " + std::to_string(*low) + ".." + std::to_string(*high) + ")"
            : "") +
      (labels.empty() ? "" : ", agreement labels found: " + std::to_string(labels.size())) +
      "; check the scale's end points");
  if (!strays.empty()) {
    work.notes.push_back("item values outside that scale, to be counted as invalid: " + listed(strays, 8));
  }
  if (!unknown.empty()) {
    work.notes.push_back("item cells that are neither numbers nor known labels: " + listed(unknown, 6) +
                         "; add each to \"missing\" or as a label of the scale");
  }
  return name;
}

}  // namespace gapscore::scaffold
