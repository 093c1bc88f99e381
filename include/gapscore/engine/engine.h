#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "gapscore/base/diagnostic.h"
#include "gapscore/input/record_reader.h"
#include "gapscore/questionnaire/questionnaire.h"
#include "gapscore/report/report.h"

namespace gapscore {

/// A row that was not used, as handed to a rejects writer.
struct RejectedRow {
  const std::string& file;
  std::uint64_t line;
  const char* reason;
  const std::string& message;
  std::string_view text;  ///< the row, as read
};

/// The default of --max-segments: distinct segments one breakdown may have.
inline constexpr std::size_t kDefaultMaxSegments = 10000;

/// The default of --max-memory: the bytes of tallies a run may plan for.
inline constexpr std::uint64_t kDefaultMaxMemory = 4'000'000'000;

struct EngineOptions {
  /// One entry per --by: the columns crossed in that breakdown.
  std::vector<std::vector<std::string>> breakdowns;
  /// A breakdown with more segments stops the run with Error(kUsage): it is
  /// almost always an id or free-text column named by mistake.
  std::size_t max_segments = kDefaultMaxSegments;
  /// The bytes of tallies the run may plan for. A questionnaire whose
  /// tallies pass it with one segment per breakdown is refused before
  /// anything is read, with Error(kUsage); otherwise a breakdown may have
  /// only the segments that fit, as if max_segments said so.
  std::uint64_t max_memory = kDefaultMaxMemory;
  /// Segments with fewer rows keep their row count and lose every figure.
  std::int64_t min_n = 0;
  /// Stop at the first rejected row or invalid cell with Error(kInvalid).
  bool strict = false;
  /// Threads that count rows; the report is the same for any number.
  std::size_t threads = 1;
  /// Called with every problem in the data (errors and warnings), in input order.
  std::function<void(const Diagnostic&)> on_problem;
  /// Called with each input's header rows as read, and its delimiter.
  std::function<void(const std::vector<std::string>& header_rows, char delimiter)> on_header;
  /// Called with every rejected row, in input order.
  std::function<void(const RejectedRow&)> on_reject;
  /// Called by the reading thread as it reads, with the bytes and records
  /// just read: for a progress display.
  std::function<void(std::uint64_t bytes, std::uint64_t records)> on_read;
};

/// Reads inputs row by row into mergeable tallies (the whole data set and
/// every segment) and turns them into a report at the end. Memory depends
/// on the questionnaire and the number of segments, not on the number of
/// rows, except for the set of respondent ids seen (kept to reject
/// duplicates) when the questionnaire names a respondent_id column.
class Engine {
 public:
  Engine(const Questionnaire& questionnaire, EngineOptions options);
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  /// Reads one input, header rows first. Throws Error(kInvalid) when the
  /// input has no header or lacks a column the questionnaire names,
  /// Error(kUsage) when it lacks a --by column or a breakdown exceeds
  /// max_segments, and Error(kInvalid) at the first problem under `strict`;
  /// the reader's errors pass through.
  void read(RecordReader& reader);

  /// The report over everything read so far.
  Report finish() const;

  /// Checks what only the whole data set shows of the sample design (one
  /// usable fpc per stratum, every segment's rows in the design's units),
  /// throwing Error(kInvalid) as finish() would: before a state is saved,
  /// and for `validate`. With `with_raking`, also that the data can be
  /// raked to the questionnaire's margins: not for a shard's state, whose
  /// rows are not the whole sample.
  void check_design(bool with_raking) const;

  /// Totals so far, for the summary line on standard error.
  InputSummary summary() const;

  /// Everything counted so far as a state for `gapscore merge`: versioned
  /// JSON carrying the questionnaire, a fingerprint of it and of the
  /// breakdowns, the row accounting, and every tally's exact sums.
  std::string save_state() const;

  /// Adds a state saved by save_state() to what this engine has counted, as
  /// if its rows had been read here (duplicate respondent ids across states
  /// are not detected: states carry no ids). Throws Error(kInvalid), naming
  /// `file`, for a state that is not one, has another version, or was made
  /// with another questionnaire or other --by breakdowns.
  void merge_state(std::string_view text, const std::string& file);

  /// What a saved state was made with, to set up an engine that merges it.
  struct StateOrigin {
    Questionnaire questionnaire;
    std::vector<std::vector<std::string>> breakdowns;
  };
  static StateOrigin state_origin(std::string_view text, const std::string& file);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gapscore
