#include "gapscore/writers/html/charts.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "gapscore/writers/html/text.h"

namespace gapscore {

namespace {

// Okabe and Ito's palette, told apart with any colour vision; text stays
// near-black on white or on the light fills for contrast.
constexpr const char* kExpectationColour = "#0072B2";
constexpr const char* kPerceptionColour = "#E69F00";
constexpr const char* kPromoterColour = "#009E73";
constexpr const char* kPassiveColour = "#C8C8C8";
constexpr const char* kDetractorColour = "#D55E00";

// A linear map from data values to SVG x coordinates.
struct Axis {
  double low = 0;
  double high = 1;
  double left = 0;
  double right = 1;
  double at(double value) const { return left + (value - low) / (high - low) * (right - left); }
};

// Rounds [low, high] outward to multiples of `step`, so axis ticks are round.
Axis nice_axis(double low, double high, double step, double left, double right) {
  low = std::floor(low / step) * step;
  high = std::ceil(high / step) * step;
  if (high <= low) high = low + step;
  return {low, high, left, right};
}

std::string coordinate(double value) { return fixed(value, 1); }

// One SVG chart: every mark carries a <title> (a tooltip and what a screen
// reader says), the chart a title and description it is labelled by.
class Chart {
 public:
  Chart(int id, double width, double height, const std::string& title, const std::string& description)
      : id_(id), width_(width), height_(height), title_(title), description_(description) {}

  void rect(double x, double y, double width, double height, const std::string& fill, const std::string& tip) {
    body_ += "<rect x=\"" + coordinate(x) + "\" y=\"" + coordinate(y) + "\" width=\"" +
             coordinate(std::max(width, 0.0)) + "\" height=\"" + coordinate(height) + "\" fill=\"" + fill +
             "\"><title>" + escape(tip) + "</title></rect>\n";
  }

  void dot(double x, double y, const std::string& fill, const std::string& tip) {
    body_ += "<circle cx=\"" + coordinate(x) + "\" cy=\"" + coordinate(y) + "\" r=\"5\" fill=\"" + fill +
             "\" stroke=\"#1a1a1a\"><title>" + escape(tip) + "</title></circle>\n";
  }

  void line(double x1, double y1, double x2, double y2, const std::string& css_class, const std::string& tip = "") {
    body_ += "<line x1=\"" + coordinate(x1) + "\" y1=\"" + coordinate(y1) + "\" x2=\"" + coordinate(x2) + "\" y2=\"" +
             coordinate(y2) + "\" class=\"" + css_class + "\"";
    body_ += tip.empty() ? "/>\n" : "><title>" + escape(tip) + "</title></line>\n";
  }

  void text(double x, double y, const std::string& content, const char* anchor = "start") {
    body_ += "<text x=\"" + coordinate(x) + "\" y=\"" + coordinate(y) + "\" text-anchor=\"" + anchor + "\">" +
             escape(content) + "</text>\n";
  }

  // Ticks, grid lines and a label for a horizontal axis at y = `base`.
  void x_axis(const Axis& axis, double step, double top, double base, const std::string& label, int digits) {
    line(axis.left, base, axis.right, base, "axis");
    for (double value = axis.low; value <= axis.high + step / 2; value += step) {
      const double x = axis.at(value);
      line(x, top, x, base, std::fabs(value) < step / 2 ? "zero" : "grid");
      text(x, base + 14, fixed(value, digits), "middle");
    }
    text((axis.left + axis.right) / 2, base + 30, label, "middle");
  }

  std::string str() const {
    const std::string title_id = "chart" + std::to_string(id_) + "-title";
    const std::string description_id = "chart" + std::to_string(id_) + "-desc";
    return "<svg viewBox=\"0 0 " + coordinate(width_) + " " + coordinate(height_) + "\" width=\"" + coordinate(width_) +
           "\" height=\"" + coordinate(height_) + "\" role=\"img\" aria-labelledby=\"" + title_id + " " +
           description_id + "\">\n<title id=\"" + title_id + "\">" + escape(title_) + "</title>\n<desc id=\"" +
           description_id + "\">" + escape(description_) + "</desc>\n" + body_ + "</svg>\n";
  }

