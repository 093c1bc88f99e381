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

// The ordered wordings platforms label answer scales with, lowest first
// (docs/FORMATS.md lists them); each wording may have synonyms, matched
// ignoring case.
struct WordScale {
  const char* name;
  const char* noun;
  std::vector<std::vector<const char*>> points;  // per point: the wording, then synonyms
};

const std::vector<WordScale>& word_scales() {
  static const std::vector<WordScale> kScales = {
      {"agree",
       "agreement",
       {{"Strongly disagree"},
        {"Disagree"},
        {"Neither agree nor disagree", "Neutral", "Neither disagree nor agree"},
        {"Agree"},
        {"Strongly agree"}}},
      {"agree",
       "agreement",
       {{"Strongly disagree"},
        {"Disagree"},
        {"Somewhat disagree", "Slightly disagree"},
        {"Neither agree nor disagree", "Neutral", "Neither disagree nor agree"},
        {"Somewhat agree", "Slightly agree"},
        {"Agree"},
        {"Strongly agree"}}},
      {"satisfaction",
       "satisfaction",
       {{"Very dissatisfied"},
        {"Dissatisfied", "Somewhat dissatisfied"},
        {"Neither satisfied nor dissatisfied", "Neutral"},
        {"Satisfied", "Somewhat satisfied"},
        {"Very satisfied"}}},
      {"favourability",
       "favourability",
       {{"Very unfavorable", "Very unfavourable"},
        {"Somewhat unfavorable", "Somewhat unfavourable", "Unfavorable", "Unfavourable"},
        {"Neither favorable nor unfavorable", "Neither favourable nor unfavourable", "Neutral"},
        {"Somewhat favorable", "Somewhat favourable", "Favorable", "Favourable"},
        {"Very favorable", "Very favourable"}}},
      {"frequency", "frequency", {{"Never"}, {"Rarely"}, {"Sometimes"}, {"Often", "Most of the time"}, {"Always"}}},
      {"quality", "quality", {{"Very poor"}, {"Poor"}, {"Fair", "Average"}, {"Good"}, {"Excellent", "Very good"}}},
      {"likelihood",
       "likelihood",
       {{"Very unlikely"},
        {"Unlikely", "Somewhat unlikely"},
        {"Neither likely nor unlikely", "Neutral"},
        {"Likely", "Somewhat likely"},
        {"Very likely"}}},
      {"importance",
       "importance",
       {{"Not at all important"},
        {"Slightly important"},
        {"Moderately important"},
        {"Very important"},
        {"Extremely important"}}}};
  return kScales;
}

// The point (1-based) `text` stands for on `scale`, or 0; `*wording`, when
// given, is set to the scale's own spelling of it.
int point_of(const WordScale& scale, const std::string& text, const char** wording = nullptr) {
  for (std::size_t p = 0; p < scale.points.size(); ++p) {
    for (const char* spelling : scale.points[p]) {
      if (!iequals(text, spelling)) continue;
      if (wording != nullptr) *wording = spelling;
      return static_cast<int>(p) + 1;
    }
  }
  return 0;
}

// How many answers `scale` reads of `texts`.
std::int64_t answers_read(const WordScale& scale, const std::map<std::string, std::int64_t>& texts) {
  std::int64_t read = 0;
  for (const auto& [text, count] : texts) {
    if (point_of(scale, text) > 0) read += count;
  }
  return read;
}

// The word scale that reads the most of `texts`, of `points` points when
// given (numbers seen fix the scale's length); none when it reads none.
const WordScale* best_word_scale(const std::map<std::string, std::int64_t>& texts, int points) {
  const WordScale* best = nullptr;
  std::int64_t best_read = 0;
  for (const WordScale& scale : word_scales()) {
    if (points > 0 && static_cast<int>(scale.points.size()) != points) continue;
    const std::int64_t read = answers_read(scale, texts);
    if (read > best_read) {
      best = &scale;
      best_read = read;
    }
  }
  return best;
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
    const long long bottom = value == 0 && rounded_scale_top(*span.high) == 10 ? 0 : std::min(*span.low, 1LL);
    if (span.low && (value < bottom || value > rounded_scale_top(*span.high))) {
      strays.push_back(std::to_string(value));
    }
  }
  return strays;
}

// The wordings of `scale` among `texts` as labels of a bottom..top scale;
// the other texts, quoted, go to `unknown`.
Json word_labels(const WordScale* scale, const std::map<std::string, std::int64_t>& texts, int bottom,
                 std::vector<std::string>* unknown) {
  Json labels = Json::object();
  for (const auto& [text, count] : texts) {
    // Labels are read ignoring case: "Agree" and "AGREE" are one label,
    // written as the scale spells it.
    const char* wording = nullptr;
    const int point = scale == nullptr ? 0 : point_of(*scale, text, &wording);
    if (point > 0) {
      labels[wording] = bottom + point - 1;
    } else {
      unknown->push_back("\"" + text + "\"");
    }
  }
  return labels;
}

