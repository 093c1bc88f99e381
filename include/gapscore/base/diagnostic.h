#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace gapscore {

enum class Severity { kError, kWarning };

/// One problem found in the questionnaire or the data. A problem in a CSV
/// file has a line and a column (1-based bytes); a problem in the
/// questionnaire has a JSON pointer instead. `source_line`, when set, is
/// shown under the message with a caret at `column`.
struct Diagnostic {
  std::string file;
  std::uint64_t line = 0;
  std::uint64_t column = 0;
  std::string pointer;
  bool has_pointer = false;
  Severity severity = Severity::kError;
  std::string message;
  std::string source_line;
};

/// Renders `file:line:col: error: message` (or `file: /pointer: error:
/// message`), plus the source line and a `^` caret when one is attached.
std::string format_diagnostic(const Diagnostic& diagnostic);

/// What kind of failure stopped the run; `main` maps each to an exit code.
enum class ErrorKind {
  kInvalid,     ///< the questionnaire or the data cannot be used
  kUsage,       ///< the command line asks for something impossible
  kIo,          ///< a file cannot be opened, read or written
  kBrokenPipe,  ///< the reader of our output went away: stop quietly
};

/// The one exception type of the project: thrown only for what stops a run,
/// carrying every diagnostic that explains it.
class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, std::vector<Diagnostic> diagnostics);
  Error(ErrorKind kind, Diagnostic diagnostic);
  /// A diagnostic with no position: `file: error: message`.
  Error(ErrorKind kind, const std::string& file, const std::string& message);

  ErrorKind kind() const { return kind_; }
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  ErrorKind kind_;
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace gapscore
