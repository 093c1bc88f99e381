#include "gapscore/tally/measure.h"

namespace gapscore {

const char* measure_name(Measure measure) {
  switch (measure) {
    case Measure::kExpectation:
      return "expectation";
    case Measure::kPerception:
      return "perception";
    case Measure::kGap:
      return "gap";
    case Measure::kMsa:
      return "msa";
    case Measure::kMss:
      return "mss";
  }
  return "";
}

}  // namespace gapscore
