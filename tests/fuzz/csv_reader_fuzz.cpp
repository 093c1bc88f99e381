// Any bytes as a CSV input: the reader must either produce records whose
// fields and positions are consistent, or stop with a gapscore::Error.
// Each record is also split by parse_scored, which must agree with the
// reader's split and code every scored field as its coder does.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "gapscore/base/diagnostic.h"
#include "gapscore/coding/coder.h"
#include "gapscore/coding/field_coding.h"
#include "gapscore/coding/scored_parser.h"
#include "gapscore/input/record_parser.h"
#include "gapscore/input/record_reader.h"

namespace {

// Checks parse_scored against `record` (split by parse) with coders of a
// plain, a reversed and a 0-10 scale on the record's own width.
void check_scored(const gapscore::Record& record, char delimiter) {
  static const gapscore::Coder agree(gapscore::Scale{"agree", 1, 7, {{"Neutral", 4}}}, false, {"", "NA"});
  static const gapscore::Coder reversed(gapscore::Scale{"agree", 1, 7, {}}, true, {""});
  static const gapscore::Coder nps(gapscore::Scale{"nps", 0, 10, {}}, false, {"", "9"});
  const gapscore::Coder* kinds[] = {&agree, &reversed, &nps};
  std::vector<std::size_t> slot_fields;
  std::vector<const gapscore::Coder*> coders;
  for (std::size_t f = 0; f < record.fields.size(); ++f) {
    if (f % 9 == 8) continue;
    slot_fields.push_back(f);
    coders.push_back(kinds[f % 5 == 4 ? 1 : f % 7 == 6 ? 2 : 0]);
  }
  slot_fields.push_back(0);
  coders.push_back(&nps);
  const gapscore::FieldCoding coding(record.fields.size(), slot_fields, coders);
  std::vector<gapscore::SmallCode> codes(coding.columns());
  // record.text lives in the reader's string, so '\0' follows it.
  gapscore::RecordParser parser(delimiter);
  gapscore::Record scored;
  gapscore::parse_scored(parser, record.text, record.line, scored, coding, codes.data());
  if (scored.fields != record.fields || scored.field_starts != record.field_starts) __builtin_trap();
  if (scored.has_nul != record.has_nul || scored.end_line != record.end_line) __builtin_trap();
  for (std::size_t s = 0; s < slot_fields.size(); ++s) {
    if (codes[coding.column_of_slot[s]] != coders[s]->small(record.fields[slot_fields[s]])) __builtin_trap();
  }
}

}  // namespace

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
      check_scored(record, reader->delimiter());
    }
  } catch (const gapscore::Error&) {
  }
  return 0;
}
