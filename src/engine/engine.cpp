#include "gapscore/engine/engine.h"

#include "gapscore/base/version.h"
#include "gapscore/report/assemble.h"
#include "gapscore/report/segment_tests.h"

#include <algorithm>
#include <array>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>
#include <unordered_map>

#include "gapscore/base/text.h"
#include "gapscore/coding/coder.h"
#include "gapscore/coding/field_coding.h"
#include "gapscore/coding/scored_parser.h"
#include "gapscore/engine/id_set.h"
#include "gapscore/engine/value_dictionary.h"
#include "gapscore/input/header.h"
#include "gapscore/input/record_parser.h"
#include "gapscore/input/sniff.h"
#include "gapscore/tally/batch_counter.h"
#include "gapscore/tally/tally.h"

namespace gapscore {

namespace {

// In the order rows are checked, which is the report's order.
constexpr std::array<const char*, 4> kRejectReasons = {"nul_byte", "field_count", "bad_weight", "duplicate_id"};
constexpr std::size_t kNulByteReason = 0;
constexpr std::size_t kFieldCountReason = 1;
constexpr std::size_t kBadWeightReason = 2;
constexpr std::size_t kDuplicateIdReason = 3;
constexpr int kLineBits = 48;

// Long lines make carets useless; show the stretch around the column.
std::pair<std::string, std::uint64_t> excerpt(std::string_view line, std::uint64_t column) {
  constexpr std::size_t kWidth = 120;
  if (line.size() <= kWidth) return {std::string(line), column};
  const std::size_t at = static_cast<std::size_t>(column > 0 ? column - 1 : 0);
  const std::size_t begin = at > kWidth / 2 ? at - kWidth / 2 : 0;
  std::string text = begin > 0 ? "..." : "";
  const std::uint64_t shifted = column - begin + text.size();
  text += std::string(line.substr(begin, kWidth));
  if (begin + kWidth < line.size()) text += "...";
  return {text, shifted};
}

// How one input's columns map onto the questionnaire; shared read-only by
// every batch of that input.
struct Binding {
  std::string file;
  std::uint64_t file_index = 0;
  char delimiter = ',';
  std::size_t width = 0;
  std::vector<std::size_t> slot_fields;
  FieldCoding coding;
  bool has_id = false;
  std::size_t id_field = 0;
  bool has_weight = false;
  std::size_t weight_field = 0;
  std::vector<std::vector<std::size_t>> breakdown_fields;  // per breakdown, per column
};

constexpr std::uint32_t kNoSegment = UINT32_MAX;

// The segments one batch found for one breakdown, numbered within the batch.
struct LocalBreakdown {
  struct Segment {
    std::vector<std::uint32_t> values;  // per column, an id in that column's dictionary
    Tally tally;
    std::size_t first_row = 0;
    std::vector<std::uint32_t> rows;  // the batch's used rows in the segment, for its BatchCounter
  };
  std::vector<ValueDictionary> dictionaries;
  // Crossed values are numbered pairwise: (a, b) -> ab, (ab, c) -> abc ...
  std::unordered_map<std::uint64_t, std::uint32_t> combinations;
  // By key (a value id, or a crossed values' id: both numbered densely),
  // the segment's index, or kNoSegment.
  std::vector<std::uint32_t> segment_of_key;
  std::vector<Segment> segments;
};

// A problem found while counting a batch. A warning about a segment value
// that is not UTF-8 is only shown if the value is new to the whole run,
// which only the in-order merge knows.
struct Problem {
  Diagnostic diagnostic;
  std::size_t row = 0;
  int breakdown = -1;
  std::size_t column = 0;
  std::string value;
};

struct RejectedText {
  std::uint64_t line;
  const char* reason;
  std::string message;
  std::string text;
};

struct IdSeen {
  std::size_t row;
  std::uint64_t line;
  std::uint64_t column;
  std::size_t offset;  // into BatchResult::id_text
  std::size_t length;
};

// What one batch adds to the run, counted by a worker and merged in input
// order. The batch is kept until then: a duplicate respondent id (known
// only in order) means counting it again without that row.
struct BatchResult {
  std::size_t index = 0;
  std::shared_ptr<const Binding> binding;
  Batch batch;
  Tally all;
  std::vector<LocalBreakdown> breakdowns;
  std::int64_t rows_read = 0;
  std::int64_t rows_used = 0;
  std::array<std::int64_t, kRejectReasons.size()> rejected{};
  std::vector<std::array<std::int64_t, kInvalidReasonCount>> invalid;
  std::vector<Problem> problems;
  std::vector<RejectedText> rejected_rows;
  std::vector<IdSeen> ids;
  std::string id_text;
  bool stopped = false;  // strict: the last problem ends the run
  std::exception_ptr error;
};

// A global segment: the union of the batches' segments with the same values.
struct Segment {
  std::vector<std::string> labels;
  Tally tally;
};

struct Breakdown {
  std::vector<std::string> columns;
  std::map<std::vector<std::string>, Segment> segments;  // by raw values
  std::vector<std::set<std::string>> seen_values;        // per column, for warnings

