#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gapscore/coding/coder.h"

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
  /// The physical line holding byte `offset` of `text`, for a caret display.
  std::string_view physical_line(std::size_t offset) const;
};

/// What a NUL byte in the input is read as (U+001A, SUB); a record holding
/// one is flagged.
inline constexpr char kNulSubstitute = '\x1A';

/// How RecordParser::parse_scored codes a record's fields as it splits
/// them. A row's codes are laid out in columns: one per field of the
/// expected width (unscored fields' columns hold nothing of use), then one
/// per further slot of a field that two coders read differently.
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

/// Splits the text of one whole record into fields by RFC 4180. Field views
/// point into the text or into the parser's own buffer (for fields with
/// doubled quotes), valid until the next parse.
class RecordParser {
 public:
  explicit RecordParser(char delimiter);
  ~RecordParser();
  RecordParser(const RecordParser&) = delete;
  RecordParser& operator=(const RecordParser&) = delete;

  /// Fills `record` from `text`, a whole record read from physical line
  /// `line`, its lines joined by '\n'. The byte just past `text` must be
  /// '\n' or '\0', as in a Batch or a std::string.
  void parse(std::string_view text, std::uint64_t line, Record& record);

  /// parse(), and when the record has `coding.fields.size()` fields, the
  /// small code of each scored field in its column of `codes` (which has
  /// room for `coding.columns()`); with another field count, `codes` holds
  /// nothing of use. Each code is what its coder's small() gives. parse()
  /// is this with nothing scored.
  void parse_scored(std::string_view text, std::uint64_t line, Record& record, const FieldCoding& coding,
                    SmallCode* codes);

 private:
  class FieldSink;
  void split_rest(const char* text, std::size_t length, std::size_t pos, FieldSink& sink);

  char delimiter_;
  std::array<bool, 256> stop_{};  // bytes that end an unquoted field
  std::string unescaped_;
};

/// Whole records read in one go, for a worker to parse: each record's text
/// in `text` is followed by '\n'.
struct Batch {
  std::string text;
  std::vector<std::uint32_t> starts;  ///< where each record starts in `text`
  std::vector<std::uint64_t> lines;   ///< the physical line each starts on

  std::size_t size() const { return starts.size(); }
  std::string_view record(std::size_t index) const;
  void clear();
};

/// The delimiters gapscore reads; 0 asks the reader to detect one.
inline constexpr char kDetectDelimiter = 0;

/// A quoted field may span lines, but a record longer than this stops the
/// run: it is almost always a quote that is never closed.
inline constexpr std::size_t kMaxRecordBytes = std::size_t{64} << 20;

/// Reads RFC 4180 records from a file, standard input or a string:
/// quoted fields with delimiters, doubled quotes and line breaks (LF or
/// CRLF, read as LF) inside them; CRLF or LF line ends; completely empty
/// lines skipped. gzip input (by its magic bytes) is decompressed as a
/// stream; UTF-16 (LE or BE, by its BOM) is decoded to UTF-8; a UTF-8 BOM
/// is skipped. A NUL byte is read as U+001A and flags its record. Bytes come
/// through fast-cpp-csv-parser's LineReader, which reads ahead on its own
/// thread. Throws Error(kIo) when the input cannot be read, and
/// Error(kInvalid) for a physical line longer than LineReader's limit
/// (16 MiB), a quoted field still open at the end of the input, or a
/// record longer than kMaxRecordBytes.
class RecordReader {
 public:
  /// Opens `path`; "-" is standard input. Throws Error(kIo) when it cannot
  /// be opened. With kDetectDelimiter, the delimiter is the one of `,` `;`
  /// tab `|` found most often outside quotes on the first line (`,` on a tie).
  static std::unique_ptr<RecordReader> open_file(const std::string& path, char delimiter);
  /// Reads `data` (which may be compressed or UTF-16 too), reported as `name`.
  static std::unique_ptr<RecordReader> from_string(const std::string& name, std::string data, char delimiter);

  virtual ~RecordReader();
  RecordReader(const RecordReader&) = delete;
  RecordReader& operator=(const RecordReader&) = delete;

  /// The next record, or false at the end of the input.
  bool next(Record& record);

  /// The next whole records, about `target_bytes` of them (at least one),
  /// for parsing elsewhere with a RecordParser; false at the end.
  bool next_batch(Batch& batch, std::size_t target_bytes);

  /// The input's name in diagnostics: the path, or "<stdin>".
  const std::string& name() const { return name_; }

  /// The delimiter in use (detected once the first record is read).
  char delimiter() const;

  /// How the bytes were read: "UTF-8", "UTF-16LE" or "UTF-16BE", with
  /// " (gzip)" when they were compressed.
  std::string encoding() const;

 private:
  struct Impl;
  RecordReader(std::string name, std::unique_ptr<Impl> impl);

  std::string name_;
  std::unique_ptr<Impl> impl_;
};

/// The name diagnostics and reports use for an input path ("-" is "<stdin>").
std::string input_display_name(const std::string& path);

/// "comma", "semicolon", "tab", "pipe": a delimiter named for messages.
std::string delimiter_name(char delimiter);

}  // namespace gapscore
