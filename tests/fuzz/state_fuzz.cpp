// Any bytes as a saved state for `gapscore merge`, as written and, so that
// mutations get past the checksum to the checks behind it, with the
// checksum made right again (as a forger would): the state is refused with
// a gapscore::Error, or it merges into a report whose accounting adds up,
// and the same state is then refused as rows already counted.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "gapscore/base/diagnostic.h"
#include "gapscore/engine/engine.h"
#include "gapscore/writers/json_writer.h"

namespace {

// FNV-1a of the state's JSON without its checksum: FORMATS.md's rule.
std::string with_checksum_made_right(const std::string& text) {
  try {
    nlohmann::json state = nlohmann::json::parse(text);
    if (!state.is_object()) return text;
    state.erase("checksum");
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (const char c : state.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)) {
      hash ^= static_cast<unsigned char>(c);
      hash *= 0x100000001b3ULL;
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    state["checksum"] = hex;
    return state.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  } catch (const nlohmann::json::exception&) {
    return text;
  }
}

void merge(const std::string& text) {
  try {
    const gapscore::Engine::StateOrigin origin = gapscore::Engine::state_origin(text, "fuzz.state");
    gapscore::EngineOptions options;
    options.breakdowns = origin.breakdowns;
    options.max_segments = 64;
    options.max_memory = 200'000'000;
    gapscore::Engine engine(origin.questionnaire, options);
    engine.merge_state(text, "fuzz.state");
    const gapscore::Report report = engine.finish();
    if (report.input.rows_read != report.input.rows_used + report.input.rows_rejected) __builtin_trap();
    if (report.results.empty() || report.results.front().rows != report.input.rows_used) __builtin_trap();
    const nlohmann::json parsed = nlohmann::json::parse(gapscore::to_json(report));
    if (parsed["input"]["rows_read"] != report.input.rows_read) __builtin_trap();
    try {
      engine.merge_state(text, "again.state");
      if (report.input.rows_read > 0) __builtin_trap();
    } catch (const gapscore::Error&) {
    }
  } catch (const gapscore::Error&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  merge(text);
  merge(with_checksum_made_right(text));
  return 0;
}
