#include "gapscore/writers/html/tables.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <map>
#include <utility>

#include "gapscore/writers/html/text.h"

namespace gapscore {

namespace {

// A table with a caption, a header row and body rows; the first cell of a
// row is its header, `text_columns` more cells are left-aligned text.
class Table {
 public:
  Table(const std::string& caption, const std::vector<std::string>& headings) {
    html_ = "<table>\n<caption>" + escape(caption) + "</caption>\n<thead><tr>";
    for (const std::string& heading : headings) html_ += "<th scope=\"col\">" + escape(heading) + "</th>";
    html_ += "</tr></thead>\n<tbody>\n";
  }

  void row(const std::vector<std::string>& cells, std::size_t text_columns = 0) {
    html_ += "<tr>";
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i == 0) {
        html_ += "<th scope=\"row\">" + escape(cells[i]) + "</th>";
      } else if (i <= text_columns) {
        html_ += "<td class=\"text\">" + escape(cells[i]) + "</td>";
      } else {
        html_ += "<td>" + escape(cells[i]) + "</td>";
      }
    }
    html_ += "</tr>\n";
  }

  // A row whose data cells each have their own background colour.
  void coloured_row(const std::string& heading, const std::vector<std::pair<std::string, std::string>>& cells) {
    html_ += "<tr><th scope=\"row\">" + escape(heading) + "</th>";
    for (const auto& [text, colour] : cells) {
      html_ += "<td" + (colour.empty() ? std::string() : " style=\"background:" + colour + "\"") + ">" + escape(text) +
               "</td>";
    }
    html_ += "</tr>\n";
  }

  std::string str() const { return html_ + "</tbody>\n</table>\n"; }

 private:
  std::string html_;
};

std::string p_text(const Figure& p) {
  if (!p) return "n/a";
  if (*p < 0.001) return "< 0.001";
  return fixed(*p, 3);
}

std::string mean_of(const Stats* stats) { return stats != nullptr ? shown(stats->mean, 2) : "n/a"; }

// A heading such as "region by channel" for the columns of a breakdown.
std::string joined(const std::vector<std::string>& parts, const char* separator) {
  std::string out;
  for (const std::string& part : parts) out += (out.empty() ? "" : separator) + part;
  return out;
}

// Light fills for a diverging scale: vermilion below 0, blue above, white
// at 0, reaching full strength at |value| = `extent`.
std::string diverging_fill(const Figure& value, double extent) {
  if (!value || !(extent > 0)) return "";
  const double strength = std::min(1.0, std::fabs(*value) / extent);
  const int negative[3] = {0xEE, 0x8A, 0x6A};
  const int positive[3] = {0x74, 0xB3, 0xDD};
  const int* target = *value < 0 ? negative : positive;
  char colour[8];
  int channels[3];
  for (int c = 0; c < 3; ++c) {
    channels[c] = static_cast<int>(std::lround(255 + (target[c] - 255) * strength));
  }
  std::snprintf(colour, sizeof colour, "#%02X%02X%02X", channels[0], channels[1], channels[2]);
  return colour;
}

// The segment results that share their columns, as "region" or "region,
// channel": one heat map.
struct Breakdown {
  std::vector<std::string> columns;
  std::vector<const SegmentResult*> results;
};

std::vector<Breakdown> breakdowns(const Report& report) {
  std::vector<Breakdown> found;
  for (std::size_t r = 1; r < report.results.size(); ++r) {
    std::vector<std::string> columns;
    for (const auto& [column, value] : report.results[r].segment) columns.push_back(column);
    const auto same = [&columns](const Breakdown& breakdown) { return breakdown.columns == columns; };
    auto breakdown = std::find_if(found.begin(), found.end(), same);
    if (breakdown == found.end()) {
      found.push_back({columns, {}});
      breakdown = std::prev(found.end());
    }
    breakdown->results.push_back(&report.results[r]);
  }
  return found;
}

std::vector<std::string> segment_headings(const ReportView& view, const std::string& name) {
  std::vector<std::string> headings = {name};
  for (const DimensionResult& dimension : view.all().dimensions) headings.push_back(view.dimension_label(dimension.id));
  if (view.report().has_servqual) headings.push_back("Overall");
  headings.push_back("Rows");
  for (const MetricResult& metric : view.all().metrics) {
    headings.push_back(metric.type == MetricType::kNps ? "NPS " + metric.id : metric.id);
  }
  return headings;
}

// The colour reaches full strength at the largest distance from 0.
double gap_extent(const std::vector<const SegmentResult*>& results) {
  double extent = 0;
  for (const SegmentResult* result : results) {
    for (const DimensionResult& dimension : result->dimensions) {
      const Stats* stats = measure_stats(dimension, Measure::kGap);
      if (stats != nullptr && stats->mean) extent = std::max(extent, std::fabs(*stats->mean));
    }
  }
  return extent;
}

std::string metric_cell(const MetricResult& metric) {
  switch (metric.type) {
    case MetricType::kNps:
      return shown(metric.nps.score, 1);
    case MetricType::kCsat:
      return shown(metric.satisfied.score, 1) + "%";
    case MetricType::kCes:
      return shown(metric.answers.stats.mean, 2);
  }
  return "";
}

