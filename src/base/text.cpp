#include "gapscore/base/text.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <numeric>
#include <system_error>

namespace gapscore {

std::string_view trim(std::string_view text) {
  const auto is_blank = [](char c) { return c == ' ' || c == '\t'; };
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end && is_blank(text[begin])) ++begin;
  while (end > begin && is_blank(text[end - 1])) --end;
  return text.substr(begin, end - begin);
}

namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), lower);
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> previous(b.size() + 1);
  std::vector<std::size_t> current(b.size() + 1);
  std::iota(previous.begin(), previous.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = previous[j - 1] + (lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
    }
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::vector<std::string> near_matches(std::string_view wanted, const std::vector<std::string>& candidates,
                                      std::size_t limit) {
  struct Scored {
    std::size_t distance;
    std::size_t order;
    const std::string* text;
  };
  const std::size_t max_distance = std::max<std::size_t>(2, wanted.size() / 3);
  const std::string wanted_lower = ascii_lower(wanted);
  std::vector<Scored> scored;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const std::string& candidate = candidates[i];
    if (candidate.empty()) continue;
    const std::size_t distance = edit_distance(wanted, candidate);
    const std::string candidate_lower = ascii_lower(candidate);
    // Containment counts only for names long enough to mean something.
    const std::string& shorter = candidate_lower.size() < wanted_lower.size() ? candidate_lower : wanted_lower;
    const std::string& longer = candidate_lower.size() < wanted_lower.size() ? wanted_lower : candidate_lower;
    const bool contains = shorter.size() >= 3 && longer.find(shorter) != std::string::npos;
    // Rewriting every character is not a misspelling ("x" is not near "d").
    const bool near = distance <= max_distance && distance < std::max(wanted.size(), candidate.size());
    if (near || contains) scored.push_back({distance, i, &candidate});
  }
  std::stable_sort(scored.begin(), scored.end(), [](const Scored& x, const Scored& y) {
    return x.distance != y.distance ? x.distance < y.distance : x.order < y.order;
  });
  // Only the closest few: one edit further than the best is still a
  // plausible slip, two is usually another name; a match that differs only
  // in case is the answer on its own.
  const std::size_t best = scored.empty() ? 0 : scored.front().distance;
  const std::size_t cutoff = best == 0 ? 0 : best + 1;
  std::vector<std::string> out;
  for (const Scored& s : scored) {
    if (out.size() == limit || s.distance > cutoff) break;
    if (std::find(out.begin(), out.end(), *s.text) == out.end()) out.push_back(*s.text);
  }
  return out;
}

namespace {

// The fewest edits that turn `part` into some run of characters of `text`
// (Sellers' approximate substring match), ignoring ASCII case.
std::size_t substring_distance(std::string_view part, std::string_view text) {
  std::vector<std::size_t> previous(part.size() + 1);
  std::vector<std::size_t> current(part.size() + 1);
  for (std::size_t i = 0; i <= part.size(); ++i) previous[i] = i;
  std::size_t best = part.size();
  for (const char c : text) {
    current[0] = 0;  // a match may start anywhere in the text
    for (std::size_t i = 1; i <= part.size(); ++i) {
      const std::size_t substitution = previous[i - 1] + (lower(part[i - 1]) == lower(c) ? 0 : 1);
      current[i] = std::min({substitution, previous[i] + 1, current[i - 1] + 1});
    }
    best = std::min(best, current[part.size()]);
    std::swap(previous, current);
  }
  return best;
}

std::string suggestion(const std::vector<std::string>& near) {
  if (near.empty()) return {};
  // A long name (a whole question) is shown by its start.
  constexpr std::size_t kShown = 80;
  std::string out = " (did you mean ";
  for (std::size_t i = 0; i < near.size(); ++i) {
    if (i > 0) out += i + 1 == near.size() ? " or " : ", ";
    out += near[i].size() <= kShown ? quote(near[i]) : quote(valid_utf8(near[i].substr(0, kShown - 3))) + "...";
  }
  return out + "?)";
}

}  // namespace

std::string did_you_mean(std::string_view wanted, const std::vector<std::string>& candidates) {
  return suggestion(near_matches(wanted, candidates));
}

std::vector<std::string> pattern_near_matches(std::string_view pattern, const std::vector<std::string>& candidates,
                                              std::size_t limit) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0; start <= pattern.size();) {
    const std::size_t star = std::min(pattern.find('*', start), pattern.size());
    if (star > start) parts.push_back(pattern.substr(start, star - start));
    start = star + 1;
  }
  std::vector<std::pair<std::size_t, const std::string*>> scored;
  for (const std::string& candidate : candidates) {
    std::size_t total = 0;
    bool near = !parts.empty();
    for (const std::string_view part : parts) {
      const std::size_t distance = substring_distance(part, candidate);
      near = near && distance <= std::max<std::size_t>(1, part.size() / 3);
      total += distance;
    }
    if (near) scored.push_back({total, &candidate});
  }
  std::stable_sort(scored.begin(), scored.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<std::string> near;
  for (std::size_t i = 0; i < scored.size() && i < limit; ++i) near.push_back(*scored[i].second);
  return near;
}

