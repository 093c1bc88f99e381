#include "gapscore/scaffold/respondent_guess.h"

#include <cstdint>

#include "gapscore/scaffold/column_names.h"

namespace gapscore::scaffold {

std::optional<std::string> guess_respondent_id(Guesswork& work) {
  for (std::size_t c = 0; c < work.names.size(); ++c) {
    const ColumnProfile& profile = work.profiles[c];
    const std::int64_t filled = profile.cells() - profile.empty();
    // An id column with a few repeats is still one: gapscore rejects the repeats.
    const auto distinct = static_cast<std::int64_t>(profile.distinct());
    // Legacy Qualtrics tags its id V1, with "ResponseID" as its question text.
    const bool named = is_id_name(work.names[c]) || (c < work.questions.size() && is_id_name(work.questions[c]));
    if (named && filled > 0 && profile.empty() == 0 && (profile.distinct_capped() || distinct * 100 >= filled * 95)) {
      work.used[c] = true;
      work.notes.push_back("respondent id: column \"" + work.names[c] + "\"" +
                           (profile.distinct_capped() || distinct == filled
                                ? std::string(" (every value in the sample is distinct)")
                                : " (" + std::to_string(filled - distinct) +
                                      " repeated values in the sample: those rows will be rejected as duplicate_id)"));
      return work.names[c];
    }
  }
  return std::nullopt;
}

std::optional<std::string> guess_weight_column(Guesswork& work) {
  for (std::size_t c = 0; c < work.names.size(); ++c) {
    const ColumnProfile& profile = work.profiles[c];
    const std::int64_t filled = profile.cells() - profile.empty();
    if (!work.used[c] &&
        one_of(work.names[c], {"weight", "weights", "wt", "wgt", "survey weight", "survey_weight", "surveyweight"}) &&
        filled > 0 && profile.numbers() * 10 >= filled * 9 && profile.min().value_or(0) >= 0) {
      work.used[c] = true;
      const std::int64_t unusable = profile.cells() - profile.numbers();
      work.notes.push_back("survey weights: column \"" + work.names[c] + "\"; every figure will be weighted" +
                           (unusable > 0 ? " (" + std::to_string(unusable) +
                                               " rows in the sample have no number here and will be rejected)"
                                         : std::string()) +
                           "; remove \"weight_column\" if these are not weights");
      return work.names[c];
    }
  }
  return std::nullopt;
}

}  // namespace gapscore::scaffold
