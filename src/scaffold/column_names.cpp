#include "gapscore/scaffold/column_names.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <string_view>
#include <vector>

#include "gapscore/base/text.h"

namespace gapscore {

namespace scaffold {

// Column names are matched by hand rather than with std::regex: the
// shapes are few, and GCC 12 reports false uninitialised reads inside
// <regex> under the sanitizers.

bool is_letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

bool one_of(const std::string& word, std::initializer_list<const char*> words) {
  return std::any_of(words.begin(), words.end(), [&word](const char* w) { return iequals(word, w); });
}

namespace {

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
bool is_separator(char c) { return c == ' ' || c == '_' || c == '.' || c == '-'; }

}  // namespace

std::optional<std::pair<std::string, std::string>> split_suffix(const std::string& name) {
  std::size_t word = name.size();
  while (word > 0 && is_letter(name[word - 1])) --word;
  std::size_t stem = word;
  while (stem > 0 && is_separator(name[stem - 1])) --stem;
  if (word == name.size() || stem == word || stem == 0 || !std::isalnum(static_cast<unsigned char>(name[stem - 1]))) {
    return std::nullopt;
  }
  return std::pair{name.substr(0, stem), name.substr(word)};
}

std::optional<std::pair<std::string, std::string>> split_lettered(const std::string& name) {
  std::size_t i = 0;
  while (i < name.size() && is_letter(name[i])) ++i;
  const std::size_t letters = i;
  if (letters == 0) return std::nullopt;
  if (i < name.size() && is_separator(name[i])) ++i;
  const std::size_t digits = i;
  while (i < name.size() && is_digit(name[i])) ++i;
  if (i == digits) return std::nullopt;
  if (i < name.size() && is_letter(name[i])) ++i;
  if (i != name.size()) return std::nullopt;
  return std::pair{name.substr(0, letters), name.substr(digits)};
}

std::vector<std::string> name_words(const std::string& name) {
  std::vector<std::string> words;
  std::string word;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const bool upper_after_lower =
        i > 0 && std::isupper(static_cast<unsigned char>(c)) && std::islower(static_cast<unsigned char>(name[i - 1]));
    if (!std::isalnum(static_cast<unsigned char>(c)) || upper_after_lower) {
      if (!word.empty()) words.push_back(ascii_lower(word));
      word.clear();
    }
    if (std::isalnum(static_cast<unsigned char>(c))) word += c;
  }
  if (!word.empty()) words.push_back(ascii_lower(word));
  return words;
}

bool is_ranking_name(const std::string& text) {
  const std::vector<std::string> words = name_words(text);
  return std::any_of(words.begin(), words.end(), [](const std::string& word) { return word.rfind("rank", 0) == 0; });
}

bool is_classifying_name(const std::string& text) {
  const std::vector<std::string> words = name_words(text);
  return std::any_of(words.begin(), words.end(), [](const std::string& word) {
    return one_of(word,
                  {"gender",  "sex",      "age",   "agegroup", "income",    "education", "year",       "years",
                   "zip",     "postcode", "code",  "group",    "segment",   "region",    "country",    "state",
                   "wave",    "week",     "month", "tenure",   "household", "children",  "employment", "status",
                   "channel", "branch",   "store", "language", "device",    "progress",  "finished",   "duration"});
  });
}

bool is_id_name(const std::string& name) {
  if (one_of(name, {"id", "respondent"})) return true;
  for (const char* stem : {"respondent", "resp", "response", "record", "participant", "case"}) {
    for (const char* joint : {"", " ", "_"}) {
      if (iequals(name, std::string(stem) + joint + "id")) return true;
    }
  }
  return false;
}

}  // namespace scaffold

namespace {

using scaffold::is_letter;
using scaffold::one_of;

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
  const auto found = kWords.find(ascii_lower(word));
  return found == kWords.end() ? "" : found->second;
}

}  // namespace

std::optional<ItemColumn> item_column(const std::string& name) {
  const std::string text(trim(name));
  // "Expectation - Prompt service", "Perceptions: Prompt service"
  std::size_t word = 0;
  while (word < text.size() && is_letter(text[word])) ++word;
  std::size_t mark = word;
  while (mark < text.size() && text[mark] == ' ') ++mark;
  if (mark < text.size() && (text[mark] == '-' || text[mark] == ':' || text[mark] == '|') &&
      one_of(text.substr(0, word), {"expectation", "expectations", "expected", "perception", "perceptions", "perceived",
                                    "performance", "adequate", "minimum", "desired"})) {
    std::string statement(trim(std::string_view(text).substr(mark + 1)));
    // SurveyMonkey's joined names end in its sub-label for a single answer.
    for (const std::string_view sub_label : {" / Response", " / Open-Ended Response"}) {
      if (statement.size() > sub_label.size() &&
          std::string_view(statement).substr(statement.size() - sub_label.size()) == sub_label) {
        statement.resize(statement.size() - sub_label.size());
      }
    }
    if (!statement.empty()) return ItemColumn{measure_of(text.substr(0, word)), statement};
  }
  // "E_01", "P01", "exp3"
  if (const auto lettered = scaffold::split_lettered(text)) {
    if (one_of(lettered->first, {"e", "p", "exp", "per", "perc", "perf", "min", "adq", "des"})) {
      return ItemColumn{measure_of(lettered->first), lettered->second};
    }
  }
  // "Q1_exp", "T1_min", "RL2_per"
  if (const auto suffixed = scaffold::split_suffix(text)) {
    if (!measure_of(suffixed->second).empty()) return ItemColumn{measure_of(suffixed->second), suffixed->first};
  }
  return std::nullopt;
}

}  // namespace gapscore
