#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>

namespace gapscore {

/// The deepest nesting of arrays and objects gapscore reads in a JSON
/// document (a questionnaire, a state, a report); its own documents nest
/// fewer than ten levels.
inline constexpr int kMaxJsonDepth = 64;

/// Where `text` first opens an array or object deeper than kMaxJsonDepth,
/// outside strings, as a byte offset; nothing when it never does. Checked
/// before parsing, so that a hostile document cannot exhaust the stack of
/// the code that later walks it.
std::optional<std::size_t> too_deep(std::string_view text);

/// The 1-based line and column (in bytes) of byte `offset` of `text`.
std::pair<std::uint64_t, std::uint64_t> line_and_column(std::string_view text, std::size_t offset);

}  // namespace gapscore
