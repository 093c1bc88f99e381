#include "gapscore/engine/batch.h"

#include <algorithm>
#include <string_view>
#include <tuple>
#include <utility>

#include "gapscore/base/text.h"
#include "gapscore/coding/scored_parser.h"
#include "gapscore/engine/cells.h"
#include "gapscore/engine/id_set.h"
#include "gapscore/input/record.h"
#include "gapscore/input/record_parser.h"
#include "gapscore/tally/batch_counter.h"

namespace gapscore {

namespace {

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

// Per worker thread: buffers reused from batch to batch.
struct Scratch {
  std::unique_ptr<RecordParser> parser;
  char delimiter = 0;
  Record record;
  std::vector<Code> codes;  // weighted runs: a row's full codes, for its row scores
  RowScores row;
  std::vector<SmallCode> small_codes;   // per used row of the batch, per column of its FieldCoding
  std::vector<std::uint32_t> all_rows;  // without breakdowns
  BatchCells cells;
  Tally cell_tally;  // a cell's counts, when no breakdown has all the columns
  BatchCounter counter;
};

void add_problem(const RunSetup& setup, BatchResult& result, const Record& record, std::size_t row, std::size_t field,
                 std::string message) {
  Problem problem;
  problem.row = row;
  Diagnostic& d = problem.diagnostic;
  d.file = result.binding->file;
  std::tie(d.line, d.column) = record.position(field);
  d.message = std::move(message);
  if (setup.options.strict) {
    const std::size_t offset = field < record.field_starts.size() ? record.field_starts[field] : record.text.size();
    std::tie(d.source_line, d.column) = excerpt(record.physical_line(offset), d.column);
    result.stopped = true;
  }
  result.problems.push_back(std::move(problem));
}

void reject(const RunSetup& setup, BatchResult& result, const Record& record, std::size_t row, std::size_t reason,
            std::size_t field, std::string message) {
  ++result.rejected[reason];
  if (setup.options.on_reject) {
    result.rejected_rows.push_back({record.line, kRejectReasons[reason], message, std::string(record.text)});
  }
  if (setup.options.on_problem || setup.options.strict) {
    add_problem(setup, result, record, row, field, std::move(message));
  }
}

std::uint32_t value_of(const RunSetup& setup, BatchResult& result, LocalBreakdown& local, std::size_t b, std::size_t c,
                       const Record& record, std::size_t row) {
  const std::size_t field = result.binding->breakdown_fields[b][c];
  const ValueDictionary::Lookup lookup = local.crossing.dictionaries[c].id_of(record.fields[field]);
  if (lookup.is_new && setup.options.on_problem && !is_valid_utf8(record.fields[field])) {
    Problem problem;
    problem.row = row;
    problem.breakdown = static_cast<int>(b);
    problem.column = c;
    problem.value = local.crossing.dictionaries[c].value(lookup.id);
    Diagnostic& d = problem.diagnostic;
    d.file = result.binding->file;
    std::tie(d.line, d.column) = record.position(field);
    d.severity = Severity::kWarning;
    d.message = setup.options.breakdowns[b][c] + ": segment value " + quote(record.fields[field]) +
                " is not valid UTF-8; reported as " + quote(local.crossing.dictionaries[c].label(lookup.id));
    result.problems.push_back(std::move(problem));
  }
  return lookup.id;
}

// The index of a segment new to the batch, at `key` of segment_of_key.
std::uint32_t add_segment(const RunSetup& setup, BatchResult& result, std::size_t b, std::uint64_t key,
                          const Record& record, std::size_t row) {
  LocalBreakdown& local = result.breakdowns[b];
  std::vector<std::uint32_t> values;
  for (std::size_t c = 0; c < local.crossing.dictionaries.size(); ++c) {
    values.push_back(local.crossing.dictionaries[c].id_of(record.fields[result.binding->breakdown_fields[b][c]]).id);
  }
  const auto index = static_cast<std::uint32_t>(local.segments.size());
  local.segment_of_key[key] = index;
  local.segments.push_back({std::move(values), Tally(setup.plan), row, {}});
  return index;
}

// Inline, as are the checks below: both run for every row. What they do
// less often is in functions of its own, which keeps them small enough to be.
inline std::uint32_t segment_of(const RunSetup& setup, BatchResult& result, std::size_t b, const Record& record,
                                std::size_t row) {
  LocalBreakdown& local = result.breakdowns[b];
  const std::size_t columns = local.crossing.dictionaries.size();
  std::uint64_t key = value_of(setup, result, local, b, 0, record, row);
  for (std::size_t c = 1; c < columns; ++c)
    key = local.crossing.cross(key, value_of(setup, result, local, b, c, record, row));
  if (key >= local.segment_of_key.size()) local.segment_of_key.resize(key + 1, kNoSegment);
  const std::uint32_t found = local.segment_of_key[key];
  return found != kNoSegment ? found : add_segment(setup, result, b, key, record, row);
}

// Empties `result` of what an earlier count left (a batch with a duplicate
// id is counted twice) and sizes the scratch buffers for its batch.
void start(const RunSetup& setup, BatchResult& result, Scratch& scratch) {
  const Plan& plan = setup.plan;
  const Binding& binding = *result.binding;
  if (!scratch.parser || scratch.delimiter != binding.delimiter) {
    scratch.parser = std::make_unique<RecordParser>(binding.delimiter);
    scratch.delimiter = binding.delimiter;
  }
  scratch.codes.resize(plan.slots.size());
  scratch.small_codes.resize(result.batch.size() * binding.coding.columns());
  scratch.all_rows.clear();
  scratch.cells.start(binding, plan, result.batch.size());
  result.all = Tally(plan);
  result.breakdowns.assign(setup.options.breakdowns.size(), LocalBreakdown{});
  for (std::size_t b = 0; b < setup.options.breakdowns.size(); ++b) {
    result.breakdowns[b].crossing = Crossing(setup.options.breakdowns[b].size());
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
}

void reject_nul_byte(const RunSetup& setup, BatchResult& result, const Record& record, std::size_t row) {
  reject(setup, result, record, row, kNulByteReason, 0,
         "the row holds a NUL byte (is the file binary, or UTF-16 without a byte order mark?)");
}

void reject_field_count(const RunSetup& setup, BatchResult& result, const Record& record, std::size_t row) {
  const std::size_t width = result.binding->width;
  reject(
      setup, result, record, row, kFieldCountReason, std::min(record.fields.size(), width),
      "expected " + std::to_string(width) + " fields as in the header, found " + std::to_string(record.fields.size()));
}

void reject_weight(const RunSetup& setup, BatchResult& result, const Record& record, std::size_t row,
                   const char* problem) {
  const std::size_t field = result.binding->weight_field;
  reject(setup, result, record, row, kBadWeightReason, field,
         setup.questionnaire.weight_column + ": " + problem + " (" + quote(record.fields[field]) +
             "); expected a number at least 0");
}

// The checks that reject a row, in the order of kRejectReasons; false when
// the row is rejected. A row that passes has its survey weight read into
// `scores` and its respondent id noted.
inline bool passes_checks(const RunSetup& setup, BatchResult& result, const Record& record, std::size_t row,
                          const Duplicates* duplicates, RowScores& scores) {
  const Binding& binding = *result.binding;
  if (record.has_nul) {
    reject_nul_byte(setup, result, record, row);
    return false;
  }
  if (record.fields.size() != binding.width) {
    reject_field_count(setup, result, record, row);
    return false;
  }
  // A row without a usable weight is rejected before its id is taken,
  // so that a later row with the same id and a weight is used.
  if (binding.has_weight) {
    const WeightCell weight = read_weight(record.fields[binding.weight_field], setup.questionnaire.missing);
    if (weight.problem != nullptr) {
      reject_weight(setup, result, record, row, weight.problem);
      return false;
    }
    scores.weight = weight.value;
  }
  if (binding.has_id) {
    if (duplicates != nullptr) {
      const auto duplicate = duplicates->find(row);
      if (duplicate != duplicates->end()) {
        reject(setup, result, record, row, kDuplicateIdReason, binding.id_field, duplicate->second);
        return false;
      }
    }
    const std::string_view id = trim(record.fields[binding.id_field]);
    if (!id.empty()) {
      // Fingerprinted here, in parallel, so that the in-order check only probes.
      result.ids.push_back({siphash128(setup.id_key, id), record.position(binding.id_field).first,
                            static_cast<std::uint32_t>(row), static_cast<std::uint32_t>(result.id_text.size()),
                            static_cast<std::uint32_t>(id.size())});
      result.id_text.append(id);
    }
  }
  return true;
}

// Counts a row's invalid cells by reason, each a problem when wanted.
void count_invalid_cells(const RunSetup& setup, BatchResult& result, const Record& record, std::size_t row,
                         const SmallCode* small) {
  const Binding& binding = *result.binding;
  const std::uint32_t* column_of_slot = binding.coding.column_of_slot.data();
  for (std::size_t s = 0; s < setup.plan.slots.size(); ++s) {
    if (small[column_of_slot[s]] != kSmallInvalid) continue;
    const std::string_view cell = record.fields[binding.slot_fields[s]];
    InvalidReason reason = InvalidReason::kUnrecognized;
    setup.slot_coders[s]->code(cell, &reason);
    ++result.invalid[s][static_cast<std::size_t>(reason)];
    if (setup.options.strict || setup.options.on_problem) {
      add_problem(setup, result, record, row, binding.slot_fields[s],
                  setup.plan.slots[s].column + ": " + setup.slot_coders[s]->explain(cell, reason));
    }
  }
}

// A new cell of the batch, whose segments are looked up per breakdown:
// that numbers its new values and warns of them at their first row, as
// without cells.
std::uint32_t add_cell(const RunSetup& setup, BatchResult& result, BatchCells& cells, const Record& record,
                       std::size_t row) {
  std::vector<std::uint32_t> segments(result.breakdowns.size());
  for (std::size_t b = 0; b < segments.size(); ++b) segments[b] = segment_of(setup, result, b, record, row);
  return cells.add(std::move(segments));
}

void stop_grouping(BatchResult& result, BatchCells& cells) {
  for (const BatchCells::Cell& cell : cells.cells()) {
    for (std::size_t b = 0; b < result.breakdowns.size(); ++b) {
      std::vector<std::uint32_t>& rows = result.breakdowns[b].segments[cell.segments[b]].rows;
      rows.insert(rows.end(), cell.rows.begin(), cell.rows.end());
    }
  }
  cells.stop();
}

// Puts used row `used` in its segments (through its cell while the batch
// is grouped) and adds its floating-point sums to each, in input order.
inline void add_to_segments(const RunSetup& setup, BatchResult& result, Scratch& scratch, const Record& record,
                            std::size_t row, std::uint32_t used, bool weighted) {
  const std::size_t breakdowns = result.breakdowns.size();
  BatchCells& cells = scratch.cells;
  if (cells.grouping()) {
    std::uint32_t index = cells.find(record);
    if (index != kNoSegment || cells.has_room()) {
      if (index == kNoSegment) index = add_cell(setup, result, cells, record, row);
      BatchCells::Cell& cell = cells.cell(index);
      cell.rows.push_back(used);
      for (std::size_t b = 0; b < breakdowns && weighted; ++b) {
        result.breakdowns[b].segments[cell.segments[b]].tally.add_weighted(setup.plan, scratch.row);
      }
      return;
    }
    stop_grouping(result, cells);
  }
  for (std::size_t b = 0; b < breakdowns; ++b) {
    LocalBreakdown::Segment& segment = result.breakdowns[b].segments[segment_of(setup, result, b, record, row)];
    segment.rows.push_back(used);
    if (weighted) segment.tally.add_weighted(setup.plan, scratch.row);
  }
}

// Counts `rows` of the batch's codes into `tally`, a column at a time.
void count_rows(const RunSetup& setup, const BatchResult& result, Scratch& scratch,
                const std::vector<std::uint32_t>& rows, Tally& tally) {
  const FieldCoding& coding = result.binding->coding;
  scratch.counter.add(setup.batch_plan, scratch.small_codes.data(), coding.columns(), coding.column_of_slot.data(),
                      rows.data(), rows.size(), tally);
}

// Counts each cell's rows once, into its segment of the breakdown with
// all the columns if there is one, and adds the exact sums to the cell's
// segment of every other breakdown.
void count_cells(const RunSetup& setup, BatchResult& result, Scratch& scratch) {
  const int covering = scratch.cells.covering();
  for (const BatchCells::Cell& cell : scratch.cells.cells()) {
    Tally* counted = &scratch.cell_tally;
    if (covering >= 0) {
      const auto b = static_cast<std::size_t>(covering);
      counted = &result.breakdowns[b].segments[cell.segments[b]].tally;
    } else {
      scratch.cell_tally = Tally(setup.plan);
    }
    count_rows(setup, result, scratch, cell.rows, *counted);
    for (std::size_t b = 0; b < result.breakdowns.size(); ++b) {
      if (static_cast<int>(b) != covering) result.breakdowns[b].segments[cell.segments[b]].tally.merge_counts(*counted);
    }
  }
}

// Counts the codes of the rows used into the tallies.
void add_used_rows(const RunSetup& setup, BatchResult& result, Scratch& scratch) {
  if (result.breakdowns.empty()) {
    count_rows(setup, result, scratch, scratch.all_rows, result.all);
    return;
  }
  if (scratch.cells.grouping()) {
    count_cells(setup, result, scratch);
  } else {
    for (LocalBreakdown& local : result.breakdowns) {
      for (LocalBreakdown::Segment& segment : local.segments)
        count_rows(setup, result, scratch, segment.rows, segment.tally);
    }
  }
  // Every used row is in one segment of each breakdown, and the sums are
  // exact: the whole data set's are those of any breakdown's segments.
  const auto fewest = std::min_element(
      result.breakdowns.begin(), result.breakdowns.end(),
      [](const LocalBreakdown& a, const LocalBreakdown& b) { return a.segments.size() < b.segments.size(); });
  for (const LocalBreakdown::Segment& segment : fewest->segments) result.all.merge_counts(segment.tally);
}

}  // namespace

void count_batch(const RunSetup& setup, BatchResult& result, const Duplicates* duplicates) {
  thread_local Scratch scratch;
  start(setup, result, scratch);
  const Plan& plan = setup.plan;
  const Binding& binding = *result.binding;
  const std::size_t slots = plan.slots.size();
  const std::size_t columns = binding.coding.columns();
  const std::uint32_t* column_of_slot = binding.coding.column_of_slot.data();
  const bool has_breakdowns = !result.breakdowns.empty();
  // Importance-weighted moments and survey-weighted sums are floating
  // point, whose rounding depends on the order of addition: they are added
  // row by row, in input order, to every tally the row is in, so that the
  // whole data set's figures do not change with --by.
  const bool weighted = plan.weighting == Weighting::kImportance || plan.survey_weights;
  Record& record = scratch.record;
  for (std::size_t row = 0; row < result.batch.size() && !result.stopped; ++row) {
    // A row is coded into the next place; it is taken only if the row is used.
    SmallCode* small = scratch.small_codes.data() + static_cast<std::size_t>(result.rows_used) * columns;
    parse_scored(*scratch.parser, result.batch.record(row), result.batch.lines[row], record, binding.coding, small);
    ++result.rows_read;
    if (!passes_checks(setup, result, record, row, duplicates, scratch.row)) continue;
    const auto used = static_cast<std::uint32_t>(result.rows_used);
    bool invalid = false;
    for (std::size_t s = 0; s < slots; ++s) invalid |= small[column_of_slot[s]] == kSmallInvalid;
    if (invalid) count_invalid_cells(setup, result, record, row, small);
    if (result.stopped) break;
    ++result.rows_used;
    if (weighted) {
      for (std::size_t s = 0; s < slots; ++s) {
        scratch.codes[s] = code_from_small(small[column_of_slot[s]], plan.slots[s].scale.min);
      }
      scratch.row.compute(plan, scratch.codes.data());
    }
    if (weighted) result.all.add_weighted(plan, scratch.row);
    if (has_breakdowns) {
      add_to_segments(setup, result, scratch, record, row, used, weighted);
    } else {
      scratch.all_rows.push_back(used);
    }
  }
  add_used_rows(setup, result, scratch);
}

}  // namespace gapscore
