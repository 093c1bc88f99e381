#pragma once

#include "gapscore/metrics/stats.h"
#include "gapscore/questionnaire/questionnaire.h"
#include "gapscore/report/report.h"
#include "gapscore/tally/plan.h"
#include "gapscore/tally/tally.h"

namespace gapscore {

/// The figures of one tally, by METHODS.md's definitions; `design` is the
/// whole data set's, of which the tally's rows are a domain.
SegmentResult segment_result(const Questionnaire& questionnaire, const Plan& plan, const Tally& tally,
                             const SampleDesign& design);

}  // namespace gapscore
