#pragma once

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "gapscore/diagnostic.h"

namespace gapscore {

/// What `action` threw: its kind and its diagnostics, formatted. A test
/// fails when nothing, or something other than gapscore::Error, is thrown.
struct Thrown {
  ErrorKind kind = ErrorKind::kInvalid;
  std::vector<std::string> messages;
};

template <class Action>
Thrown thrown_by(Action&& action) {
  try {
    action();
  } catch (const Error& e) {
    Thrown thrown{e.kind(), {}};
    for (const Diagnostic& d : e.diagnostics()) thrown.messages.push_back(format_diagnostic(d));
    return thrown;
  }
  FAIL("expected a gapscore::Error");
  return {};
}

}  // namespace gapscore
