// A scale and a cell from the input. A code is a value on the scale or a
// sentinel, explaining an invalid cell never fails, the fast path agrees
// with the general rules, and spaces around a cell never change its code.
#include <cstddef>
#include <cstdint>
#include <string>

#include "gapscore/coding/coder.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 3) return 0;
  gapscore::Scale scale;
  scale.min = static_cast<int>(data[0] % 21) - 10;
  scale.max = scale.min + 1 + data[1] % 12;
  const bool reverse = (data[2] & 1) != 0;
  std::string cell(reinterpret_cast<const char*>(data) + 3, size - 3);
  // An optional label and missing token, split off the cell at '|'.
  std::vector<std::string> missing = {"", "NA"};
  const std::size_t bar = cell.find('|');
  if (bar != std::string::npos) {
    scale.labels.push_back({cell.substr(0, bar), scale.min});
    missing.push_back(cell.substr(0, bar) + "?");
    cell.erase(0, bar + 1);
  }
  const gapscore::Coder coder(scale, reverse, missing);
  gapscore::InvalidReason reason = gapscore::InvalidReason::kUnrecognized;
  const gapscore::Code code = coder.code(cell, &reason);
  if (coder.small(cell) != gapscore::small_code(code, scale.min)) __builtin_trap();
  if (gapscore::is_value(code) && (code < scale.min || code > scale.max)) __builtin_trap();
  if (code == gapscore::kInvalidCode && coder.explain(cell, reason).empty()) __builtin_trap();
  gapscore::InvalidReason padded_reason = gapscore::InvalidReason::kUnrecognized;
  const gapscore::Code padded = coder.code(" " + cell + "\t", &padded_reason);
  if (padded != code || (code == gapscore::kInvalidCode && padded_reason != reason)) __builtin_trap();
  return 0;
}
