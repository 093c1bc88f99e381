#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace gapscore {

/// A column's role in a SERVQUAL item, read from its name: the
/// measure and the key shared by the columns of one item.
struct ItemColumn {
  std::string measure;  ///< "expectation", "perception", "adequate" or "desired"
  std::string key;      ///< "01" for E_01 and P_01, "Q1" for Q1_exp, the statement for "Expectation - ..."
};

/// Reads `E_01`, `P01`, `Q1_exp`, `Q1_perf`, `T1_min`, `T1_des`, `T1_per`,
/// `Expectation - Prompt service`, `Perception: Prompt service` and the
/// like; nothing for other names.
std::optional<ItemColumn> item_column(const std::string& name);

namespace scaffold {

/// A letter in the C locale's sense.
bool is_letter(char c);

/// Whether `word` is one of `words`, ignoring case.
bool one_of(const std::string& word, std::initializer_list<const char*> words);

/// "Q1_exp" as {"Q1", "exp"}: a stem ending in a letter or digit, one or
/// more separators (space, `_`, `.`, `-`), and a final word of letters;
/// nothing for other names.
std::optional<std::pair<std::string, std::string>> split_suffix(const std::string& name);

/// "RL2" or "E_01" as {"RL", "2"}: letters, at most one separator, digits,
/// and at most one letter after them (kept with the digits); nothing for
/// other names.
std::optional<std::pair<std::string, std::string>> split_lettered(const std::string& name);

/// The words of a name, lower-cased: split at what is not a letter or a
/// digit and where a capital follows a small letter ("PriceRank",
/// "Q7_rank_1" -> "price", "rank"; "q7", "rank", "1").
std::vector<std::string> name_words(const std::string& name);

/// Whether a word of the name starts with "rank": a ranking's numbers are
/// places, not ratings.
bool is_ranking_name(const std::string& text);

/// Whether a word of the name says the column classifies respondents
/// (gender, age, region, status, ...) rather than rates the service: its
/// codes are no rating even when they are small integers.
bool is_classifying_name(const std::string& text);

/// Whether the name is a respondent id's: "id", "respondent",
/// "ResponseId", "resp_id", "Respondent ID", "case_id" and the like.
bool is_id_name(const std::string& name);

}  // namespace scaffold

}  // namespace gapscore
