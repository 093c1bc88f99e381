// Any bytes as a CSV input: the reader must either produce records whose
// fields and positions are consistent, or stop with a gapscore::Error.
#include <cstddef>
#include <cstdint>
#include <string>

#include "gapscore/diagnostic.h"
#include "gapscore/input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const char delimiters[] = {gapscore::kDetectDelimiter, ',', ';', '\t', '|'};
  const char delimiter = delimiters[data[0] % sizeof(delimiters)];
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  try {
    const auto reader = gapscore::RecordReader::from_string("fuzz.csv", text, delimiter);
    gapscore::Record record;
    std::uint64_t previous_end = 0;
    while (reader->next(record)) {
      if (record.fields.empty() || record.fields.size() != record.field_starts.size()) __builtin_trap();
      if (record.line <= previous_end || record.end_line < record.line) __builtin_trap();
      previous_end = record.end_line;
      for (std::size_t i = 0; i < record.fields.size(); ++i) {
        if (record.field_starts[i] > record.text.size()) __builtin_trap();
        const auto [line, column] = record.position(i);
        if (line < record.line || line > record.end_line || column == 0) __builtin_trap();
        if (record.physical_line(record.field_starts[i]).size() > record.text.size()) __builtin_trap();
      }
    }
  } catch (const gapscore::Error&) {
  }
  return 0;
}