  std::string option() const {
    std::string text;
    for (const std::string& column : columns) text += (text.empty() ? "" : ",") + column;
    return "--by " + text;
  }
};

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

}  // namespace

struct Engine::Impl {
  Impl(const Questionnaire& q, EngineOptions engine_options)
      : questionnaire(q), options(std::move(engine_options)), plan(make_plan(q)), batch_plan(plan), all(plan) {
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
    invalid_counts.resize(plan.slots.size());
    for (const std::vector<std::string>& columns : options.breakdowns) {
      Breakdown breakdown;
      breakdown.columns = columns;
      breakdown.seen_values.resize(columns.size());
      breakdowns.push_back(std::move(breakdown));
    }
    threads = std::max<std::size_t>(1, options.threads);
    // The reading thread mostly waits on its reader and merges; N threads count.
    if (threads > 1) {
      for (std::size_t t = 0; t < threads; ++t) workers.emplace_back([this] { work(); });
    }
  }

  ~Impl() {
    {
      const std::lock_guard<std::mutex> guard(lock);
      closing = true;
    }
    work_ready.notify_all();
    for (std::thread& worker : workers) worker.join();
  }

  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;

  void report(const Diagnostic& d) {
    if (options.on_problem) options.on_problem(d);
  }

  void warning(const std::string& file, std::uint64_t line, std::uint64_t column, std::string message) {
    Diagnostic d;
    d.file = file;
    d.line = line;
    d.column = column;
    d.severity = Severity::kWarning;
    d.message = std::move(message);
    report(d);
  }

  // ----- reading (the calling thread) -----

  std::shared_ptr<const Binding> bind_header(const std::string& file, char delimiter, Header& header) {
    auto binding = std::make_shared<Binding>();
    binding->file = file;
    binding->file_index = files.size() - 1;
    binding->delimiter = delimiter;
    header.name_columns(questionnaire.header_names);
    binding->width = header.width();
    if (options.on_header) options.on_header(header.texts(), delimiter);
    for (std::size_t i = 0; i < header.names().size(); ++i) {
      if (!is_valid_utf8(header.names()[i])) {
        const auto [line, column] = header.position(i);
        warning(file, line, column,
                "column name " + quote(header.names()[i]) + " is not valid UTF-8; is the file in another encoding?");
      }
    }
    if (binding->width == 1) check_delimiter(file, delimiter, header);

    std::vector<Diagnostic> errors;
    const auto locate = [&](const std::string& reference, const std::string& what, std::size_t* field) {
      std::string why;
      const std::optional<std::size_t> found = header.resolve(reference, &why);
      if (found) {
        *field = *found;
        return;
      }
      Diagnostic d;
      d.file = file;
      d.line = header.line();
      d.message = "column " + quote(reference) + " (" + what + ") " + why;
      errors.push_back(std::move(d));
    };
    std::map<std::string, std::string> roles;
    for (const ColumnUse& use : column_uses(questionnaire)) roles.emplace(use.column, use.role);
    binding->slot_fields.resize(plan.slots.size());
    for (std::size_t s = 0; s < plan.slots.size(); ++s) {
      locate(plan.slots[s].column, roles[plan.slots[s].column], &binding->slot_fields[s]);
    }
    binding->has_id = !questionnaire.respondent_id.empty();
    if (binding->has_id) locate(questionnaire.respondent_id, "the respondent id", &binding->id_field);
    binding->has_weight = !questionnaire.weight_column.empty();
    if (binding->has_weight) locate(questionnaire.weight_column, "the survey weight", &binding->weight_field);
    if (!errors.empty()) throw Error(ErrorKind::kInvalid, std::move(errors));
    binding->coding = FieldCoding(binding->width, binding->slot_fields, slot_coders);

    for (const Breakdown& breakdown : breakdowns) {
      std::vector<std::size_t> fields(breakdown.columns.size());
      for (std::size_t c = 0; c < breakdown.columns.size(); ++c) {
        locate(breakdown.columns[c], "a --by column", &fields[c]);
      }
      binding->breakdown_fields.push_back(std::move(fields));
    }
    if (!errors.empty()) throw Error(ErrorKind::kUsage, std::move(errors));

    std::map<std::string, std::vector<std::size_t>> positions;
    for (std::size_t i = 0; i < header.names().size(); ++i) positions[header.names()[i]].push_back(i);
    for (const auto& [name, where] : positions) {
      if (where.size() < 2) continue;
      const auto [line, column] = header.position(where[1]);
      warning(file, line, column,
              "column name " + quote(name) + " appears " + std::to_string(where.size()) +
                  " times in the header; the questionnaire does not use it");
    }
    return binding;
  }

