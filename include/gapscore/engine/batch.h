#pragma once

// What one batch of rows adds to a run: the checks of every row, and the
// counts of the rows used.

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "gapscore/base/diagnostic.h"
#include "gapscore/base/siphash.h"
#include "gapscore/coding/coder.h"
#include "gapscore/engine/binding.h"
#include "gapscore/engine/breakdowns.h"
#include "gapscore/engine/run.h"
#include "gapscore/input/record_reader.h"
#include "gapscore/tally/tally.h"

namespace gapscore {

/// A problem found while counting a batch. A warning about a segment value
/// that is not UTF-8 is only shown if the value is new to the whole run,
/// which only the in-order merge knows.
struct Problem {
  Diagnostic diagnostic;
  std::size_t row = 0;
  int breakdown = -1;      ///< the warning's breakdown, or -1 for a problem always shown
  std::size_t column = 0;  ///< the warning's column of that breakdown
  std::string value;       ///< the warning's value, as in the data
};

/// A rejected row, kept for options.on_reject.
struct RejectedText {
  std::uint64_t line;
  const char* reason;
  std::string message;
  std::string text;
};

/// A respondent id of a row, to be checked in input order.
struct IdSeen {
  Hash128 fingerprint;  ///< of the id with RunSetup::id_key, taken by the counting thread
  std::uint64_t line;
  std::uint32_t row;
  std::uint32_t offset;  ///< into BatchResult::id_text
  std::uint32_t length;
};

/// What one batch adds to the run, counted by a worker and merged in input
/// order. The batch is kept until then: a duplicate respondent id (known
/// only in order) means counting it again without that row.
struct BatchResult {
  std::shared_ptr<const Binding> binding;
  Batch batch;
  Tally all;
  std::vector<LocalBreakdown> breakdowns;  ///< per --by
  std::int64_t rows_read = 0;
  std::int64_t rows_used = 0;
  std::array<std::int64_t, kRejectReasons.size()> rejected{};
  std::vector<std::array<std::int64_t, kInvalidReasonCount>> invalid;  ///< per slot, per reason
  std::vector<Problem> problems;                                       ///< in input order
  std::vector<RejectedText> rejected_rows;                             ///< only when there is an options.on_reject
  std::vector<IdSeen> ids;
  std::string id_text;
  bool stopped = false;  ///< strict: the last problem ends the run
};

/// Rows of a batch to reject as duplicate respondent ids, with each one's message.
using Duplicates = std::map<std::size_t, std::string>;

/// Counts every row of `result.batch` (an input bound as `*result.binding`)
/// into `result`, starting afresh: rows that fail a check are rejected and
/// invalid cells counted, each a Problem when options.on_problem or strict
/// wants them; rows in `duplicates`, if given, are rejected with the message
/// given; the rest are counted into the whole data set's tally and their
/// segments', and their ids noted. Under strict, stops at the first problem.
/// Threads may count batches at once, each into a result of its own.
void count_batch(const RunSetup& setup, BatchResult& result, const Duplicates* duplicates);

}  // namespace gapscore
