#include "gapscore/input/sniff.h"

#include <algorithm>
#include <array>

namespace gapscore {

namespace {

constexpr std::array<char, 4> kCandidateDelimiters = {',', ';', '\t', '|'};

}  // namespace

char detect_delimiter(const char* line) {
  std::array<std::size_t, kCandidateDelimiters.size()> counts{};
  bool in_quotes = false;
  for (const char* c = line; *c != '\0'; ++c) {
    if (*c == '"') in_quotes = !in_quotes;
    if (in_quotes) continue;
    for (std::size_t i = 0; i < kCandidateDelimiters.size(); ++i) {
      if (*c == kCandidateDelimiters[i]) ++counts[i];
    }
  }
  const auto best = std::max_element(counts.begin(), counts.end());
  return *best == 0 ? ',' : kCandidateDelimiters[static_cast<std::size_t>(best - counts.begin())];
}

std::string delimiter_name(char delimiter) {
  switch (delimiter) {
    case ',':
      return "comma";
    case ';':
      return "semicolon";
    case '\t':
      return "tab";
    case '|':
      return "pipe";
    default:
      return std::string("'") + delimiter + "'";
  }
}

}  // namespace gapscore