  // A header read as one column that holds another delimiter was split
  // with the wrong one: say so once instead of missing every column.
  void check_delimiter(const std::string& file, char delimiter, const Header& header) {
    const std::string& only = header.names().front();
    for (const char other : {',', ';', '\t', '|'}) {
      if (other == delimiter || only.find(other) == std::string::npos) continue;
      throw Error(ErrorKind::kInvalid,
                  Diagnostic{file,
                             header.line(),
                             0,
                             {},
                             false,
                             Severity::kError,
                             "the header is a single column split by " + delimiter_name(delimiter) +
                                 ", but it holds the " + delimiter_name(other) + " character; is the file " +
                                 delimiter_name(other) + "-separated? (--delimiter chooses; by default it is detected)",
                             {}});
    }
  }

  // Hands a batch to the workers, or counts it here with one thread; then
  // merges whatever is ready, in order.
  void submit(std::unique_ptr<BatchResult> result) {
    if (threads == 1) {
      count(*result, nullptr);
      merge(std::move(result));
      return;
    }
    std::unique_lock<std::mutex> guard(lock);
    // Backpressure: a bounded number of batches in flight keeps memory flat.
    merge_ready(guard, [this] { return next_submitted - next_merged < 2 * threads + 1; });
    pending.push_back(std::move(result));
    ++next_submitted;
    work_ready.notify_one();
  }

  // Waits until every submitted batch is merged.
  void drain() {
    if (threads == 1) return;
    std::unique_lock<std::mutex> guard(lock);
    merge_ready(guard, [this] { return next_merged == next_submitted; });
  }

  // After an error: waits for the batches in flight and drops them.
  void abandon() {
    if (threads == 1) return;
    std::unique_lock<std::mutex> guard(lock);
    batch_done.wait(guard, [this] { return next_merged + finished.size() == next_submitted; });
    pending.clear();
    finished.clear();
    next_merged = next_submitted;
  }

  // Merges finished batches in order until `done` holds; rethrows the
  // first error, in input order.
  template <class Done>
  void merge_ready(std::unique_lock<std::mutex>& guard, Done done) {
    for (;;) {
      auto next = finished.find(next_merged);
      while (next != finished.end()) {
        std::unique_ptr<BatchResult> result = std::move(next->second);
        finished.erase(next);
        ++next_merged;
        guard.unlock();
        merge(std::move(result));
        guard.lock();
        next = finished.find(next_merged);
      }
      if (done()) return;
      batch_done.wait(guard);
    }
  }

  // ----- counting (workers) -----

  void work() {
    std::unique_lock<std::mutex> guard(lock);
    for (;;) {
      work_ready.wait(guard, [this] { return closing || !pending.empty(); });
      if (pending.empty()) return;
      std::unique_ptr<BatchResult> result = std::move(pending.front());
      pending.pop_front();
      guard.unlock();
      try {
        count(*result, nullptr);
      } catch (...) {
        result->error = std::current_exception();
      }
      guard.lock();
      const std::size_t index = result->index;
      finished.emplace(index, std::move(result));
      batch_done.notify_all();
    }
  }

  // Per worker thread: buffers reused from batch to batch.
  struct Scratch {
    std::unique_ptr<RecordParser> parser;
    char delimiter = 0;
    Record record;
    std::vector<Code> codes;  // weighted runs: a row's full codes, for its row scores
    RowScores row;
    std::vector<SmallCode> small_codes;  // per used row of the batch, per column of its FieldCoding
    std::vector<std::uint32_t> all_rows;
    BatchCounter counter;
  };

