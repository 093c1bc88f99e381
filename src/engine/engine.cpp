#include "gapscore/engine/engine.h"

#include <algorithm>
#include <set>

#include "gapscore/base/text.h"
#include "gapscore/base/version.h"
#include "gapscore/engine/batch.h"
#include "gapscore/engine/binding.h"
#include "gapscore/engine/breakdowns.h"
#include "gapscore/engine/domains.h"
#include "gapscore/engine/id_set.h"
#include "gapscore/engine/pipeline.h"
#include "gapscore/engine/run.h"
#include "gapscore/engine/state_codec.h"
#include "gapscore/input/header.h"
#include "gapscore/input/record.h"
#include "gapscore/report/assemble.h"
#include "gapscore/report/segment_tests.h"

namespace gapscore {

namespace {

// Where a respondent id was first seen: the input's number above this many
// bits, its line below.
constexpr int kLineBits = 48;

// Small enough that the batches in flight (2 x threads + 1, each about
// twice its text once coded) cost little memory next to LineReader's
// 48 MiB: 60 MiB peak at two threads. Large enough that the work per batch
// (a tally per segment, made, zeroed and merged) is small: 512 KiB took 2%
// off one thread's time against 256 KiB. One size for every -j, as
// weighted sums are added batch by batch.
constexpr std::size_t kBatchBytes = std::size_t{512} << 10;

// An input's header rows, the first of which must be there and hold no NUL byte.
Header read_header(RecordReader& reader, int header_rows) {
  Record record;
  if (!reader.next(record)) {
    throw Error(ErrorKind::kInvalid, reader.name(), "the input is empty; expected a header row");
  }
  if (record.has_nul) {
    throw Error(ErrorKind::kInvalid,
                Diagnostic{reader.name(),
                           record.line,
                           0,
                           {},
                           false,
                           Severity::kError,
                           "the header holds NUL bytes: this looks like a binary file, or UTF-16 without a byte "
                           "order mark, not CSV text",
                           {}});
  }
  Header header;
  header.add_row(record);
  for (int row = 1; row < header_rows && reader.next(record); ++row) header.add_row(record);
  return header;
}

}  // namespace

// The parts of a run, and the merge of each batch's results into it, in
// input order, on the reading thread.
struct Engine::Impl {
  Impl(const Questionnaire& questionnaire, EngineOptions options)
      : setup(questionnaire, std::move(options)),
        totals(setup),
        pipeline(
            setup.options.threads, [this](BatchResult& result) { count_batch(setup, result, nullptr); },
            [this](std::unique_ptr<BatchResult> result) { merge(std::move(result)); }) {}

  void merge(std::unique_ptr<BatchResult> result) {
    if (result->binding->has_id) check_ids(*result);
    pass_on_problems(*result);
    add_counts(*result);
    // Merges run on the reading thread, which takes batches from here: the
    // buffers are reused rather than allocated anew for each batch.
    if (spares.size() < 2 * pipeline.threads() + 2) spares.push_back(std::move(result));
  }

  // Ids are checked in input order; a batch with a duplicate is counted
  // again without it (rare), so nothing of that row remains.
  void check_ids(BatchResult& result) {
    Duplicates duplicates;
    constexpr std::size_t kPrefetchAhead = 16;
    for (std::size_t i = 0; i < result.ids.size() && i < kPrefetchAhead; ++i) ids.prefetch(result.ids[i].fingerprint);
    for (std::size_t i = 0; i < result.ids.size(); ++i) {
      if (i + kPrefetchAhead < result.ids.size()) ids.prefetch(result.ids[i + kPrefetchAhead].fingerprint);
      const IdSeen& seen = result.ids[i];
      const std::string_view id(result.id_text.data() + seen.offset, seen.length);
      const std::uint64_t here = (result.binding->file_index << kLineBits) | seen.line;
      const std::uint64_t first = ids.insert(seen.fingerprint, here);
      if (first == 0) continue;
      duplicates.emplace(seen.row, "respondent id " + quote(id) + " was already used at " +
                                       totals.files[first >> kLineBits] + ":" +
                                       std::to_string(first & ((std::uint64_t{1} << kLineBits) - 1)) +
                                       "; the first occurrence is kept");
    }
    if (!duplicates.empty()) count_batch(setup, result, &duplicates);
  }

