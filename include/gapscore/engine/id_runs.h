#pragma once

// Respondent ids a run has seen, kept out of memory: sorted runs of
// fingerprints in a temporary file, merged as they pile up.

#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "gapscore/base/siphash.h"

namespace gapscore {

/// One id remembered: its fingerprint and where it was first seen.
struct IdEntry {
  std::uint64_t low = 0;
  std::uint64_t high = 0;
  std::uint64_t where = 0;
};

inline bool operator<(const IdEntry& a, const IdEntry& b) { return a.low != b.low ? a.low < b.low : a.high < b.high; }

/// Sorted runs of IdEntry in an unlinked temporary file (in TMPDIR, else
/// /tmp), each with the first fingerprint of every block of 170 entries in
/// memory, so a look-up reads one block a run. Sixteen runs of one size are merged into
/// one sixteen times larger, so there are few runs to look in. Runs are
/// written and merged by a thread of their own, off the in-order id check
/// but for a merge that outlasts the filling of the next run, which the
/// check then waits for; a run not yet written is looked up in memory.
class IdRuns {
 public:
  IdRuns() = default;
  IdRuns(const IdRuns&) = delete;
  IdRuns& operator=(const IdRuns&) = delete;
  ~IdRuns();

  /// The `where` of `fingerprint`, or 0 when no run holds it.
  std::uint64_t find(const Hash128& fingerprint) const;

  /// Adds a run: once the run before it is written, `fill` puts the
  /// entries, ordered by operator<, into the (empty) vector it is given,
  /// whose memory serves every run in turn.
  void add(const std::function<void(std::vector<IdEntry>&)>& fill);

  /// Calls `visit` with every entry of every run.
  void for_each(const std::function<void(const IdEntry&)>& visit) const;

  /// Forgets every run, and the file.
  void clear();

 private:
  struct Run {
    std::uint64_t first = 0;  ///< in entries from the file's start
    std::uint64_t count = 0;
    int level = 0;
    std::vector<std::uint64_t> page_lows;  ///< the low half of each block's first fingerprint
  };

  void open_file();
  void write_run(std::uint64_t first, const IdEntry* entries, std::size_t count, Run& run);
  void read_entries(std::uint64_t first, std::size_t count, IdEntry* into) const;
  void work();
  void write_queued();
  void merge_level(int level);
  std::uint64_t find_in(const Run& run, const Hash128& fingerprint) const;
  void rethrow_failure() const;

  int fd_ = -1;
  std::uint64_t end_ = 0;  ///< the file's length, in entries; the writer's alone
  // Guards what both threads see: the runs, the queued run and the state.
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<Run> runs_;
  std::vector<IdEntry> queued_;  ///< sorted, handed over and not yet in runs_
  bool has_queued_ = false;
  bool stopping_ = false;
  std::exception_ptr failure_;  ///< the writer's error, rethrown to the id check
  std::thread writer_;
};

}  // namespace gapscore
