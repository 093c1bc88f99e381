#include "cmd/compare.h"

#include <iostream>

#include "cmd/common.h"
#include "gapscore/base/diagnostic.h"
#include "gapscore/base/output_file.h"
#include "gapscore/base/text.h"
#include "gapscore/report/comparison.h"
#include "gapscore/writers/writer.h"

namespace gapscore::cmd {

void setup_compare(CLI::App& app, CompareOptions& options) {
  app.add_option("a", options.a, "The first population's JSON report (- for standard input)")
      ->type_name("A.json")
      ->required();
  app.add_option("b", options.b, "The second population's JSON report, compared with A item by item")
      ->type_name("B.json")
      ->required();
  app.add_option("--segment-a", options.segment_a, "Take A's figures from this segment, e.g. region=North")
      ->type_name("SEGMENT");
  app.add_option("--segment-b", options.segment_b, "Take B's figures from this segment")->type_name("SEGMENT");
  app.add_option("-o,--output", options.output, "Write the comparison here (atomically for a regular file)")
      ->type_name("FILE");
  app.add_option("-f,--format", options.format, "Format; default from the output's extension, else json")
      ->check(CLI::IsMember({"json", "csv"}));
}

namespace {

void warn_unmatched(const std::string& file, const std::vector<std::string>& only) {
  if (only.empty()) return;
  std::string list;
  for (const std::string& entry : only) list += (list.empty() ? "" : ", ") + entry;
  std::cerr << "gapscore: warning: not compared, only in " << printable(file) << ": " << printable(list) << '\n';
}

}  // namespace

void run_compare(const CompareOptions& options) {
  if (options.a == "-" && options.b == "-") {
    throw Error(ErrorKind::kUsage, "compare", "at most one of A and B can be standard input");
  }
  const std::string output = options.output.empty() ? "-" : options.output;
  const ReportFormat format = report_format(options.format, output);
  if (format == ReportFormat::kHtml) {
    throw Error(ErrorKind::kUsage, output, "compare writes JSON or CSV; name the output .json or .csv, or use -f");
  }
  refuse_overlapping_outputs({{"-o", output}}, {options.a, options.b});
  const Report a = read_report_file(options.a);
  const Report b = options.b == options.a ? a : read_report_file(options.b);
  const ReportComparison comparison = compare_reports(a, options.a, options.segment_a, b, options.b, options.segment_b);
  write_output(output, write_comparison(comparison, format));
  warn_unmatched(options.a, comparison.only_in_a);
  warn_unmatched(options.b, comparison.only_in_b);
}

}  // namespace gapscore::cmd
