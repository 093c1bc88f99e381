#include "gapscore/writers/html/text.h"

#include <catch2/catch.hpp>

#include "gapscore/base/text.h"

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

TEST_CASE("a long label is cut at a character boundary, never inside one", "[html]") {
  CHECK(short_label(std::string(48, 'a')) == std::string(48, 'a'));
  CHECK(short_label(std::string(49, 'a')) == std::string(45, 'a') + "...");
  // "é" is two bytes: one at byte 44 would be cut after its first byte.
  const std::string accented = std::string(44, 'a') + "\xC3\xA9" + std::string(10, 'b');
  CHECK(short_label(accented) == std::string(44, 'a') + "...");
  // Four-byte characters from byte 42: the one spanning byte 45 is left out whole.
  const std::string emoji = std::string(42, 'a') + "\xF0\x9F\x98\x80\xF0\x9F\x98\x80";
  CHECK(short_label(emoji) == std::string(42, 'a') + "...");
  CHECK(is_valid_utf8(short_label(std::string(43, 'a') + "\xE2\x82\xAC\xE2\x82\xAC")));
}

}  // namespace gapscore
