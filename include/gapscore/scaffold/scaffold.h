#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace gapscore {

/// What the values of one column look like, from a sample of rows: the
/// basis of `gapscore init`'s guesses.
class ColumnProfile {
 public:
  /// Adds one cell, trimmed of spaces and tabs.
  void add(std::string_view cell);

  std::int64_t cells() const { return cells_; }
  std::int64_t empty() const { return empty_; }
  std::int64_t integers() const { return integers_; }
  std::int64_t numbers() const { return numbers_; }  ///< integers and decimals
  std::optional<long long> min() const { return min_; }
  std::optional<long long> max() const { return max_; }
  /// Counts of the integers seen (the first 200 distinct values).
  const std::map<long long, std::int64_t>& integer_counts() const { return integer_counts_; }
  /// Distinct texts that are not numbers, with their counts (the first 50).
  const std::map<std::string, std::int64_t>& texts() const { return texts_; }
  /// Distinct non-empty values, counted up to kDistinctCap.
  std::size_t distinct() const { return distinct_.size(); }
  bool distinct_capped() const { return distinct_.size() >= kDistinctCap; }

  static constexpr std::size_t kDistinctCap = 1000;

 private:
  std::int64_t cells_ = 0;
  std::int64_t empty_ = 0;
  std::int64_t integers_ = 0;
  std::int64_t numbers_ = 0;
  std::optional<long long> min_;
  std::optional<long long> max_;
  std::map<long long, std::int64_t> integer_counts_;
  std::map<std::string, std::int64_t> texts_;
  std::set<std::string> distinct_;
};

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

/// A starting questionnaire and what the user should check.
struct Scaffold {
  nlohmann::ordered_json questionnaire;
  std::vector<std::string> notes;
};

/// Guesses a questionnaire from the column names and a sample of values:
/// pairs expectation and perception columns by naming, groups items into
/// dimensions (the standard RATER order for 22 numbered items, else by
/// the letters before the number), guesses scales from the values, finds
/// NPS, CSAT and CES columns by name and range, a respondent id and a
/// weight column. `questions` is the question text under each name (a
/// second header row), or empty; metrics are found by either. `source`
/// names the data in the title; `schema`, when given, is the "$schema";
/// `joined_names` says the names join all header rows (SurveyMonkey).
Scaffold scaffold_questionnaire(const std::vector<std::string>& names, const std::vector<std::string>& questions,
                                const std::vector<ColumnProfile>& profiles, int header_rows, const std::string& source,
                                const std::string& schema, bool joined_names = false);

}  // namespace gapscore
