#pragma once

// Saved states (`score --emit-state`, read by `gapscore merge`): what a run
// has counted, to and from one line of JSON.

#include <string>
#include <string_view>
#include <vector>

#include "gapscore/engine/engine.h"
#include "gapscore/tally/tally.h"

namespace gapscore {

struct RunSetup;
struct RunTotals;

/// What `totals` holds, counted with `setup`, as a state: versioned JSON on
/// one line, carrying the questionnaire, a fingerprint of it and of the
/// breakdowns, the row accounting, and every tally's exact sums.
std::string state_json(const RunSetup& setup, const RunTotals& totals);

/// Adds a state made by state_json to `totals`, as if its rows had been
/// counted there. Throws Error(kInvalid), naming `file`, for a state that is
/// not one, has another version, was made with another questionnaire or
/// other breakdowns, or does not fit them; Error(kUsage) when a breakdown
/// would have more than max_segments segments.
void add_state(const RunSetup& setup, RunTotals& totals, std::string_view text, const std::string& file);

/// The questionnaire and breakdowns a state was made with. Throws
/// Error(kInvalid), naming `file`, for a state that is not one, has another
/// version, or does not hold them; the questionnaire's own errors pass
/// through.
Engine::StateOrigin origin_of_state(std::string_view text, const std::string& file);

/// The decimal digits of `value`, '-' first when it is negative: how a state
/// writes a tally's 128-bit sums, which JSON numbers cannot hold.
std::string int128_text(Int128 value);

/// Reads what int128_text writes into `*value`: an optional '-' and 1 to 39
/// digits within Int128's range, and nothing else (false, `*value`
/// untouched).
bool parse_int128(const std::string& text, Int128* value);

/// What identifies the questionnaire (its canonical text, `source`) and the
/// breakdowns a state was counted for: 16 hex digits of FNV-1a (64 bits)
/// over `source`, a line feed, and each breakdown's columns, each followed
/// by U+001F, the breakdown then by U+001E. It guards against mistakes,
/// not against forgery.
std::string state_fingerprint(const std::string& source, const std::vector<std::vector<std::string>>& breakdowns);

}  // namespace gapscore
