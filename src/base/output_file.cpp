#include "gapscore/base/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdlib>
#include <cstring>

#include "gapscore/base/diagnostic.h"

namespace gapscore {

namespace {

mode_t default_file_mode() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return static_cast<mode_t>(0666 & ~mask);
}

bool same_file(const struct stat& a, const struct stat& b) { return a.st_dev == b.st_dev && a.st_ino == b.st_ino; }

// Temporary files being written, so that a signal can remove them. Fixed
// slots of fixed size: the handler may not allocate or lock.
constexpr std::size_t kTemporarySlots = 16;
struct TemporarySlot {
  std::atomic<bool> used{false};
  char path[PATH_MAX + 1] = {};
};
std::array<TemporarySlot, kTemporarySlots> temporaries;

int remember_temporary(const std::string& path) {
  if (path.size() > PATH_MAX) return -1;
  for (std::size_t slot = 0; slot < temporaries.size(); ++slot) {
    bool expected = false;
    if (!temporaries[slot].used.compare_exchange_strong(expected, true)) continue;
    std::memcpy(temporaries[slot].path, path.c_str(), path.size() + 1);
    return static_cast<int>(slot);
  }
  return -1;
}

void forget_temporary(int slot) {
  if (slot >= 0) temporaries[static_cast<std::size_t>(slot)].used.store(false);
}

extern "C" void remove_temporaries_and_die(int signal_number) {
  for (TemporarySlot& slot : temporaries) {
    if (slot.used.load()) ::unlink(slot.path);
  }
  std::signal(signal_number, SIG_DFL);
  std::raise(signal_number);
}

// Linux's fs.protected_symlinks rule, applied whatever the system's
// setting: in a sticky folder anyone may write (/tmp), a link that neither
// the running user nor the folder's owner made is not followed, so that
// another user cannot point root's `-o /tmp/report.json` at a file of
// theirs to overwrite.
bool is_planted_link(const std::string& path) {
  struct stat link {};
  if (::lstat(path.c_str(), &link) != 0 || !S_ISLNK(link.st_mode)) return false;
  const std::size_t slash = path.rfind('/');
  const std::string folder = slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
  struct stat parent {};
  if (::stat(folder.c_str(), &parent) != 0) return false;
  const bool sticky_and_shared = (parent.st_mode & S_ISVTX) != 0 && (parent.st_mode & S_IWOTH) != 0;
  return sticky_and_shared && link.st_uid != ::geteuid() && link.st_uid != parent.st_uid;
}

// The temporary file's name beside `target`: the target's name and a
// suffix, the name cut so that the whole stays within NAME_MAX.
std::string temporary_name(const std::string& target) {
  constexpr const char* kSuffix = ".tmp.XXXXXX";
  const std::size_t slash = target.rfind('/');
  const std::size_t name_start = slash == std::string::npos ? 0 : slash + 1;
  const std::size_t room = NAME_MAX - std::strlen(kSuffix);
  const std::size_t name_length = std::min(target.size() - name_start, room);
  return target.substr(0, name_start + name_length) + kSuffix;
}

}  // namespace

void remove_temporary_outputs_on_signals() {
  for (const int signal_number : {SIGINT, SIGTERM, SIGHUP}) std::signal(signal_number, remove_temporaries_and_die);
}

OutputFile::OutputFile(const std::string& path) : path_(path), display_(path == "-" ? "<stdout>" : path) {
  if (path == "-") {
    fd_ = STDOUT_FILENO;
    return;
  }
  struct stat existing {};
  const bool exists = ::stat(path.c_str(), &existing) == 0;
  // /dev/stdout, /dev/stderr or any other name of an already open stream:
  // written through its descriptor, so that `>> log` keeps appending and
  // the file it names is never renamed over.
  for (const int stream : {STDOUT_FILENO, STDERR_FILENO}) {
    struct stat open_stream {};
    if (exists && ::fstat(stream, &open_stream) == 0 && same_file(existing, open_stream)) {
      fd_ = stream;
      return;
    }
  }
  if (is_planted_link(path)) {
    throw Error(ErrorKind::kIo, display_,
                "refusing to follow a symbolic link that another user made in a shared sticky folder; remove it or "
                "write elsewhere");
  }
  if (exists && !S_ISREG(existing.st_mode)) {
    fd_ = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd_ < 0) fail("cannot open for writing", errno);
    owned_ = true;
    return;
  }
  // A symbolic link is written through: the rename replaces the file it
  // names, not the link.
  target_ = path;
  char resolved[PATH_MAX];
  if (::realpath(path.c_str(), resolved) != nullptr) target_ = resolved;
  if (exists) check_replaceable();
  create_temporary(exists ? &existing : nullptr);
}

void OutputFile::check_replaceable() {
  // What a plain `>` could not open is not replaced either: a file the user
  // may not write stays as it is.
  const int probe = ::open(target_.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (probe < 0) fail("cannot open for writing", errno);
  ::close(probe);
}

void OutputFile::create_temporary(const struct stat* existing) {
  temporary_ = temporary_name(target_);
  fd_ = ::mkostemp(temporary_.data(), O_CLOEXEC);
  if (fd_ < 0) {
    const int error = errno;
    temporary_.clear();
    fail("cannot create the output file", error);
  }
  temporary_slot_ = remember_temporary(temporary_);
  owned_ = true;
  if (existing != nullptr && (existing->st_uid != ::geteuid() || existing->st_gid != ::getegid()) &&
      ::fchown(fd_, existing->st_uid, existing->st_gid) != 0) {
    // The replacement would change hands, and with the old permissions
    // open the report to another group: keep the file as it is.
    fail("cannot give the new file the old one's owner and group", errno);
  }
  // Set-user-ID, set-group-ID and sticky bits are never carried over.
  const mode_t mode = existing != nullptr ? (existing->st_mode & 0777) : default_file_mode();
  if (::fchmod(fd_, mode) != 0) fail("cannot set the output file's permissions", errno);
}

OutputFile::~OutputFile() {
  if (owned_ && fd_ >= 0) ::close(fd_);
  if (!committed_ && !temporary_.empty()) ::unlink(temporary_.c_str());
  forget_temporary(temporary_slot_);
}

void OutputFile::fail(const std::string& what, int error) {
  if (error == EPIPE) throw Error(ErrorKind::kBrokenPipe, display_, "the reader closed the pipe");
  throw Error(ErrorKind::kIo, display_, what + ": " + std::strerror(error));
}

void OutputFile::write(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t written = ::write(fd_, bytes.data(), bytes.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      fail("cannot write", errno);
    }
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
}

void OutputFile::commit() {
  if (temporary_.empty()) {
    committed_ = true;
    return;
  }
  if (::fsync(fd_) != 0) fail("cannot write", errno);
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) fail("cannot write", errno);
  if (::rename(temporary_.c_str(), target_.c_str()) != 0) fail("cannot replace the output file", errno);
  committed_ = true;
}

void write_output(const std::string& path, std::string_view contents) {
  OutputFile output(path);
  output.write(contents);
  output.commit();
}

}  // namespace gapscore
