#include "gapscore/base/diagnostic.h"

#include <catch2/catch.hpp>

namespace gapscore {

TEST_CASE("a diagnostic reads file:line:column: severity: message", "[diagnostic]") {
  CHECK(format_diagnostic({"data.csv", 3, 7, {}, false, Severity::kError, "bad cell", {}}) ==
        "data.csv:3:7: error: bad cell");
  CHECK(format_diagnostic({"q.json", 0, 0, "/metrics/0", true, Severity::kWarning, "odd", {}}) ==
        "q.json: /metrics/0: warning: odd");
  CHECK(format_diagnostic({"q.json", 0, 0, "", true, Severity::kError, "empty", {}}) == "q.json: /: error: empty");
}

TEST_CASE("every part of a diagnostic is shown escaped, the caret under its column as shown", "[diagnostic]") {
  const Diagnostic d{"a\x1b[2J.csv", 2, 7, {}, false, Severity::kError, "E\x1b]0;x\x07: bad", "a\tb,\x1b,x"};
  // The cell at byte column 7, "x", comes after "a", a tab, "b", ",", ESC
  // and ",": shown escaped, those are 10 characters.
  CHECK(format_diagnostic(d) ==
        "a\\x1b[2J.csv:2:7: error: E\\x1b]0;x\\x07: bad\n"
        "a\\tb,\\x1b,x\n"
        "          ^ near here");
  CHECK(format_diagnostic({"q.json", 0, 0, "/scales/a\x1b", true, Severity::kError, "m", {}}) ==
        "q.json: /scales/a\\x1b: error: m");
}

}  // namespace gapscore
