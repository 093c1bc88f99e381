#include "gapscore/scaffold/metric_guess.h"

#include <cctype>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "gapscore/base/text.h"
#include "gapscore/scaffold/item_pairing.h"
#include "gapscore/scaffold/scale_guess.h"

namespace gapscore::scaffold {

namespace {

using Json = nlohmann::ordered_json;

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

bool mostly_integers(const ColumnProfile& profile) {
  const std::int64_t filled = profile.cells() - profile.empty();
  return filled > 0 && profile.integers() * 10 >= filled * 9;
}

// A metric's signs: the words of its name, the range its answers must fit
// and the top of its default scale.
struct MetricGuess {
  const char* type;
  bool (*named)(const std::string&);
  long long lowest;
  long long highest;
  int default_high;
};

const MetricGuess kGuesses[] = {
    {"nps", [](const std::string& text) { return contains(text, "nps") || contains(text, "recommend"); }, 0, 10, 10},
    {"csat", [](const std::string& text) { return contains(text, "csat") || contains(text, "satisf"); }, 1, 10, 5},
    {"ces",
     [](const std::string& text) {
       return contains_word(text, "ces") || contains(text, "effort") || contains(text, "easy");
     },
     1, 7, 7}};

// Satisfaction asked in words ("Very satisfied") rather than numbers.
bool satisfaction_words(const MetricGuess& guess, const ColumnProfile& profile) {
  return std::string(guess.type) == "csat" && !mostly_integers(profile) && answers_on_one_scale(profile) &&
         word_scale_of(profile) == "satisfaction";
}

bool fits(const MetricGuess& guess, const Guesswork& work, std::size_t c) {
  const ColumnProfile& profile = work.profiles[c];
  const std::string described = c < work.questions.size() ? work.names[c] + " " + work.questions[c] : work.names[c];
  if (work.used[c] || !guess.named(described)) return false;
  if (satisfaction_words(guess, profile)) return true;
  // An answer scale has answers near its top: a 1..3 group code is not an NPS.
  return mostly_integers(profile) && *profile.min() >= guess.lowest && *profile.max() <= guess.highest &&
         *profile.max() >= guess.default_high - 3;
}

// The metric on column `c`, its scale added to `scales` when not the default.
Json metric_on(const MetricGuess& guess, std::size_t c, Guesswork& work, Json* scales) {
  const ColumnProfile& profile = work.profiles[c];
  Json metric = {{"id", guess.type}, {"type", guess.type}, {"column", work.names[c]}};
  if (satisfaction_words(guess, profile)) {
    const Json scale = labelled_scale(profile);
    const std::string scale_name = "satisfaction" + std::to_string(scale["max"].get<int>());
    (*scales)[scale_name] = scale;
    metric["scale"] = scale_name;
    work.used[c] = true;
    work.notes.push_back(std::string(guess.type) + ": column \"" + work.names[c] + "\" in words, as \"" + scale_name +
                         "\" (" + std::to_string(scale["labels"].size()) + " wordings as labels)");
    return metric;
  }
  std::string range = std::string(guess.type) == "nps" ? "0..10" : "1.." + std::to_string(guess.default_high);
  if (std::string(guess.type) != "nps") {
    const int top = rounded_scale_top(*profile.max());
    if (top != guess.default_high) {
      const std::string scale_name = std::string(guess.type) + std::to_string(top);
      (*scales)[scale_name] = {{"min", 1}, {"max", top}};
      metric["scale"] = scale_name;
      range = "1.." + std::to_string(top);
    }
  }
  work.used[c] = true;
  work.notes.push_back(std::string(guess.type) + ": column \"" + work.names[c] + "\" on " + range + " (values seen " +
                       std::to_string(*profile.min()) + ".." + std::to_string(*profile.max()) + ")");
  return metric;
}

// The columns that are statements of a matrix question (a stem two or more
// columns share): "How satisfied are you with the following? [Staff]" is
// an item of a block, not the CSAT question.
std::vector<bool> matrix_statements(const Guesswork& work) {
  std::vector<std::string> stems(work.names.size());
  std::map<std::string, int> columns_of_stem;
  for (std::size_t c = 0; c < work.names.size(); ++c) {
    const std::string& text =
        c < work.questions.size() && !work.questions[c].empty() ? work.questions[c] : work.names[c];
    if (const auto parts = stem_and_statement(text)) {
      stems[c] = parts->first;
      ++columns_of_stem[stems[c]];
    }
  }
  std::vector<bool> in_matrix(work.names.size());
  for (std::size_t c = 0; c < stems.size(); ++c) in_matrix[c] = !stems[c].empty() && columns_of_stem[stems[c]] >= 2;
  return in_matrix;
}

}  // namespace

Json guess_metrics(Guesswork& work, Json* scales) {
  Json metrics = Json::array();
  const std::vector<bool> in_matrix = matrix_statements(work);
  for (const MetricGuess& guess : kGuesses) {
    for (std::size_t c = 0; c < work.names.size(); ++c) {
      if (in_matrix[c] || !fits(guess, work, c)) continue;
      metrics.push_back(metric_on(guess, c, work, scales));
      break;
    }
  }
  return metrics;
}

}  // namespace gapscore::scaffold