  void add_problem(BatchResult& result, const Record& record, std::size_t row, std::size_t field, std::string message) {
    Problem problem;
    problem.row = row;
    Diagnostic& d = problem.diagnostic;
    d.file = result.binding->file;
    std::tie(d.line, d.column) = record.position(field);
    d.message = std::move(message);
    if (options.strict) {
      const std::size_t offset = field < record.field_starts.size() ? record.field_starts[field] : record.text.size();
      std::tie(d.source_line, d.column) = excerpt(record.physical_line(offset), d.column);
      result.stopped = true;
    }
    result.problems.push_back(std::move(problem));
  }

  void reject(BatchResult& result, const Record& record, std::size_t row, std::size_t reason, std::size_t field,
              std::string message) {
    ++result.rejected[reason];
    if (options.on_reject) {
      result.rejected_rows.push_back({record.line, kRejectReasons[reason], message, std::string(record.text)});
    }
    if (options.on_problem || options.strict) add_problem(result, record, row, field, std::move(message));
  }

  std::uint32_t value_of(BatchResult& result, LocalBreakdown& local, std::size_t b, std::size_t c, const Record& record,
                         std::size_t row) {
    const std::size_t field = result.binding->breakdown_fields[b][c];
    const ValueDictionary::Lookup lookup = local.dictionaries[c].id_of(record.fields[field]);
    if (lookup.is_new && options.on_problem && !is_valid_utf8(record.fields[field])) {
      Problem problem;
      problem.row = row;
      problem.breakdown = static_cast<int>(b);
      problem.column = c;
      problem.value = local.dictionaries[c].value(lookup.id);
      Diagnostic& d = problem.diagnostic;
      d.file = result.binding->file;
      std::tie(d.line, d.column) = record.position(field);
      d.severity = Severity::kWarning;
      d.message = breakdowns[b].columns[c] + ": segment value " + quote(record.fields[field]) +
                  " is not valid UTF-8; reported as " + quote(local.dictionaries[c].label(lookup.id));
      result.problems.push_back(std::move(problem));
    }
    return lookup.id;
  }

  LocalBreakdown::Segment& segment_of(BatchResult& result, std::size_t b, const Record& record, std::size_t row) {
    LocalBreakdown& local = result.breakdowns[b];
    const std::size_t columns = breakdowns[b].columns.size();
    std::uint64_t key = value_of(result, local, b, 0, record, row);
    for (std::size_t c = 1; c < columns; ++c) {
      const std::uint64_t pair = (key << 32) | value_of(result, local, b, c, record, row);
      const auto [it, inserted] =
          local.combinations.emplace(pair, static_cast<std::uint32_t>(local.combinations.size()));
      key = it->second;
    }
    if (key >= local.segment_of_key.size()) local.segment_of_key.resize(key + 1, kNoSegment);
    const std::uint32_t found = local.segment_of_key[key];
    if (found != kNoSegment) return local.segments[found];
    std::vector<std::uint32_t> values;
    for (std::size_t c = 0; c < columns; ++c) {
      values.push_back(local.dictionaries[c].id_of(record.fields[result.binding->breakdown_fields[b][c]]).id);
    }
    local.segment_of_key[key] = static_cast<std::uint32_t>(local.segments.size());
    local.segments.push_back({std::move(values), Tally(plan), row, {}});
    return local.segments.back();
  }

