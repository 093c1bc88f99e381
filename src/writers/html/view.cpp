#include "gapscore/writers/html/view.h"

#include <algorithm>

namespace gapscore {

std::string ReportView::dimension_label(const std::string& id) const {
  const auto found = report_.dimension_labels.find(id);
  return found == report_.dimension_labels.end() || found->second.empty() ? id : found->second;
}

std::string ReportView::item_label(const std::string& id) const {
  const auto found = report_.item_texts.find(id);
  return found == report_.item_texts.end() ? id : id + " " + found->second;
}

Measure ReportView::headline_measure() const {
  for (const ItemResult& item : all_.items) {
    if (item.gap) return Measure::kGap;
  }
  return Measure::kPerception;
}

const DimensionMeasureResult* measure_result(const DimensionResult& dimension, Measure measure) {
  for (const DimensionMeasureResult& m : dimension.measures) {
    if (m.measure == measure) return &m;
  }
  return nullptr;
}

const Stats* measure_stats(const DimensionResult& dimension, Measure measure) {
  const DimensionMeasureResult* result = measure_result(dimension, measure);
  return result != nullptr ? &result->stats : nullptr;
}

const OverallResult* overall_of(const SegmentResult& result, Measure measure) {
  for (const OverallResult& overall : result.overall) {
    if (overall.measure == measure) return &overall;
  }
  return nullptr;
}

const Stats* headline_stats(const ItemResult& item, Measure headline) {
  if (headline == Measure::kGap) return item.gap ? &*item.gap : nullptr;
  return item.perception ? &item.perception->stats : nullptr;
}

std::vector<const ItemResult*> items_in_chart_order(const SegmentResult& all, Measure headline) {
  std::vector<const ItemResult*> order;
  for (const ItemResult& item : all.items) order.push_back(&item);
  const auto mean_of = [headline](const ItemResult* item) -> Figure {
    const Stats* stats = headline_stats(*item, headline);
    return stats != nullptr ? stats->mean : Figure();
  };
  std::stable_sort(order.begin(), order.end(), [&mean_of](const ItemResult* a, const ItemResult* b) {
    const Figure x = mean_of(a);
    const Figure y = mean_of(b);
    if (!x || !y) return x.has_value() && !y.has_value();
    return *x < *y;
  });
  return order;
}

std::vector<const ItemResult*> zoned_items(const SegmentResult& all) {
  std::vector<const ItemResult*> zoned;
  for (const ItemResult& item : all.items) {
    if (item.zone && item.adequate && item.desired && item.perception) zoned.push_back(&item);
  }
  return zoned;
}

}  // namespace gapscore
