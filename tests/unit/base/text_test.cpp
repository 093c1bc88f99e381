#include "gapscore/base/text.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <limits>

namespace gapscore {

TEST_CASE("trim removes spaces and tabs only", "[text]") {
  CHECK(trim("  a b\t") == "a b");
  CHECK(trim("\t\t") == "");
  CHECK(trim("") == "");
  CHECK(trim("\na\n") == "\na\n");
}

TEST_CASE("iequals ignores ASCII case", "[text]") {
  CHECK(iequals("Strongly Agree", "strongly agree"));
  CHECK_FALSE(iequals("agree", "agreed"));
  CHECK(ascii_lower("ÄBC") == "Äbc");
}

TEST_CASE("edit_distance is Levenshtein without case", "[text]") {
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("P_01", "p_01") == 0);
  CHECK(edit_distance("", "abc") == 3);
}

TEST_CASE("did_you_mean lists the nearest names", "[text]") {
  const std::vector<std::string> header = {"resp_id", "E_01", "P_01", "E_10", "region"};
  // E_01 is one edit away; P_01 and E_10 two, in header order.
  CHECK(did_you_mean("E01", header) == " (did you mean \"E_01\", \"P_01\" or \"E_10\"?)");
  CHECK(did_you_mean("p_1", {"P_1", "P_2", "p_3"}) == " (did you mean \"P_1\"?)");
  CHECK(did_you_mean("x", {"d", "e"}) == "");
  CHECK(did_you_mean("regoin", {"e", "region", "regional_office"}) == " (did you mean \"region\"?)");
  CHECK(did_you_mean("Region", header) == " (did you mean \"region\"?)");
  CHECK(did_you_mean("completely_different", header) == "");
}

TEST_CASE("a pattern that matches nothing is near the names its parts nearly contain", "[text]") {
  const std::vector<std::string> header = {"Which branch did you visit?", "Which brunch?", "region", "Q6"};
  // "brnch" is one insertion from "branch" and from "brunch", two edits
  // from "batch" (5 / 3 = 1 allowed).
  CHECK(pattern_near_matches("*brnch*", {"Which branch did you visit?", "Which batch?", "Which brunch?"}) ==
        std::vector<std::string>{"Which branch did you visit?", "Which brunch?"});
  // Two parts, each within its allowance; the fewest edits in all first.
  CHECK(pattern_near_matches("which*brunch*", header) ==
        std::vector<std::string>{"Which brunch?", "Which branch did you visit?"});
  CHECK(pattern_near_matches("*", header).empty());
  CHECK(pattern_near_matches("*zzzzzz*", header).empty());
  CHECK(did_you_mean_pattern("*regoin*", header) == " (did you mean \"region\"?)");
}

TEST_CASE("format_number gives the shortest text that reads back exactly", "[text]") {
  CHECK(format_number(0.1) == "0.1");
  CHECK(format_number(-1.125) == "-1.125");
  CHECK(format_number(5) == "5");
  CHECK(format_number(1e-110) == "1e-110");
  const double third = 1.0 / 3;
  CHECK(std::strtod(format_number(third).c_str(), nullptr) == third);
  const double tiny = std::numeric_limits<double>::denorm_min();
  CHECK(std::strtod(format_number(tiny).c_str(), nullptr) == tiny);
}

TEST_CASE("quote escapes what a terminal would hide", "[text]") {
  CHECK(quote("a\"b\\c") == "\"a\\\"b\\\\c\"");
  CHECK(quote(std::string("x\n\t\0y", 5)) == "\"x\\n\\t\\x00y\"");
  CHECK(quote("caf\xC3\xA9 caf\xE9") == "\"caf\xC3\xA9 caf\\xe9\"");
}

TEST_CASE("printable escapes controls, C1 and bidirectional controls and stray bytes, not quotes", "[text]") {
  CHECK(printable("a\x1b[2J\"b\\c") == "a\\x1b[2J\"b\\c");
  CHECK(printable("line\nbreak\ttab\x7f") == "line\\nbreak\\ttab\\x7f");
  // U+009B (CSI as one C1 character), U+202E (right-to-left override),
  // U+2066 (left-to-right isolate): escaped; é and € kept.
  CHECK(printable("\xC2\x9B"
                  "2J \xE2\x80\xAE"
                  "txt.exe \xE2\x81\xA6 caf\xC3\xA9 \xE2\x82\xAC") ==
        "\\u{009b}2J \\u{202e}txt.exe \\u{2066} caf\xC3\xA9 \xE2\x82\xAC");
  CHECK(printable("bad \xFF\xC3") == "bad \\xff\\xc3");
  CHECK(quote("\xE2\x80\xAE\"") == "\"\\u{202e}\\\"\"");
  CHECK(printable(quote("\x1b")) == quote("\x1b"));
}

TEST_CASE("UTF-8 validation rejects overlongs, surrogates and stray bytes", "[text]") {
  CHECK(is_valid_utf8("plain"));
  CHECK(is_valid_utf8("Caf\xC3\xA9 \xF0\x9F\x98\x80"));
  CHECK_FALSE(is_valid_utf8("Caf\xE9"));
  CHECK_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong "/"
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));      // a surrogate
  CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // beyond U+10FFFF
  CHECK_FALSE(is_valid_utf8("\xE2\x82"));          // cut short
}

TEST_CASE("repairing UTF-8 replaces each maximal subpart with U+FFFD", "[text]") {
  const std::string fffd = "\xEF\xBF\xBD";
  CHECK(valid_utf8("Caf\xE9 Ouest") == "Caf" + fffd + " Ouest");
  // Unicode's own example (chapter 3, U+FFFD substitution): 61 F1 80 80 E1 80 C2 62 80 63 80 BF 64.
  CHECK(valid_utf8("\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64") ==
        "a" + fffd + fffd + fffd + "b" + fffd + "c" + fffd + fffd + "d");
  CHECK(valid_utf8("ok \xC3\xA9") == "ok \xC3\xA9");
}

TEST_CASE("glob patterns match with * and ignore case", "[text]") {
  CHECK(glob_match("*recommend*", "How likely are you to Recommend us?"));
  CHECK(glob_match("Q1_*", "q1_10"));
  CHECK(glob_match("a*b*c", "aXXbYYc"));
  CHECK_FALSE(glob_match("a*b*c", "aXXbYY"));
  CHECK(glob_match("*", ""));
  CHECK_FALSE(glob_match("abc", "abcd"));
}

}  // namespace gapscore
