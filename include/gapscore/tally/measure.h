#pragma once

#include <cstddef>
#include <cstdint>

namespace gapscore {

/// What a gap-model figure measures.
enum class Measure : std::uint8_t { kExpectation, kPerception, kGap, kMsa, kMss };
inline constexpr std::size_t kMeasureCount = 5;

/// "expectation", "perception", "gap", "msa", "mss".
const char* measure_name(Measure measure);
/// Gap-like measures (differences) carry the paired t-test.
inline bool is_difference(Measure measure) {
  return measure == Measure::kGap || measure == Measure::kMsa || measure == Measure::kMss;
}

}  // namespace gapscore
