#pragma once

// The distinct values of one segment column, for the breakdowns.

#include <cstdint>
#include <cstring>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace gapscore {

/// The distinct values of one segment column, numbered in order of first
/// appearance; lookups by view allocate nothing once a value is known. A
/// value is its cell trimmed of spaces and tabs, "(missing)" when that
/// leaves nothing. The label of a value that is not UTF-8 is repaired
/// (U+FFFD) so that every report format shows the same, valid text.
class ValueDictionary {
 public:
  struct Lookup {
    std::uint32_t id;
    bool is_new;  ///< the value was not in the dictionary before
  };

  /// The id of `cell`'s value, numbering it if it is new.
  Lookup id_of(std::string_view cell) {
    // A segment column has a handful of short values: a cell of up to
    // eight bytes is one word, compared with the few cells seen before.
    // Inline, as every row looks up each of its segment columns.
    const ShortCell short_cell = pack(cell);
    if (short_cell.size > 0) {
      for (const ShortCell& seen : short_cells_) {
        if (seen.bytes == short_cell.bytes && seen.size == short_cell.size) return {seen.id, false};
      }
    }
    return look_up(cell, short_cell);
  }
  /// The value numbered `id`, as it is in the data.
  const std::string& value(std::uint32_t id) const { return *values_[id]; }
  /// The value numbered `id`, as reports show it: valid UTF-8.
  const std::string& label(std::uint32_t id) const { return labels_[id]; }

 private:
  struct ShortCell {
    std::uint64_t bytes = 0;
    std::uint32_t size = 0;  // 0: not a short cell
    std::uint32_t id = 0;
  };
  static ShortCell pack(std::string_view cell) {
    ShortCell packed;
    if (cell.empty() || cell.size() > sizeof packed.bytes) return packed;
    std::memcpy(&packed.bytes, cell.data(), cell.size());
    packed.size = static_cast<std::uint32_t>(cell.size());
    return packed;
  }
  // The id of a cell not among the short cells seen, which it joins if it is one and there is room.
  Lookup look_up(std::string_view cell, ShortCell short_cell);

  std::map<std::string, std::uint32_t, std::less<>> ids_;
  std::vector<std::string> labels_;
  std::vector<const std::string*> values_;
  static constexpr std::size_t kShortCells = 16;
  std::vector<ShortCell> short_cells_;  // raw cells as read, with their values' ids
};

}  // namespace gapscore
