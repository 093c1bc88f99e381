#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "gapscore/base/progress_meter.h"
#include "gapscore/engine/engine.h"

namespace gapscore::cmd {

/// Progress on standard error while inputs are read: redrawn in place on
/// a terminal once a read has taken a second; as a line every few seconds
/// and at the end when asked for with --progress and standard error is not
/// a terminal; never under --quiet.
class ProgressDisplay {
 public:
  enum class Mode { kOff, kTerminal, kLines };

  ProgressDisplay(Mode mode, std::uint64_t total_bytes);
  /// Clears the terminal line when a failed read never got to finish().
  ~ProgressDisplay();
  ProgressDisplay(const ProgressDisplay&) = delete;
  ProgressDisplay& operator=(const ProgressDisplay&) = delete;

  /// Hooks the display into the engine's reading.
  void attach(EngineOptions& options);
  /// Clears the terminal line, or prints the last line.
  void finish();

 private:
  void read(std::uint64_t bytes, std::uint64_t records);

  Mode mode_;
  ProgressMeter meter_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_shown_;
  bool shown_ = false;
  bool finished_ = false;
};

/// The display the options ask for: `quiet` turns it off, `forced` on;
/// otherwise on when standard error is a terminal. Its total is the size of
/// the inputs when every one is a plain file of UTF-8 or ASCII text.
ProgressDisplay::Mode progress_mode(bool quiet, bool forced);
std::uint64_t known_input_bytes(const std::vector<std::string>& inputs);

}  // namespace gapscore::cmd
