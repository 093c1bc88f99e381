#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gapscore/input/header_naming.h"
#include "gapscore/input/record.h"

namespace gapscore {

/// An input's header rows and the column names taken from them.
class Header {
 public:
  /// Keeps a copy of one header row (records die at the reader's next call).
  void add_row(const Record& record);

  /// Names the columns as the questionnaire asks: the cells of one header
  /// row, or every header row joined with " / ", where an empty cell of any
  /// row but the last takes the value of the nearest non-empty cell to its
  /// left (a question over its continuation columns) and empty parts are
  /// left out. Names are trimmed of spaces and tabs.
  void name_columns(const HeaderNaming& naming);

  /// Number of fields in the first header row: the width every data row must have.
  std::size_t width() const { return rows_.empty() ? 0 : rows_.front().size(); }
  const std::vector<std::string>& names() const { return names_; }
  const std::vector<std::string>& texts() const { return texts_; }
  std::uint64_t line() const { return line_; }
  /// Line and column of field `index` in the first header row.
  std::pair<std::uint64_t, std::uint64_t> position(std::size_t index) const { return positions_.at(index); }

  /// The field a questionnaire or --by reference points at: an exact name;
  /// else, for a reference with `*`, the one name it matches as a pattern
  /// (ignoring case); else, for `#N`, the N-th column. On failure, returns
  /// nothing and says why in `*problem`, with near matches.
  std::optional<std::size_t> resolve(const std::string& reference, std::string* problem) const;

 private:
  std::vector<std::vector<std::string>> rows_;
  std::vector<std::string> texts_;
  std::vector<std::pair<std::uint64_t, std::uint64_t>> positions_;
  std::uint64_t line_ = 0;
  std::vector<std::string> names_;
};

}  // namespace gapscore
