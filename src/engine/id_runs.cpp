#include "gapscore/engine/id_runs.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>

#include "gapscore/base/diagnostic.h"
#include "gapscore/base/text.h"

namespace gapscore {

namespace {

// Entries read at once by a look-up: a block of 4,080 bytes.
constexpr std::size_t kPageEntries = 4096 / sizeof(IdEntry);
// Runs of one level merged at once, and so how much larger the next level's runs are.
constexpr int kFanIn = 16;
// Entries buffered per run while merging, and for the merged output.
constexpr std::size_t kMergeChunk = 512;

const char* tmpdir() {
  const char* directory = std::getenv("TMPDIR");
  return directory != nullptr && directory[0] != '\0' ? directory : nullptr;
}

std::string temporary_directory() { return tmpdir() != nullptr ? tmpdir() : "/tmp"; }

// `error` is errno as the failing call left it, or 0 for a file that
// ended before the data written to it.
[[noreturn]] void fail(const std::string& what, int error) {
  const std::string where =
      tmpdir() != nullptr ? quote(tmpdir()) + ", from TMPDIR" : std::string("/tmp; TMPDIR names another directory");
  throw Error(ErrorKind::kIo, "respondent ids",
              what + " the temporary file that holds the ids seen so far (in " + where +
                  "): " + (error != 0 ? std::strerror(error) : "it is shorter than what was written to it"));
}

}  // namespace

IdRuns::~IdRuns() { clear(); }

void IdRuns::clear() {
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  if (writer_.joinable()) writer_.join();
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  end_ = 0;
  runs_.clear();
  queued_.clear();
  has_queued_ = false;
  stopping_ = false;
  failure_ = nullptr;
}

void IdRuns::rethrow_failure() const {
  if (failure_) std::rethrow_exception(failure_);
}

void IdRuns::open_file() {
  const std::string directory = temporary_directory();
  fd_ = ::open(directory.c_str(), O_TMPFILE | O_RDWR | O_EXCL | O_CLOEXEC, 0600);
  if (fd_ >= 0) return;
  // Where the file system has no O_TMPFILE, a named file removed at once.
  std::string name = directory + "/gapscore-ids-XXXXXX";
  fd_ = ::mkostemp(name.data(), O_CLOEXEC);
  if (fd_ < 0) fail("cannot create", errno);
  ::unlink(name.c_str());
}

void IdRuns::write_run(std::uint64_t first, const IdEntry* entries, std::size_t count, Run& run) {
  for (std::size_t i = 0; i < count; ++i) {
    if ((run.count + i) % kPageEntries == 0) run.page_lows.push_back(entries[i].low);
  }
  const auto* bytes = reinterpret_cast<const char*>(entries);
  std::size_t left = count * sizeof(IdEntry);
  auto offset = static_cast<off_t>((first + run.count) * sizeof(IdEntry));
  while (left > 0) {
    const ssize_t wrote = ::pwrite(fd_, bytes, left, offset);
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote <= 0) fail("cannot write to", wrote < 0 ? errno : ENOSPC);
    bytes += wrote;
    left -= static_cast<std::size_t>(wrote);
    offset += wrote;
  }
  run.count += count;
}

void IdRuns::read_entries(std::uint64_t first, std::size_t count, IdEntry* into) const {
  auto* bytes = reinterpret_cast<char*>(into);
  std::size_t left = count * sizeof(IdEntry);
  auto offset = static_cast<off_t>(first * sizeof(IdEntry));
  while (left > 0) {
    const ssize_t got = ::pread(fd_, bytes, left, offset);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) fail("cannot read back", got < 0 ? errno : 0);
    bytes += got;
    left -= static_cast<std::size_t>(got);
    offset += got;
  }
}

void IdRuns::add(const std::function<void(std::vector<IdEntry>&)>& fill) {
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait(lock, [this] { return !has_queued_ || failure_; });
  rethrow_failure();
  lock.unlock();
  // The file and the writer first: if either cannot be had, the ids are
  // still where they were.
  if (fd_ < 0) open_file();
  if (!writer_.joinable()) writer_ = std::thread([this] { work(); });
  // The writer leaves the queue alone until has_queued_ is set, and find()
  // is this thread's.
  queued_.clear();
  fill(queued_);
  if (queued_.empty()) return;
  lock.lock();
  has_queued_ = true;
  lock.unlock();
  changed_.notify_all();
}

// The writer: each queued run to the file, then the merges it calls for,
// until clear(). A failure is kept for the id check to rethrow, and ends
// the writer.
void IdRuns::work() {
  try {
    for (;;) {
      {
        std::unique_lock<std::mutex> lock(mutex_);
        changed_.wait(lock, [this] { return has_queued_ || stopping_; });
        if (stopping_) return;  // what is queued is forgotten with the rest
      }
      write_queued();
      for (int level = 0;; ++level) {
        std::ptrdiff_t same = 0;
        {
          const std::lock_guard<std::mutex> lock(mutex_);
          same = std::count_if(runs_.begin(), runs_.end(), [level](const Run& r) { return r.level == level; });
        }
        if (same < kFanIn) break;
        merge_level(level);
      }
    }
  } catch (...) {
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      failure_ = std::current_exception();
    }
    changed_.notify_all();
  }
}

