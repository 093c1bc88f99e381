#include "gapscore/engine/engine.h"

#include "gapscore/base/version.h"
#include "gapscore/report/assemble.h"
#include "gapscore/report/segment_tests.h"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <set>

#include "gapscore/base/text.h"
#include "gapscore/engine/batch.h"
#include "gapscore/engine/binding.h"
#include "gapscore/engine/breakdowns.h"
#include "gapscore/engine/id_set.h"
#include "gapscore/engine/pipeline.h"
#include "gapscore/engine/run.h"
#include "gapscore/input/header.h"
#include "gapscore/input/record.h"

namespace gapscore {

namespace {

// Where a respondent id was first seen: the input's number above this many
// bits, its line below.
constexpr int kLineBits = 48;

// Saved states: the format's version, bumped whenever the layout of a
// tally or the meaning of a field changes.
constexpr int kStateVersion = 2;

std::string int128_text(Int128 value) {
  if (value == 0) return "0";
  const bool negative = value < 0;
  std::string digits;
  while (value != 0) {
    const auto digit = static_cast<int>(value % 10);
    digits += static_cast<char>('0' + (negative ? -digit : digit));
    value /= 10;
  }
  if (negative) digits += '-';
  return std::string(digits.rbegin(), digits.rend());
}

bool parse_int128(const std::string& text, Int128* value) {
  std::size_t i = 0;
  const bool negative = !text.empty() && text[0] == '-';
  if (negative) ++i;
  if (i == text.size() || text.size() - i > 39) return false;
  Int128 result = 0;
  for (; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    result = result * 10 + (negative ? -(text[i] - '0') : (text[i] - '0'));
  }
  *value = result;
  return true;
}

// Identifies what a state was counted for: the questionnaire's canonical
// text and the breakdowns (FNV-1a, 64 bits: it guards against mistakes, not
// against forgery).
std::string fingerprint(const std::string& source, const std::vector<std::vector<std::string>>& breakdowns) {
  std::string text = source + "\n";
  for (const std::vector<std::string>& columns : breakdowns) {
    for (const std::string& column : columns) text += column + '\x1f';
    text += '\x1e';
  }
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return hex;
}

nlohmann::json tally_json(Tally tally) {
  nlohmann::json wide = nlohmann::json::array();
  for (const Int128 value : tally.wide()) wide.push_back(int128_text(value));
  nlohmann::json importance = nlohmann::json::array();
  for (const Moments& moments : tally.importance()) {
    importance.push_back({moments.n, moments.weight, moments.weight_squares, moments.mean, moments.m2});
  }
  // Survey-weighted sums are doubles, written with 17 significant digits by
  // nlohmann/json, so they read back to the same bits.
  return {{"rows", tally.row_count()},
          {"counters", tally.counters()},
          {"wide", std::move(wide)},
          {"importance", std::move(importance)},
          {"weights",
           {{"sum", tally.raw_weight_sum()},
            {"squares", tally.raw_weight_squares()},
            {"counters", tally.weighted()},
            {"counter_squares", tally.weighted_squares()},
            {"wide", tally.weighted_wide()}}}};
}

// Reads `values` into `into` when the sizes agree.
template <typename T>
bool read_array(const nlohmann::json& values, std::vector<T>& into) {
  if (!values.is_array() || values.size() != into.size()) return false;
  for (std::size_t i = 0; i < values.size(); ++i) into[i] = values[i].get<T>();
  return true;
}

// Reads a tally saved by tally_json into one laid out for `plan`; false
// when the sizes or values do not fit.
bool tally_from_json(const nlohmann::json& saved, Tally& tally) {
  const auto& wide = saved.at("wide");
  const auto& importance = saved.at("importance");
  const auto& weights = saved.at("weights");
  if (!wide.is_array() || wide.size() != tally.wide().size() || !importance.is_array() ||
      importance.size() != tally.importance().size() || !read_array(saved.at("counters"), tally.counters()) ||
      !read_array(weights.at("counters"), tally.weighted()) ||
      !read_array(weights.at("counter_squares"), tally.weighted_squares()) ||
      !read_array(weights.at("wide"), tally.weighted_wide())) {
    return false;
  }
  tally.row_count() = saved.at("rows").get<std::int64_t>();
  tally.raw_weight_sum() = weights.at("sum").get<double>();
  tally.raw_weight_squares() = weights.at("squares").get<double>();
  for (std::size_t i = 0; i < wide.size(); ++i) {
    if (!parse_int128(wide[i].get<std::string>(), &tally.wide()[i])) return false;
  }
  for (std::size_t i = 0; i < importance.size(); ++i) {
    const nlohmann::json& saved_moments = importance[i];
    if (!saved_moments.is_array() || saved_moments.size() != 5) return false;
    tally.importance()[i] = {saved_moments[0].get<std::int64_t>(), saved_moments[1].get<double>(),
                             saved_moments[2].get<double>(), saved_moments[3].get<double>(),
                             saved_moments[4].get<double>()};
  }
  return true;
}

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
    for (const IdSeen& seen : result.ids) {
      const std::string_view id(result.id_text.data() + seen.offset, seen.length);
      const std::uint64_t here = (result.binding->file_index << kLineBits) | seen.line;
      const std::uint64_t first = ids.insert(id, here);
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
        std::set<std::string>& seen =
            totals.breakdowns[static_cast<std::size_t>(problem.breakdown)].seen_values[problem.column];
        if (!seen.insert(problem.value).second) continue;
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
      totals.breakdowns[b].merge(result, b, setup.plan, setup.options.max_segments);
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

std::string Engine::save_state() const {
  const Impl& impl = *impl_;
  nlohmann::json state;
  state["gapscore_state"] = kStateVersion;
  state["tool"] = {{"name", "gapscore"}, {"version", tool_version()}};
  state["fingerprint"] = fingerprint(impl.setup.questionnaire.source, impl.setup.options.breakdowns);
  state["questionnaire"] = nlohmann::json::parse(impl.setup.questionnaire.source);
  state["breakdowns"] = impl.setup.options.breakdowns;
  nlohmann::json invalid = nlohmann::json::array();
  for (const auto& counts : impl.totals.invalid_counts) invalid.push_back(counts);
  state["input"] = {{"files", impl.totals.files},
                    {"rows_read", impl.totals.rows_read},
                    {"rows_used", impl.totals.rows_used},
                    {"rejected", impl.totals.rejected},
                    {"invalid_cells", invalid}};
  state["all"] = tally_json(impl.totals.all);
  nlohmann::json segments = nlohmann::json::array();
  for (std::size_t b = 0; b < impl.totals.breakdowns.size(); ++b) {
    for (const auto& [values, segment] : impl.totals.breakdowns[b].segments) {
      segments.push_back(
          {{"breakdown", b}, {"values", values}, {"labels", segment.labels}, {"tally", tally_json(segment.tally)}});
    }
  }
  state["segments"] = std::move(segments);
  return state.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

namespace {

nlohmann::json parse_state(std::string_view text, const std::string& file) {
  nlohmann::json state;
  try {
    state = nlohmann::json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::exception&) {
    throw Error(ErrorKind::kInvalid, file,
                "not a gapscore state: a state is one line of JSON from `score --emit-state`");
  }
  const auto version = state.find("gapscore_state");
  if (!state.is_object() || version == state.end()) {
    throw Error(ErrorKind::kInvalid, file, "not a gapscore state (no \"gapscore_state\" key)");
  }
  if (*version != kStateVersion) {
    throw Error(ErrorKind::kInvalid, file,
                "state format version " + version->dump() + " is not the one this gapscore reads (" +
                    std::to_string(kStateVersion) + "); make the states with the same gapscore");
  }
  return state;
}

}  // namespace

Engine::StateOrigin Engine::state_origin(std::string_view text, const std::string& file) {
  const nlohmann::json state = parse_state(text, file);
  try {
    StateOrigin origin{parse_questionnaire(state.at("questionnaire").dump(), file + " (its questionnaire)"),
                       state.at("breakdowns").get<std::vector<std::vector<std::string>>>()};
    return origin;
  } catch (const nlohmann::json::exception& e) {
    throw Error(ErrorKind::kInvalid, file, std::string("a damaged gapscore state: ") + e.what());
  }
}

void Engine::merge_state(std::string_view text, const std::string& file) {
  Impl& impl = *impl_;
  const nlohmann::json state = parse_state(text, file);
  const std::string expected = fingerprint(impl.setup.questionnaire.source, impl.setup.options.breakdowns);
  if (state.value("fingerprint", "") != expected) {
    throw Error(ErrorKind::kInvalid, file,
                "this state was counted with another questionnaire or other --by breakdowns (fingerprint " +
                    state.value("fingerprint", "none") + ", expected " + expected +
                    "); states merge only with their own");
  }
  const auto damaged = [&file](const std::string& what) {
    return Error(ErrorKind::kInvalid, file, "a damaged gapscore state: " + what);
  };
  try {
    const nlohmann::json& input = state.at("input");
    const auto rejected = input.at("rejected").get<std::vector<std::int64_t>>();
    const auto& invalid = input.at("invalid_cells");
    if (rejected.size() != impl.totals.rejected.size() || invalid.size() != impl.totals.invalid_counts.size()) {
      throw damaged("its row accounting does not fit the questionnaire");
    }
    Tally all(impl.setup.plan);
    if (!tally_from_json(state.at("all"), all)) throw damaged("its tally does not fit the questionnaire");
    std::vector<std::pair<std::size_t, std::pair<std::vector<std::string>, Segment>>> segments;
    for (const nlohmann::json& saved : state.at("segments")) {
      const auto b = saved.at("breakdown").get<std::size_t>();
      Segment segment{saved.at("labels").get<std::vector<std::string>>(), Tally(impl.setup.plan)};
      const auto values = saved.at("values").get<std::vector<std::string>>();
      if (b >= impl.totals.breakdowns.size() || values.size() != impl.totals.breakdowns[b].columns.size() ||
          segment.labels.size() != values.size() || !tally_from_json(saved.at("tally"), segment.tally)) {
        throw damaged("a segment does not fit the breakdowns");
      }
      segments.push_back({b, {values, std::move(segment)}});
    }
    // Everything is read and checked: now add it.
    for (const nlohmann::json& name : input.at("files")) impl.totals.files.push_back(name.get<std::string>());
    impl.totals.rows_read += input.at("rows_read").get<std::int64_t>();
    impl.totals.rows_used += input.at("rows_used").get<std::int64_t>();
    for (std::size_t r = 0; r < rejected.size(); ++r) impl.totals.rejected[r] += rejected[r];
    for (std::size_t s = 0; s < invalid.size(); ++s) {
      const auto counts = invalid[s].get<std::vector<std::int64_t>>();
      if (counts.size() != kInvalidReasonCount) throw damaged("its invalid cells do not fit");
      for (std::size_t r = 0; r < kInvalidReasonCount; ++r) impl.totals.invalid_counts[s][r] += counts[r];
    }
    impl.totals.all.merge(all);
    for (const auto& [b, entry] : segments) {
      impl.totals.breakdowns[b].merge_saved(entry.first, entry.second, impl.setup.plan, impl.setup.options.max_segments,
                                            file);
    }
  } catch (const nlohmann::json::exception& e) {
    throw damaged(e.what());
  }
}

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
std::vector<SegmentResult> breakdown_results(const RunSetup& setup, const Tally& all, const Breakdown& breakdown) {
  std::vector<const Segment*> order;
  for (const auto& [values, segment] : breakdown.segments) order.push_back(&segment);
  std::stable_sort(order.begin(), order.end(),
                   [](const Segment* a, const Segment* b) { return a->labels < b->labels; });
  std::vector<SegmentResult> results;
  results.reserve(order.size());
  ComparisonFamilies families;
  for (const Segment* segment : order) {
    SegmentResult result;
    if (segment->tally.rows() < setup.options.min_n) {
      result.rows = segment->tally.rows();
      result.suppressed = true;
    } else {
      result = segment_result(setup.questionnaire, setup.plan, segment->tally);
    }
    for (std::size_t c = 0; c < breakdown.columns.size(); ++c) {
      result.segment.emplace_back(breakdown.columns[c], segment->labels[c]);
    }
    results.push_back(std::move(result));
  }
  for (std::size_t i = 0; i < order.size(); ++i) {
    if (results[i].suppressed) continue;
    Tally rest = all;
    rest.subtract(order[i]->tally);
    const SegmentResult others = segment_result(setup.questionnaire, setup.plan, rest);
    compare_with_rest(results[i], others, setup.plan.weighting == Weighting::kImportance, families);
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
  report.results.push_back(segment_result(setup.questionnaire, setup.plan, totals.all));
  for (const Breakdown& breakdown : totals.breakdowns) {
    for (SegmentResult& result : breakdown_results(setup, totals.all, breakdown)) {
      report.results.push_back(std::move(result));
    }
  }
  return report;
}

}  // namespace gapscore
