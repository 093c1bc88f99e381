#pragma once

// What the parts of a run share: what it counts with, and what it has
// counted so far.

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "gapscore/base/diagnostic.h"
#include "gapscore/base/siphash.h"
#include "gapscore/coding/coder.h"
#include "gapscore/engine/breakdowns.h"
#include "gapscore/engine/engine.h"
#include "gapscore/questionnaire/questionnaire.h"
#include "gapscore/tally/batch_counter.h"
#include "gapscore/tally/tally.h"

namespace gapscore {

/// Why a row is not used, in the order rows are checked, which is the
/// report's order.
inline constexpr std::array<const char*, 4> kRejectReasons = {"nul_byte", "field_count", "bad_weight", "duplicate_id"};
inline constexpr std::size_t kNulByteReason = 0;
inline constexpr std::size_t kFieldCountReason = 1;
inline constexpr std::size_t kBadWeightReason = 2;
inline constexpr std::size_t kDuplicateIdReason = 3;

/// What a run counts with: the questionnaire, the options, the plan and its
/// coders. Made once with the engine, then only read, by every thread.
struct RunSetup {
  RunSetup(const Questionnaire& questionnaire, EngineOptions options);
  RunSetup(const RunSetup&) = delete;
  RunSetup& operator=(const RunSetup&) = delete;

  /// The --by breakdowns as asked for, without the design's columns.
  std::vector<std::vector<std::string>> asked_breakdowns() const;
  /// Hands `d` to options.on_problem, if there is one.
  void report(const Diagnostic& d) const;
  /// Reports a warning at `file`:`line`:`column`.
  void warning(const std::string& file, std::uint64_t line, std::uint64_t column, std::string message) const;

  const Questionnaire questionnaire;
  /// The --by breakdowns asked for; `options.breakdowns` holds them first.
  std::size_t user_breakdowns = 0;
  /// The sample design's columns (strata, fpc, cluster: those the
  /// questionnaire names). Every breakdown asked for is counted with them
  /// appended, and they are counted as one more breakdown after the others,
  /// so that each result's rows come split by unit (or stratum) for its
  /// standard errors (METHODS.md, "Sample designs").
  std::vector<std::string> design_columns;
  EngineOptions options;
  Plan plan;
  BatchPlan batch_plan;                   ///< refers to `plan`
  std::vector<Coder> coders;              ///< one per distinct scale and direction
  std::vector<const Coder*> slot_coders;  ///< per slot, into `coders`
  SegmentLimit segment_limit;             ///< per breakdown
  /// With a sample design, every breakdown's segments are split by its
  /// units: only --max-memory bounds them (--max-segments is for a --by
  /// naming an id column by mistake).
  SegmentLimit design_segment_limit;
  const SegmentLimit& limit_of() const { return design_columns.empty() ? segment_limit : design_segment_limit; }
  /// Respondent ids are fingerprinted with a key of the run's own, so no
  /// input can be made for two ids to share a fingerprint.
  SipKey id_key = random_sip_key();
};

/// What a run has counted so far: the inputs, the row accounting, the whole
/// data set's tally and every breakdown's segments. Changed only by merges,
/// in input order.
struct RunTotals {
  explicit RunTotals(const RunSetup& setup);

  std::vector<std::string> files;
  std::int64_t rows_read = 0;
  std::int64_t rows_used = 0;
  std::array<std::int64_t, kRejectReasons.size()> rejected{};
  std::vector<std::array<std::int64_t, kInvalidReasonCount>> invalid_counts;  ///< per slot, per reason
  Tally all;
  std::vector<Breakdown> breakdowns;  ///< per --by
  /// Per segment column as --by names it, the values not UTF-8 warned of
  /// so far: once each, however many breakdowns name the column.
  std::map<std::string, std::set<std::string>> warned_values;
  /// The runs whose rows a merge has added, by the id saved states carry
  /// for them, with the state that brought each: so that no run is added twice.
  std::map<std::string, std::string> parts;
};

}  // namespace gapscore
