#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "gapscore/scaffold/column_profile.h"

namespace gapscore::scaffold {

/// What the guesses of `scaffold_questionnaire` pass on to one another:
/// the columns, which of them a guess has taken (so that no later guess
/// takes them again), and the notes for the user so far, in the order
/// they are shown. The vectors given must outlive it.
struct Guesswork {
  /// `question_texts` is the question text under each name, or empty;
  /// `column_profiles` has one profile per name.
  Guesswork(const std::vector<std::string>& column_names, const std::vector<std::string>& question_texts,
            const std::vector<ColumnProfile>& column_profiles);

  /// The index of the first column called `name`; throws std::out_of_range
  /// for a name that is not a column's.
  std::size_t index_of(const std::string& name) const { return index_.at(name); }

  const std::vector<std::string>& names;
  const std::vector<std::string>& questions;
  const std::vector<ColumnProfile>& profiles;
  std::vector<bool> used;  ///< one per column: taken by a guess
  std::vector<std::string> notes;

 private:
  std::map<std::string, std::size_t> index_;
};

/// The first `limit` names, comma-separated, then " and N more" for the
/// rest; empty for no names.
std::string listed(const std::vector<std::string>& names, std::size_t limit);

}  // namespace gapscore::scaffold