// Every point of `scale` labelled, in its own spelling where the data did
// not spell it: a wording outside the sample still reads.
void label_every_point(const WordScale* scale, int bottom, Json* labels) {
  if (scale == nullptr || labels->empty()) return;
  for (std::size_t p = 0; p < scale->points.size(); ++p) {
    const int value = bottom + static_cast<int>(p);
    const bool labelled = std::any_of(labels->items().begin(), labels->items().end(),
                                      [value](const auto& label) { return label.value() == value; });
    if (!labelled) (*labels)[scale->points[p][0]] = value;
  }
}

}  // namespace

int rounded_scale_top(long long max) {
  for (const int top : {5, 7, 9, 10}) {
    if (max <= top) return top;
  }
  return static_cast<int>(max);
}

std::string word_scale_of(const ColumnProfile& profile) {
  const WordScale* scale = best_word_scale(profile.texts(), 0);
  return scale == nullptr ? std::string() : scale->name;
}

Json labelled_scale(const ColumnProfile& profile) {
  const WordScale* scale = best_word_scale(profile.texts(), 0);
  if (scale == nullptr) return nullptr;
  std::vector<std::string> unknown;
  Json labels = word_labels(scale, profile.texts(), 1, &unknown);
  label_every_point(scale, 1, &labels);
  return Json{{"min", 1}, {"max", static_cast<int>(scale->points.size())}, {"labels", labels}};
}

bool has_answer_on(const ColumnProfile& profile, const Json& scale) {
  const long long low = scale["min"].get<long long>();
  const long long high = scale["max"].get<long long>();
  for (const auto& [value, count] : profile.integer_counts()) {
    if (value >= low && value <= high) return true;
  }
  if (!scale.contains("labels")) return false;
  for (const auto& [text, count] : profile.texts()) {
    for (const auto& [label, value] : scale["labels"].items()) {
      if (iequals(text, label)) return true;
    }
  }
  return false;
}

bool answers_on_one_scale(const ColumnProfile& profile) {
  const std::int64_t filled = profile.cells() - profile.empty();
  if (filled == 0) return false;
  std::map<std::string, std::int64_t> texts;
  std::int64_t missing = 0;
  for (const auto& [text, count] : profile.texts()) {
    if (is_default_missing(text)) {
      missing += count;
    } else {
      texts.emplace(text, count);
    }
  }
  const WordScale* scale = best_word_scale(texts, 0);
  const std::int64_t labelled = scale == nullptr ? 0 : answers_read(*scale, texts);
  // Some answer must be a number or a wording: a column of NA is no item.
  return profile.numbers() + labelled > 0 && (profile.numbers() + labelled + missing) * 2 > filled;
}

std::string guess_item_scale(const std::vector<PairedItem>& items, Guesswork& work, Json* scales) {
  const ItemAnswers answers = pooled_answers(items, work);
  const CommonSpan span = common_span(answers.values);
  const std::vector<std::string> strays = stray_values(answers.values, span);
  const auto& [low, high] = span;
  // A 0..10 rating scale has its 0, however rarely given.
  const bool zero_to_ten = high && rounded_scale_top(*high) == 10 && answers.values.count(0) > 0;
  const int bottom = low && *low <= 0 ? static_cast<int>(*low) : zero_to_ten ? 0 : 1;
  // Numbers seen fix the scale's length; wordings alone choose it.
  const WordScale* words = best_word_scale(answers.texts, high ? rounded_scale_top(*high) - bottom + 1 : 0);
  const int top = high ? rounded_scale_top(*high) : words != nullptr ? static_cast<int>(words->points.size()) : 5;
  Json scale = {{"min", bottom}, {"max", top}};
  std::vector<std::string> unknown;
  Json labels = word_labels(words, answers.texts, bottom, &unknown);
  const std::size_t labels_seen = labels.size();
  if (words != nullptr && static_cast<int>(words->points.size()) == top - bottom + 1) {
    label_every_point(words, bottom, &labels);
  }
  if (!labels.empty()) scale["labels"] = labels;
  const std::string stem = words != nullptr && !high ? words->name : "agree";
  const std::string base_name =
      bottom == 1 ? stem + std::to_string(top) : "scale" + std::to_string(bottom) + "_" + std::to_string(top);
  // Another block's scale of the same name but other labels keeps its own.
  std::string name = base_name;
  for (int next = 2; scales->contains(name) && (*scales)[name] != scale; ++next) {
    name = base_name + "_" + std::to_string(next);
  }
  (*scales)[name] = scale;
  work.notes.push_back(
      "items' scale \"" + name + "\": " + std::to_string(bottom) + ".." + std::to_string(top) +
      (high ? " (at least 1% of answers gave each of " + std::to_string(*low) + ".." + std::to_string(*high) + ")"
            : "") +
      (labels_seen == 0 ? "" : ", " + std::string(words->noun) + " labels found: " + std::to_string(labels_seen)) +
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