  // Counts every row of a batch; rows in `duplicates` are rejected with
  // the message given.
  void count(BatchResult& result, const std::map<std::size_t, std::string>* duplicates) {
    thread_local Scratch scratch;
    const Binding& binding = *result.binding;
    if (!scratch.parser || scratch.delimiter != binding.delimiter) {
      scratch.parser = std::make_unique<RecordParser>(binding.delimiter);
      scratch.delimiter = binding.delimiter;
    }
    const std::size_t slots = plan.slots.size();
    scratch.codes.resize(slots);
    const std::size_t columns = binding.coding.columns();
    const std::uint32_t* column_of_slot = binding.coding.column_of_slot.data();
    scratch.small_codes.resize(result.batch.size() * columns);
    scratch.all_rows.clear();
    result.all = Tally(plan);
    result.breakdowns.assign(breakdowns.size(), LocalBreakdown{});
    for (std::size_t b = 0; b < breakdowns.size(); ++b) {
      result.breakdowns[b].dictionaries.resize(breakdowns[b].columns.size());
    }
    result.invalid.assign(plan.slots.size(), {});
    result.rows_read = 0;
    result.rows_used = 0;
    result.rejected = {};
    result.problems.clear();
    result.rejected_rows.clear();
    result.ids.clear();
    result.id_text.clear();
    result.stopped = false;
    // Every used row falls in exactly one segment of each breakdown, and
    // the sums are exact, so the whole data set's tally is the sum of the
    // first breakdown's: counting each row once more would be wasted work.
    // Importance-weighted moments and survey-weighted sums are floating
    // point, whose rounding depends on the order of addition, so not then:
    // the whole data set's figures must not change with --by.
    const bool weighted = plan.weighting == Weighting::kImportance || plan.survey_weights;
    const bool all_from_segments = !breakdowns.empty() && !weighted;
    Record& record = scratch.record;
    for (std::size_t row = 0; row < result.batch.size() && !result.stopped; ++row) {
      // A row is coded into the next place; it is taken only if the row is used.
      SmallCode* small = scratch.small_codes.data() + static_cast<std::size_t>(result.rows_used) * columns;
      parse_scored(*scratch.parser, result.batch.record(row), result.batch.lines[row], record, binding.coding, small);
      ++result.rows_read;
      if (record.has_nul) {
        reject(result, record, row, kNulByteReason, 0,
               "the row holds a NUL byte (is the file binary, or UTF-16 without a byte order mark?)");
        continue;
      }
      if (record.fields.size() != binding.width) {
        reject(result, record, row, kFieldCountReason, std::min(record.fields.size(), binding.width),
               "expected " + std::to_string(binding.width) + " fields as in the header, found " +
                   std::to_string(record.fields.size()));
        continue;
      }
      // A row without a usable weight is rejected before its id is taken,
      // so that a later row with the same id and a weight is used.
      if (binding.has_weight) {
        const WeightCell weight = read_weight(record.fields[binding.weight_field], questionnaire.missing);
        if (weight.problem != nullptr) {
          reject(result, record, row, kBadWeightReason, binding.weight_field,
                 questionnaire.weight_column + ": " + weight.problem + " (" +
                     quote(record.fields[binding.weight_field]) + "); expected a number at least 0");
          continue;
        }
        scratch.row.weight = weight.value;
      }
      if (binding.has_id) {
        if (duplicates != nullptr) {
          const auto duplicate = duplicates->find(row);
          if (duplicate != duplicates->end()) {
            reject(result, record, row, kDuplicateIdReason, binding.id_field, duplicate->second);
            continue;
          }
        }
        const std::string_view id = trim(record.fields[binding.id_field]);
        if (!id.empty()) {
          const auto [line, column] = record.position(binding.id_field);
          result.ids.push_back({row, line, column, result.id_text.size(), id.size()});
          result.id_text.append(id);
        }
      }
      const auto used = static_cast<std::uint32_t>(result.rows_used);
      bool invalid = false;
      for (std::size_t s = 0; s < slots; ++s) invalid |= small[column_of_slot[s]] == kSmallInvalid;
      if (invalid) {
        for (std::size_t s = 0; s < slots; ++s) {
          if (small[column_of_slot[s]] != kSmallInvalid) continue;
          const std::string_view cell = record.fields[binding.slot_fields[s]];
          InvalidReason reason = InvalidReason::kUnrecognized;
          slot_coders[s]->code(cell, &reason);
          ++result.invalid[s][static_cast<std::size_t>(reason)];
          if (options.strict || options.on_problem) {
            add_problem(result, record, row, binding.slot_fields[s],
                        plan.slots[s].column + ": " + slot_coders[s]->explain(cell, reason));
          }
        }
      }
      if (result.stopped) break;
      ++result.rows_used;
      if (weighted) {
        for (std::size_t s = 0; s < slots; ++s) {
          scratch.codes[s] = code_from_small(small[column_of_slot[s]], plan.slots[s].scale.min);
        }
        scratch.row.compute(plan, scratch.codes.data());
      }
      if (!all_from_segments) {
        scratch.all_rows.push_back(used);
        if (weighted) result.all.add_weighted(plan, scratch.row);
      }
      for (std::size_t b = 0; b < breakdowns.size(); ++b) {
        LocalBreakdown::Segment& segment = segment_of(result, b, record, row);
        segment.rows.push_back(used);
        if (weighted) segment.tally.add_weighted(plan, scratch.row);
      }
    }
    const SmallCode* small_codes = scratch.small_codes.data();
    scratch.counter.add(batch_plan, small_codes, columns, column_of_slot, scratch.all_rows.data(),
                        scratch.all_rows.size(), result.all);
    for (LocalBreakdown& local : result.breakdowns) {
      for (LocalBreakdown::Segment& segment : local.segments) {
        scratch.counter.add(batch_plan, small_codes, columns, column_of_slot, segment.rows.data(), segment.rows.size(),
                            segment.tally);
      }
    }
    if (all_from_segments) {
      for (const LocalBreakdown::Segment& segment : result.breakdowns.front().segments) result.all.merge(segment.tally);
    }
  }

