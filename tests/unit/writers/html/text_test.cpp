#include "gapscore/writers/html/text.h"

#include <catch2/catch.hpp>

namespace gapscore {

TEST_CASE("escape turns the five HTML-special characters into references", "[html]") {
  CHECK(escape("<a href=\"x\">Tom & Jerry's</a>") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
  CHECK(escape("Caf\xC3\xA9 100%") == "Caf\xC3\xA9 100%");
  CHECK(escape("") == "");
}

TEST_CASE("fixed rounds to the decimals asked and never shows a negative zero", "[html]") {
  CHECK(fixed(3.14159, 2) == "3.14");
  CHECK(fixed(-0.006, 2) == "-0.01");
  CHECK(fixed(-0.004, 2) == "0.00");
  CHECK(fixed(-0.0, 1) == "0.0");
  CHECK(fixed(-2.0, 0) == "-2");
  CHECK(fixed(880.0, 1) == "880.0");
}

TEST_CASE("missing figures and intervals show as n/a", "[html]") {
  CHECK(shown(Figure(), 2) == "n/a");
  CHECK(shown(0.5, 1) == "0.5");
  CHECK(interval_text(Interval{-1.5, 0.25}, 2) == "-1.50 to 0.25");
  CHECK(interval_text(std::nullopt, 2) == "n/a");
  CHECK(count_text(1234567) == "1234567");
}

}  // namespace gapscore
