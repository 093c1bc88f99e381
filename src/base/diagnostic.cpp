#include "gapscore/base/diagnostic.h"

#include <algorithm>
#include <string_view>
#include <utility>

#include "gapscore/base/text.h"

namespace gapscore {

std::string format_diagnostic(const Diagnostic& diagnostic) {
  // Every part can hold bytes from outside (a file name, a questionnaire
  // key, a cell): each is shown escaped, on its own line.
  std::string out = printable(diagnostic.file);
  if (diagnostic.line > 0) {
    out += ':' + std::to_string(diagnostic.line);
    if (diagnostic.column > 0) out += ':' + std::to_string(diagnostic.column);
  }
  out += ": ";
  if (diagnostic.has_pointer) {
    out += diagnostic.pointer.empty() ? "/" : printable(diagnostic.pointer);
    out += ": ";
  }
  out += diagnostic.severity == Severity::kError ? "error: " : "warning: ";
  out += printable(diagnostic.message);
  if (!diagnostic.source_line.empty() && diagnostic.column > 0) {
    // The caret stands under the column's byte as the line is shown, escapes and all.
    const std::string_view line = diagnostic.source_line;
    const std::size_t before = std::min<std::size_t>(diagnostic.column - 1, line.size());
    out += '\n' + printable(line) + '\n';
    out += std::string(printable(line.substr(0, before)).size(), ' ') + "^ near here";
  }
  return out;
}

namespace {

std::string first_message(const std::vector<Diagnostic>& diagnostics) {
  return diagnostics.empty() ? std::string("error") : format_diagnostic(diagnostics.front());
}

}  // namespace

Error::Error(ErrorKind kind, std::vector<Diagnostic> diagnostics)
    : std::runtime_error(first_message(diagnostics)), kind_(kind), diagnostics_(std::move(diagnostics)) {}

Error::Error(ErrorKind kind, Diagnostic diagnostic) : Error(kind, std::vector<Diagnostic>{std::move(diagnostic)}) {}

Error::Error(ErrorKind kind, const std::string& file, const std::string& message)
    : Error(kind, Diagnostic{file, 0, 0, {}, false, Severity::kError, message, {}}) {}

}  // namespace gapscore
