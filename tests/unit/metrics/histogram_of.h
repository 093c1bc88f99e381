#pragma once

#include <vector>

#include "gapscore/tally/accumulators.h"

namespace gapscore {

/// A histogram of [low, high] that has counted `values`.
inline Histogram histogram_of(int low, int high, const std::vector<int>& values) {
  Histogram histogram(low, high);
  for (const int v : values) histogram.add(v);
  return histogram;
}

}  // namespace gapscore
