#include "gapscore/input/record.h"

#include <algorithm>

namespace gapscore {

std::pair<std::uint64_t, std::uint64_t> Record::position(std::size_t index) const {
  const std::size_t offset = index < field_starts.size() ? field_starts[index] : text.size();
  const std::string_view before = text.substr(0, offset);
  const auto breaks = static_cast<std::uint64_t>(std::count(before.begin(), before.end(), '\n'));
  const std::size_t last_break = before.rfind('\n');
  const std::size_t line_start = last_break == std::string_view::npos ? 0 : last_break + 1;
  return {line + breaks, offset - line_start + 1};
}

std::vector<std::pair<std::uint64_t, std::uint64_t>> Record::positions() const {
  std::vector<std::pair<std::uint64_t, std::uint64_t>> out;
  out.reserve(field_starts.size());
  std::uint64_t at_line = line;
  std::size_t line_start = 0;
  std::size_t scanned = 0;
  for (const std::uint32_t start : field_starts) {
    for (; scanned < start && scanned < text.size(); ++scanned) {
      if (text[scanned] != '\n') continue;
      ++at_line;
      line_start = scanned + 1;
    }
    out.emplace_back(at_line, start - line_start + 1);
  }
  return out;
}

std::string_view Record::physical_line(std::size_t offset) const {
  offset = std::min(offset, text.size());
  const std::size_t last_break = text.substr(0, offset).rfind('\n');
  const std::size_t begin = last_break == std::string_view::npos ? 0 : last_break + 1;
  const std::size_t next_break = text.find('\n', offset);
  return text.substr(begin, (next_break == std::string_view::npos ? text.size() : next_break) - begin);
}

}  // namespace gapscore
