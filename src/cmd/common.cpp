#include "cmd/common.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <thread>
#include <utility>

#include "gapscore/base/diagnostic.h"
#include "gapscore/base/output_file.h"
#include "gapscore/base/read_file.h"
#include "gapscore/base/text.h"
#include "gapscore/input/record_reader.h"
#include "gapscore/report/baseline.h"
#include "gapscore/report/empty_measures.h"
#include "gapscore/writers/json_writer.h"
#include "gapscore/writers/report_reader.h"
#include "gapscore/writers/writer.h"

namespace gapscore::cmd {

void add_delimiter_option(CLI::App& app, std::string& delimiter) {
  app.add_option("-d,--delimiter", delimiter,
                 "Field delimiter: , ; tab (or \\t) or |; default: detected from the header")
      ->type_name("CHAR")
      ->check(CLI::Validator(
          [](const std::string& value) {
            const bool known =
                value == "," || value == ";" || value == "|" || value == "tab" || value == "\\t" || value == "\t";
            return known ? std::string() : "expected , ; tab or |, found " + quote(value);
          },
          "", "delimiter"));
}

namespace {

// "4G", "512M", "1.5G", "2000000": bytes in decimal units; nothing for
// anything else.
std::optional<std::uint64_t> size_in_bytes(const std::string& text) {
  char* end = nullptr;
  const double number = std::strtod(text.c_str(), &end);
  if (end == text.c_str() || !std::isfinite(number) || number <= 0) return std::nullopt;
  std::string unit(trim(std::string_view(end)));
  if (unit.size() == 2 && (unit[1] == 'B' || unit[1] == 'b')) unit.pop_back();
  double scale = 1;
  if (unit == "k" || unit == "K") {
    scale = 1e3;
  } else if (unit == "M" || unit == "m") {
    scale = 1e6;
  } else if (unit == "G" || unit == "g") {
    scale = 1e9;
  } else if (unit == "T" || unit == "t") {
    scale = 1e12;
  } else if (!unit.empty() && unit != "B" && unit != "b") {
    return std::nullopt;
  }
  const double bytes = number * scale;
  if (bytes >= 1.8e19) return std::nullopt;
  return static_cast<std::uint64_t>(bytes);
}

}  // namespace

void add_max_memory_option(CLI::App& app, std::uint64_t& max_memory) {
  app.add_option_function<std::string>(
         "--max-memory", [&max_memory](const std::string& value) { max_memory = size_in_bytes(value).value_or(0); },
         "Refuse a run whose tallies would take more than SIZE (k, M, G, T; default 4G)")
      ->type_name("SIZE")
      ->check(CLI::Validator(
          [](const std::string& value) {
            return size_in_bytes(value) ? std::string() : "expected a size such as 4G or 512M, found " + quote(value);
          },
          "", "size"));
}

void add_input_options(CLI::App& app, InputOptions& options) {
  app.add_option("-q,--questionnaire", options.questionnaire, "Questionnaire (JSON) describing the columns")
      ->required();
  app.add_option("inputs", options.inputs, "CSV exports, read as one data set; none or - reads standard input");
  app.add_option("--by", options.by, "Report every block per value of COL; repeatable; A,B crosses two columns")
      ->type_name("COL")
      ->allow_extra_args(false);
  app.add_option("--min-n", options.min_n, "Withhold the figures of segments with fewer than K rows")
      ->type_name("K")
      ->check(CLI::NonNegativeNumber);
  app.add_option(
         "--max-segments", options.max_segments,
         "Stop when a --by breakdown has more than N segments (default " + std::to_string(kDefaultMaxSegments) + ")")
      ->type_name("N")
      ->check(CLI::PositiveNumber);
  app.add_option("-j,--jobs", options.threads,
                 "Threads counting rows (default: the machine's hardware threads); any number gives the same report")
      ->type_name("N")
      ->check(CLI::PositiveNumber);
  app.add_flag("--strict", options.strict, "Stop at the first invalid cell or rejected row (exit 1)");
  CLI::Option* quiet = app.add_flag("--quiet", options.quiet,
                                    "No progress and no summary of rejected rows and invalid cells on standard error");
  app.add_flag("--progress", options.progress, "Show progress on standard error even when it is not a terminal")
      ->excludes(quiet);
  add_max_memory_option(app, options.max_memory);
  add_delimiter_option(app, options.delimiter);
}

char delimiter_of(const std::string& option) {
  if (option.empty()) return kDetectDelimiter;
  if (option == "tab" || option == "\\t") return '\t';
  return option[0];
}

EngineOptions engine_options(const InputOptions& options) {
  EngineOptions engine;
  engine.breakdowns = parse_breakdowns(options.by);
  engine.min_n = options.min_n;
  engine.max_segments = options.max_segments;
  engine.max_memory = options.max_memory;
  engine.strict = options.strict;
  engine.threads = options.threads > 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  return engine;
}

std::vector<std::vector<std::string>> parse_breakdowns(const std::vector<std::string>& by) {
  std::vector<std::vector<std::string>> breakdowns;
  for (const std::string& option : by) {
    std::vector<std::string> columns;
    std::size_t begin = 0;
    for (;;) {
      const std::size_t comma = option.find(',', begin);
      const std::string_view column = trim(std::string_view(option).substr(begin, comma - begin));
      if (column.empty()) throw Error(ErrorKind::kUsage, "--by", "empty column name in " + quote(option));
      columns.emplace_back(column);
      if (comma == std::string::npos) break;
      begin = comma + 1;
    }
    breakdowns.push_back(std::move(columns));
  }
  return breakdowns;
}

std::vector<std::string> input_paths(const InputOptions& options) {
  return options.inputs.empty() ? std::vector<std::string>{"-"} : options.inputs;
}

void read_inputs(const InputOptions& options, Engine& engine) {
  for (const std::string& path : input_paths(options)) {
    const std::unique_ptr<RecordReader> reader = RecordReader::open_file(path, delimiter_of(options.delimiter));
    engine.read(*reader);
  }
}

Report read_report_file(const std::string& path) { return read_report(read_file(path), input_display_name(path)); }

namespace {

// What a path would be written as: one name for all the names of a file.
// Empty for a device, which may take any number of outputs.
std::string output_identity(const std::string& path) {
  if (path == "-") return "standard output";
  struct stat file {};
  if (::stat(path.c_str(), &file) != 0) {
    std::error_code error;
    const std::filesystem::path absolute = std::filesystem::weakly_canonical(std::filesystem::absolute(path), error);
    return "path " + (error ? path : absolute.string());
  }
  // A terminal or /dev/null takes any number of outputs without harm.
  if (S_ISCHR(file.st_mode) || S_ISBLK(file.st_mode)) return "";
  for (const auto& [stream, name] : {std::pair{STDOUT_FILENO, "standard output"}, {STDERR_FILENO, "standard error"}}) {
    struct stat open_stream {};
    if (::fstat(stream, &open_stream) == 0 && open_stream.st_dev == file.st_dev && open_stream.st_ino == file.st_ino) {
      return name;
    }
  }
  return "file " + std::to_string(file.st_dev) + ":" + std::to_string(file.st_ino);
}

}  // namespace

void refuse_overlapping_outputs(const std::vector<NamedOutput>& outputs, const std::vector<std::string>& reads) {
  std::vector<std::pair<std::string, const NamedOutput*>> seen;
  for (const NamedOutput& output : outputs) {
    if (output.path.empty()) continue;
    const std::string identity = output_identity(output.path);
    if (identity.empty()) continue;
    for (const auto& [other, named] : seen) {
      if (other != identity) continue;
      const std::string also = named->path == output.path ? "" : " (as " + quote(named->path) + ")";
      const bool stream = identity.rfind("standard ", 0) == 0;
      throw Error(ErrorKind::kUsage, output.option,
                  quote(output.path) + " is also where " + named->option + " writes" + also +
                      (stream ? ": the two would be mixed in " + identity : "; one would replace the other") +
                      ": give each its own file");
    }
    seen.emplace_back(identity, &output);
    for (const std::string& read : reads) {
      if (read == "-" || output_identity(read) != identity || identity.rfind("path ", 0) == 0) continue;
      const std::string as = read == output.path ? "" : " (as " + quote(read) + ")";
      throw Error(ErrorKind::kUsage, output.option,
                  quote(output.path) + " is a file this run reads" + as + "; write the output elsewhere");
    }
  }
}

void add_report_options(CLI::App& app, ReportOptions& options) {
  app.add_option("-o,--output", options.output, "Write the report here (atomically for a regular file)")
      ->type_name("FILE");
  app.add_option("-f,--format", options.format, "Report format; default from the output's extension, else json")
      ->check(CLI::IsMember({"json", "csv", "html"}));
  app.add_option("--baseline", options.baseline, "Compare every figure with an earlier JSON report")
      ->type_name("REPORT");
  app.add_option("--fail-if", options.fail_if,
                 "Exit 4 after writing the report when this holds, e.g. \"nps.score < 20\"; repeatable")
      ->type_name("EXPR")
      ->allow_extra_args(false);
  app.add_flag("--allow-empty", options.allow_empty,
               "Write the report even when a declared item, metric or Kano feature has no valid value at all");
}

std::vector<Threshold> parse_thresholds(const ReportOptions& options) {
  std::vector<Threshold> thresholds;
  for (const std::string& text : options.fail_if) thresholds.push_back(parse_threshold(text));
  return thresholds;
}

bool deliver_report(Report report, const Questionnaire& questionnaire, const ReportOptions& options,
                    const std::vector<Threshold>& thresholds) {
  // A nightly job must not pass on a measure that is empty everywhere (a
  // scale or column that does not fit the data): nothing is written.
  if (!options.allow_empty) {
    std::vector<Diagnostic> empty = empty_measures(report, questionnaire);
    if (!empty.empty()) throw Error(ErrorKind::kInvalid, std::move(empty));
  }
  if (!options.baseline.empty()) compare_with_baseline(report, read_report_file(options.baseline));
  const std::string output = options.output.empty() ? "-" : options.output;
  // Thresholds are checked before anything is written, so that one naming
  // no figure of the report is a usage error that leaves no output behind.
  std::vector<std::string> crossings;
  if (!thresholds.empty()) {
    const nlohmann::ordered_json document = report_document(report);
    for (const Threshold& threshold : thresholds) {
      if (std::optional<std::string> message = crossed(document, threshold)) crossings.push_back(std::move(*message));
    }
  }
  write_output(output, write_report(report, report_format(options.format, output)));
  for (const std::string& message : crossings) std::cerr << "gapscore: " << printable(message) << '\n';
  return crossings.empty();
}

}  // namespace gapscore::cmd
