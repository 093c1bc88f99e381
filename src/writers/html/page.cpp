#include "gapscore/writers/html/page.h"

#include <vector>

#include "gapscore/writers/html/charts.h"
#include "gapscore/writers/html/style.h"
#include "gapscore/writers/html/tables.h"
#include "gapscore/writers/html/text.h"
#include "gapscore/writers/html/view.h"

namespace gapscore {

namespace {

std::string section(const char* id, const std::string& heading, const std::string& body) {
  return std::string("<section id=\"") + id + "\">\n<h2>" + heading + "</h2>\n" + body + "</section>\n";
}

std::string page_title(const Report& report) { return report.title.empty() ? "Service quality report" : report.title; }

// The document up to the summary: the head with the style sheet, the
// title and where the figures come from.
std::string page_start(const Report& report) {
  const std::string title = escape(page_title(report));
  std::string files;
  for (const std::string& file : report.input.files) files += (files.empty() ? "" : ", ") + file;
  std::string html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  html += "<title>" + title + "</title>\n<style>\n" + kStyleSheet + "</style>\n</head>\n<body>\n<main>\n";
  html += "<h1>" + title + "</h1>\n";
  html += "<p class=\"meta\">From " + escape(files.empty() ? "no input" : files) + " &middot; gapscore " +
          escape(report.tool_version) + "</p>\n";
  return html;
}

std::string card(const std::string& term, const std::string& value, const std::string& detail) {
  return "<div><dt>" + escape(term) + "</dt><dd>" + escape(value) + "<small>" + escape(detail) +
         "</small></dd></div>\n";
}

// The overall headline figure, and its dimension-weighted form when the
// questionnaire weighs the dimensions.
std::string overall_cards(const ReportView& view) {
  const SegmentResult& all = view.all();
  const Measure measure = view.headline_measure();
  const OverallResult* overall = overall_of(all, measure);
  if (overall == nullptr) return "";
  const std::string name = measure == Measure::kGap ? "Overall gap (P - E)" : "Overall perception";
  const Stats& stats = overall->unweighted;
  const std::string weight_note = all.weight && stats.n_eff ? ", n_eff " + fixed(*stats.n_eff, 1) : "";
  std::string html = card(name, shown(stats.mean, 2),
                          "95% CI " + interval_text(stats.ci95, 2) + ", n " + count_text(stats.n) + weight_note);
  if (overall->weighted) {
    html += card(name + ", dimension-weighted", shown(overall->weighted->mean, 2),
                 "95% CI " + interval_text(overall->weighted->ci95, 2));
  }
  return html;
}

std::string metric_card(const MetricResult& metric) {
  switch (metric.type) {
    case MetricType::kNps:
      return card("NPS (" + metric.id + ")", shown(metric.nps.score, 1),
                  "95% CI " + interval_text(metric.nps.ci95, 1) + ", n " + count_text(metric.nps.n));
    case MetricType::kCsat:
      return card("CSAT (" + metric.id + ")", metric.satisfied.score ? shown(metric.satisfied.score, 1) + "%" : "n/a",
                  "95% CI " + interval_text(metric.satisfied.ci95, 1) + ", n " + count_text(metric.satisfied.n));
    case MetricType::kCes:
      return card("CES (" + metric.id + ")", shown(metric.answers.stats.mean, 2),
                  "agree " + (metric.agree.score ? shown(metric.agree.score, 1) + "%" : std::string("n/a")) + ", n " +
                      count_text(metric.answers.stats.n));
  }
  return "";
}

std::string rows_card(const InputSummary& input) {
  std::string rejected;
  for (const auto& [reason, count] : input.rejected) {
    rejected += (rejected.empty() ? "" : ", ") + count_text(count) + " " + reason;
  }
  return card("Rows used", count_text(input.rows_used),
              "of " + count_text(input.rows_read) + " read; " + count_text(input.rows_rejected) + " rejected" +
                  (rejected.empty() ? "" : " (" + rejected + ")"));
}

std::string summary(const ReportView& view) {
  const SegmentResult& all = view.all();
  std::string html;
  if (all.weight) {
    html += "<p class=\"note\">Every figure is weighted by the survey weights (sum " + fixed(all.weight->sum, 1) +
            ", Kish's effective sample size " + fixed(all.weight->n_eff, 1) + ").</p>\n";
  }
  if (const std::optional<RakingSummary>& raking = view.report().raking) {
    html += "<p class=\"note\">The weights are raked to the questionnaire's margins (" +
            count_text(raking->iterations) + " sweeps, " + (raking->converged ? "converged" : "not converged") +
            ", weighting efficiency " + fixed(raking->efficiency, 2) + "): " +
            (raking->margins_met() ? "every margin is met."
                                   : "<strong>the margins are not met</strong> (a share is " +
                                         fixed(100 * raking->largest_margin_miss, 2) + " points off).") +
            "</p>\n";
  }
  html += "<dl class=\"cards\">\n";
  if (view.report().has_servqual) html += overall_cards(view);
  for (const MetricResult& metric : all.metrics) html += metric_card(metric);
  html += rows_card(view.report().input) + "</dl>\n";
  return section("summary", "Summary", html);
}

// The sections in the order people read them; charts are numbered in page
// order, so their ids are unique and stable.
class PageWriter {
 public:
  explicit PageWriter(const Report& report) : view_(report) {}

