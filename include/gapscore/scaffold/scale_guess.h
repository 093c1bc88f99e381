#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "gapscore/scaffold/guesswork.h"
#include "gapscore/scaffold/item_pairing.h"

namespace gapscore::scaffold {

/// The top of the usual answer scale that holds `max`: 5, 7, 9 or 10, or
/// `max` itself above 10.
int rounded_scale_top(long long max);

/// Whether most of a column's answers are numbers or the wordings of one
/// known answer scale (agreement, satisfaction, favourability, frequency,
/// quality, likelihood, importance): what an item's column must hold.
bool answers_on_one_scale(const ColumnProfile& profile);

/// Whether any answer of the column is on `scale` (a questionnaire's scale:
/// min, max and labels): a column with none is no item of it.
bool has_answer_on(const ColumnProfile& profile, const nlohmann::ordered_json& scale);

/// The name of the known answer scale whose wordings read most of the
/// column's texts ("agree", "satisfaction", ...), or empty.
std::string word_scale_of(const ColumnProfile& profile);

/// That scale as a questionnaire's scale, 1 to its length, with the
/// wordings seen as labels; null when no known scale reads the texts.
nlohmann::ordered_json labelled_scale(const ColumnProfile& profile);

/// Guesses the items' answer scale from the values their columns hold: the
/// values at least 1% of answers gave, widened to the usual top, with the
/// wordings of the known scale of that length that reads most of the
/// answers as labels; without numbers, that scale's length. Adds it to
/// `scales` (a JSON object) and notes it, with the stray values and the
/// unknown wordings; returns its name. `items` must not be empty.
std::string guess_item_scale(const std::vector<PairedItem>& items, Guesswork& work, nlohmann::ordered_json* scales);

}  // namespace gapscore::scaffold