std::string did_you_mean_pattern(std::string_view pattern, const std::vector<std::string>& candidates) {
  return suggestion(pattern_near_matches(pattern, candidates));
}

std::string format_number(double value) {
  char buffer[32];
  const std::to_chars_result result = std::to_chars(buffer, buffer + sizeof(buffer), value);
  return std::string(buffer, result.ptr);
}

namespace {

// The length of the well-formed UTF-8 sequence at text[at], or 0 when it
// is ill-formed; `*subpart` is then the length of its maximal subpart.
std::size_t utf8_sequence(std::string_view text, std::size_t at, std::size_t* subpart) {
  const auto lead = static_cast<unsigned char>(text[at]);
  *subpart = 1;
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  for (std::size_t i = 1; i < length; ++i) {
    if (at + i >= text.size()) return 0;
    const auto c = static_cast<unsigned char>(text[at + i]);
    if (c < (i == 1 ? low : 0x80) || c > (i == 1 ? high : 0xBF)) return 0;
    *subpart = i + 1;
  }
  return length;
}

}  // namespace

namespace {

// Characters that change how a terminal shows what follows, or in which
// order: the C1 controls (U+0080 to U+009F) and the bidirectional
// embeddings, overrides and isolates.
bool is_format_control(std::uint32_t code_point) {
  return (code_point >= 0x80 && code_point <= 0x9F) || code_point == 0x061C || code_point == 0x200E ||
         code_point == 0x200F || (code_point >= 0x202A && code_point <= 0x202E) ||
         (code_point >= 0x2066 && code_point <= 0x2069);
}

std::uint32_t code_point_of(std::string_view sequence) {
  const auto byte = [&sequence](std::size_t i) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(sequence[i]));
  };
  switch (sequence.size()) {
    case 2:
      return (byte(0) & 0x1F) << 6 | (byte(1) & 0x3F);
    case 3:
      return (byte(0) & 0x0F) << 12 | (byte(1) & 0x3F) << 6 | (byte(2) & 0x3F);
    default:
      return (byte(0) & 0x07) << 18 | (byte(1) & 0x3F) << 12 | (byte(2) & 0x3F) << 6 | (byte(3) & 0x3F);
  }
}

// Appends `text` to `out` with every control character, format control and
// byte that is not UTF-8 written as an escape; with `quoted`, quotes and
// backslashes too.
void append_escaped(std::string& out, std::string_view text, bool quoted) {
  const auto hex = [&out](unsigned char byte) {
    char code[8];
    std::snprintf(code, sizeof(code), "\\x%02x", byte);
    out += code;
  };
  for (std::size_t at = 0; at < text.size();) {
    const char c = text[at];
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80) {
      std::size_t subpart = 0;
      const std::size_t length = utf8_sequence(text, at, &subpart);
      if (length == 0) {
        hex(byte);
        ++at;
        continue;
      }
      const std::uint32_t code_point = code_point_of(text.substr(at, length));
      if (is_format_control(code_point)) {
        char code[16];
        std::snprintf(code, sizeof(code), "\\u{%04x}", static_cast<unsigned>(code_point));
        out += code;
      } else {
        out.append(text.substr(at, length));
      }
      at += length;
      continue;
    }
    ++at;
    if (quoted && (c == '"' || c == '\\')) {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (byte < 0x20 || byte == 0x7f) {
      hex(byte);
    } else {
      out += c;
    }
  }
}

}  // namespace

std::string quote(std::string_view text) {
  std::string out = "\"";
  append_escaped(out, text, true);
  return out + '"';
}

std::string printable(std::string_view text) {
  std::string out;
  append_escaped(out, text, false);
  return out;
}

bool is_valid_utf8(std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    if (static_cast<unsigned char>(text[at]) < 0x80) {
      ++at;
      continue;
    }
    std::size_t subpart = 0;
    const std::size_t length = utf8_sequence(text, at, &subpart);
    if (length == 0) return false;
    at += length;
  }
  return true;
}

std::string valid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    std::size_t subpart = 0;
    const std::size_t length = utf8_sequence(text, at, &subpart);
    if (length == 0) {
      out += "\xEF\xBF\xBD";
      at += subpart;
    } else {
      out.append(text.substr(at, length));
      at += length;
    }
  }
  return out;
}

bool glob_match(std::string_view pattern, std::string_view text) {
  // Iterative matching with backtracking to the last star.
  std::size_t p = 0;
  std::size_t t = 0;
  std::size_t star = std::string_view::npos;
  std::size_t resume = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = t;
    } else if (p < pattern.size() && lower(pattern[p]) == lower(text[t])) {
      ++p;
      ++t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

}  // namespace gapscore
