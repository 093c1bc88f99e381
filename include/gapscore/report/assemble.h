#pragma once

#include "gapscore/questionnaire/questionnaire.h"
#include "gapscore/report/report.h"
#include "gapscore/tally/plan.h"
#include "gapscore/tally/tally.h"

namespace gapscore {

/// The figures of one tally, by METHODS.md's definitions.
SegmentResult segment_result(const Questionnaire& questionnaire, const Plan& plan, const Tally& tally);

}  // namespace gapscore
