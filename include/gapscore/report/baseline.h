#pragma once

#include "gapscore/report/report.h"

namespace gapscore {

/// Compares every figure of `report` with the same figure of `baseline`,
/// an earlier report (METHODS.md, trends against a baseline): the same
/// segment (its columns in any order), the same item, dimension or metric
/// (by id, and for a metric its type), the same measure. Each comparison
/// goes in the figure's `vs_baseline`; a figure the baseline lacks, or a
/// suppressed segment on either side, gets none.
void compare_with_baseline(Report& report, const Report& baseline);

}  // namespace gapscore
