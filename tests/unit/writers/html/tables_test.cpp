#include "gapscore/writers/html/tables.h"

#include <catch2/catch.hpp>

namespace gapscore {

namespace {

DimensionResult reliability_gap(Figure mean) {
  DimensionResult dimension;
  dimension.id = "reliability";
  Stats gap;
  gap.mean = mean;
  dimension.measures.push_back({Measure::kGap, gap, {}});
  return dimension;
}

SegmentResult segment(const std::string& column, const std::string& value, std::int64_t rows, Figure gap) {
  SegmentResult result;
  result.segment = {{column, value}};
  result.rows = rows;
  result.dimensions.push_back(reliability_gap(gap));
  return result;
}

}  // namespace

TEST_CASE("the NPS table counts each group and gives the score with its interval", "[html]") {
  MetricResult metric;
  metric.id = "nps";
  metric.nps.n = 20;
  metric.nps.promoters = 14;
  metric.nps.passives = 1;
  metric.nps.detractors = 5;
  metric.nps.promoters_pct = 70;
  metric.nps.passives_pct = 5;
  metric.nps.detractors_pct = 25;
  metric.nps.score = 45;
  metric.nps.ci95 = Interval{20.5, 69.5};
  CHECK(nps_table(metric) ==
        "<table>\n<caption>NPS nps</caption>\n<thead><tr><th scope=\"col\">Group</th><th scope=\"col\">Count</th>"
        "<th scope=\"col\">Percent</th></tr></thead>\n<tbody>\n"
        "<tr><th scope=\"row\">Promoters</th><td>14</td><td>70.0</td></tr>\n"
        "<tr><th scope=\"row\">Passives</th><td>1</td><td>5.0</td></tr>\n"
        "<tr><th scope=\"row\">Detractors</th><td>5</td><td>25.0</td></tr>\n"
        "<tr><th scope=\"row\">NPS</th><td>20</td><td>45.0 (95% CI 20.5 to 69.5)</td></tr>\n"
        "</tbody>\n</table>\n");
}

TEST_CASE("segments get one heat map per breakdown, coloured by the gap's sign and size", "[html]") {
  Report report;
  report.dimension_labels = {{"reliability", "Reliability"}};
  SegmentResult all;
  ItemResult item;
  item.id = "R1";
  item.gap = Stats();
  all.items.push_back(item);
  all.dimensions.push_back(reliability_gap(-0.25));
  report.results.push_back(all);
  report.results.push_back(segment("region", "North", 10, -1.0));
  report.results.push_back(segment("channel", "Web", 7, 0.0));
  report.results.push_back(segment("region", "South", 12, 0.5));
  SegmentResult east = segment("region", "East", 3, Figure());
  east.suppressed = true;
  east.dimensions.clear();
  report.results.push_back(east);
  // The largest |gap| by region is 1, so North's -1 takes the full
  // vermilion EE8A6A, and South's 0.5 goes half way from white to the
  // blue 74B3DD: 255 - (255 - 0x74) / 2 = 185.5, rounded to 186 = BA, then
  // D9 and EE. Web's breakdown has no gap away from 0, so no colour.
  CHECK(segment_tables(ReportView(report)) ==
        "<table>\n<caption>Mean gap (P - E) by region; red below 0, blue above, darker further from 0</caption>\n"
        "<thead><tr><th scope=\"col\">region</th><th scope=\"col\">Reliability</th><th scope=\"col\">Rows</th>"
        "</tr></thead>\n<tbody>\n"
        "<tr><th scope=\"row\">North</th><td style=\"background:#EE8A6A\">-1.00</td><td>10</td></tr>\n"
        "<tr><th scope=\"row\">South</th><td style=\"background:#BAD9EE\">0.50</td><td>12</td></tr>\n"
        "<tr><th scope=\"row\">East</th><td>suppressed</td><td>3</td></tr>\n"
        "</tbody>\n</table>\n"
        "<table>\n<caption>Mean gap (P - E) by channel; red below 0, blue above, darker further from 0</caption>\n"
        "<thead><tr><th scope=\"col\">channel</th><th scope=\"col\">Reliability</th><th scope=\"col\">Rows</th>"
        "</tr></thead>\n<tbody>\n"
        "<tr><th scope=\"row\">Web</th><td>0.00</td><td>7</td></tr>\n"
        "</tbody>\n</table>\n");
}

}  // namespace gapscore
