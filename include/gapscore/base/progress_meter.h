#pragma once

#include <cstdint>
#include <string>

namespace gapscore {

/// How far a long read has come, as one line for people: bytes read of the
/// total where it is known, rows, and rows per second.
class ProgressMeter {
 public:
  /// `total_bytes`: the size of the inputs, or 0 when it is not known
  /// (standard input, compressed or UTF-16 files).
  explicit ProgressMeter(std::uint64_t total_bytes) : total_bytes_(total_bytes) {}

  void add(std::uint64_t bytes, std::uint64_t rows) {
    bytes_ += bytes;
    rows_ += rows;
  }

  /// Every input was read: the header rows and line ends the records do
  /// not count make up the rest of the total.
  void complete() {
    if (bytes_ < total_bytes_) bytes_ = total_bytes_;
  }

  /// "gapscore: 42% of 1.2 GB, 4100000 rows, 1200000 rows/s" after
  /// `seconds` of reading; without a total, the bytes read instead.
  std::string line(double seconds) const;

 private:
  std::uint64_t total_bytes_;
  std::uint64_t bytes_ = 0;
  std::uint64_t rows_ = 0;
};

/// A byte count for people in decimal units: "812 B", "3.4 kB", "1.2 GB".
std::string byte_size_text(std::uint64_t bytes);

}  // namespace gapscore
