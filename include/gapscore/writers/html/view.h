#pragma once

#include <string>
#include <vector>

#include "gapscore/report/report.h"

namespace gapscore {

/// The report as the page's parts read it: the result over all rows and
/// the names people see. Keeps references: the report must outlive it.
class ReportView {
 public:
  /// `report.results` must not be empty: its first result is the one over
  /// all rows, which every part of the page starts from.
  explicit ReportView(const Report& report) : report_(report), all_(report.results.front()) {}

  const Report& report() const { return report_; }

  /// The result over all rows.
  const SegmentResult& all() const { return all_; }

  /// The questionnaire's label for a dimension, or its id when it has none.
  std::string dimension_label(const std::string& id) const;

  /// "id statement" for an item with a statement, else the id alone.
  std::string item_label(const std::string& id) const;

  /// The measure the page leads with: the gap when any item has one (the
  /// questionnaire asks expectations), else the perception.
  Measure headline_measure() const;

 private:
  const Report& report_;
  const SegmentResult& all_;
};

/// One measure's figures of a dimension, or nullptr when it has none.
const DimensionMeasureResult* measure_result(const DimensionResult& dimension, Measure measure);

/// The statistics of `measure_result`, or nullptr when the dimension has none.
const Stats* measure_stats(const DimensionResult& dimension, Measure measure);

/// A result's overall figures for one measure, or nullptr when it has none.
const OverallResult* overall_of(const SegmentResult& result, Measure measure);

/// An item's statistics for the page's headline measure (the gap, else the
/// perception), or nullptr when the item has none.
const Stats* headline_stats(const ItemResult& item, Measure headline);

/// The items of `all` as the items chart and its table show them: by the
/// mean of the headline measure, largest shortfall first; items without a
/// figure last, in questionnaire order.
std::vector<const ItemResult*> items_in_chart_order(const SegmentResult& all, Measure headline);

/// The items of `all` with a zone of tolerance and the adequate, desired
/// and perception figures to draw it, in questionnaire order.
std::vector<const ItemResult*> zoned_items(const SegmentResult& all);

}  // namespace gapscore
