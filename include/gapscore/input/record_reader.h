#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "gapscore/input/record.h"
#include "gapscore/input/sniff.h"

namespace gapscore {

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

}  // namespace gapscore