  // ----- merging (in input order) -----

  void merge(std::unique_ptr<BatchResult> result) {
    if (result->error) std::rethrow_exception(result->error);
    const Binding& binding = *result->binding;
    if (binding.has_id) {
      // Ids are checked in input order; a batch with a duplicate is
      // counted again without it (rare), so nothing of that row remains.
      std::map<std::size_t, std::string> duplicates;
      for (const IdSeen& seen : result->ids) {
        const std::string_view id(result->id_text.data() + seen.offset, seen.length);
        const std::uint64_t here = (binding.file_index << kLineBits) | seen.line;
        const std::uint64_t first = ids.insert(id, here);
        if (first == 0) continue;
        duplicates.emplace(seen.row, "respondent id " + quote(id) + " was already used at " +
                                         files[first >> kLineBits] + ":" +
                                         std::to_string(first & ((std::uint64_t{1} << kLineBits) - 1)) +
                                         "; the first occurrence is kept");
      }
      if (!duplicates.empty()) count(*result, &duplicates);
    }
    for (const Problem& problem : result->problems) {
      if (problem.breakdown >= 0) {
        std::set<std::string>& seen =
            breakdowns[static_cast<std::size_t>(problem.breakdown)].seen_values[problem.column];
        if (!seen.insert(problem.value).second) continue;
      }
      if (result->stopped && &problem == &result->problems.back()) {
        throw Error(ErrorKind::kInvalid, problem.diagnostic);
      }
      report(problem.diagnostic);
    }
    for (const RejectedText& row : result->rejected_rows) {
      options.on_reject({binding.file, row.line, row.reason, row.message, row.text});
    }
    rows_read += result->rows_read;
    rows_used += result->rows_used;
    for (std::size_t r = 0; r < rejected.size(); ++r) rejected[r] += result->rejected[r];
    for (std::size_t s = 0; s < invalid_counts.size(); ++s) {
      for (std::size_t r = 0; r < kInvalidReasonCount; ++r) invalid_counts[s][r] += result->invalid[s][r];
    }
    all.merge(result->all);
    for (std::size_t b = 0; b < breakdowns.size(); ++b) {
      Breakdown& breakdown = breakdowns[b];
      const LocalBreakdown& local = result->breakdowns[b];
      for (const LocalBreakdown::Segment& segment : local.segments) {
        std::vector<std::string> values;
        std::vector<std::string> labels;
        for (std::size_t c = 0; c < breakdown.columns.size(); ++c) {
          values.push_back(local.dictionaries[c].value(segment.values[c]));
          labels.push_back(local.dictionaries[c].label(segment.values[c]));
        }
        auto found = breakdown.segments.find(values);
        if (found == breakdown.segments.end()) {
          if (breakdown.segments.size() == options.max_segments) {
            Record record;
            RecordParser parser(binding.delimiter);
            parser.parse(result->batch.record(segment.first_row), result->batch.lines[segment.first_row], record);
            Diagnostic d;
            d.file = binding.file;
            std::tie(d.line, d.column) = record.position(binding.breakdown_fields[b].back());
            d.message = breakdown.option() + " makes more than " + std::to_string(options.max_segments) +
                        " segments; is it an id or free-text column? (--max-segments raises the limit)";
            throw Error(ErrorKind::kUsage, std::move(d));
          }
          found = breakdown.segments.emplace(values, Segment{labels, Tally(plan)}).first;
        }
        found->second.tally.merge(segment.tally);
      }
    }
    // Merges run on the reading thread, which takes batches from here: the
    // buffers are reused rather than allocated anew for each batch.
    if (spares.size() < 2 * threads + 2) spares.push_back(std::move(result));
  }

