#include "gapscore/writers/html.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <string_view>

namespace gapscore {

namespace {

// Okabe and Ito's palette, told apart with any colour vision; text stays
// near-black on white or on the light fills for contrast.
constexpr const char* kExpectationColour = "#0072B2";
constexpr const char* kPerceptionColour = "#E69F00";
constexpr const char* kPromoterColour = "#009E73";
constexpr const char* kPassiveColour = "#C8C8C8";
constexpr const char* kDetractorColour = "#D55E00";

constexpr const char* kStyle =
    R"(body{margin:0;background:#fff;color:#1a1a1a;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}
main{max-width:980px;margin:0 auto;padding:24px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:32px 0 8px;border-bottom:2px solid #1a1a1a;padding-bottom:4px}
.meta,.note{color:#444;font-size:13px}
dl.cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}
dl.cards div{border:1px solid #999;border-radius:6px;padding:10px 14px;min-width:150px}
dl.cards dt{font-size:13px;color:#444}dl.cards dd{margin:2px 0 0;font-size:24px;font-weight:600}
dl.cards dd small{display:block;font-size:12px;font-weight:400;color:#444}
table{border-collapse:collapse;margin:12px 0;font-size:13px}
caption{text-align:left;font-weight:600;padding:4px 0}
th,td{border:1px solid #bbb;padding:3px 8px;text-align:right;white-space:nowrap}
td.text{white-space:normal}
th[scope=row],td.text{text-align:left}thead th{background:#f0f0f0}
svg{display:block;max-width:100%;height:auto;margin:8px 0}
svg text{font:12px system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;fill:#1a1a1a}
svg .axis{stroke:#666;stroke-width:1}svg .grid{stroke:#ddd;stroke-width:1}
svg .zero{stroke:#1a1a1a;stroke-width:1.5}svg .whisker{stroke:#1a1a1a;stroke-width:2}
)";

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// Fixed decimals for people; "-0.00" is shown as "0.00".
std::string fixed(double value, int digits) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", digits, value);
  std::string out = text;
  if (out[0] == '-' && out.find_first_not_of("0.", 1) == std::string::npos) out.erase(0, 1);
  return out;
}

std::string shown(const Figure& value, int digits) { return value ? fixed(*value, digits) : "n/a"; }

std::string interval_text(const std::optional<Interval>& ci, int digits) {
  return ci ? fixed(ci->low, digits) + " to " + fixed(ci->high, digits) : "n/a";
}

std::string count_text(std::int64_t value) { return std::to_string(value); }

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

// A table with a caption, a header row and body rows; the first cell of a
// row is its header, `text_columns` more cells are left-aligned text.
class Table {
 public:
  Table(const std::string& caption, const std::vector<std::string>& headings) {
    html_ = "<table>\n<caption>" + escape(caption) + "</caption>\n<thead><tr>";
    for (const std::string& heading : headings) html_ += "<th scope=\"col\">" + escape(heading) + "</th>";
    html_ += "</tr></thead>\n<tbody>\n";
  }

  void row(const std::vector<std::string>& cells, std::size_t text_columns = 0, const std::string& style = "") {
    html_ += "<tr>";
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i == 0) {
        html_ += "<th scope=\"row\">" + escape(cells[i]) + "</th>";
      } else if (i <= text_columns) {
        html_ += "<td class=\"text\">" + escape(cells[i]) + "</td>";
      } else {
        html_ += "<td" + style + ">" + escape(cells[i]) + "</td>";
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
std::string short_label(const std::string& label) { return label.size() > 48 ? label.substr(0, 45) + "..." : label; }

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

class HtmlWriter {
 public:
  explicit HtmlWriter(const Report& report) : report_(report), all_(report.results.front()) {}

  std::string write() {
    out_ += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    out_ += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out_ += "<title>" + escape(page_title()) + "</title>\n<style>\n" + kStyle + "</style>\n</head>\n<body>\n<main>\n";
    out_ += "<h1>" + escape(page_title()) + "</h1>\n";
    std::string files;
    for (const std::string& file : report_.input.files) files += (files.empty() ? "" : ", ") + file;
    out_ += "<p class=\"meta\">From " + escape(files.empty() ? "no input" : files) + " &middot; gapscore " +
            escape(report_.tool_version) + "</p>\n";
    summary();
    if (report_.has_servqual) {
      dimensions();
      items();
      zone();
    }
    nps();
    segments();
    drivers();
    kano();
    input();
    out_ += "</main>\n</body>\n</html>\n";
    return out_;
  }

 private:
  std::string page_title() const { return report_.title.empty() ? "Service quality report" : report_.title; }

  std::string dimension_label(const std::string& id) const {
    const auto found = report_.dimension_labels.find(id);
    return found == report_.dimension_labels.end() || found->second.empty() ? id : found->second;
  }

  std::string item_label(const std::string& id) const {
    const auto found = report_.item_texts.find(id);
    return found == report_.item_texts.end() ? id : id + " " + found->second;
  }

  Measure headline_measure() const {
    for (const ItemResult& item : all_.items) {
      if (item.gap) return Measure::kGap;
    }
    return Measure::kPerception;
  }

  std::string weight_note(const Figure& n_eff) const {
    return all_.weight && n_eff ? ", n_eff " + fixed(*n_eff, 1) : "";
  }

  void card(const std::string& term, const std::string& value, const std::string& detail) {
    out_ +=
        "<div><dt>" + escape(term) + "</dt><dd>" + escape(value) + "<small>" + escape(detail) + "</small></dd></div>\n";
  }

  void summary() {
    out_ += "<section id=\"summary\">\n<h2>Summary</h2>\n";
    if (all_.weight) {
      out_ += "<p class=\"note\">Every figure is weighted by the survey weights (sum " + fixed(all_.weight->sum, 1) +
              ", Kish's effective sample size " + fixed(all_.weight->n_eff, 1) + ").</p>\n";
    }
    out_ += "<dl class=\"cards\">\n";
    if (report_.has_servqual) {
      const Measure measure = headline_measure();
      const OverallResult* overall = overall_of(all_, measure);
      const std::string name = measure == Measure::kGap ? "Overall gap (P - E)" : "Overall perception";
      if (overall != nullptr) {
        const Stats& stats = overall->unweighted;
        card(name, shown(stats.mean, 2),
             "95% CI " + interval_text(stats.ci95, 2) + ", n " + count_text(stats.n) + weight_note(stats.n_eff));
        if (overall->weighted) {
          card(name + ", dimension-weighted", shown(overall->weighted->mean, 2),
               "95% CI " + interval_text(overall->weighted->ci95, 2));
        }
      }
    }
    for (const MetricResult& metric : all_.metrics) {
      switch (metric.type) {
        case MetricType::kNps:
          card("NPS (" + metric.id + ")", shown(metric.nps.score, 1),
               "95% CI " + interval_text(metric.nps.ci95, 1) + ", n " + count_text(metric.nps.n));
          break;
        case MetricType::kCsat:
          card("CSAT (" + metric.id + ")", metric.satisfied.score ? shown(metric.satisfied.score, 1) + "%" : "n/a",
               "95% CI " + interval_text(metric.satisfied.ci95, 1) + ", n " + count_text(metric.satisfied.n));
          break;
        case MetricType::kCes:
          card("CES (" + metric.id + ")", shown(metric.answers.stats.mean, 2),
               "agree " + (metric.agree.score ? shown(metric.agree.score, 1) + "%" : std::string("n/a")) + ", n " +
                   count_text(metric.answers.stats.n));
          break;
      }
    }
    const InputSummary& input = report_.input;
    std::string rejected;
    for (const auto& [reason, count] : input.rejected) {
      rejected += (rejected.empty() ? "" : ", ") + count_text(count) + " " + reason;
    }
    card("Rows used", count_text(input.rows_used),
         "of " + count_text(input.rows_read) + " read; " + count_text(input.rows_rejected) + " rejected" +
             (rejected.empty() ? "" : " (" + rejected + ")"));
    out_ += "</dl>\n</section>\n";
  }

  void dimensions() {
    const auto [scale_low, scale_high] = answer_scale(all_);
    const bool gaps = headline_measure() == Measure::kGap;
    const double row_height = 46;
    const double top = 28;
    const double width = 900;
    const double height = top + row_height * static_cast<double>(all_.dimensions.size()) + 44;
    const Axis means{static_cast<double>(scale_low), static_cast<double>(scale_high), 150, 520};
    double low = 0;
    double high = 0;
    for (const DimensionResult& dimension : all_.dimensions) {
      extend_range(measure_stats(dimension, Measure::kGap), low, high);
    }
    const Axis gap_axis = nice_axis(low, high, 0.5, 590, 880);
    Chart chart(next_chart(), width, height, "Expectation and perception by dimension",
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
    for (std::size_t d = 0; d < all_.dimensions.size(); ++d) {
      const DimensionResult& dimension = all_.dimensions[d];
      const double y = top + row_height * static_cast<double>(d);
      const std::string label = dimension_label(dimension.id);
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
          chart.line(gap_axis.at(gap->ci95->low), cy, gap_axis.at(gap->ci95->high), cy, "whisker",
                     label + ": 95% CI " + interval_text(gap->ci95, 2));
        }
        chart.dot(gap_axis.at(*gap->mean), cy, "#1a1a1a",
                  label + ": gap " + fixed(*gap->mean, 2) + " (95% CI " + interval_text(gap->ci95, 2) + ")");
      }
    }
    const double base = top + row_height * static_cast<double>(all_.dimensions.size());
    chart.x_axis(means, 1, top, base,
                 "Mean score (" + std::to_string(scale_low) + " to " + std::to_string(scale_high) + ")", 0);
    if (gaps) chart.x_axis(gap_axis, 0.5, top, base, "Gap (P - E)", 1);

    // Columns for the measures the questionnaire has.
    const auto any_has = [this](Measure measure) {
      return std::any_of(all_.dimensions.begin(), all_.dimensions.end(),
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
    const auto mean_of = [](const Stats* stats) { return stats != nullptr ? shown(stats->mean, 2) : "n/a"; };
    for (const DimensionResult& dimension : all_.dimensions) {
      const Stats* perception = measure_stats(dimension, Measure::kPerception);
      const Stats* gap = measure_stats(dimension, Measure::kGap);
      const DimensionMeasureResult* reliability = measure_result(dimension, Measure::kPerception);
      std::vector<std::string> cells = {dimension_label(dimension.id)};
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
    out_ += "<section id=\"dimensions\">\n<h2>Dimensions</h2>\n" + chart.str() + table.str() + "</section>\n";
  }

  static std::string p_text(const Figure& p) {
    if (!p) return "n/a";
    if (*p < 0.001) return "< 0.001";
    return fixed(*p, 3);
  }

  void items() {
    const bool gaps = headline_measure() == Measure::kGap;
    std::vector<const ItemResult*> order;
    for (const ItemResult& item : all_.items) order.push_back(&item);
    const auto headline_stats = [gaps](const ItemResult& item) -> const Stats* {
      if (gaps) return item.gap ? &*item.gap : nullptr;
      return item.perception ? &item.perception->stats : nullptr;
    };
    const auto headline = [&headline_stats](const ItemResult* item) -> Figure {
      const Stats* stats = headline_stats(*item);
      return stats != nullptr ? stats->mean : Figure();
    };
    // Largest shortfall first; items without a figure last, in questionnaire order.
    std::stable_sort(order.begin(), order.end(), [&headline](const ItemResult* a, const ItemResult* b) {
      const Figure x = headline(a);
      const Figure y = headline(b);
      if (!x || !y) return x.has_value() && !y.has_value();
      return *x < *y;
    });
    double low = 0;
    double high = 0;
    const auto [scale_low, scale_high] = answer_scale(all_);
    for (const ItemResult* item : order) extend_range(headline_stats(*item), low, high);
    const double row_height = 22;
    const double top = 12;
    const double base = top + row_height * static_cast<double>(order.size());
    const Axis axis = gaps ? nice_axis(low, high, 0.5, 330, 880)
                           : Axis{static_cast<double>(scale_low), static_cast<double>(scale_high), 330, 880};
    Chart chart(next_chart(), 900, base + 44,
                gaps ? "Gap of every item, largest shortfall first" : "Every item's perception",
                gaps ? "Each item's mean gap P - E as a dot with its 95% confidence interval, sorted from the most "
                       "negative."
                     : "Each item's mean perception with its 95% confidence interval, lowest first.");
    for (std::size_t i = 0; i < order.size(); ++i) {
      const ItemResult& item = *order[i];
      const double y = top + row_height * static_cast<double>(i) + row_height / 2;
      const std::string label = short_label(item_label(item.id));
      chart.text(0, y + 4, label);
      const Stats* stats = headline_stats(item);
      if (stats == nullptr || !stats->mean) continue;
      const std::string what = item_label(item.id) + ": " + (gaps ? "gap " : "perception ") + fixed(*stats->mean, 2) +
                               " (95% CI " + interval_text(stats->ci95, 2) + ")";
      if (stats->ci95) chart.line(axis.at(stats->ci95->low), y, axis.at(stats->ci95->high), y, "whisker", what);
      chart.dot(axis.at(*stats->mean), y, gaps ? "#1a1a1a" : kPerceptionColour, what);
    }
    chart.x_axis(axis, gaps ? 0.5 : 1, top, base, gaps ? "Gap (P - E), 95% CI" : "Mean perception, 95% CI",
                 gaps ? 1 : 0);

    // A statement column only when the questionnaire gives the statements.
    const bool statements = !report_.item_texts.empty();
    std::vector<std::string> headings = {"Item"};
    if (statements) headings.push_back("Statement");
    headings.insert(headings.end(), {"Dimension", "E mean", "P mean", "Gap", "Gap 95% CI", "p"});
    Table table("Items, in the order of the chart", headings);
    for (const ItemResult* item : order) {
      std::vector<std::string> cells = {item->id};
      if (statements) {
        const auto text = report_.item_texts.find(item->id);
        cells.push_back(text == report_.item_texts.end() ? "" : text->second);
      }
      cells.insert(
          cells.end(),
          {dimension_label(item->dimension), item->expectation ? shown(item->expectation->stats.mean, 2) : "n/a",
           item->perception ? shown(item->perception->stats.mean, 2) : "n/a",
           item->gap ? shown(item->gap->mean, 2) : "n/a", item->gap ? interval_text(item->gap->ci95, 2) : "n/a",
           item->gap ? p_text(item->gap->p) : "n/a"});
      table.row(cells, statements ? 2 : 1);
    }
    out_ += std::string("<section id=\"items\">\n<h2>") + (gaps ? "Items by gap" : "Items") + "</h2>\n" + chart.str() +
            table.str() + "</section>\n";
  }

  void zone() {
    std::vector<const ItemResult*> zoned;
    for (const ItemResult& item : all_.items) {
      if (item.zone && item.adequate && item.desired && item.perception) zoned.push_back(&item);
    }
    if (zoned.empty()) return;
    const auto [scale_low, scale_high] = answer_scale(all_);
    const double row_height = 24;
    const double top = 28;
    const double base = top + row_height * static_cast<double>(zoned.size());
    const Axis axis{static_cast<double>(scale_low), static_cast<double>(scale_high), 330, 880};
    Chart chart(next_chart(), 900, base + 44, "Zone of tolerance",
                "For each item, a band from the mean adequate to the mean desired level, and the mean perception "
                "as a dot: inside the band is tolerated service, left of it below the adequate level.");
    chart.rect(axis.left, 7, 24, 10, "#BFD9EE", "The zone: adequate to desired");
    chart.text(axis.left + 28, 16, "zone (adequate to desired)");
    chart.dot(axis.left + 220, 12, kPerceptionColour, "Mean perception");
    chart.text(axis.left + 230, 16, "perception");
    for (std::size_t i = 0; i < zoned.size(); ++i) {
      const ItemResult& item = *zoned[i];
      const double y = top + row_height * static_cast<double>(i);
      const std::string label = short_label(item_label(item.id));
      chart.text(0, y + 16, label);
      const Figure& adequate = item.adequate->stats.mean;
      const Figure& desired = item.desired->stats.mean;
      const Figure& perception = item.perception->stats.mean;
      if (adequate && desired) {
        chart.rect(axis.at(*adequate), y + 4, axis.at(*desired) - axis.at(*adequate), 16, "#BFD9EE",
                   item_label(item.id) + ": zone " + fixed(*adequate, 2) + " to " + fixed(*desired, 2));
      }
      if (perception) {
        chart.dot(axis.at(*perception), y + 12, kPerceptionColour,
                  item_label(item.id) + ": perception " + fixed(*perception, 2));
      }
    }
    chart.x_axis(axis, 1, top, base,
                 "Mean level (" + std::to_string(scale_low) + " to " + std::to_string(scale_high) + ")", 0);
    Table table("Zone of tolerance by item", {"Item", "Adequate", "Desired", "Perceived", "MSA (P - adequate)",
                                              "MSS (P - desired)", "Below %", "Within %", "Above %"});
    for (const ItemResult* item : zoned) {
      table.row({item->id, shown(item->adequate->stats.mean, 2), shown(item->desired->stats.mean, 2),
                 shown(item->perception->stats.mean, 2), item->msa ? shown(item->msa->mean, 2) : "n/a",
                 item->mss ? shown(item->mss->mean, 2) : "n/a", shown(item->zone->below_pct, 1),
                 shown(item->zone->within_pct, 1), shown(item->zone->above_pct, 1)});
    }
    out_ += "<section id=\"zone\">\n<h2>Zone of tolerance</h2>\n" + chart.str() + table.str() + "</section>\n";
  }

  void nps() {
    std::string html;
    for (const MetricResult& metric : all_.metrics) {
      if (metric.type != MetricType::kNps) continue;
      const NpsResult& nps = metric.nps;
      html += "<h3>" + escape(metric.id) + ": NPS " + escape(shown(nps.score, 1)) + "</h3>\n";
      if (!nps.score) {
        html += "<p class=\"note\">No answers.</p>\n";
        continue;
      }
      Chart chart(next_chart(), 900, 64, "NPS split: " + metric.id,
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
      html += chart.str();
      Table table("NPS " + metric.id, {"Group", "Count", "Percent"});
      table.row({"Promoters", count_text(nps.promoters), shown(nps.promoters_pct, 1)});
      table.row({"Passives", count_text(nps.passives), shown(nps.passives_pct, 1)});
      table.row({"Detractors", count_text(nps.detractors), shown(nps.detractors_pct, 1)});
      table.row({"NPS", count_text(nps.n), shown(nps.score, 1) + " (95% CI " + interval_text(nps.ci95, 1) + ")"});
      html += table.str();
    }
    if (!html.empty()) out_ += "<section id=\"nps\">\n<h2>Net Promoter Score</h2>\n" + html + "</section>\n";
  }

  // One heat map per breakdown: segments by dimensions, coloured by gap.
  void segments() {
    if (report_.results.size() < 2) return;
    std::map<std::vector<std::string>, std::vector<const SegmentResult*>> breakdowns;
    std::vector<std::vector<std::string>> order;
    for (std::size_t r = 1; r < report_.results.size(); ++r) {
      std::vector<std::string> columns;
      for (const auto& [column, value] : report_.results[r].segment) columns.push_back(column);
      if (breakdowns.find(columns) == breakdowns.end()) order.push_back(columns);
      breakdowns[columns].push_back(&report_.results[r]);
    }
    std::string html;
    const Measure measure = headline_measure();
    const std::string measure_text = measure == Measure::kGap ? "gap (P - E)" : "perception";
    for (const std::vector<std::string>& columns : order) {
      std::string name;
      for (const std::string& column : columns) name += (name.empty() ? "" : " by ") + column;
      std::vector<std::string> headings = {name};
      for (const DimensionResult& dimension : all_.dimensions) headings.push_back(dimension_label(dimension.id));
      if (report_.has_servqual) headings.push_back("Overall");
      headings.push_back("Rows");
      for (const MetricResult& metric : all_.metrics) {
        headings.push_back(metric.type == MetricType::kNps ? "NPS " + metric.id : metric.id);
      }
      // The colour reaches full strength at the largest distance from 0.
      double extent = 0;
      for (const SegmentResult* result : breakdowns[columns]) {
        for (const DimensionResult& dimension : result->dimensions) {
          const Stats* stats = measure_stats(dimension, measure);
          if (stats != nullptr && stats->mean && measure == Measure::kGap)
            extent = std::max(extent, std::fabs(*stats->mean));
        }
      }
      Table table("Mean " + measure_text + " by " + name +
                      (measure == Measure::kGap ? "; red below 0, blue above, darker further from 0" : ""),
                  headings);
      for (const SegmentResult* result : breakdowns[columns]) {
        std::vector<std::pair<std::string, std::string>> cells;
        std::string label;
        for (const auto& [column, value] : result->segment) label += (label.empty() ? "" : ", ") + value;
        if (result->suppressed) {
          const std::size_t figure_columns = all_.dimensions.size() + (report_.has_servqual ? 1 : 0);
          for (std::size_t i = 0; i < figure_columns; ++i) cells.push_back({"suppressed", ""});
          cells.push_back({count_text(result->rows), ""});
          for (std::size_t i = 0; i < all_.metrics.size(); ++i) cells.push_back({"", ""});
          table.coloured_row(label, cells);
          continue;
        }
        for (const DimensionResult& dimension : result->dimensions) {
          const Stats* stats = measure_stats(dimension, measure);
          const Figure mean = stats != nullptr ? stats->mean : Figure();
          cells.push_back({shown(mean, 2), measure == Measure::kGap ? diverging_fill(mean, extent) : ""});
        }
        if (report_.has_servqual) {
          const OverallResult* overall = overall_of(*result, measure);
          const Figure mean = overall != nullptr ? overall->unweighted.mean : Figure();
          cells.push_back({shown(mean, 2), measure == Measure::kGap ? diverging_fill(mean, extent) : ""});
        }
        cells.push_back({count_text(result->rows), ""});
        for (const MetricResult& metric : result->metrics) {
          switch (metric.type) {
            case MetricType::kNps:
              cells.push_back({shown(metric.nps.score, 1), ""});
              break;
            case MetricType::kCsat:
              cells.push_back({shown(metric.satisfied.score, 1) + "%", ""});
              break;
            case MetricType::kCes:
              cells.push_back({shown(metric.answers.stats.mean, 2), ""});
              break;
          }
        }
        table.coloured_row(label, cells);
      }
      html += table.str();
    }
    out_ += "<section id=\"segments\">\n<h2>By segment</h2>\n" + html + "</section>\n";
  }

  void drivers() {
    if (!all_.drivers) return;
    const DriversResult& drivers = *all_.drivers;
    Table table(
        "Key drivers of " + drivers.outcome + " (n " + count_text(drivers.n) + ", R2 " + shown(drivers.r2, 2) + ")",
        {"Dimension", "Quadrant", "Correlation r", "Beta", "Performance (P mean)"});
    for (const DriverResult& driver : drivers.dimensions) {
      std::string quadrant = driver.quadrant;
      std::replace(quadrant.begin(), quadrant.end(), '_', ' ');
      table.row({dimension_label(driver.id), quadrant.empty() ? "n/a" : quadrant, shown(driver.r, 2),
                 shown(driver.beta, 2), shown(driver.performance, 2)},
                1);
    }
    out_ += "<section id=\"drivers\">\n<h2>Key drivers</h2>\n" + table.str() + "</section>\n";
  }

  void kano() {
    if (all_.kano.empty()) return;
    Table table("Kano classification (percent of respondents)",
                {"Feature", "Dominant", "Attractive", "One-dimensional", "Must-be", "Indifferent", "Reverse",
                 "Questionable", "Better", "Worse", "n"});
    for (const KanoResult& feature : all_.kano) {
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
    out_ += "<section id=\"kano\">\n<h2>Kano</h2>\n" + table.str() + "</section>\n";
  }

  void input() {
    const InputSummary& input = report_.input;
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
    out_ += "<section id=\"input\">\n<h2>Input</h2>\n" + html +
            "<p class=\"note\">Every figure is defined in gapscore's METHODS.md; the JSON and CSV reports hold "
            "them all, with full precision.</p>\n</section>\n";
  }

  int next_chart() { return ++charts_; }

  const Report& report_;
  const SegmentResult& all_;
  std::string out_;
  int charts_ = 0;
};

}  // namespace

std::string to_html(const Report& report) {
  if (report.results.empty()) return "";
  return HtmlWriter(report).write();
}

}  // namespace gapscore
