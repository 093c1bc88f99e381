#pragma once

#include <string>
#include <vector>

#include "gapscore/report/report.h"
#include "gapscore/writers/html/view.h"

namespace gapscore {

// The page's tables: the numbers of each chart and the parts without one.
// Each is a <table> with a <caption> and a header row; a row's first cell
// is its header. Missing figures show as "n/a".

/// Each dimension's means, gap or perception interval, p, MSA and MSS when
/// the questionnaire has them, n and Cronbach's alpha of the perceptions.
std::string dimension_table(const ReportView& view);

/// Each item of `order`, in that order: its statement when the
/// questionnaire gives statements, dimension, means, gap, interval and p.
std::string item_table(const ReportView& view, const std::vector<const ItemResult*>& order);

/// Each item of `zoned` (see zoned_items): adequate, desired and perceived
/// means, MSA, MSS and the shares below, within and above the zone.
std::string zone_table(const std::vector<const ItemResult*>& zoned);

/// One NPS metric: the count and percent of each group, and the score with
/// its 95% interval.
std::string nps_table(const MetricResult& metric);

/// One heat map per breakdown of the segment results (the results after
/// the first; empty when there are none), in the order the breakdowns
/// first appear: a row per segment, a column per dimension with the mean
/// of the headline measure (coloured by sign and size when it is the gap),
/// the overall mean, the rows and each metric's score.
std::string segment_tables(const ReportView& view);

/// The key drivers of the outcome: each dimension's quadrant, correlation,
/// beta and performance.
std::string driver_table(const ReportView& view, const DriversResult& drivers);

/// Each Kano feature's dominant category, the percent in every category,
/// the better and worse coefficients and n.
std::string kano_table(const std::vector<KanoResult>& features);

/// The row accounting and, when there are any, the invalid cells by column
/// and reason.
std::string input_tables(const InputSummary& input);

}  // namespace gapscore