  // Problems and rejected rows go to the callbacks in input order; the
  // last problem of a batch that stopped ends the run.
  void pass_on_problems(const BatchResult& result) {
    for (const Problem& problem : result.problems) {
      if (problem.breakdown >= 0) {
        const std::string& column =
            totals.breakdowns[static_cast<std::size_t>(problem.breakdown)].columns[problem.column];
        if (!totals.warned_values[column].insert(problem.value).second) continue;
      }
      if (result.stopped && &problem == &result.problems.back()) {
        throw Error(ErrorKind::kInvalid, problem.diagnostic);
      }
      setup.report(problem.diagnostic);
    }
    for (const RejectedText& row : result.rejected_rows) {
      setup.options.on_reject({result.binding->file, row.line, row.reason, row.message, row.text});
    }
  }

  void add_counts(const BatchResult& result) {
    totals.rows_read += result.rows_read;
    totals.rows_used += result.rows_used;
    for (std::size_t r = 0; r < totals.rejected.size(); ++r) totals.rejected[r] += result.rejected[r];
    for (std::size_t s = 0; s < totals.invalid_counts.size(); ++s) {
      for (std::size_t r = 0; r < kInvalidReasonCount; ++r) totals.invalid_counts[s][r] += result.invalid[s][r];
    }
    totals.all.merge(result.all);
    for (std::size_t b = 0; b < totals.breakdowns.size(); ++b) {
      totals.breakdowns[b].merge(result, b, setup.plan, setup.limit_of());
    }
  }

  std::unique_ptr<BatchResult> spare() {
    if (spares.empty()) return std::make_unique<BatchResult>();
    std::unique_ptr<BatchResult> result = std::move(spares.back());
    spares.pop_back();
    return result;
  }

