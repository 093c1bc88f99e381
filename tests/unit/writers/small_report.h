#pragma once

// A report with one of most kinds of block, for the writers' tests: an
// item with a perception and a gap, an NPS without answers, a suppressed
// segment whose values need quoting.

#include <cstdint>
#include <vector>

#include "gapscore/report/report.h"

namespace gapscore {

inline Report small_report() {
  Report report;
  report.tool_version = "9.9.9";
  report.title = "T";
  report.has_servqual = true;
  report.input.files = {"a.csv"};
  report.input.rows_read = 3;
  report.input.rows_used = 2;
  report.input.rows_rejected = 1;
  report.input.rejected = {{"field_count", 1}};
  report.input.invalid_cells = {{"P_1", "out_of_range", 2}};
  SegmentResult all;
  all.rows = 2;
  ItemResult item;
  item.id = "T1";
  item.dimension = "d";
  ColumnFigures perception;
  perception.stats.n = 2;
  perception.stats.mean = 0.1;
  perception.distribution.low = 1;
  perception.distribution.freq = {1, 0, 1};
  perception.distribution.median = 1;
  item.perception = perception;
  Stats gap;
  gap.n = 2;
  gap.mean = -1.5;
  gap.sd = 0.5;
  gap.ci95 = Interval{-2, -1};
  gap.paired_test = true;
  item.gap = gap;
  all.items.push_back(item);
  MetricResult nps;
  nps.id = "nps";
  nps.type = MetricType::kNps;
  nps.nps.n = 0;
  nps.nps.distribution.low = 0;
  nps.nps.distribution.freq = std::vector<std::int64_t>(11, 0);
  all.metrics.push_back(nps);
  report.results.push_back(all);
  SegmentResult hidden;
  hidden.segment = {{"region", "North, \"upper\""}, {"channel", "web"}};
  hidden.rows = 1;
  hidden.suppressed = true;
  report.results.push_back(hidden);
  return report;
}

}  // namespace gapscore
