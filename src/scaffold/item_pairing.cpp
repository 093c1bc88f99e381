#include "gapscore/scaffold/item_pairing.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <iterator>
#include <optional>
#include <set>
#include <string_view>
#include <utility>

#include "gapscore/base/text.h"
#include "gapscore/scaffold/column_names.h"
#include "gapscore/scaffold/scale_guess.h"

namespace gapscore::scaffold {

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

namespace {

// The longest start the texts share, cut back to a word's end.
std::string shared_start(const std::vector<std::string>& texts) {
  if (texts.size() < 2) return {};
  std::size_t length = texts.front().size();
  for (const std::string& text : texts) {
    std::size_t i = 0;
    while (i < length && i < text.size() && text[i] == texts.front()[i]) ++i;
    length = i;
  }
  while (length > 0 && texts.front()[length - 1] != ' ' && texts.front()[length - 1] != '-') --length;
  return texts.front().substr(0, length);
}

// The matrix questions among the columns: their stems, and under each its
// statements with their columns.
struct MatrixQuestions {
  std::vector<std::string> order;                                     // stems as they first appear
  std::map<std::string, std::map<std::string, std::string>> columns;  // stem -> statement -> column
  std::map<std::string, std::vector<std::string>> statements;         // stem -> statements in order
};

// A Qualtrics side-by-side column, `Q1#2_3`: question Q1, its column 2,
// statement 3.
struct SideBySideColumn {
  std::string question;
  std::string part;
  std::string statement;
};

std::optional<SideBySideColumn> side_by_side_column(const std::string& name) {
  const std::size_t hash = name.find('#');
  const std::size_t underscore = name.find('_', hash == std::string::npos ? 0 : hash);
  if (hash == std::string::npos || hash == 0 || underscore == std::string::npos || underscore == hash + 1 ||
      underscore + 1 == name.size()) {
    return std::nullopt;
  }
  const std::string part = name.substr(hash + 1, underscore - hash - 1);
  if (!std::all_of(part.begin(), part.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
    return std::nullopt;
  }
  return SideBySideColumn{name.substr(0, hash), part, name.substr(underscore + 1)};
}

// Legacy Qualtrics writes "Stem?-Statement", with no spaces to split at:
// the columns tagged Q1_1, Q1_2, ... share their stem, so a statement is
// what follows the start the tag's question texts share.
std::map<std::size_t, std::pair<std::string, std::string>> tagged_statements(const Guesswork& work) {
  std::map<std::string, std::vector<std::size_t>> columns_of_tag;
  for (std::size_t c = 0; c < work.names.size() && c < work.questions.size(); ++c) {
    const std::size_t underscore = work.names[c].rfind('_');
    if (underscore == std::string::npos || underscore == 0 || work.questions[c].empty()) continue;
    columns_of_tag[work.names[c].substr(0, underscore)].push_back(c);
  }
  std::map<std::size_t, std::pair<std::string, std::string>> statements;
  for (const auto& [tag, columns] : columns_of_tag) {
    std::vector<std::string> texts;
    for (const std::size_t c : columns) texts.push_back(work.questions[c]);
    const std::string start = shared_start(texts);
    std::string stem(trim(start));
    while (!stem.empty() && (stem.back() == '-' || stem.back() == ' ')) stem.pop_back();
    if (stem.empty()) continue;
    for (const std::size_t c : columns) {
      statements[c] = {stem, std::string(trim(std::string_view(work.questions[c]).substr(start.size())))};
    }
  }
  return statements;
}

MatrixQuestions matrix_questions(const Guesswork& work, std::vector<std::string>* unscaled_stems) {
  const std::vector<std::string>& names = work.names;
  const std::vector<std::string>& questions = work.questions;
  const std::map<std::size_t, std::pair<std::string, std::string>> tagged = tagged_statements(work);
  MatrixQuestions matrix;
  std::map<std::string, std::size_t> unscaled_columns;  // stem -> columns not on a scale
  for (std::size_t c = 0; c < names.size(); ++c) {
    // A side-by-side question's parts are no two matrix questions.
    if (work.used[c] || side_by_side_column(names[c])) continue;
    const std::string& text = c < questions.size() && !questions[c].empty() ? questions[c] : names[c];
    std::optional<std::pair<std::string, std::string>> parts = stem_and_statement(text);
    if (!parts && tagged.count(c) > 0) parts = tagged.at(c);
    if (!parts || parts->second.empty()) continue;
    const auto& [stem, statement] = *parts;
    // A block of checkboxes or free text is no answer scale to pair.
    if (!answers_on_one_scale(work.profiles[c])) {
      // Only a block is worth naming: one column over "Response" is a single question.
      if (++unscaled_columns[stem] == 2) unscaled_stems->push_back(stem);
      continue;
    }
    if (matrix.columns.count(stem) == 0) matrix.order.push_back(stem);
    if (matrix.columns[stem].emplace(ascii_lower(statement), names[c]).second) {
      matrix.statements[stem].push_back(statement);
    }
  }
  return matrix;
}

// Without expectation and perception in the column names, the usual
// export of a SERVQUAL questionnaire is two matrix questions over the same
// statements, expectations first: pairs the two stems sharing the most
// statements (at least two), the first as expectations.
std::vector<PairedItem> matrix_items(const Guesswork& work, std::string* stems,
                                     std::vector<std::string>* unscaled_stems) {
  MatrixQuestions matrix = matrix_questions(work, unscaled_stems);
  std::size_t best = 1;
  std::pair<std::string, std::string> pair;
  for (std::size_t a = 0; a < matrix.order.size(); ++a) {
    for (std::size_t b = a + 1; b < matrix.order.size(); ++b) {
      std::size_t shared = 0;
      for (const auto& [statement, column] : matrix.columns[matrix.order[a]]) {
        shared += matrix.columns[matrix.order[b]].count(statement);
      }
      if (shared > best) {
        best = shared;
        pair = {matrix.order[a], matrix.order[b]};
      }
    }
  }
  std::vector<PairedItem> items;
  if (pair.first.empty()) return items;
  std::map<std::string, std::string>& expectations = matrix.columns[pair.first];
  std::map<std::string, std::string>& perceptions = matrix.columns[pair.second];
  for (const std::string& statement : matrix.statements[pair.first]) {
    const auto perception = perceptions.find(ascii_lower(statement));
    if (perception == perceptions.end()) continue;
    items.push_back(
        {statement, {{"expectation", expectations[ascii_lower(statement)]}, {"perception", perception->second}}});
  }
  *stems = "\"" + pair.first + "\" as expectations and \"" + pair.second + "\" as perceptions";
  return items;
}

// The measure a side-by-side column's heading names ("Expected service",
// "Perceived service", "Minimum", "Desired"), or empty.
std::string measure_named(const std::string& heading) {
  const std::string text = ascii_lower(heading);
  const auto has = [&text](const char* word) { return text.find(word) != std::string::npos; };
  if (has("minimum") || has("adequate")) return "adequate";
  if (has("desired")) return "desired";
  if (has("expect") || has("should") || has("ideal") || has("excellent")) return "expectation";
  if (has("percei") || has("perform") || has("actual") || has("experience")) return "perception";
  return {};
}

using SideBySideParts = std::map<std::string, std::map<std::string, std::size_t>>;  // part -> statement -> column

// The measure of each part of a side-by-side question: from the parts'
// headings when they name a perception and at least one other measure,
// each once (parts whose heading names none, an importance column say,
// are left out); else, of exactly two parts, the first as expectations.
// Empty when neither holds.
std::map<std::string, std::string> part_measures(const SideBySideParts& parts, const Guesswork& work,
                                                 std::map<std::string, std::string>* starts, bool* named) {
  std::map<std::string, std::string> measures;
  std::set<std::string> seen;
  bool repeated = false;
  for (const auto& [part, statements] : parts) {
    std::vector<std::string> texts;
    for (const auto& [statement, c] : statements) {
      if (c < work.questions.size()) texts.push_back(work.questions[c]);
    }
    (*starts)[part] = shared_start(texts);
    const std::string measure = measure_named((*starts)[part]);
    if (measure.empty()) continue;
    repeated = repeated || !seen.insert(measure).second;
    measures[part] = measure;
  }
  *named = !repeated && seen.count("perception") > 0 && seen.size() >= 2;
  if (*named) return measures;
  if (parts.size() != 2) return {};
  return {{parts.begin()->first, "expectation"}, {std::next(parts.begin())->first, "perception"}};
}

// Qualtrics' side-by-side question asks expectation and perception over
// the same statements on one page: columns Q1#1_k and Q1#2_k. Each part's
// measure is read from its heading in the question text ("Q - Heading -
// Statement") when it names one, else part 1 is the expectation and part
// 2 the perception; a statement's text is what follows its part's shared
// start. The question with the most statements in two or three parts wins.
std::vector<PairedItem> side_by_side_items(const Guesswork& work, std::string* description,
                                           std::vector<std::string>* unscaled) {
  std::map<std::string, SideBySideParts> questions;
  std::vector<std::string> order;
  for (std::size_t c = 0; c < work.names.size(); ++c) {
    const std::optional<SideBySideColumn> column = side_by_side_column(work.names[c]);
    if (!column || work.used[c]) continue;
    if (!answers_on_one_scale(work.profiles[c])) {
      unscaled->push_back(work.names[c]);
      continue;
    }
    if (questions.count(column->question) == 0) order.push_back(column->question);
    questions[column->question][column->part].emplace(column->statement, c);
  }
  std::string best;
  std::size_t best_statements = 1;
  for (const std::string& question : order) {
    const auto& parts = questions[question];
    if (parts.size() < 2) continue;
    std::size_t shared = parts.begin()->second.size();
    for (const auto& [part, statements] : parts) shared = std::min(shared, statements.size());
    if (shared > best_statements) {
      best = question;
      best_statements = shared;
    }
  }
  std::vector<PairedItem> items;
  if (best.empty()) return items;
  const auto& parts = questions[best];
  std::map<std::string, std::string> starts;  // part -> shared start of its question texts
  bool named = false;
  std::map<std::string, std::string> measures = part_measures(parts, work, &starts, &named);
  if (measures.empty()) return items;
  const auto& [first_part, first_statements] = *parts.begin();
  std::vector<std::pair<std::size_t, std::string>> statements_in_order;
  for (const auto& [statement, c] : first_statements) statements_in_order.push_back({c, statement});
  std::sort(statements_in_order.begin(), statements_in_order.end());
  for (const auto& [first_column, statement] : statements_in_order) {
    PairedItem item;
    for (const auto& [part, statements] : parts) {
      const auto found = statements.find(statement);
      if (found != statements.end() && measures.count(part) > 0) {
        item.columns[measures.at(part)] = work.names[found->second];
      }
    }
    if (item.columns.size() != measures.size() || item.columns.count("perception") == 0) continue;
    const std::string text = first_column < work.questions.size() ? work.questions[first_column] : "";
    const std::string& start = starts[first_part];
    item.key = !start.empty() && text.size() > start.size() ? std::string(trim(text.substr(start.size())))
                                                            : best + "_" + statement;
    items.push_back(std::move(item));
  }
  *description = "the side-by-side question " + quote(best) + " (" +
                 (named ? std::string("parts named by their headings")
                        : "part 1 as expectations, part 2 as perceptions: check which is which") +
                 ")";
  return items;
}

// The items named like E_01/P_01, in order of their first column; items
// without a perception column are moved to `without_perception`.
std::vector<PairedItem> named_items(const Guesswork& work, std::vector<std::string>* without_perception,
                                    std::vector<std::string>* unscaled) {
  std::vector<PairedItem> items;
  std::map<std::string, std::size_t> item_of_key;
  for (std::size_t c = 0; c < work.names.size(); ++c) {
    const std::optional<ItemColumn> column = item_column(work.names[c]);
    const ColumnProfile& profile = work.profiles[c];
    if (!column || work.used[c] || profile.numbers() + static_cast<std::int64_t>(profile.texts().size()) == 0) continue;
    if (!answers_on_one_scale(profile)) {
      unscaled->push_back(work.names[c]);
      continue;
    }
    const std::string key = ascii_lower(column->key);
    auto [at, inserted] = item_of_key.emplace(key, items.size());
    if (inserted) items.push_back({column->key, {}});
    PairedItem& item = items[at->second];
    if (item.columns.count(column->measure) > 0) continue;
    item.columns[column->measure] = work.names[c];
  }
  items.erase(std::remove_if(items.begin(), items.end(),
                             [without_perception](const PairedItem& item) {
                               if (item.columns.count("perception") > 0) return false;
                               without_perception->push_back(item.columns.begin()->second);
                               return true;
                             }),
              items.end());
  return items;
}

}  // namespace

ItemPairing pair_items(Guesswork& work) {
  ItemPairing pairing;
  pairing.items = named_items(work, &pairing.without_perception, &pairing.unscaled);
  if (pairing.items.empty()) pairing.items = side_by_side_items(work, &pairing.side_by_side, &pairing.unscaled);
  if (pairing.items.empty()) pairing.items = matrix_items(work, &pairing.matrix_stems, &pairing.unscaled);
  // An item's columns share one scale: expectations in importance words
  // and perceptions in satisfaction words cannot be scored as a gap.
  pairing.items.erase(std::remove_if(pairing.items.begin(), pairing.items.end(),
                                     [&work, &pairing](const PairedItem& item) {
                                       std::set<std::string> kinds;
                                       for (const auto& [measure, column] : item.columns) {
                                         const std::string kind = word_scale_of(work.profiles[work.index_of(column)]);
                                         if (!kind.empty()) kinds.insert(kind);
                                       }
                                       if (kinds.size() < 2) return false;
                                       for (const auto& [measure, column] : item.columns) {
                                         pairing.unscaled.push_back(column);
                                       }
                                       return true;
                                     }),
                      pairing.items.end());
  for (const PairedItem& item : pairing.items) {
    for (const auto& [measure, column] : item.columns) work.used[work.index_of(column)] = true;
  }
  return pairing;
}

std::string found_items_note(const ItemPairing& pairing) {
  if (pairing.items.empty()) {
    return "found no SERVQUAL items: name expectation and perception columns like E_01/P_01, Q1_exp/Q1_perf "
           "or \"Expectation - ...\"/\"Perception - ...\", or add the \"servqual\" section by hand";
  }
  std::size_t with_expectation = 0;
  std::size_t with_zone = 0;
  std::size_t perception_only = 0;
  for (const PairedItem& item : pairing.items) {
    with_expectation += item.columns.count("expectation");
    if (item.columns.size() == 1) ++perception_only;
    if (item.columns.count("adequate") > 0 && item.columns.count("desired") > 0) ++with_zone;
  }
  return "found " + std::to_string(pairing.items.size()) + " SERVQUAL items: " + std::to_string(with_expectation) +
         " with expectation and perception" +
         (with_zone > 0 ? ", " + std::to_string(with_zone) + " with a zone of tolerance" : "") +
         (perception_only > 0 ? ", " + std::to_string(perception_only) + " perception only" : "") +
         (pairing.side_by_side.empty() ? "" : ", from " + pairing.side_by_side) +
         (pairing.matrix_stems.empty()
              ? ""
              : ", from two questions over the same statements: " + pairing.matrix_stems + " (check which is which)");
}

}  // namespace gapscore::scaffold
