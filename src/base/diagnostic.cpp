#include "gapscore/base/diagnostic.h"

#include <utility>

namespace gapscore {

std::string format_diagnostic(const Diagnostic& diagnostic) {
  std::string out = diagnostic.file;
  if (diagnostic.line > 0) {
    out += ':' + std::to_string(diagnostic.line);
    if (diagnostic.column > 0) out += ':' + std::to_string(diagnostic.column);
  }
  out += ": ";
  if (diagnostic.has_pointer) {
    out += diagnostic.pointer.empty() ? "/" : diagnostic.pointer;
    out += ": ";
  }
  out += diagnostic.severity == Severity::kError ? "error: " : "warning: ";
  out += diagnostic.message;
  if (!diagnostic.source_line.empty() && diagnostic.column > 0) {
    out += '\n' + diagnostic.source_line + '\n';
    out += std::string(diagnostic.column - 1, ' ') + "^ near here";
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
