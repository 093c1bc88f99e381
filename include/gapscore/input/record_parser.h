#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "gapscore/input/record.h"

namespace gapscore {

/// Where the fields of one record go as they are split: views and start
/// offsets written into a Record. Its vectors only grow while the widest
/// record so far is exceeded, so splitting a row allocates nothing. Their
/// buffers are held here: stores through them could otherwise alias the
/// vectors' own pointers, which would then be reloaded for each field.
class RecordFields {
 public:
  explicit RecordFields(Record& record)
      : record_(record),
        room_(record.fields.size()),
        fields_(record.fields.data()),
        starts_(record.field_starts.data()) {}

  /// Adds the field `field`, which starts at byte `start` of the record.
  void add(std::size_t start, std::string_view field) {
    reserve(1);
    fields_[count_] = field;
    starts_[count_] = static_cast<std::uint32_t>(start);
    ++count_;
  }

  /// Adds `count` one-byte fields at text[pos], text[pos + 2], ...: a run
  /// that a caller found to be one byte and a delimiter each.
  void add_one_byte_fields(const char* text, std::size_t pos, std::size_t count) {
    reserve(count);
    // Held in locals: the stores below could otherwise alias the members.
    std::string_view* views = fields_ + count_;
    std::uint32_t* starts = starts_ + count_;
    for (std::size_t i = 0; i < count; ++i) {
      views[i] = std::string_view(text + pos + 2 * i, 1);
      starts[i] = static_cast<std::uint32_t>(pos + 2 * i);
    }
    count_ += count;
  }

  std::size_t count() const { return count_; }
  std::string_view field(std::size_t index) const { return fields_[index]; }

  /// Gives the record exactly the fields added.
  void finish() {
    record_.fields.resize(count_);
    record_.field_starts.resize(count_);
  }

  std::uint64_t breaks = 0;  ///< line breaks inside quoted fields so far
  bool has_nul = false;      ///< a NUL substitute was seen

 private:
  void reserve(std::size_t more) {
    if (count_ + more <= room_) return;
    room_ = count_ + more + 16;
    record_.fields.resize(room_);
    record_.field_starts.resize(room_);
    fields_ = record_.fields.data();
    starts_ = record_.field_starts.data();
  }

  Record& record_;
  std::size_t count_ = 0;
  std::size_t room_;
  std::string_view* fields_;
  std::uint32_t* starts_;
};

/// Splits the text of one whole record into fields by RFC 4180. Field views
/// point into the text or into the parser's own buffer (for fields with
/// doubled quotes), valid until the next record.
///
/// parse() splits a whole record. A caller that finds some runs of fields
/// itself (coding/scored_parser.h codes eight one-digit answers at once as
/// it splits) uses the steps parse() is made of: begin(), then
/// next_plain_field() or its own runs into a RecordFields, then finish().
class RecordParser {
 public:
  explicit RecordParser(char delimiter);
  RecordParser(const RecordParser&) = delete;
  RecordParser& operator=(const RecordParser&) = delete;

  /// Fills `record` from `text`, a whole record read from physical line
  /// `line`, its lines joined by '\n'. The byte just past `text` must be
  /// '\n' or '\0', as in a Batch or a std::string.
  void parse(std::string_view text, std::uint64_t line, Record& record);

  char delimiter() const { return delimiter_; }

  /// Starts a record of `length` bytes.
  void begin(std::size_t length) {
    unescaped_.clear();
    unescaped_.reserve(length);  // unescaped text never outgrows the record, so views stay valid
  }

  /// The field of `text` starting at `pos`, found eight bytes at a time,
  /// when it holds no quote and no NUL substitute and its delimiter comes
  /// before the record's last eight bytes: true, with `*field` set and
  /// `pos` moved past the delimiter. Otherwise false, changing nothing: the
  /// rest of the record is finish()'s.
  bool next_plain_field(std::string_view text, std::size_t& pos, std::string_view* field) const {
    const char* bytes = text.data();
    std::size_t end = pos;
    std::uint64_t ends = 0;
    bool special = false;
    while (ends == 0 && !special && end + 8 <= text.size()) {
      const std::uint64_t word = load_word(bytes + end);
      ends = zero_bytes(word ^ delimiters_);
      const std::uint64_t before_end = ends == 0 ? ~std::uint64_t{0} : (ends & (~ends + 1)) - 1;
      special = ((zero_bytes(word ^ kQuotes) | zero_bytes(word ^ kSubstitutes)) & before_end) != 0;
      if (ends == 0) end += 8;
    }
    if (ends == 0 || special) return false;
    end += static_cast<std::size_t>(__builtin_ctzll(ends)) / 8;
    *field = std::string_view(bytes + pos, end - pos);
    pos = end + 1;
    return true;
  }

  /// Splits the rest of `text` from `pos` byte by byte into `fields`, then
  /// completes `record`: its exact fields, line, end line, text and NUL flag.
  void finish(std::string_view text, std::size_t pos, std::uint64_t line, RecordFields& fields, Record& record) {
    split_rest(text.data(), text.size(), pos, fields);
    fields.finish();
    record.line = line;
    record.end_line = line + fields.breaks;
    record.text = text;
    record.has_nul = fields.has_nul;
  }

 private:
  static constexpr std::uint64_t kEveryByte = 0x0101010101010101;
  static constexpr std::uint64_t kLowSevenBits = 0x7F7F7F7F7F7F7F7F;
  static constexpr std::uint64_t kQuotes = kEveryByte * static_cast<unsigned char>('"');
  static constexpr std::uint64_t kSubstitutes = kEveryByte * static_cast<unsigned char>(kNulSubstitute);

  // The high bit of each byte of `word` that is zero (exactly: no borrow
  // crosses bytes, unlike the shorter haszero trick).
  static std::uint64_t zero_bytes(std::uint64_t word) {
    return ~(((word & kLowSevenBits) + kLowSevenBits) | word | kLowSevenBits);
  }

  // Eight bytes of text as a little-endian word, so that the lowest set bit
  // of a byte mask is the first byte in the text.
  static std::uint64_t load_word(const char* text) {
    std::uint64_t word = 0;
    std::memcpy(&word, text, sizeof word);
    if constexpr (__BYTE_ORDER__ == __ORDER_BIG_ENDIAN__) word = __builtin_bswap64(word);
    return word;
  }

  void split_rest(const char* text, std::size_t length, std::size_t pos, RecordFields& fields);

  char delimiter_;
  std::uint64_t delimiters_;
  std::array<bool, 256> stop_{};  // bytes that end an unquoted field
  std::string unescaped_;
};

}  // namespace gapscore
