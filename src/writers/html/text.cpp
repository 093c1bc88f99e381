#include "gapscore/writers/html/text.h"

#include <cstdio>

namespace gapscore {

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string fixed(double value, int digits) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", digits, value);
  std::string out = text;
  if (out[0] == '-' && out.find_first_not_of("0.", 1) == std::string::npos) out.erase(0, 1);
  return out;
}

std::string shown(const Figure& value, int digits) { return value ? fixed(*value, digits) : "n/a"; }

std::string interval_text(const std::optional<Interval>& ci, int digits) {
  return ci ? fixed(ci->low, digits) + " to " + fixed(ci->high, digits) : "n/a";
}

std::string count_text(std::int64_t value) { return std::to_string(value); }

std::string short_label(const std::string& label) {
  if (label.size() <= 48) return label;
  std::size_t cut = 45;
  while (cut > 0 && (static_cast<unsigned char>(label[cut]) & 0xC0) == 0x80) --cut;
  return label.substr(0, cut) + "...";
}

}  // namespace gapscore
