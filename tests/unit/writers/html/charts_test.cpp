#include "gapscore/writers/html/charts.h"

#include <catch2/catch.hpp>

namespace gapscore {

TEST_CASE("the NPS split draws each group's share of the 880-wide bar", "[html]") {
  MetricResult metric;
  metric.id = "nps";
  metric.type = MetricType::kNps;
  metric.nps.detractors_pct = 25;
  metric.nps.passives_pct = 5;
  metric.nps.promoters_pct = 70;
  // 25% of 880 is 220, 5% is 44, 70% is 616; a share under 8% has no label
  // inside its part, only its title.
  CHECK(nps_chart(metric, 7) ==
        "<svg viewBox=\"0 0 900.0 64.0\" width=\"900.0\" height=\"64.0\" role=\"img\" "
        "aria-labelledby=\"chart7-title chart7-desc\">\n"
        "<title id=\"chart7-title\">NPS split: nps</title>\n"
        "<desc id=\"chart7-desc\">One bar split into detractors, passives and promoters, as percentages of those "
        "who answered.</desc>\n"
        "<rect x=\"0.0\" y=\"4.0\" width=\"220.0\" height=\"32.0\" fill=\"#D55E00\">"
        "<title>Detractors: 25.0%</title></rect>\n"
        "<text x=\"110.0\" y=\"25.0\" text-anchor=\"middle\">Detractors 25.0%</text>\n"
        "<rect x=\"220.0\" y=\"4.0\" width=\"44.0\" height=\"32.0\" fill=\"#C8C8C8\">"
        "<title>Passives: 5.0%</title></rect>\n"
        "<rect x=\"264.0\" y=\"4.0\" width=\"616.0\" height=\"32.0\" fill=\"#009E73\">"
        "<title>Promoters: 70.0%</title></rect>\n"
        "<text x=\"572.0\" y=\"25.0\" text-anchor=\"middle\">Promoters 70.0%</text>\n"
        "<text x=\"0.0\" y=\"56.0\" text-anchor=\"start\">Share of respondents (0 to 100%)</text>\n"
        "</svg>\n");
}

}  // namespace gapscore
