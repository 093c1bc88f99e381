#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gapscore/metrics/figures.h"
#include "gapscore/questionnaire/questionnaire.h"
#include "gapscore/tally/measure.h"

namespace gapscore {

struct ColumnFigures {
  Stats stats;
  Distribution distribution;
};

/// Where perceptions fall against the zone of tolerance, for one item.
struct ZoneResult {
  std::int64_t n = 0;  ///< respondents with a consistent zone (adequate <= desired)
  std::int64_t below = 0;
  std::int64_t within = 0;
  std::int64_t above = 0;
  std::int64_t inconsistent = 0;
  Figure below_pct;
  Figure within_pct;
  Figure above_pct;
};

struct ItemResult {
  std::string id;
  std::string dimension;
  std::optional<ColumnFigures> expectation;
  std::optional<ColumnFigures> perception;
  std::optional<ColumnFigures> adequate;
  std::optional<ColumnFigures> desired;
  std::optional<Stats> gap;
  std::optional<Stats> msa;
  std::optional<Stats> mss;
  std::optional<ZoneResult> zone;
};

struct DimensionMeasureResult {
  Measure measure = Measure::kPerception;
  Stats stats;
  Reliability reliability;
};

struct DimensionResult {
  std::string id;
  std::vector<DimensionMeasureResult> measures;
  std::optional<ColumnFigures> importance;  ///< points allocated, with importance columns
};

struct OverallResult {
  Measure measure = Measure::kPerception;
  Stats unweighted;
  std::optional<Stats> weighted;
};

struct MetricResult {
  std::string id;
  MetricType type = MetricType::kNps;
  NpsResult nps;          ///< for nps metrics
  Proportion satisfied;   ///< for csat metrics: the CSAT score
  Proportion agree;       ///< for ces metrics
  ColumnFigures answers;  ///< the raw answers: csat "rating", ces "stats"
};

/// The survey weights of a result's rows: their sum and Kish's n_eff.
struct WeightSummary {
  double sum = 0;
  double n_eff = 0;  ///< 0 when the weights sum to 0
};

/// Which rows a result is of: the value of each column of its breakdown,
/// in the breakdown's order; empty for the whole data set.
using SegmentValues = std::vector<std::pair<std::string, std::string>>;

struct SegmentResult {
  SegmentValues segment;
  std::int64_t rows = 0;
  bool suppressed = false;
  std::optional<WeightSummary> weight;  ///< with survey weights
  std::vector<ItemResult> items;
  std::vector<DimensionResult> dimensions;
  std::vector<OverallResult> overall;
  std::vector<MetricResult> metrics;
  std::vector<KanoResult> kano;
  std::optional<DriversResult> drivers;
};

struct InvalidCellCount {
  std::string column;
  std::string reason;
  std::int64_t count = 0;
};

/// Row accounting: rows_read = rows_used + rows_rejected, always.
struct InputSummary {
  std::vector<std::string> files;
  std::int64_t rows_read = 0;
  std::int64_t rows_used = 0;
  std::int64_t rows_rejected = 0;
  std::vector<std::pair<std::string, std::int64_t>> rejected;  ///< reason, count
  std::vector<InvalidCellCount> invalid_cells;
};

/// How far from its population share a margin value's raked share may be
/// for the margins to count as met.
inline constexpr double kRakingMarginSlack = 1e-4;

/// How the weights were raked to the questionnaire's margins.
struct RakingSummary {
  int iterations = 0;  ///< sweeps over the margins
  bool converged = false;
  double smallest_factor = 1;  ///< raked weight / base weight, over the cells
  double largest_factor = 1;
  std::int64_t capped_cells = 0;  ///< cells whose factor is the cap
  /// The largest difference, over the margins' values, between a value's
  /// share of the raked weights and its population share.
  double largest_margin_miss = 0;
  /// Kish's weighting efficiency of the raked weights: n_eff / rows.
  double efficiency = 0;

  bool margins_met() const { return largest_margin_miss <= kRakingMarginSlack; }
};

struct Report {
  std::string tool_version;
  std::string title;
  bool has_servqual = false;
  /// For people (the HTML report): dimension labels and item texts by id;
  /// an id without one is shown as itself.
  std::map<std::string, std::string> dimension_labels;
  std::map<std::string, std::string> item_texts;
  InputSummary input;
  std::optional<RakingSummary> raking;
  std::vector<SegmentResult> results;
};

/// Calls on_column(name, figures) for each column block an item has, then
/// on_difference(name, stats) for each difference: the report's order.
template <class OnColumn, class OnDifference>
void for_each_block(const ItemResult& item, OnColumn on_column, OnDifference on_difference) {
  const std::pair<const char*, const std::optional<ColumnFigures>*> columns[] = {{"expectation", &item.expectation},
                                                                                 {"perception", &item.perception},
                                                                                 {"adequate", &item.adequate},
                                                                                 {"desired", &item.desired}};
  for (const auto& [name, figures] : columns) {
    if (*figures) on_column(name, **figures);
  }
  const std::pair<const char*, const std::optional<Stats>*> differences[] = {
      {"gap", &item.gap}, {"msa", &item.msa}, {"mss", &item.mss}};
  for (const auto& [name, stats] : differences) {
    if (*stats) on_difference(name, **stats);
  }
}

/// The overall scores in the report's order: FORMATS.md lists the gap
/// first, then expectation and perception.
std::vector<const OverallResult*> in_report_order(const std::vector<OverallResult>& overall);

/// A segment as labels name it: `col=value;col=value`, in the breakdown's
/// order; empty for the whole data set.
std::string segment_label(const SegmentValues& segment);

/// Whether `label` names `segment`: its label, or the same `col=value`
/// parts in another order (`channel=Web;region=North` names the segment
/// of `--by region,channel` as `region=North;channel=Web` does).
bool names_segment(std::string_view label, const SegmentValues& segment);

/// The result of `report` whose segment `label` names (the first, should
/// two), or null.
const SegmentResult* find_result(const Report& report, std::string_view label);

}  // namespace gapscore