using Cells = std::vector<std::pair<std::string, std::string>>;

// A suppressed segment shows its row count and no figure.
Cells suppressed_cells(const ReportView& view, const SegmentResult& result) {
  Cells cells;
  const std::size_t figure_columns = view.all().dimensions.size() + (view.report().has_servqual ? 1 : 0);
  for (std::size_t i = 0; i < figure_columns; ++i) cells.push_back({"suppressed", ""});
  cells.push_back({count_text(result.rows), ""});
  for (std::size_t i = 0; i < view.all().metrics.size(); ++i) cells.push_back({"", ""});
  return cells;
}

Cells segment_cells(const ReportView& view, const SegmentResult& result, Measure measure, double extent) {
  const auto cell = [measure, extent](const Figure& mean) -> std::pair<std::string, std::string> {
    return {shown(mean, 2), measure == Measure::kGap ? diverging_fill(mean, extent) : ""};
  };
  Cells cells;
  for (const DimensionResult& dimension : result.dimensions) {
    const Stats* stats = measure_stats(dimension, measure);
    cells.push_back(cell(stats != nullptr ? stats->mean : Figure()));
  }
  if (view.report().has_servqual) {
    const OverallResult* overall = overall_of(result, measure);
    cells.push_back(cell(overall != nullptr ? overall->unweighted.mean : Figure()));
  }
  cells.push_back({count_text(result.rows), ""});
  for (const MetricResult& metric : result.metrics) cells.push_back({metric_cell(metric), ""});
  return cells;
}

}  // namespace

std::string dimension_table(const ReportView& view) {
  const std::vector<DimensionResult>& dimensions = view.all().dimensions;
  const bool gaps = view.headline_measure() == Measure::kGap;
  // Columns for the measures the questionnaire has.
  const auto any_has = [&dimensions](Measure measure) {
    return std::any_of(dimensions.begin(), dimensions.end(),
                       [measure](const DimensionResult& dimension) { return measure_stats(dimension, measure); });
  };
  const bool expectations = any_has(Measure::kExpectation);
  const bool zone_measures = any_has(Measure::kMsa);
  std::vector<std::string> headings = {"Dimension"};
  if (expectations) headings.push_back("E mean");
  headings.push_back("P mean");
  if (gaps) headings.insert(headings.end(), {"Gap", "Gap 95% CI", "p"});
  if (!gaps) headings.push_back("P 95% CI");
  if (zone_measures) headings.insert(headings.end(), {"MSA", "MSS"});
  headings.insert(headings.end(), {"n", "Alpha (P)"});
  Table table("Dimensions", headings);
  for (const DimensionResult& dimension : dimensions) {
    const Stats* perception = measure_stats(dimension, Measure::kPerception);
    const Stats* gap = measure_stats(dimension, Measure::kGap);
    const DimensionMeasureResult* reliability = measure_result(dimension, Measure::kPerception);
    std::vector<std::string> cells = {view.dimension_label(dimension.id)};
    if (expectations) cells.push_back(mean_of(measure_stats(dimension, Measure::kExpectation)));
    cells.push_back(mean_of(perception));
    if (gaps) {
      cells.insert(cells.end(),
                   {mean_of(gap), gap ? interval_text(gap->ci95, 2) : "n/a", gap ? p_text(gap->p) : "n/a"});
    } else {
      cells.push_back(perception ? interval_text(perception->ci95, 2) : "n/a");
    }
    if (zone_measures) {
      cells.insert(cells.end(), {mean_of(measure_stats(dimension, Measure::kMsa)),
                                 mean_of(measure_stats(dimension, Measure::kMss))});
    }
    cells.push_back(count_text(gap ? gap->n : (perception ? perception->n : 0)));
    cells.push_back(reliability ? shown(reliability->reliability.alpha, 2) : "n/a");
    table.row(cells);
  }
  return table.str();
}

std::string item_table(const ReportView& view, const std::vector<const ItemResult*>& order) {
  const std::map<std::string, std::string>& texts = view.report().item_texts;
  // A statement column only when the questionnaire gives the statements.
  const bool statements = !texts.empty();
  std::vector<std::string> headings = {"Item"};
  if (statements) headings.push_back("Statement");
  headings.insert(headings.end(), {"Dimension", "E mean", "P mean", "Gap", "Gap 95% CI", "p"});
  Table table("Items, in the order of the chart", headings);
  for (const ItemResult* item : order) {
    std::vector<std::string> cells = {item->id};
    if (statements) {
      const auto text = texts.find(item->id);
      cells.push_back(text == texts.end() ? "" : text->second);
    }
    cells.insert(
        cells.end(),
        {view.dimension_label(item->dimension), item->expectation ? shown(item->expectation->stats.mean, 2) : "n/a",
         item->perception ? shown(item->perception->stats.mean, 2) : "n/a",
         item->gap ? shown(item->gap->mean, 2) : "n/a", item->gap ? interval_text(item->gap->ci95, 2) : "n/a",
         item->gap ? p_text(item->gap->p) : "n/a"});
    table.row(cells, statements ? 2 : 1);
  }
  return table.str();
}

