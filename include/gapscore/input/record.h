#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace gapscore {

/// One CSV record: its fields as views plus where it came from. Views point
/// into the reader's buffers and die at the reader's next call; copy what
/// you keep.
struct Record {
  std::vector<std::string_view> fields;
  std::vector<std::uint32_t> field_starts;  ///< byte offset of each field in `text`
  std::string_view text;                    ///< the record as read, its lines joined by '\n'
  std::uint64_t line = 0;                   ///< physical line where the record starts
  std::uint64_t end_line = 0;               ///< physical line where it ends
  bool has_nul = false;                     ///< a NUL byte was read in the record

  /// Line and 1-based byte column where field `index` starts.
  std::pair<std::uint64_t, std::uint64_t> position(std::size_t index) const;
  /// position() of every field, in one pass over the text (a header of
  /// 100,000 columns would take minutes field by field).
  std::vector<std::pair<std::uint64_t, std::uint64_t>> positions() const;
  /// The physical line holding byte `offset` of `text`, for a caret display.
  std::string_view physical_line(std::size_t offset) const;
};

/// What a NUL byte in the input is read as (U+001A, SUB); a record holding
/// one is flagged.
inline constexpr char kNulSubstitute = '\x1A';

}  // namespace gapscore
