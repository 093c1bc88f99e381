#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "gapscore/engine/engine.h"
#include "gapscore/questionnaire/questionnaire.h"
#include "gapscore/report/report.h"
#include "gapscore/report/threshold.h"

namespace gapscore::cmd {

/// Options every subcommand that reads data shares.
struct InputOptions {
  std::string questionnaire;
  std::vector<std::string> inputs;
  std::vector<std::string> by;
  std::int64_t min_n = 0;
  std::size_t max_segments = kDefaultMaxSegments;
  std::uint64_t max_memory = kDefaultMaxMemory;
  bool strict = false;
  std::string delimiter;
  std::size_t threads = 0;
  bool quiet = false;     ///< no progress, no summary of problems on stderr
  bool progress = false;  ///< progress even when stderr is not a terminal
};

void add_input_options(CLI::App& app, InputOptions& options);

/// `--max-memory SIZE`: bytes, or a number with k, M, G or T (decimal
/// units: 4G is 4,000,000,000 bytes), checked.
void add_max_memory_option(CLI::App& app, std::uint64_t& max_memory);

/// `-d, --delimiter`, checked: `,` `;` `|` or tab.
void add_delimiter_option(CLI::App& app, std::string& delimiter);

/// The reader's delimiter for a --delimiter value; empty: detect it.
char delimiter_of(const std::string& option);

/// The --by values as breakdowns: "a,b" crosses a and b. Throws
/// Error(kUsage) for an empty column name.
std::vector<std::vector<std::string>> parse_breakdowns(const std::vector<std::string>& by);

/// The engine options every subcommand shares, from the command line.
EngineOptions engine_options(const InputOptions& options);

/// The inputs to read: the ones given, or standard input ("-").
std::vector<std::string> input_paths(const InputOptions& options);

/// Reads every input (standard input when there is none) into `engine`.
void read_inputs(const InputOptions& options, Engine& engine);

/// The JSON report at `path` (- for standard input), read back into the
/// model. Throws Error(kIo) when it cannot be read, Error(kInvalid) when it
/// is not a gapscore JSON report.
Report read_report_file(const std::string& path);

/// An output the command line names, with the option that names it.
struct NamedOutput {
  std::string option;  ///< "-o", "--rejects", "--emit-state"
  std::string path;    ///< empty when not given; "-" for standard output
};

/// Refuses, with Error(kUsage) and before anything is read, two outputs
/// that are one file (the same regular file or named pipe under any name,
/// standard output twice), and an output that is a file the run reads
/// (`reads`: inputs, the questionnaire, a baseline). Devices other than
/// standard output and error (/dev/null) may be named more than once.
void refuse_overlapping_outputs(const std::vector<NamedOutput>& outputs, const std::vector<std::string>& reads);

/// How a report is delivered: where, in which format, compared with which
/// baseline, checked against which thresholds.
struct ReportOptions {
  std::string output;  ///< empty: standard output
  std::string format;  ///< empty: from the output's extension, else json
  std::string baseline;
  std::vector<std::string> fail_if;
  bool allow_empty = false;
};

void add_report_options(CLI::App& app, ReportOptions& options);

/// The --fail-if conditions, parsed before any work; throws Error(kUsage).
std::vector<Threshold> parse_thresholds(const ReportOptions& options);

/// Refuses a report with an empty measure (empty_measures) unless allowed,
/// compares with the baseline, checks the thresholds, writes the report,
/// then prints each threshold crossed on standard error. Returns false when
/// any was crossed; throws Error(kInvalid) for an empty measure and
/// Error(kUsage) for a threshold naming no figure, writing nothing.
bool deliver_report(Report report, const Questionnaire& questionnaire, const ReportOptions& options,
                    const std::vector<Threshold>& thresholds);

}  // namespace gapscore::cmd
