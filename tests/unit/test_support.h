#pragma once

#include <catch2/catch.hpp>
#include <cstdint>
#include <numeric>
#include <string>
#include <vector>

#include "gapscore/base/diagnostic.h"
#include "gapscore/tally/batch_counter.h"

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

/// BatchCounter::add for codes held one column per slot, in slot order.
inline void add_in_slot_order(BatchCounter& counter, const BatchPlan& batch, const SmallCode* codes,
                              const std::uint32_t* rows, std::size_t count, Tally& tally) {
  std::vector<std::uint32_t> column_of_slot(batch.plan.slots.size());
  std::iota(column_of_slot.begin(), column_of_slot.end(), 0u);
  counter.add(batch, codes, column_of_slot.size(), column_of_slot.data(), rows, count, tally);
}

}  // namespace gapscore
