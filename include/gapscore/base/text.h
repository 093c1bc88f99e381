#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gapscore {

/// `text` without leading and trailing spaces and tabs.
std::string_view trim(std::string_view text);

/// ASCII lower-case copy; bytes outside ASCII are kept as they are.
std::string ascii_lower(std::string_view text);

/// Case-insensitive (ASCII) equality.
bool iequals(std::string_view a, std::string_view b);

/// Levenshtein distance between the ASCII-lower-cased texts.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidates that look like a misspelling of `wanted`, ignoring case:
/// within a third of its length in edits (at least 2), or containing it or
/// contained in it (3 characters or more); of those, only the ones at most
/// one edit further than the closest (only exact matches when one differs
/// just in case); at most `limit`, closest first, ties in `candidates` order.
std::vector<std::string> near_matches(std::string_view wanted, const std::vector<std::string>& candidates,
                                      std::size_t limit = 3);

/// ` (did you mean "a" or "b"?)`, or an empty string when there is nothing near.
std::string did_you_mean(std::string_view wanted, const std::vector<std::string>& candidates);

/// The candidates a glob `pattern` (`*` for any run of characters) nearly
/// matches: each part between the stars is within a third of its length
/// in edits (at least 1) of some run of the candidate, ignoring case; at
/// most `limit`, fewest edits first, ties in `candidates` order.
std::vector<std::string> pattern_near_matches(std::string_view pattern, const std::vector<std::string>& candidates,
                                              std::size_t limit = 3);

/// did_you_mean for a glob pattern that matched nothing.
std::string did_you_mean_pattern(std::string_view pattern, const std::vector<std::string>& candidates);

/// Shortest decimal text that reads back as exactly `value` (round-trip).
std::string format_number(double value);

/// `"text"` with quotes, backslashes and control bytes escaped, for messages.
/// Control characters are `\n`, `\r`, `\t` or `\xHH`; a byte that is not
/// UTF-8 is `\xHH`; C1 controls and bidirectional controls (which reorder
/// or restyle what a terminal shows) are `\u{HHHH}`.
std::string quote(std::string_view text);

/// `text` escaped as quote() escapes it, without the quotes and leaving
/// quotes and backslashes as they are: every byte from outside that
/// reaches a terminal goes through this or quote().
std::string printable(std::string_view text);

/// Whether `text` is well-formed UTF-8 (no overlong forms, no surrogates).
bool is_valid_utf8(std::string_view text);

/// `text` with each ill-formed UTF-8 sequence replaced by U+FFFD, one per
/// maximal subpart as the Unicode standard recommends (and as Python's
/// "replace" and web browsers do).
std::string valid_utf8(std::string_view text);

/// Whether `text` matches the glob `pattern`, where `*` stands for any run
/// of characters; ASCII case is ignored.
bool glob_match(std::string_view pattern, std::string_view text);

}  // namespace gapscore
