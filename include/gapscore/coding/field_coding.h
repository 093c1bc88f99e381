#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "gapscore/coding/coder.h"

namespace gapscore {

/// How parse_scored codes a record's fields as it splits them. A row's codes are laid out in columns: one per field of
/// the expected width (unscored fields' columns hold nothing of use), then one per further slot of a field that two
/// coders read differently.
struct FieldCoding {
  /// A further slot of a field already scored by another coder.
  struct Repeat {
    std::size_t field = 0;
    const Coder* coder = nullptr;
  };

  FieldCoding() = default;
  /// Slot s reads field `slot_fields[s]` through `*coders[s]`.
  FieldCoding(std::size_t width, const std::vector<std::size_t>& slot_fields, const std::vector<const Coder*>& coders);

  std::size_t columns() const { return fields.size() + repeats.size(); }

  std::vector<const Coder*> fields;           ///< per field: its coder, null when not scored
  std::vector<Repeat> repeats;                ///< column fields.size() + i
  std::vector<std::uint32_t> column_of_slot;  ///< per slot

  /// Per field, how its coder codes a one-digit cell d, so that eight can
  /// be coded at once: step * d + offset when below < d < above, invalid
  /// otherwise; `by_digit` is 1 when the coder codes every digit so (an
  /// unscored field's column gets 0 for each).
  std::vector<std::int16_t> digit_step, digit_offset, digit_below, digit_above;
  std::vector<std::uint8_t> by_digit;
};

}  // namespace gapscore
