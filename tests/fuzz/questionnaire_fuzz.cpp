// Any bytes as a questionnaire: it loads or is refused with diagnostics
// that each carry a position or a pointer. A questionnaire that loads must
// compile into a plan and score a one-row CSV built from its own columns.
#include <cstddef>
#include <cstdint>
#include <string>

#include "gapscore/base/diagnostic.h"
#include "gapscore/engine/engine.h"
#include "gapscore/questionnaire/questionnaire.h"
#include "gapscore/writers/csv_writer.h"
#include "gapscore/writers/json_writer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  gapscore::Questionnaire questionnaire;
  try {
    questionnaire = gapscore::parse_questionnaire(text, "fuzz.json");
  } catch (const gapscore::Error& e) {
    if (e.diagnostics().empty()) __builtin_trap();
    for (const gapscore::Diagnostic& d : e.diagnostics()) {
      if (!d.has_pointer && d.line == 0) __builtin_trap();
    }
    return 0;
  }
  std::string header;
  std::string row;
  for (const gapscore::ColumnUse& use : gapscore::column_uses(questionnaire)) {
    header += (header.empty() ? "" : ",") + gapscore::csv_field(use.column);
    row += std::string(row.empty() ? "" : ",") + "1";
  }
  std::string csv;
  for (int i = 0; i < questionnaire.header_rows; ++i) csv += header + "\n";
  csv += row + "\n";
  try {
    gapscore::Engine engine(questionnaire, {});
    const auto reader = gapscore::RecordReader::from_string("fuzz.csv", csv, ',');
    engine.read(*reader);
    gapscore::to_json(engine.finish());
  } catch (const gapscore::Error&) {
    // Column references that are patterns or positions may not resolve.
  }
  return 0;
}
