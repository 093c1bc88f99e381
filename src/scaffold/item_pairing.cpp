#include "gapscore/scaffold/item_pairing.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>

#include "gapscore/base/text.h"
#include "gapscore/scaffold/column_names.h"

namespace gapscore::scaffold {

namespace {

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

// The matrix questions among the columns: their stems, and under each its
// statements with their columns.
struct MatrixQuestions {
  std::vector<std::string> order;                                     // stems as they first appear
  std::map<std::string, std::map<std::string, std::string>> columns;  // stem -> statement -> column
  std::map<std::string, std::vector<std::string>> statements;         // stem -> statements in order
};

MatrixQuestions matrix_questions(const std::vector<std::string>& names, const std::vector<std::string>& questions) {
  MatrixQuestions matrix;
  for (std::size_t c = 0; c < names.size(); ++c) {
    const std::string& text = c < questions.size() && !questions[c].empty() ? questions[c] : names[c];
    const auto parts = stem_and_statement(text);
    if (!parts || parts->second.empty()) continue;
    const auto& [stem, statement] = *parts;
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
std::vector<PairedItem> matrix_items(const std::vector<std::string>& names, const std::vector<std::string>& questions,
                                     std::string* stems) {
  MatrixQuestions matrix = matrix_questions(names, questions);
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

// The items named like E_01/P_01, in order of their first column; items
// without a perception column are moved to `without_perception`.
std::vector<PairedItem> named_items(const Guesswork& work, std::vector<std::string>* without_perception) {
  std::vector<PairedItem> items;
  std::map<std::string, std::size_t> item_of_key;
  for (std::size_t c = 0; c < work.names.size(); ++c) {
    const std::optional<ItemColumn> column = item_column(work.names[c]);
    const ColumnProfile& profile = work.profiles[c];
    if (!column || profile.numbers() + static_cast<std::int64_t>(profile.texts().size()) == 0) continue;
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
  pairing.items = named_items(work, &pairing.without_perception);
  if (pairing.items.empty()) pairing.items = matrix_items(work.names, work.questions, &pairing.matrix_stems);
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
         (pairing.matrix_stems.empty()
              ? ""
              : ", from two questions over the same statements: " + pairing.matrix_stems + " (check which is which)");
}

}  // namespace gapscore::scaffold
