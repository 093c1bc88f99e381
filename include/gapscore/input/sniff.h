#pragma once

#include <string>

namespace gapscore {

/// The delimiters gapscore reads; 0 asks the reader to detect one.
inline constexpr char kDetectDelimiter = 0;

/// The one of `,` `;` tab `|` found most often outside quotes in `line`, a
/// C string (the first line of an input); `,` on a tie or when none is found.
char detect_delimiter(const char* line);

/// "comma", "semicolon", "tab", "pipe": a delimiter named for messages.
std::string delimiter_name(char delimiter);

}  // namespace gapscore
