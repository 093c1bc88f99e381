#include "gapscore/scaffold/guesswork.h"

namespace gapscore::scaffold {

Guesswork::Guesswork(const std::vector<std::string>& column_names, const std::vector<std::string>& question_texts,
                     const std::vector<ColumnProfile>& column_profiles)
    : names(column_names), questions(question_texts), profiles(column_profiles), used(column_names.size(), false) {
  std::map<std::string, std::size_t> count;
  for (std::size_t c = 0; c < names.size(); ++c) {
    index_.emplace(names[c], c);
    ++count[names[c]];
  }
  // gapscore cannot read a name the header has twice: no guess takes one.
  std::vector<std::string> repeated;
  for (std::size_t c = 0; c < names.size(); ++c) {
    if (names[c].empty() || count[names[c]] < 2) continue;
    used[c] = true;
    if (index_.at(names[c]) == c) repeated.push_back("\"" + names[c] + "\"");
  }
  if (!repeated.empty()) {
    notes.push_back("column names the header has more than once, left out (rename them to use them): " +
                    listed(repeated, 6));
  }
}

std::string listed(const std::vector<std::string>& names, std::size_t limit) {
  std::string text;
  for (std::size_t i = 0; i < names.size() && i < limit; ++i) text += (i == 0 ? "" : ", ") + names[i];
  if (names.size() > limit) text += " and " + std::to_string(names.size() - limit) + " more";
  return text;
}

}  // namespace gapscore::scaffold
