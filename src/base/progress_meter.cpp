#include "gapscore/base/progress_meter.h"

#include <algorithm>
#include <cstdio>

namespace gapscore {

std::string byte_size_text(std::uint64_t bytes) {
  if (bytes < 1000) return std::to_string(bytes) + " B";
  static const char* const kUnits[] = {"kB", "MB", "GB", "TB", "PB"};
  auto size = static_cast<double>(bytes) / 1000;
  std::size_t unit = 0;
  while (size >= 999.95 && unit + 1 < std::size(kUnits)) {
    size /= 1000;
    ++unit;
  }
  char text[32];
  std::snprintf(text, sizeof text, "%.1f %s", size, kUnits[unit]);
  return text;
}

std::string ProgressMeter::line(double seconds) const {
  std::string text = "gapscore: ";
  if (total_bytes_ > 0) {
    const auto percent = std::min<std::uint64_t>(bytes_ * 100 / total_bytes_, 100);
    text += std::to_string(percent) + "% of " + byte_size_text(total_bytes_);
  } else {
    text += byte_size_text(bytes_) + " read";
  }
  text += ", " + std::to_string(rows_) + " rows";
  if (seconds > 0) {
    text += ", " + std::to_string(static_cast<std::uint64_t>(static_cast<double>(rows_) / seconds)) + " rows/s";
  }
  return text;
}

}  // namespace gapscore
