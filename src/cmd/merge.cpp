#include "cmd/merge.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "gapscore/base/diagnostic.h"
#include "gapscore/base/output_file.h"
#include "gapscore/engine/engine.h"

namespace gapscore::cmd {

void setup_merge(CLI::App& app, MergeOptions& options) {
  app.add_option("states", options.states,
                 "States from `score --emit-state`, one per line in each file; none or - reads standard input");
  add_report_options(app, options.report);
  app.add_option("--min-n", options.min_n, "Withhold the figures of segments with fewer than K rows")
      ->type_name("K")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--max-segments", options.max_segments, "Stop when a breakdown has more than N segments")
      ->type_name("N")
      ->check(CLI::PositiveNumber);
  add_max_memory_option(app, options.max_memory);
  app.add_option("--emit-state", options.emit_state,
                 "Write the combined state here (- for standard output); no report unless -o")
      ->type_name("FILE");
}

namespace {

struct StateText {
  std::string file;
  std::string text;
};

// Each input holds one state per line (JSON Lines), so that states can be
// concatenated and streamed, as a Hadoop reducer receives them; a line may
// carry a key and a tab before its state, as Hadoop Streaming writes them.
std::vector<StateText> read_states(const std::vector<std::string>& paths) {
  std::vector<StateText> states;
  for (const std::string& path : paths.empty() ? std::vector<std::string>{"-"} : paths) {
    const std::string name = path == "-" ? "<stdin>" : path;
    std::ifstream file;
    if (path != "-") {
      file.open(path, std::ios::binary);
      if (!file) throw Error(ErrorKind::kIo, name, std::string("cannot open: ") + std::strerror(errno));
    }
    std::istream& in = path == "-" ? std::cin : file;
    std::string line;
    std::uint64_t number = 0;
    std::size_t found = 0;
    while (std::getline(in, line)) {
      ++number;
      const std::size_t start = line.find_first_not_of(" \t\r");
      if (start == std::string::npos) continue;
      std::size_t brace = line.find('{');
      if (brace == std::string::npos) brace = start;
      states.push_back({name + ":" + std::to_string(number), line.substr(brace)});
      ++found;
    }
    if (in.bad()) throw Error(ErrorKind::kIo, name, std::string("cannot read: ") + std::strerror(errno));
    if (found == 0) throw Error(ErrorKind::kInvalid, name, "no state in this input");
  }
  return states;
}

}  // namespace

bool run_merge(const MergeOptions& options) {
  const std::vector<Threshold> thresholds = parse_thresholds(options.report);
  const bool writes_report = options.emit_state.empty() || !options.report.output.empty();
  std::vector<std::string> reads = options.states;
  if (!options.report.baseline.empty()) reads.push_back(options.report.baseline);
  refuse_overlapping_outputs(
      {{"-o", writes_report ? (options.report.output.empty() ? "-" : options.report.output) : ""},
       {"--emit-state", options.emit_state}},
      reads);
  const std::vector<StateText> states = read_states(options.states);
  Engine::StateOrigin origin = Engine::state_origin(states.front().text, states.front().file);
  EngineOptions engine_options;
  engine_options.breakdowns = origin.breakdowns;
  engine_options.min_n = options.min_n;
  if (options.max_segments > 0) engine_options.max_segments = options.max_segments;
  engine_options.max_memory = options.max_memory;
  Engine engine(origin.questionnaire, std::move(engine_options));
  for (const StateText& state : states) engine.merge_state(state.text, state.file);
  engine.check_design(writes_report);
  if (!options.emit_state.empty()) write_output(options.emit_state, engine.save_state());
  return !writes_report || deliver_report(engine.finish(), origin.questionnaire, options.report, thresholds);
}

}  // namespace gapscore::cmd