  std::string write() {
    const Report& report = view_.report();
    std::string out = page_start(report) + summary(view_);
    if (report.has_servqual) out += servqual();
    out += nps();
    if (report.results.size() >= 2) out += section("segments", "By segment", segment_tables(view_));
    const SegmentResult& all = view_.all();
    if (all.drivers) out += section("drivers", "Key drivers", driver_table(view_, *all.drivers));
    if (!all.kano.empty()) out += section("kano", "Kano", kano_table(all.kano));
    out += section("input", "Input",
                   input_tables(report.input) +
                       "<p class=\"note\">Every figure is defined in gapscore's METHODS.md; the JSON and CSV reports "
                       "hold them all, with full precision.</p>\n");
    return out + "</main>\n</body>\n</html>\n";
  }

 private:
  // The dimensions, the items and, when the questionnaire asks for it, the
  // zone of tolerance.
  std::string servqual() {
    std::string html =
        section("dimensions", "Dimensions", dimension_chart(view_, next_chart()) + dimension_table(view_));
    const Measure headline = view_.headline_measure();
    const std::vector<const ItemResult*> order = items_in_chart_order(view_.all(), headline);
    html += section("items", headline == Measure::kGap ? "Items by gap" : "Items",
                    item_chart(view_, order, next_chart()) + item_table(view_, order));
    const std::vector<const ItemResult*> zoned = zoned_items(view_.all());
    if (!zoned.empty()) {
      html += section("zone", "Zone of tolerance", zone_chart(view_, zoned, next_chart()) + zone_table(zoned));
    }
    return html;
  }

  // A heading per NPS metric, then its chart and table, or a note when no
  // one answered.
  std::string nps() {
    std::string html;
    for (const MetricResult& metric : view_.all().metrics) {
      if (metric.type != MetricType::kNps) continue;
      html += "<h3>" + escape(metric.id) + ": NPS " + escape(shown(metric.nps.score, 1)) + "</h3>\n";
      if (!metric.nps.score) {
        html += "<p class=\"note\">No answers.</p>\n";
        continue;
      }
      html += nps_chart(metric, next_chart()) + nps_table(metric);
    }
    return html.empty() ? "" : section("nps", "Net Promoter Score", html);
  }

  int next_chart() { return ++charts_; }

  ReportView view_;
  int charts_ = 0;
};

}  // namespace

std::string to_html(const Report& report) {
  if (report.results.empty()) return "";
  return PageWriter(report).write();
}

}  // namespace gapscore
