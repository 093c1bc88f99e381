#include "gapscore/writers/html/view.h"

#include <catch2/catch.hpp>

namespace gapscore {

namespace {

ItemResult item_with_gap(const std::string& id, Figure mean) {
  ItemResult item;
  item.id = id;
  if (mean) {
    Stats gap;
    gap.mean = mean;
    item.gap = gap;
  }
  return item;
}

std::vector<std::string> ids(const std::vector<const ItemResult*>& items) {
  std::vector<std::string> out;
  for (const ItemResult* item : items) out.push_back(item->id);
  return out;
}

}  // namespace

TEST_CASE("the view names dimensions and items as people read them", "[html]") {
  Report report;
  report.dimension_labels = {{"reliability", "Reliability"}, {"tangibles", ""}};
  report.item_texts = {{"R1", "Keeps its promises"}};
  report.results.emplace_back();
  const ReportView view(report);
  CHECK(view.dimension_label("reliability") == "Reliability");
  CHECK(view.dimension_label("tangibles") == "tangibles");
  CHECK(view.dimension_label("empathy") == "empathy");
  CHECK(view.item_label("R1") == "R1 Keeps its promises");
  CHECK(view.item_label("R2") == "R2");
}

TEST_CASE("the page leads with the gap when any item has one", "[html]") {
  Report report;
  report.results.emplace_back();
  report.results[0].items = {item_with_gap("P1", Figure())};
  CHECK(ReportView(report).headline_measure() == Measure::kPerception);
  report.results[0].items.push_back(item_with_gap("R1", -0.5));
  CHECK(ReportView(report).headline_measure() == Measure::kGap);
}

TEST_CASE("items are charted from the largest shortfall, those without a figure last", "[html]") {
  SegmentResult all;
  all.items = {item_with_gap("A", -0.5), item_with_gap("B", Figure()), item_with_gap("C", -1.0),
               item_with_gap("D", -0.5), item_with_gap("E", 0.2),      item_with_gap("F", Figure())};
  // Ties (A and D) and items without a gap (B and F) keep questionnaire order.
  CHECK(ids(items_in_chart_order(all, Measure::kGap)) == std::vector<std::string>{"C", "A", "D", "E", "B", "F"});
  // With perceptions as the headline, none has a figure: questionnaire order.
  CHECK(ids(items_in_chart_order(all, Measure::kPerception)) == std::vector<std::string>{"A", "B", "C", "D", "E", "F"});
}

TEST_CASE("only items with a zone and all three levels are zoned", "[html]") {
  ColumnFigures level;
  level.stats.mean = 5;
  ItemResult full;
  full.id = "full";
  full.zone = ZoneResult();
  full.adequate = full.desired = full.perception = level;
  ItemResult no_desired = full;
  no_desired.id = "no_desired";
  no_desired.desired.reset();
  ItemResult no_zone = full;
  no_zone.id = "no_zone";
  no_zone.zone.reset();
  SegmentResult all;
  all.items = {no_desired, full, no_zone};
  CHECK(ids(zoned_items(all)) == std::vector<std::string>{"full"});
}

}  // namespace gapscore
