#pragma once

// Respondent ids a run has seen, kept out of memory: sorted runs of
// fingerprints in a temporary file, merged as they pile up.

#include <cstdint>
#include <functional>
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
/// /tmp), each with the first fingerprint of every page in memory, so a
/// look-up reads one page a run. Sixteen runs of one size are merged into
/// one sixteen times larger, so there are few runs to look in.
class IdRuns {
 public:
  IdRuns() = default;
  IdRuns(const IdRuns&) = delete;
  IdRuns& operator=(const IdRuns&) = delete;
  ~IdRuns();

  /// The `where` of `fingerprint`, or 0 when no run holds it.
  std::uint64_t find(const Hash128& fingerprint) const;

  /// Adds `sorted` (ordered by operator<) as a run.
  void add(const std::vector<IdEntry>& sorted);

  /// Calls `visit` with every entry of every run.
  void for_each(const std::function<void(const IdEntry&)>& visit) const;

  /// Forgets every run, and the file.
  void clear();

 private:
  struct Run {
    std::uint64_t first = 0;  ///< in entries from the file's start
    std::uint64_t count = 0;
    int level = 0;
    std::vector<std::uint64_t> page_lows;  ///< the low half of each page's first fingerprint
  };

  void open_file();
  void write_run(std::uint64_t first, const IdEntry* entries, std::size_t count, Run& run);
  void read_entries(std::uint64_t first, std::size_t count, IdEntry* into) const;
  void merge_level(int level);
  std::uint64_t find_in(const Run& run, const Hash128& fingerprint) const;

  int fd_ = -1;
  std::uint64_t end_ = 0;  ///< the file's length, in entries
  std::vector<Run> runs_;
};

}  // namespace gapscore
