#include "gapscore/input/header.h"

#include <algorithm>

#include "gapscore/base/text.h"

namespace gapscore {

void Header::add_row(const Record& record) {
  if (rows_.empty()) {
    line_ = record.line;
    positions_ = record.positions();
  }
  std::vector<std::string> cells;
  for (const std::string_view field : record.fields) cells.emplace_back(trim(field));
  rows_.push_back(std::move(cells));
  texts_.emplace_back(record.text);
}

void Header::name_columns(const HeaderNaming& naming) {
  names_.assign(width(), std::string());
  if (rows_.empty()) return;
  if (!naming.joined) {
    const std::size_t row = std::min(static_cast<std::size_t>(naming.row), rows_.size()) - 1;
    for (std::size_t i = 0; i < width() && i < rows_[row].size(); ++i) names_[i] = rows_[row][i];
    return;
  }
  for (std::size_t r = 0; r < rows_.size(); ++r) {
    const bool fill_from_left = r + 1 < rows_.size();
    std::string carried;
    for (std::size_t i = 0; i < width(); ++i) {
      std::string part = i < rows_[r].size() ? rows_[r][i] : std::string();
      if (part.empty() && fill_from_left) part = carried;
      if (!part.empty()) carried = part;
      if (part.empty()) continue;
      if (!names_[i].empty()) names_[i] += " / ";
      names_[i] += part;
    }
  }
}

namespace {

std::string listed(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
    out += quote(valid_utf8(names[i]));
  }
  return out;
}

}  // namespace

std::optional<std::size_t> Header::resolve(const std::string& reference, std::string* problem) const {
  std::vector<std::size_t> exact;
  for (std::size_t i = 0; i < names_.size(); ++i) {
    if (names_[i] == reference) exact.push_back(i);
  }
  if (exact.size() == 1) return exact.front();
  if (exact.size() > 1) {
    *problem = "appears " + std::to_string(exact.size()) + " times in the header, so which one to read is ambiguous";
    return std::nullopt;
  }
  if (reference.find('*') != std::string::npos) {
    std::vector<std::string> matches;
    std::size_t field = 0;
    for (std::size_t i = 0; i < names_.size(); ++i) {
      if (glob_match(reference, names_[i])) {
        matches.push_back(names_[i]);
        field = i;
      }
    }
    if (matches.size() == 1) return field;
    if (matches.empty()) {
      *problem = "matches no column of the header" + did_you_mean_pattern(reference, names_);
    } else {
      if (matches.size() > 4) {
        const std::size_t more = matches.size() - 3;
        matches.resize(3);
        matches.push_back(std::to_string(more) + " more");
      }
      *problem = "matches several columns (" + listed(matches) + "); make the pattern match one";
    }
    return std::nullopt;
  }
  if (reference.size() > 1 && reference[0] == '#' &&
      std::all_of(reference.begin() + 1, reference.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    const std::size_t number = reference.size() > 10 ? width() + 1 : std::stoul(reference.substr(1));
    if (number >= 1 && number <= width()) return number - 1;
    *problem = "is beyond the header's " + std::to_string(width()) + " columns";
    return std::nullopt;
  }
  *problem = "is not in the header" + did_you_mean(reference, names_);
  return std::nullopt;
}

}  // namespace gapscore
