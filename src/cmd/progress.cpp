#include "cmd/progress.h"

#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <iostream>

namespace gapscore::cmd {

namespace {

using Clock = std::chrono::steady_clock;

// A terminal is redrawn at most this often, and only once a read has taken
// this long, so short runs never flash a line; a log gets a line this often.
constexpr auto kTerminalDelay = std::chrono::seconds(1);
constexpr auto kTerminalInterval = std::chrono::milliseconds(250);
constexpr auto kLineInterval = std::chrono::seconds(5);

double seconds_between(Clock::time_point from, Clock::time_point to) {
  return std::chrono::duration<double>(to - from).count();
}

}  // namespace

ProgressDisplay::ProgressDisplay(Mode mode, std::uint64_t total_bytes)
    : mode_(mode), meter_(total_bytes), start_(Clock::now()), last_shown_(start_) {}

void ProgressDisplay::attach(EngineOptions& options) {
  if (mode_ == Mode::kOff) return;
  options.on_read = [this](std::uint64_t bytes, std::uint64_t records) { read(bytes, records); };
}

void ProgressDisplay::read(std::uint64_t bytes, std::uint64_t records) {
  meter_.add(bytes, records);
  const Clock::time_point now = Clock::now();
  if (mode_ == Mode::kTerminal) {
    if (now - start_ < kTerminalDelay || (shown_ && now - last_shown_ < kTerminalInterval)) return;
    std::cerr << '\r' << meter_.line(seconds_between(start_, now)) << "\x1b[K" << std::flush;
  } else {
    if (now - last_shown_ < kLineInterval) return;
    std::cerr << meter_.line(seconds_between(start_, now)) << '\n';
  }
  shown_ = true;
  last_shown_ = now;
}

void ProgressDisplay::finish() {
  finished_ = true;
  meter_.complete();
  if (mode_ == Mode::kTerminal && shown_) std::cerr << "\r\x1b[K" << std::flush;
  if (mode_ == Mode::kLines) std::cerr << meter_.line(seconds_between(start_, Clock::now())) << '\n';
}

ProgressDisplay::~ProgressDisplay() {
  if (!finished_ && mode_ == Mode::kTerminal && shown_) std::cerr << "\r\x1b[K" << std::flush;
}

ProgressDisplay::Mode progress_mode(bool quiet, bool forced) {
  if (quiet) return ProgressDisplay::Mode::kOff;
  if (isatty(STDERR_FILENO)) return ProgressDisplay::Mode::kTerminal;
  return forced ? ProgressDisplay::Mode::kLines : ProgressDisplay::Mode::kOff;
}

std::uint64_t known_input_bytes(const std::vector<std::string>& inputs) {
  std::uint64_t total = 0;
  for (const std::string& path : inputs) {
    struct stat status {};
    if (path == "-" || stat(path.c_str(), &status) != 0 || !S_ISREG(status.st_mode)) return 0;
    // Compressed and UTF-16 inputs are read as more (or fewer) bytes than the file holds.
    std::ifstream file(path, std::ios::binary);
    char magic[2] = {};
    file.read(magic, sizeof magic);
    const auto first = static_cast<unsigned char>(magic[0]);
    const auto second = static_cast<unsigned char>(magic[1]);
    if ((first == 0x1f && second == 0x8b) || (first == 0xff && second == 0xfe) || (first == 0xfe && second == 0xff)) {
      return 0;
    }
    total += static_cast<std::uint64_t>(status.st_size);
  }
  return total;
}

}  // namespace gapscore::cmd