 private:
  int id_;
  double width_;
  double height_;
  std::string title_;
  std::string description_;
  std::string body_;
};

// Widens [low, high] to hold a figure's interval, or its mean without one.
void extend_range(const Stats* stats, double& low, double& high) {
  if (stats == nullptr) return;
  if (stats->ci95) {
    low = std::min(low, stats->ci95->low);
    high = std::max(high, stats->ci95->high);
  } else if (stats->mean) {
    low = std::min(low, *stats->mean);
    high = std::max(high, *stats->mean);
  }
}

// A chart's row label, cut to fit beside the plot; the mark's title has it whole.

// The range of the answer scale, from the first item's frequency table.
std::pair<int, int> answer_scale(const SegmentResult& result) {
  for (const ItemResult& item : result.items) {
    for (const auto* figures : {&item.perception, &item.expectation, &item.desired, &item.adequate}) {
      if (*figures && !(*figures)->distribution.freq.empty()) {
        const Distribution& distribution = (*figures)->distribution;
        return {distribution.low, distribution.low + static_cast<int>(distribution.freq.size()) - 1};
      }
    }
  }
  return {1, 7};
}

std::string scale_label(const char* what, std::pair<int, int> scale) {
  return std::string(what) + " (" + std::to_string(scale.first) + " to " + std::to_string(scale.second) + ")";
}

// One dimension's row, `y` at its top: the E and P bars on `means`, the gap
// and its interval on `gaps`.
void dimension_row(Chart& chart, const DimensionResult& dimension, const std::string& label, double y,
                   const Axis& means, const Axis& gaps) {
  chart.text(0, y + 22, label);
  const Stats* expectation = measure_stats(dimension, Measure::kExpectation);
  const Stats* perception = measure_stats(dimension, Measure::kPerception);
  if (expectation != nullptr && expectation->mean) {
    chart.rect(means.left, y + 4, means.at(*expectation->mean) - means.left, 16, kExpectationColour,
               label + ": expectation " + fixed(*expectation->mean, 2));
    chart.text(means.at(*expectation->mean) + 4, y + 16, fixed(*expectation->mean, 2));
  }
  if (perception != nullptr && perception->mean) {
    chart.rect(means.left, y + 22, means.at(*perception->mean) - means.left, 16, kPerceptionColour,
               label + ": perception " + fixed(*perception->mean, 2));
    chart.text(means.at(*perception->mean) + 4, y + 34, fixed(*perception->mean, 2));
  }
  const Stats* gap = measure_stats(dimension, Measure::kGap);
  if (gap != nullptr && gap->mean) {
    const double cy = y + 21;
    if (gap->ci95) {
      chart.line(gaps.at(gap->ci95->low), cy, gaps.at(gap->ci95->high), cy, "whisker",
                 label + ": 95% CI " + interval_text(gap->ci95, 2));
    }
    chart.dot(gaps.at(*gap->mean), cy, "#1a1a1a",
              label + ": gap " + fixed(*gap->mean, 2) + " (95% CI " + interval_text(gap->ci95, 2) + ")");
  }
}

}  // namespace

std::string dimension_chart(const ReportView& view, int id) {
  const std::vector<DimensionResult>& dimensions = view.all().dimensions;
  const auto scale = answer_scale(view.all());
  const bool gaps = view.headline_measure() == Measure::kGap;
  const double row_height = 46;
  const double top = 28;
  const double base = top + row_height * static_cast<double>(dimensions.size());
  const Axis means{static_cast<double>(scale.first), static_cast<double>(scale.second), 150, 520};
  double low = 0;
  double high = 0;
  for (const DimensionResult& dimension : dimensions) {
    extend_range(measure_stats(dimension, Measure::kGap), low, high);
  }
  const Axis gap_axis = nice_axis(low, high, 0.5, 590, 880);
  Chart chart(id, 900, base + 44, "Expectation and perception by dimension",
              gaps ? "For each dimension, bars of the mean expectation (E) and perception (P) score, and the "
                     "gap P - E as a dot with its 95% confidence interval."
                   : "For each dimension, a bar of the mean perception score.");
  chart.text(means.left, 16, "Mean score");
  if (gaps) {
    chart.rect(means.left + 80, 7, 12, 10, kExpectationColour, "Expectation (E)");
    chart.text(means.left + 96, 16, "E");
  }
  chart.rect(means.left + 112, 7, 12, 10, kPerceptionColour, "Perception (P)");
  chart.text(means.left + 128, 16, "P");
  if (gaps) chart.text(gap_axis.left, 16, "Gap P - E, 95% CI");
  for (std::size_t d = 0; d < dimensions.size(); ++d) {
    dimension_row(chart, dimensions[d], view.dimension_label(dimensions[d].id),
                  top + row_height * static_cast<double>(d), means, gap_axis);
  }
  chart.x_axis(means, 1, top, base, scale_label("Mean score", scale), 0);
  if (gaps) chart.x_axis(gap_axis, 0.5, top, base, "Gap (P - E)", 1);
  return chart.str();
}

std::string item_chart(const ReportView& view, const std::vector<const ItemResult*>& order, int id) {
  const Measure headline = view.headline_measure();
  const bool gaps = headline == Measure::kGap;
  double low = 0;
  double high = 0;
  const auto scale = answer_scale(view.all());
  for (const ItemResult* item : order) extend_range(headline_stats(*item, headline), low, high);
  const double row_height = 22;
  const double top = 12;
  const double base = top + row_height * static_cast<double>(order.size());
  const Axis axis = gaps ? nice_axis(low, high, 0.5, 330, 880)
                         : Axis{static_cast<double>(scale.first), static_cast<double>(scale.second), 330, 880};
  Chart chart(id, 900, base + 44, gaps ? "Gap of every item, largest shortfall first" : "Every item's perception",
              gaps ? "Each item's mean gap P - E as a dot with its 95% confidence interval, sorted from the most "
                     "negative."
                   : "Each item's mean perception with its 95% confidence interval, lowest first.");
  for (std::size_t i = 0; i < order.size(); ++i) {
    const ItemResult& item = *order[i];
    const double y = top + row_height * static_cast<double>(i) + row_height / 2;
    chart.text(0, y + 4, short_label(view.item_label(item.id)));
    const Stats* stats = headline_stats(item, headline);
    if (stats == nullptr || !stats->mean) continue;
    const std::string what = view.item_label(item.id) + ": " + (gaps ? "gap " : "perception ") +
                             fixed(*stats->mean, 2) + " (95% CI " + interval_text(stats->ci95, 2) + ")";
    if (stats->ci95) chart.line(axis.at(stats->ci95->low), y, axis.at(stats->ci95->high), y, "whisker", what);
    chart.dot(axis.at(*stats->mean), y, gaps ? "#1a1a1a" : kPerceptionColour, what);
  }
  chart.x_axis(axis, gaps ? 0.5 : 1, top, base, gaps ? "Gap (P - E), 95% CI" : "Mean perception, 95% CI", gaps ? 1 : 0);
  return chart.str();
}

std::string zone_chart(const ReportView& view, const std::vector<const ItemResult*>& zoned, int id) {
  const auto scale = answer_scale(view.all());
  const double row_height = 24;
  const double top = 28;
  const double base = top + row_height * static_cast<double>(zoned.size());
  const Axis axis{static_cast<double>(scale.first), static_cast<double>(scale.second), 330, 880};
  Chart chart(id, 900, base + 44, "Zone of tolerance",
              "For each item, a band from the mean adequate to the mean desired level, and the mean perception "
              "as a dot: inside the band is tolerated service, left of it below the adequate level.");
  chart.rect(axis.left, 7, 24, 10, "#BFD9EE", "The zone: adequate to desired");
  chart.text(axis.left + 28, 16, "zone (adequate to desired)");
  chart.dot(axis.left + 220, 12, kPerceptionColour, "Mean perception");
  chart.text(axis.left + 230, 16, "perception");
  for (std::size_t i = 0; i < zoned.size(); ++i) {
    const ItemResult& item = *zoned[i];
    const double y = top + row_height * static_cast<double>(i);
    chart.text(0, y + 16, short_label(view.item_label(item.id)));
    const Figure& adequate = item.adequate->stats.mean;
    const Figure& desired = item.desired->stats.mean;
    const Figure& perception = item.perception->stats.mean;
    if (adequate && desired) {
      chart.rect(axis.at(*adequate), y + 4, axis.at(*desired) - axis.at(*adequate), 16, "#BFD9EE",
                 view.item_label(item.id) + ": zone " + fixed(*adequate, 2) + " to " + fixed(*desired, 2));
    }
    if (perception) {
      chart.dot(axis.at(*perception), y + 12, kPerceptionColour,
                view.item_label(item.id) + ": perception " + fixed(*perception, 2));
    }
  }
  chart.x_axis(axis, 1, top, base, scale_label("Mean level", scale), 0);
  return chart.str();
}

std::string nps_chart(const MetricResult& metric, int id) {
  const NpsResult& nps = metric.nps;
  Chart chart(id, 900, 64, "NPS split: " + metric.id,
              "One bar split into detractors, passives and promoters, as percentages of those who answered.");
  const Axis axis{0, 100, 0, 880};
  double x = 0;
  const struct {
    const char* name;
    const Figure& pct;
    const char* colour;
  } parts[] = {{"Detractors", nps.detractors_pct, kDetractorColour},
               {"Passives", nps.passives_pct, kPassiveColour},
               {"Promoters", nps.promoters_pct, kPromoterColour}};
  for (const auto& part : parts) {
    const double share = part.pct.value_or(0);
    const double width = axis.at(share) - axis.left;
    chart.rect(x, 4, width, 32, part.colour, std::string(part.name) + ": " + fixed(share, 1) + "%");
    if (share >= 8) chart.text(x + width / 2, 25, std::string(part.name) + " " + fixed(share, 1) + "%", "middle");
    x += width;
  }
  chart.text(0, 56, "Share of respondents (0 to 100%)");
  return chart.str();
}

}  // namespace gapscore
