#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gapscore/questionnaire/questionnaire.h"

namespace gapscore {

/// Why a cell could not be coded. The order is the report's order.
enum class InvalidReason : std::uint8_t {
  kOutOfRange,    ///< an integer outside the scale
  kNotInteger,    ///< a number with a non-zero fraction, such as "4.5"
  kUnrecognized,  ///< neither a number, a label nor a missing token
};
inline constexpr std::size_t kInvalidReasonCount = 3;

/// The report's name for a reason: "out_of_range", "not_integer", "unrecognized".
const char* reason_name(InvalidReason reason);

/// A coded cell: a value on the scale (after reverse coding), or one of
/// the two sentinels below.
using Code = std::int32_t;
inline constexpr Code kMissingCode = INT32_MIN;
inline constexpr Code kInvalidCode = INT32_MIN + 1;

inline bool is_value(Code code) { return code > kInvalidCode; }

/// A coded cell as counting keeps it: the code minus its slot's scale
/// minimum (0 to 1000, as a scale has at most 1001 points), or one of the
/// two sentinels below. Eight of them fit in a 128-bit register where four
/// Codes would.
using SmallCode = std::int16_t;
inline constexpr SmallCode kSmallMissing = -1;
inline constexpr SmallCode kSmallInvalid = -2;

inline SmallCode small_code(Code code, int low) {
  if (is_value(code)) return static_cast<SmallCode>(code - low);
  return code == kMissingCode ? kSmallMissing : kSmallInvalid;
}

inline Code code_from_small(SmallCode small, int low) {
  if (small >= 0) return low + small;
  return small == kSmallMissing ? kMissingCode : kInvalidCode;
}

/// Turns cell text into a code for one column, by METHODS.md's rules, in
/// this order: trimmed empty text or a missing token (case-insensitive) is
/// missing; a label (case-insensitive) is its code; an integer, or a
/// decimal whose fraction is all zeros ("4.0"), is that integer when it is
/// on the scale; anything else is invalid with a reason.
class Coder {
 public:
  Coder(const Scale& scale, bool reverse, const std::vector<std::string>& missing_tokens);

  /// The small code of `cell` (its code less the scale minimum).
  SmallCode small(std::string_view cell) const {
    if (cell.size() == 1) return one_byte_[static_cast<unsigned char>(cell[0])];
    if (cell.empty()) return kSmallMissing;
    if (cell.size() == 2 && is_digit(cell[0]) && is_digit(cell[1])) {
      return two_digit_[static_cast<std::size_t>((cell[0] - '0') * 10 + (cell[1] - '0'))];
    }
    if (cell.size() == 3 && is_digit(cell[0]) && is_digit(cell[1]) && is_digit(cell[2])) {
      return three_digit_[static_cast<std::size_t>((cell[0] - '0') * 100 + (cell[1] - '0') * 10 + (cell[2] - '0'))];
    }
    InvalidReason reason = InvalidReason::kUnrecognized;
    return small_code(code_slowly(cell, &reason), scale_.min);
  }

  /// The small codes of one-byte cells, by byte: small() of each.
  const SmallCode* one_byte_codes() const { return one_byte_.data(); }

  /// The code of `cell`; when it is kInvalidCode, `*reason` says why.
  Code code(std::string_view cell, InvalidReason* reason) const { return code_slowly(cell, reason); }

  /// A sentence explaining why `cell` is invalid, for diagnostics.
  std::string explain(std::string_view cell, InvalidReason reason) const;

  const Scale& scale() const { return scale_; }

  /// True when this coder codes cells as one for `scale` and `reverse`
  /// would, with the same messages (the missing tokens are a
  /// questionnaire's, the same for all its coders).
  bool codes_like(const Scale& scale, bool reverse) const {
    return reverse == reverse_ && scale.name == scale_.name && scale.min == scale_.min && scale.max == scale_.max &&
           scale.labels == scale_.labels;
  }

 private:
  static bool is_digit(char c) { return c >= '0' && c <= '9'; }
  Code code_slowly(std::string_view cell, InvalidReason* reason) const;
  Code on_scale(long long value, InvalidReason* reason) const;

  Scale scale_;
  bool reverse_;
  std::vector<std::string> missing_tokens_;
  // Empty cells (always missing) and answers of one to three characters
  // (three for 0..100 sliders) are almost all cells of a real export; the
  // codes of the answers are worked out once, here, by the slow path. Why a
  // cell is invalid is worked out again only for the rare invalid one.
  std::array<SmallCode, 256> one_byte_{};
  std::array<SmallCode, 100> two_digit_{};
  std::array<SmallCode, 1000> three_digit_{};
};

inline constexpr double kMaxWeight = 1e12;

/// A survey weight read from a cell: its value, or why there is none.
struct WeightCell {
  double value = 0;
  const char* problem = nullptr;  ///< a sentence fragment; null when the value is usable
};

/// Reads a weight cell: a finite number at least 0, as decimals ("1.25",
/// ".5") or with an exponent ("2.5e-3", as R and pandas print small
/// weights), after trimming, up to kMaxWeight. Empty text or a missing token is a problem:
/// a row without its weight cannot be weighted.
WeightCell read_weight(std::string_view cell, const std::vector<std::string>& missing_tokens);

}  // namespace gapscore
