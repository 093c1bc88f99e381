#include "gapscore/coding/scored_parser.h"

#include <algorithm>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace gapscore {

namespace {

constexpr std::uint64_t kEveryByte = 0x0101010101010101;

#if defined(__SSE2__)
// Splits and codes kFields (4 or 8) one-digit fields at text[0, 2 *
// kFields), the first being field `field`, into codes[field, field +
// kFields); false, having done nothing, unless the bytes are digits each
// followed by a delimiter and the fields' coders code digits by a rule
// (FieldCoding::by_digit).
template <int kFields>
bool code_digits(const char* text, std::size_t field, const FieldCoding& coding, __m128i delimiters, SmallCode* codes) {
  constexpr int kAll = (1 << (2 * kFields)) - 1;
  constexpr int kOdd = 0xAAAA & kAll;
  const __m128i bytes = kFields == 8 ? _mm_loadu_si128(reinterpret_cast<const __m128i*>(text))
                                     : _mm_loadl_epi64(reinterpret_cast<const __m128i*>(text));
  if ((_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, delimiters)) & kAll) != kOdd) return false;
  // Little-endian 16-bit lanes: lane i holds byte 2i, the i-th field's.
  const __m128i digits = _mm_sub_epi16(_mm_and_si128(bytes, _mm_set1_epi16(0x00FF)), _mm_set1_epi16('0'));
  const __m128i is_digit =
      _mm_and_si128(_mm_cmpgt_epi16(digits, _mm_set1_epi16(-1)), _mm_cmplt_epi16(digits, _mm_set1_epi16(10)));
  if ((_mm_movemask_epi8(is_digit) & kAll) != kAll) return false;
  std::uint64_t by_digit = 0;
  std::memcpy(&by_digit, coding.by_digit.data() + field, kFields);
  if (by_digit != kEveryByte >> (64 - 8 * kFields)) return false;
  const auto lanes = [field](const std::vector<std::int16_t>& values) {
    return kFields == 8 ? _mm_loadu_si128(reinterpret_cast<const __m128i*>(values.data() + field))
                        : _mm_loadl_epi64(reinterpret_cast<const __m128i*>(values.data() + field));
  };
  const __m128i in_range = _mm_and_si128(_mm_cmpgt_epi16(digits, lanes(coding.digit_below)),
                                         _mm_cmplt_epi16(digits, lanes(coding.digit_above)));
  const __m128i code = _mm_add_epi16(_mm_mullo_epi16(digits, lanes(coding.digit_step)), lanes(coding.digit_offset));
  const __m128i coded =
      _mm_or_si128(_mm_and_si128(in_range, code), _mm_andnot_si128(in_range, _mm_set1_epi16(kSmallInvalid)));
  if constexpr (kFields == 8) {
    _mm_storeu_si128(reinterpret_cast<__m128i*>(codes + field), coded);
  } else {
    _mm_storel_epi64(reinterpret_cast<__m128i*>(codes + field), coded);
  }
  return true;
}

// Splits and codes the fields that end in text[pos, pos + 16) before any
// quote or NUL substitute there (those are the byte-by-byte splitter's),
// moving `pos` past the last; false when there is none. Fields of two or
// three bytes, as 0..100 sliders write them, come several to a load.
bool split_block(const char* text, std::size_t& pos, RecordFields& fields, const FieldCoding& coding,
                 __m128i delimiters, SmallCode* codes) {
  const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text + pos));
  const auto special = static_cast<unsigned>(_mm_movemask_epi8(
      _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('"')), _mm_cmpeq_epi8(bytes, _mm_set1_epi8(kNulSubstitute)))));
  auto ends = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, delimiters)));
  if (special != 0) ends &= (special & (~special + 1)) - 1;
  if (ends == 0) return false;
  const std::size_t block = pos;
  const std::size_t width = coding.fields.size();
  for (; ends != 0; ends &= ends - 1) {
    const std::size_t end = block + static_cast<std::size_t>(__builtin_ctz(ends));
    const std::size_t field = fields.count();
    const std::string_view cell(text + pos, end - pos);
    if (field < width && coding.fields[field] != nullptr) codes[field] = coding.fields[field]->small(cell);
    fields.add(pos, cell);
    pos = end + 1;
  }
  return true;
}
#endif

}  // namespace

void parse_scored(RecordParser& parser, std::string_view record_text, std::uint64_t line, Record& record,
                  const FieldCoding& coding, SmallCode* codes) {
  const char* text = record_text.data();
  const std::size_t length = record_text.size();
  const std::size_t width = coding.fields.size();
  const Coder* const* coders = coding.fields.data();
  RecordFields fields(record);
  parser.begin(length);
  std::size_t pos = 0;
#if defined(__SSE2__)
  const __m128i delimiter_bytes = _mm_set1_epi8(parser.delimiter());
#endif
  for (;;) {
#if defined(__SSE2__)
    while (pos + 16 <= length && fields.count() + 8 <= width &&
           code_digits<8>(text + pos, fields.count(), coding, delimiter_bytes, codes)) {
      fields.add_one_byte_fields(text, pos, 8);
      pos += 16;
    }
    if (pos + 8 <= length && fields.count() + 4 <= width &&
        code_digits<4>(text + pos, fields.count(), coding, delimiter_bytes, codes)) {
      fields.add_one_byte_fields(text, pos, 4);
      pos += 8;
      continue;
    }
    if (pos + 16 <= length && split_block(text, pos, fields, coding, delimiter_bytes, codes)) continue;
#endif
    const std::size_t start = pos;
    const std::size_t field = fields.count();
    std::string_view cell;
    if (!parser.next_plain_field(record_text, pos, &cell)) break;
    if (field < width && coders[field] != nullptr) codes[field] = coders[field]->small(cell);
    fields.add(start, cell);
  }
  const std::size_t coded = fields.count();
  parser.finish(record_text, pos, line, fields, record);
  const std::size_t count = record.fields.size();
  for (std::size_t field = coded; field < std::min(width, count); ++field) {
    if (coders[field] != nullptr) codes[field] = coders[field]->small(record.fields[field]);
  }
  for (std::size_t r = 0; r < coding.repeats.size(); ++r) {
    const FieldCoding::Repeat& repeat = coding.repeats[r];
    if (repeat.field < count) codes[width + r] = repeat.coder->small(record.fields[repeat.field]);
  }
}

}  // namespace gapscore
