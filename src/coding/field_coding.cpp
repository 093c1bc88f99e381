#include "gapscore/coding/field_coding.h"

#include <algorithm>
#include <array>

namespace gapscore {

namespace {

struct DigitCoding {
  bool affine = false;
  std::int16_t step = 0;
  std::int16_t offset = 0;
  std::int16_t below = 0;
  std::int16_t above = 0;
};

// Whether `coder` codes the one-digit cells as step * d + offset on a run
// of digits and as invalid elsewhere, as every numeric scale of ten
// points or fewer does (reversed or not) unless a digit is a missing token
// or a label.
DigitCoding digit_coding(const Coder& coder) {
  const SmallCode* table = coder.one_byte_codes();
  std::array<int, 10> codes{};
  int low = 10;
  int high = -1;
  for (int d = 0; d < 10; ++d) {
    codes[static_cast<std::size_t>(d)] = table[static_cast<unsigned char>('0' + d)];
    if (codes[static_cast<std::size_t>(d)] >= 0) {
      low = std::min(low, d);
      high = std::max(high, d);
    }
  }
  DigitCoding coding;
  coding.below = static_cast<std::int16_t>(low - 1);
  coding.above = static_cast<std::int16_t>(high + 1);
  if (high < 0) {
    coding.affine = std::all_of(codes.begin(), codes.end(), [](int code) { return code == kSmallInvalid; });
    return coding;
  }
  const int step = high > low ? codes[static_cast<std::size_t>(low) + 1] - codes[static_cast<std::size_t>(low)] : 0;
  const int offset = codes[static_cast<std::size_t>(low)] - step * low;
  coding.step = static_cast<std::int16_t>(step);
  coding.offset = static_cast<std::int16_t>(offset);
  coding.affine = true;
  for (int d = 0; d < 10; ++d) {
    const int expected = d >= low && d <= high ? step * d + offset : kSmallInvalid;
    coding.affine = coding.affine && codes[static_cast<std::size_t>(d)] == expected;
  }
  return coding;
}

}  // namespace

FieldCoding::FieldCoding(std::size_t width, const std::vector<std::size_t>& slot_fields,
                         const std::vector<const Coder*>& coders)
    : fields(width, nullptr),
      digit_step(width, 0),
      digit_offset(width, 0),
      digit_below(width, -1),
      digit_above(width, 10),
      by_digit(width, 1) {
  for (std::size_t s = 0; s < slot_fields.size(); ++s) {
    const std::size_t field = slot_fields[s];
    if (fields[field] == nullptr || fields[field] == coders[s]) {
      fields[field] = coders[s];
      column_of_slot.push_back(static_cast<std::uint32_t>(field));
      continue;
    }
    column_of_slot.push_back(static_cast<std::uint32_t>(width + repeats.size()));
    repeats.push_back(Repeat{field, coders[s]});
  }
  for (std::size_t field = 0; field < width; ++field) {
    if (fields[field] == nullptr) continue;
    const DigitCoding coding = digit_coding(*fields[field]);
    by_digit[field] = coding.affine ? 1 : 0;
    digit_step[field] = coding.step;
    digit_offset[field] = coding.offset;
    digit_below[field] = coding.below;
    digit_above[field] = coding.above;
  }
}

}  // namespace gapscore
