#include "gapscore/writers/html/page.h"

#include <catch2/catch.hpp>

namespace gapscore {

namespace {

Report gap_report() {
  Report report;
  report.tool_version = "9.9.9";
  report.title = "Bank <A&B> \"branches\"";
  report.has_servqual = true;
  report.input.files = {"a.csv"};
  report.input.rows_read = 3;
  report.input.rows_used = 2;
  report.input.rows_rejected = 1;
  report.input.rejected = {{"field_count", 1}};
  report.dimension_labels = {{"reliability", "Reliability"}};
  report.item_texts = {{"R1", "Does what it <promises>"}};
  SegmentResult all;
  all.rows = 2;
  for (const auto& [id, gap_mean] : {std::pair{"R1", -1.254}, std::pair{"R2", -0.5}}) {
    ItemResult item;
    item.id = id;
    item.dimension = "reliability";
    Stats gap;
    gap.n = 2;
    gap.mean = gap_mean;
    gap.ci95 = Interval{gap_mean - 0.5, gap_mean + 0.5};
    gap.paired_test = true;
    item.gap = gap;
    all.items.push_back(item);
  }
  DimensionResult dimension;
  dimension.id = "reliability";
  Stats gap;
  gap.n = 2;
  gap.mean = -0.004;
  dimension.measures.push_back({Measure::kGap, gap, {}});
  all.dimensions.push_back(dimension);
  OverallResult overall;
  overall.measure = Measure::kGap;
  overall.unweighted = gap;
  all.overall.push_back(overall);
  MetricResult nps;
  nps.id = "nps";
  nps.type = MetricType::kNps;
  nps.nps.n = 4;
  nps.nps.promoters = 2;
  nps.nps.passives = 1;
  nps.nps.detractors = 1;
  nps.nps.promoters_pct = 50;
  nps.nps.passives_pct = 25;
  nps.nps.detractors_pct = 25;
  nps.nps.score = 25;
  all.metrics.push_back(nps);
  report.results.push_back(all);
  SegmentResult north = all;
  north.segment = {{"region", "North<script>"}};
  report.results.push_back(north);
  return report;
}

std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t count = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++count;
  return count;
}

}  // namespace

TEST_CASE("the HTML report escapes every text from the questionnaire and the data", "[html]") {
  const std::string html = to_html(gap_report());
  CHECK(html.find("Bank &lt;A&amp;B&gt; &quot;branches&quot;") != std::string::npos);
  CHECK(html.find("Does what it &lt;promises&gt;") != std::string::npos);
  CHECK(html.find("North&lt;script&gt;") != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<A&B>") == std::string::npos);
}

TEST_CASE("the HTML report is one self-contained page with titled charts", "[html]") {
  const std::string html = to_html(gap_report());
  CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
  CHECK(html.size() >= 8);
  CHECK(html.substr(html.size() - 8) == "</html>\n");
  CHECK(html.find("http") == std::string::npos);
  CHECK(html.find("url(") == std::string::npos);
  // Every chart is an image labelled by its title; every mark has a title.
  CHECK(count_of(html, "<svg ") == count_of(html, "role=\"img\""));
  CHECK(count_of(html, "<svg ") == 3);  // dimensions, items, NPS
  CHECK(count_of(html, "<circle ") + count_of(html, "<rect ") ==
        count_of(html, "</circle>") + count_of(html, "</rect>"));
  CHECK(count_of(html, "<table>") == count_of(html, "<caption>"));
}

TEST_CASE("the HTML report shows rounded figures, largest shortfall first", "[html]") {
  const std::string html = to_html(gap_report());
  // -1.254 to two decimals; -0.004 shows as 0.00, not -0.00.
  CHECK(html.find(">-1.25<") != std::string::npos);
  CHECK(html.find(">0.00<") != std::string::npos);
  CHECK(html.find(">-0.00<") == std::string::npos);
  CHECK(html.find(">NPS 25.0<") == std::string::npos);
  CHECK(html.find("nps: NPS 25.0") != std::string::npos);
  // Items in the table from the most negative gap: R1 before R2.
  const std::size_t table = html.find("Items, in the order of the chart");
  CHECK(html.find(">R1<", table) < html.find(">R2<", table));
  CHECK(html.find("<section id=\"segments\">") != std::string::npos);
}

TEST_CASE("the same report gives the same HTML", "[html]") { CHECK(to_html(gap_report()) == to_html(gap_report())); }

}  // namespace gapscore
