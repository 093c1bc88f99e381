#pragma once

#include <map>
#include <string>
#include <vector>

#include "gapscore/metrics/design.h"
#include "gapscore/report/report.h"

namespace gapscore {

/// Comparisons of one figure across the segments of a breakdown, adjusted
/// together; keyed by the figure's place ("item/T1/gap").
using ComparisonFamilies = std::map<std::string, std::vector<Comparison*>>;

/// Compares every comparable figure of `segment` with the same figure of
/// `rest` (METHODS.md, segments against the rest), recording each in
/// `families`. `importance_weighted` says the weighted overall scores are
/// respondent-weighted, which are not compared. Survey-weighted means are
/// compared as two domains of `design`.
void compare_with_rest(SegmentResult& segment, const SegmentResult& rest, bool importance_weighted,
                       const SampleDesign& design, ComparisonFamilies& families);

/// Holm-adjusts each family and flags its comparisons "above" or "below"
/// when the adjusted p is under 0.05.
void adjust_and_flag(ComparisonFamilies& families);

}  // namespace gapscore
