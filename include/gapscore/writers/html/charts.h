#pragma once

#include <string>
#include <vector>

#include "gapscore/report/report.h"
#include "gapscore/writers/html/view.h"

namespace gapscore {

// The page's SVG charts. Each is one <svg> image labelled by its <title>
// and <desc> (ids "chartID-title" and "chartID-desc", so `id` must be
// unique on the page), and every mark carries a <title>: a tooltip, and
// what a screen reader says.

/// Bars of each dimension's mean expectation and perception on the answer
/// scale and, with gaps, the gap as a dot with its 95% interval.
std::string dimension_chart(const ReportView& view, int id);

/// Each item of `order` on one row: its headline mean (the gap, else the
/// perception) as a dot with its 95% interval.
std::string item_chart(const ReportView& view, const std::vector<const ItemResult*>& order, int id);

/// Each item of `zoned` (see zoned_items) on one row: a band from the mean
/// adequate to the mean desired level, the mean perception as a dot.
std::string zone_chart(const ReportView& view, const std::vector<const ItemResult*>& zoned, int id);

/// One NPS metric as one bar split into detractors, passives and
/// promoters; a part without a figure has no width.
std::string nps_chart(const MetricResult& metric, int id);

}  // namespace gapscore