  std::unique_ptr<BatchResult> spare() {
    if (spares.empty()) return std::make_unique<BatchResult>();
    std::unique_ptr<BatchResult> result = std::move(spares.back());
    spares.pop_back();
    return result;
  }

  const Questionnaire questionnaire;
  EngineOptions options;
  Plan plan;
  BatchPlan batch_plan;
  std::vector<Coder> coders;              // one per distinct scale and direction
  std::vector<const Coder*> slot_coders;  // per slot
  IdSet ids;
  Tally all;
  std::vector<Breakdown> breakdowns;
  std::vector<std::string> files;
  std::int64_t rows_read = 0;
  std::int64_t rows_used = 0;
  std::array<std::int64_t, kRejectReasons.size()> rejected{};
  std::vector<std::array<std::int64_t, kInvalidReasonCount>> invalid_counts;

  std::size_t threads = 1;
  std::vector<std::unique_ptr<BatchResult>> spares;
  std::vector<std::thread> workers;
  std::mutex lock;
  std::condition_variable work_ready;
  std::condition_variable batch_done;
  std::deque<std::unique_ptr<BatchResult>> pending;
  std::map<std::size_t, std::unique_ptr<BatchResult>> finished;
  std::size_t next_submitted = 0;
  std::size_t next_merged = 0;
  bool closing = false;
};

std::string Engine::save_state() const {
  const Impl& impl = *impl_;
  nlohmann::json state;
  state["gapscore_state"] = kStateVersion;
  state["tool"] = {{"name", "gapscore"}, {"version", tool_version()}};
  state["fingerprint"] = fingerprint(impl.questionnaire.source, impl.options.breakdowns);
  state["questionnaire"] = nlohmann::json::parse(impl.questionnaire.source);
  state["breakdowns"] = impl.options.breakdowns;
  nlohmann::json invalid = nlohmann::json::array();
  for (const auto& counts : impl.invalid_counts) invalid.push_back(counts);
  state["input"] = {{"files", impl.files},
                    {"rows_read", impl.rows_read},
                    {"rows_used", impl.rows_used},
                    {"rejected", impl.rejected},
                    {"invalid_cells", invalid}};
  state["all"] = tally_json(impl.all);
  nlohmann::json segments = nlohmann::json::array();
  for (std::size_t b = 0; b < impl.breakdowns.size(); ++b) {
    for (const auto& [values, segment] : impl.breakdowns[b].segments) {
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
  const std::string expected = fingerprint(impl.questionnaire.source, impl.options.breakdowns);
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
    if (rejected.size() != impl.rejected.size() || invalid.size() != impl.invalid_counts.size()) {
      throw damaged("its row accounting does not fit the questionnaire");
    }
    Tally all(impl.plan);
    if (!tally_from_json(state.at("all"), all)) throw damaged("its tally does not fit the questionnaire");
    std::vector<std::pair<std::size_t, std::pair<std::vector<std::string>, Segment>>> segments;
    for (const nlohmann::json& saved : state.at("segments")) {
      const auto b = saved.at("breakdown").get<std::size_t>();
      Segment segment{saved.at("labels").get<std::vector<std::string>>(), Tally(impl.plan)};
      const auto values = saved.at("values").get<std::vector<std::string>>();
      if (b >= impl.breakdowns.size() || values.size() != impl.breakdowns[b].columns.size() ||
          segment.labels.size() != values.size() || !tally_from_json(saved.at("tally"), segment.tally)) {
        throw damaged("a segment does not fit the breakdowns");
      }
      segments.push_back({b, {values, std::move(segment)}});
    }
    // Everything is read and checked: now add it.
    for (const nlohmann::json& name : input.at("files")) impl.files.push_back(name.get<std::string>());
    impl.rows_read += input.at("rows_read").get<std::int64_t>();
    impl.rows_used += input.at("rows_used").get<std::int64_t>();
    for (std::size_t r = 0; r < rejected.size(); ++r) impl.rejected[r] += rejected[r];
    for (std::size_t s = 0; s < invalid.size(); ++s) {
      const auto counts = invalid[s].get<std::vector<std::int64_t>>();
      if (counts.size() != kInvalidReasonCount) throw damaged("its invalid cells do not fit");
      for (std::size_t r = 0; r < kInvalidReasonCount; ++r) impl.invalid_counts[s][r] += counts[r];
    }
    impl.all.merge(all);
    for (auto& [b, entry] : segments) {
      Breakdown& breakdown = impl.breakdowns[b];
      auto found = breakdown.segments.find(entry.first);
      if (found == breakdown.segments.end()) {
        if (breakdown.segments.size() == impl.options.max_segments) {
          throw Error(ErrorKind::kUsage, file,
                      breakdown.option() + " makes more than " + std::to_string(impl.options.max_segments) +
                          " segments (--max-segments raises the limit)");
        }
        found = breakdown.segments.emplace(entry.first, Segment{entry.second.labels, Tally(impl.plan)}).first;
      }
      found->second.tally.merge(entry.second.tally);
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
  impl.files.push_back(reader.name());
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
  for (int row = 1; row < impl.questionnaire.header_rows && reader.next(record); ++row) header.add_row(record);
  const std::shared_ptr<const Binding> binding = impl.bind_header(reader.name(), reader.delimiter(), header);
  try {
    for (;;) {
      std::unique_ptr<BatchResult> result = impl.spare();
      if (!reader.next_batch(result->batch, kBatchBytes)) break;
      if (impl.options.on_read) impl.options.on_read(result->batch.text.size(), result->batch.size());
      result->error = nullptr;
      result->binding = binding;
      result->index = impl.next_submitted;
      if (impl.threads == 1) ++impl.next_submitted;
      impl.submit(std::move(result));
    }
    impl.drain();
  } catch (...) {
    impl.abandon();
    throw;
  }
}

InputSummary Engine::summary() const {
  const Impl& impl = *impl_;
  InputSummary summary;
  summary.files = impl.files;
  summary.rows_read = impl.rows_read;
  summary.rows_used = impl.rows_used;
  for (std::size_t r = 0; r < kRejectReasons.size(); ++r) {
    if (impl.rejected[r] == 0) continue;
    summary.rows_rejected += impl.rejected[r];
    summary.rejected.emplace_back(kRejectReasons[r], impl.rejected[r]);
  }
  for (std::size_t s = 0; s < impl.invalid_counts.size(); ++s) {
    for (std::size_t r = 0; r < kInvalidReasonCount; ++r) {
      if (impl.invalid_counts[s][r] == 0) continue;
      summary.invalid_cells.push_back(
          {impl.plan.slots[s].column, reason_name(static_cast<InvalidReason>(r)), impl.invalid_counts[s][r]});
    }
  }
  return summary;
}

Report Engine::finish() const {
  const Impl& impl = *impl_;
  Report report;
  report.tool_version = tool_version();
  report.title = impl.questionnaire.title;
  report.has_servqual = impl.questionnaire.has_servqual;
  for (const Dimension& dimension : impl.questionnaire.dimensions) {
    report.dimension_labels[dimension.id] = dimension.label;
  }
  for (const Item& item : impl.questionnaire.items) {
    if (!item.text.empty()) report.item_texts[item.id] = item.text;
  }
  report.input = summary();
  report.results.push_back(segment_result(impl.questionnaire, impl.plan, impl.all));
  for (const Breakdown& breakdown : impl.breakdowns) {
    std::vector<const Segment*> order;
    for (const auto& [values, segment] : breakdown.segments) order.push_back(&segment);
    std::stable_sort(order.begin(), order.end(),
                     [](const Segment* a, const Segment* b) { return a->labels < b->labels; });
    // Each segment is compared with the rest of the data, figure by figure;
    // a figure's comparisons over the breakdown's segments are one family.
    std::vector<SegmentResult> results;
    results.reserve(order.size());
    ComparisonFamilies families;
    for (const Segment* segment : order) {
      SegmentResult result;
      if (segment->tally.rows() < impl.options.min_n) {
        result.rows = segment->tally.rows();
        result.suppressed = true;
      } else {
        result = segment_result(impl.questionnaire, impl.plan, segment->tally);
      }
      for (std::size_t c = 0; c < breakdown.columns.size(); ++c) {
        result.segment.emplace_back(breakdown.columns[c], segment->labels[c]);
      }
      results.push_back(std::move(result));
    }
    for (std::size_t i = 0; i < order.size(); ++i) {
      if (results[i].suppressed) continue;
      Tally rest = impl.all;
      rest.subtract(order[i]->tally);
      const SegmentResult others = segment_result(impl.questionnaire, impl.plan, rest);
      compare_with_rest(results[i], others, impl.plan.weighting == Weighting::kImportance, families);
    }
    adjust_and_flag(families);
    for (SegmentResult& result : results) report.results.push_back(std::move(result));
  }
  return report;
}

}  // namespace gapscore
