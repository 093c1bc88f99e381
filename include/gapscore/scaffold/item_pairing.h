#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "gapscore/scaffold/guesswork.h"

namespace gapscore::scaffold {

/// The columns of one SERVQUAL item, found by their names.
struct PairedItem {
  std::string key;                             ///< as the first of its columns spells it
  std::map<std::string, std::string> columns;  ///< measure -> column name
};

/// The SERVQUAL items found among the columns, in order of appearance.
struct ItemPairing {
  std::vector<PairedItem> items;                ///< each with a perception column
  std::vector<std::string> without_perception;  ///< a column of each item left out for having none
  std::string matrix_stems;                     ///< which matrix question is which, when paired by those
  std::string side_by_side;                     ///< the side-by-side question paired, and how
  std::vector<std::string> unscaled;            ///< columns or questions left out: answers on no one scale
};

/// A matrix question's stem and one of its statements, from a column's
/// name or question text: "Stem - Statement" (Qualtrics' question row),
/// "Stem [Statement]" (Google Forms) or "Stem / Statement" (SurveyMonkey's
/// joined rows); nothing for other texts.
std::optional<std::pair<std::string, std::string>> stem_and_statement(const std::string& text);

/// Pairs expectation, perception and zone-of-tolerance columns by the key
/// in their names (item_column), skipping columns with no values; when no
/// item has a perception column, the parts of a Qualtrics side-by-side
/// question (Q1#1_k, Q1#2_k); failing that, two matrix questions over the
/// same statements (from `questions` where given, else the names). Columns
/// whose answers are not on one scale (answers_on_one_scale) are never
/// paired, and are listed in `unscaled`.
/// Marks the items' columns used. Finds nothing rather than failing.
ItemPairing pair_items(Guesswork& work);

/// The note that opens the list: how many items were found and how, or
/// how to name the columns when none were.
std::string found_items_note(const ItemPairing& pairing);

}  // namespace gapscore::scaffold