std::string zone_table(const std::vector<const ItemResult*>& zoned) {
  Table table("Zone of tolerance by item", {"Item", "Adequate", "Desired", "Perceived", "MSA (P - adequate)",
                                            "MSS (P - desired)", "Below %", "Within %", "Above %"});
  for (const ItemResult* item : zoned) {
    table.row({item->id, shown(item->adequate->stats.mean, 2), shown(item->desired->stats.mean, 2),
               shown(item->perception->stats.mean, 2), item->msa ? shown(item->msa->mean, 2) : "n/a",
               item->mss ? shown(item->mss->mean, 2) : "n/a", shown(item->zone->below_pct, 1),
               shown(item->zone->within_pct, 1), shown(item->zone->above_pct, 1)});
  }
  return table.str();
}

std::string nps_table(const MetricResult& metric) {
  const NpsResult& nps = metric.nps;
  Table table("NPS " + metric.id, {"Group", "Count", "Percent"});
  table.row({"Promoters", count_text(nps.promoters), shown(nps.promoters_pct, 1)});
  table.row({"Passives", count_text(nps.passives), shown(nps.passives_pct, 1)});
  table.row({"Detractors", count_text(nps.detractors), shown(nps.detractors_pct, 1)});
  table.row({"NPS", count_text(nps.n), shown(nps.score, 1) + " (95% CI " + interval_text(nps.ci95, 1) + ")"});
  return table.str();
}

std::string segment_tables(const ReportView& view) {
  const Measure measure = view.headline_measure();
  const std::string measure_text = measure == Measure::kGap ? "gap (P - E)" : "perception";
  std::string html;
  for (const Breakdown& breakdown : breakdowns(view.report())) {
    const std::string name = joined(breakdown.columns, " by ");
    const double extent = measure == Measure::kGap ? gap_extent(breakdown.results) : 0;
    Table table("Mean " + measure_text + " by " + name +
                    (measure == Measure::kGap ? "; red below 0, blue above, darker further from 0" : ""),
                segment_headings(view, name));
    for (const SegmentResult* result : breakdown.results) {
      std::vector<std::string> values;
      for (const auto& [column, value] : result->segment) values.push_back(value);
      table.coloured_row(joined(values, ", "), result->suppressed ? suppressed_cells(view, *result)
                                                                  : segment_cells(view, *result, measure, extent));
    }
    html += table.str();
  }
  return html;
}

std::string driver_table(const ReportView& view, const DriversResult& drivers) {
  Table table(
      "Key drivers of " + drivers.outcome + " (n " + count_text(drivers.n) + ", R2 " + shown(drivers.r2, 2) + ")",
      {"Dimension", "Quadrant", "Correlation r", "Beta", "Performance (P mean)"});
  for (const DriverResult& driver : drivers.dimensions) {
    std::string quadrant = driver.quadrant;
    std::replace(quadrant.begin(), quadrant.end(), '_', ' ');
    table.row({view.dimension_label(driver.id), quadrant.empty() ? "n/a" : quadrant, shown(driver.r, 2),
               shown(driver.beta, 2), shown(driver.performance, 2)},
              1);
  }
  return table.str();
}

std::string kano_table(const std::vector<KanoResult>& features) {
  Table table("Kano classification (percent of respondents)",
              {"Feature", "Dominant", "Attractive", "One-dimensional", "Must-be", "Indifferent", "Reverse",
               "Questionable", "Better", "Worse", "n"});
  for (const KanoResult& feature : features) {
    std::string dominant = feature.dominant ? kano_category_name(*feature.dominant) : "n/a";
    std::replace(dominant.begin(), dominant.end(), '_', ' ');
    if (feature.fong_significant && !*feature.fong_significant) dominant += " (not significant)";
    std::vector<std::string> cells = {feature.id, dominant};
    for (const Figure& pct : feature.pcts) cells.push_back(shown(pct, 1));
    cells.push_back(shown(feature.better, 2));
    cells.push_back(shown(feature.worse, 2));
    cells.push_back(count_text(feature.n));
    table.row(cells, 1);
  }
  return table.str();
}

std::string input_tables(const InputSummary& input) {
  Table rows("Rows", {"Rows", "Count"});
  rows.row({"Read", count_text(input.rows_read)});
  rows.row({"Used", count_text(input.rows_used)});
  for (const auto& [reason, count] : input.rejected) rows.row({"Rejected: " + reason, count_text(count)});
  std::string html = rows.str();
  if (!input.invalid_cells.empty()) {
    Table cells("Invalid cells (read as missing)", {"Column", "Reason", "Count"});
    for (const InvalidCellCount& invalid : input.invalid_cells) {
      cells.row({invalid.column, invalid.reason, count_text(invalid.count)}, 1);
    }
    html += cells.str();
  }
  return html;
}

}  // namespace gapscore