// Writes the queued run without the lock (nothing changes the queue
// while it is queued), then makes it a run.
void IdRuns::write_queued() {
  Run run;
  run.first = end_;
  write_run(run.first, queued_.data(), queued_.size(), run);
  end_ += run.count;
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    runs_.push_back(std::move(run));
    has_queued_ = false;  // the queue keeps its memory for the next run
  }
  changed_.notify_all();
}

// Merges the runs of `level` into one run of the next, written after the
// file's end; their old pages are given back to the file system. The
// smallest head is found by a scan of at most kFanIn low halves, cheaper
// than a heap at this width.
void IdRuns::merge_level(int level) {
  struct Cursor {
    const Run* run;
    std::uint64_t next = 0;  ///< entries of the run read so far
    std::vector<IdEntry> chunk;
    std::size_t at = 0;
  };
  // Only this thread changes runs_, so it reads them without the lock;
  // the runs merged are never written again.
  std::vector<Cursor> cursors;
  for (const Run& run : runs_) {
    if (run.level == level) cursors.push_back({&run, 0, {}, 0});
  }
  auto refill = [this](Cursor& c) {
    const auto count = static_cast<std::size_t>(std::min<std::uint64_t>(kMergeChunk, c.run->count - c.next));
    c.chunk.resize(count);
    if (count > 0) read_entries(c.run->first + c.next, count, c.chunk.data());
    c.next += count;
    c.at = 0;
    return count > 0;
  };
  for (Cursor& c : cursors) refill(c);
  Run merged;
  merged.first = end_;
  merged.level = level + 1;
  std::vector<IdEntry> out;
  out.reserve(kMergeChunk);
  while (!cursors.empty()) {
    std::size_t smallest = 0;
    for (std::size_t c = 1; c < cursors.size(); ++c) {
      if (cursors[c].chunk[cursors[c].at] < cursors[smallest].chunk[cursors[smallest].at]) smallest = c;
    }
    Cursor& from = cursors[smallest];
    out.push_back(from.chunk[from.at++]);
    if (out.size() == kMergeChunk) {
      write_run(merged.first, out.data(), out.size(), merged);
      out.clear();
    }
    if (from.at == from.chunk.size() && !refill(from))
      cursors.erase(cursors.begin() + static_cast<std::ptrdiff_t>(smallest));
  }
  write_run(merged.first, out.data(), out.size(), merged);
  end_ += merged.count;
  // Under the lock, as a look-up holds it while it reads the old runs.
  const std::lock_guard<std::mutex> lock(mutex_);
  for (const Run& run : runs_) {
    if (run.level != level) continue;
    // Best effort: where holes cannot be punched the file only stays larger.
    (void)::fallocate(fd_, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, static_cast<off_t>(run.first * sizeof(IdEntry)),
                      static_cast<off_t>(run.count * sizeof(IdEntry)));
  }
  runs_.erase(std::remove_if(runs_.begin(), runs_.end(), [level](const Run& r) { return r.level == level; }),
              runs_.end());
  runs_.push_back(std::move(merged));
}

std::uint64_t IdRuns::find_in(const Run& run, const Hash128& fingerprint) const {
  const IdEntry wanted{fingerprint.low, fingerprint.high, 0};
  // The last page starting below the fingerprint, and the next ones while
  // they start at its low half (pages may share a low half).
  auto page = static_cast<std::size_t>(std::lower_bound(run.page_lows.begin(), run.page_lows.end(), fingerprint.low) -
                                       run.page_lows.begin());
  if (page > 0) --page;
  IdEntry entries[kPageEntries];
  for (; page < run.page_lows.size() && (page == 0 || run.page_lows[page] <= fingerprint.low); ++page) {
    const std::uint64_t start = page * kPageEntries;
    const auto count = static_cast<std::size_t>(std::min<std::uint64_t>(kPageEntries, run.count - start));
    read_entries(run.first + start, count, entries);
    const IdEntry* found = std::lower_bound(entries, entries + count, wanted);
    if (found != entries + count && found->low == wanted.low && found->high == wanted.high) return found->where;
    if (found != entries + count) break;
  }
  return 0;
}

std::uint64_t IdRuns::find(const Hash128& fingerprint) const {
  const std::lock_guard<std::mutex> lock(mutex_);
  rethrow_failure();
  if (has_queued_) {
    const IdEntry wanted{fingerprint.low, fingerprint.high, 0};
    const auto found = std::lower_bound(queued_.begin(), queued_.end(), wanted);
    if (found != queued_.end() && found->low == wanted.low && found->high == wanted.high) return found->where;
  }
  for (const Run& run : runs_) {
    const std::uint64_t where = find_in(run, fingerprint);
    if (where != 0) return where;
  }
  return 0;
}

void IdRuns::for_each(const std::function<void(const IdEntry&)>& visit) const {
  const std::lock_guard<std::mutex> lock(mutex_);
  rethrow_failure();
  if (has_queued_) std::for_each(queued_.begin(), queued_.end(), visit);
  std::vector<IdEntry> chunk(kMergeChunk);
  for (const Run& run : runs_) {
    for (std::uint64_t at = 0; at < run.count; at += kMergeChunk) {
      const auto count = static_cast<std::size_t>(std::min<std::uint64_t>(kMergeChunk, run.count - at));
      read_entries(run.first + at, count, chunk.data());
      for (std::size_t i = 0; i < count; ++i) visit(chunk[i]);
    }
  }
}

}  // namespace gapscore
