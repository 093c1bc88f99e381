#include "gapscore/engine/run.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "gapscore/base/progress_meter.h"

namespace gapscore {

namespace {

// A run keeps a tally for the whole data set and each segment, and so does
// every batch alive: 2 x threads + 1 in flight, and as many kept for reuse.
std::uint64_t batches_alive(std::size_t threads) { return 4 * std::uint64_t{std::max<std::size_t>(1, threads)} + 3; }

// The segments a breakdown may have: --max-segments, or fewer when more
// would not fit --max-memory. Throws Error(kUsage) when even one per
// breakdown would not.
SegmentLimit segment_limit(const Plan& plan, const EngineOptions& options) {
  const long double tally = static_cast<long double>(tally_bytes(plan));
  const long double sets = static_cast<long double>(batches_alive(options.threads) + 1);
  const long double breakdowns = static_cast<long double>(options.breakdowns.size());
  const long double budget = static_cast<long double>(options.max_memory);
  const auto size = [](long double bytes) { return byte_size_text(static_cast<std::uint64_t>(bytes)); };
  const std::string each = size(tally) + " each (" + std::to_string(plan.counter_count + plan.wide_count) +
                           " counts: the items' scale points and each dimension's item co-moments)";
  if (tally * (1 + breakdowns) * sets > budget) {
    throw Error(ErrorKind::kUsage, "--max-memory",
                "this questionnaire's tallies take " + each +
                    ", one for the whole data set and one per segment, in "
                    "the run and in each of up to " +
                    std::to_string(batches_alive(options.threads)) + " batches at -j " +
                    std::to_string(options.threads) + ": at least " + size(tally * (1 + breakdowns) * sets) +
                    ", past --max-memory " + size(budget) +
                    "; score fewer items or narrower scales at a time, lower -j, or raise --max-memory");
  }
  const long double fitting = std::floor(budget / (tally * sets)) - 1;
  const long double per_breakdown = breakdowns > 0 ? std::floor(fitting / breakdowns) : fitting;
  if (per_breakdown >= static_cast<long double>(options.max_segments)) {
    return {options.max_segments, "is it an id or free-text column? (--max-segments raises the limit)"};
  }
  return {static_cast<std::size_t>(per_breakdown),
          "with tallies of " + each + " in up to " + std::to_string(batches_alive(options.threads)) +
              " batches at -j " + std::to_string(options.threads) + ", more would pass --max-memory " + size(budget) +
              " (it raises the limit; fewer items, narrower scales or a lower -j lower the need)"};
}

SegmentLimit memory_limit(const Plan& plan, EngineOptions options) {
  options.max_segments = std::numeric_limits<std::size_t>::max();
  return segment_limit(plan, options);
}

std::vector<std::string> design_columns_of(const Questionnaire& q) {
  std::vector<std::string> columns;
  for (const std::string* column : {&q.strata_column, &q.fpc_column, &q.cluster_column}) {
    if (!column->empty()) columns.push_back(*column);
  }
  // Each raking cell's rows are a part of their own: its weights scale alike.
  if (q.raking) {
    for (const RakingMargin& margin : q.raking->margins) columns.push_back(margin.column);
  }
  return columns;
}

EngineOptions with_design(EngineOptions options, const std::vector<std::string>& columns) {
  if (columns.empty()) return options;
  for (std::vector<std::string>& breakdown : options.breakdowns) {
    breakdown.insert(breakdown.end(), columns.begin(), columns.end());
  }
  options.breakdowns.push_back(columns);
  return options;
}

}  // namespace

RunSetup::RunSetup(const Questionnaire& q, EngineOptions engine_options)
    : questionnaire(q),
      user_breakdowns(engine_options.breakdowns.size()),
      design_columns(design_columns_of(q)),
      options(with_design(std::move(engine_options), design_columns)),
      plan(make_plan(q)),
      batch_plan(plan),
      segment_limit(gapscore::segment_limit(plan, options)),
      design_segment_limit(memory_limit(plan, options)) {
  // Slots on the same scale share one coder: a row is coded through a few
  // lookup tables instead of one per column, which keeps them in L1. The
  // reserve keeps the pointers taken below valid as coders are added.
  coders.reserve(plan.slots.size());
  for (const Plan::Slot& slot : plan.slots) {
    auto found = std::find_if(coders.begin(), coders.end(),
                              [&slot](const Coder& coder) { return coder.codes_like(slot.scale, slot.reverse); });
    if (found == coders.end()) found = coders.emplace(coders.end(), slot.scale, slot.reverse, questionnaire.missing);
    slot_coders.push_back(&*found);
  }
}

std::vector<std::vector<std::string>> RunSetup::asked_breakdowns() const {
  std::vector<std::vector<std::string>> asked;
  const auto design = static_cast<std::ptrdiff_t>(design_columns.size());
  for (std::size_t b = 0; b < user_breakdowns; ++b) {
    const std::vector<std::string>& columns = options.breakdowns[b];
    asked.emplace_back(columns.begin(), columns.end() - design);
  }
  return asked;
}

void RunSetup::report(const Diagnostic& d) const {
  if (options.on_problem) options.on_problem(d);
}

void RunSetup::warning(const std::string& file, std::uint64_t line, std::uint64_t column, std::string message) const {
  Diagnostic d;
  d.file = file;
  d.line = line;
  d.column = column;
  d.severity = Severity::kWarning;
  d.message = std::move(message);
  report(d);
}

RunTotals::RunTotals(const RunSetup& setup) : all(setup.plan) {
  invalid_counts.resize(setup.plan.slots.size());
  const std::vector<std::vector<std::string>> asked = setup.asked_breakdowns();
  std::string design;
  for (const std::string& column : setup.design_columns) design += (design.empty() ? "" : ", ") + column;
  for (std::size_t b = 0; b < setup.options.breakdowns.size(); ++b) {
    Breakdown breakdown;
    breakdown.columns = setup.options.breakdowns[b];
    if (b >= asked.size()) {
      breakdown.described = "the sample design (" + design + ")";
    } else if (!design.empty()) {
      Breakdown shown;
      shown.columns = asked[b];
      breakdown.described = shown.option() + " split by the sample design's units (" + design + ")";
    }
    breakdowns.push_back(std::move(breakdown));
  }
}

}  // namespace gapscore