  RunSetup setup;
  RunTotals totals;
  IdSet ids;
  std::vector<std::unique_ptr<BatchResult>> spares;
  Pipeline<BatchResult> pipeline;  // last: its workers stop before what they use goes
};

Engine::Engine(const Questionnaire& questionnaire, EngineOptions options)
    : impl_(std::make_unique<Impl>(questionnaire, std::move(options))) {}

Engine::~Engine() = default;

void Engine::read(RecordReader& reader) {
  Impl& impl = *impl_;
  impl.totals.files.push_back(reader.name());
  Header header = read_header(reader, impl.setup.questionnaire.header_rows);
  const std::shared_ptr<const Binding> binding =
      bind_header(impl.setup, reader.name(), impl.totals.files.size() - 1, reader.delimiter(), header);
  try {
    for (;;) {
      std::unique_ptr<BatchResult> result = impl.spare();
      if (!reader.next_batch(result->batch, kBatchBytes)) break;
      if (impl.setup.options.on_read) impl.setup.options.on_read(result->batch.text.size(), result->batch.size());
      result->binding = binding;
      impl.pipeline.submit(std::move(result));
    }
    impl.pipeline.drain();
  } catch (...) {
    impl.pipeline.abandon();
    throw;
  }
}

InputSummary Engine::summary() const {
  const RunTotals& totals = impl_->totals;
  InputSummary summary;
  summary.files = totals.files;
  summary.rows_read = totals.rows_read;
  summary.rows_used = totals.rows_used;
  for (std::size_t r = 0; r < kRejectReasons.size(); ++r) {
    if (totals.rejected[r] == 0) continue;
    summary.rows_rejected += totals.rejected[r];
    summary.rejected.emplace_back(kRejectReasons[r], totals.rejected[r]);
  }
  for (std::size_t s = 0; s < totals.invalid_counts.size(); ++s) {
    for (std::size_t r = 0; r < kInvalidReasonCount; ++r) {
      if (totals.invalid_counts[s][r] == 0) continue;
      summary.invalid_cells.push_back(
          {impl_->setup.plan.slots[s].column, reason_name(static_cast<InvalidReason>(r)), totals.invalid_counts[s][r]});
    }
  }
  return summary;
}

namespace {

// A breakdown's segments in the order of their labels. Each segment is
// compared with the rest of the data, figure by figure; a figure's
// comparisons over the breakdown's segments are one family.
std::vector<SegmentResult> breakdown_results(const RunSetup& setup, const RunDesign& design, std::size_t b) {
  const std::vector<std::string>& columns = setup.options.breakdowns[b];
  const std::size_t shown = columns.size() - setup.design_columns.size();
  const std::vector<DesignedSegment> segments = design.segments(b);
  std::vector<SegmentResult> results;
  results.reserve(segments.size());
  ComparisonFamilies families;
  for (const DesignedSegment& segment : segments) {
    SegmentResult result;
    if (segment.rows().rows() < setup.options.min_n) {
      result.rows = segment.rows().rows();
      result.suppressed = true;
    } else {
      result = segment_result(setup.questionnaire, setup.plan, design.domain_of(segment));
    }
    for (std::size_t c = 0; c < shown; ++c) result.segment.emplace_back(columns[c], segment.labels[c]);
    results.push_back(std::move(result));
  }
  for (std::size_t i = 0; i < segments.size(); ++i) {
    if (results[i].suppressed) continue;
    const DesignedSegment rest = design.rest_of(segments[i]);
    const SegmentResult others = segment_result(setup.questionnaire, setup.plan, design.domain_of(rest));
    compare_with_rest(results[i], others, setup.plan.weighting == Weighting::kImportance, design.design(), families);
  }
  adjust_and_flag(families);
  return results;
}

}  // namespace

Report Engine::finish() const {
  const RunSetup& setup = impl_->setup;
  const RunTotals& totals = impl_->totals;
  Report report;
  report.tool_version = tool_version();
  report.title = setup.questionnaire.title;
  report.has_servqual = setup.questionnaire.has_servqual;
  for (const Dimension& dimension : setup.questionnaire.dimensions) {
    report.dimension_labels[dimension.id] = dimension.label;
  }
  for (const Item& item : setup.questionnaire.items) {
    if (!item.text.empty()) report.item_texts[item.id] = item.text;
  }
  report.input = summary();
  const RunDesign design(setup, totals);
  report.results.push_back(segment_result(setup.questionnaire, setup.plan, design.whole()));
  report.raking = design.raking();
  if (report.raking) {
    const SegmentResult& whole = report.results.front();
    if (whole.rows > 0 && whole.weight)
      report.raking->efficiency = whole.weight->n_eff / static_cast<double>(whole.rows);
    if (!report.raking->converged) {
      setup.warning(setup.questionnaire.file, 0, 0,
                    "raking did not converge within max_iterations (" + std::to_string(report.raking->iterations) +
                        "): the figures use the last sweep's weights, which may miss the margins; raise "
                        "max_iterations, or check that the margins can be met together");
    } else if (!report.raking->margins_met()) {
      setup.warning(setup.questionnaire.file, 0, 0,
                    "raking settled with a margin value's share " + format_number(report.raking->largest_margin_miss) +
                        " off its population share: the margins cannot all be met together (or the cap holds "
                        "them off); see the report's raking block");
    }
  }
  for (std::size_t b = 0; b < setup.user_breakdowns; ++b) {
    for (SegmentResult& result : breakdown_results(setup, design, b)) report.results.push_back(std::move(result));
  }
  return report;
}

void Engine::check_design(bool with_raking) const {
  const RunDesign design(impl_->setup, impl_->totals, with_raking);
  // A merged state's segments must fall in the design's units too.
  for (std::size_t b = 0; b < impl_->setup.user_breakdowns; ++b) design.segments(b);
}

std::string Engine::save_state() const { return state_json(impl_->setup, impl_->totals); }

void Engine::merge_state(std::string_view text, const std::string& file) {
  add_state(impl_->setup, impl_->totals, text, file);
}

Engine::StateOrigin Engine::state_origin(std::string_view text, const std::string& file) {
  return origin_of_state(text, file);
}

}  // namespace gapscore
