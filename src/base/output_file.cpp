#include "gapscore/base/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
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

}  // namespace

OutputFile::OutputFile(const std::string& path) : path_(path), display_(path == "-" ? "<stdout>" : path) {
  if (path == "-") {
    fd_ = STDOUT_FILENO;
    return;
  }
  // Write through a symbolic link to the file it names, so the rename
  // replaces that file and not the link.
  target_ = path;
  char resolved[PATH_MAX];
  if (::realpath(path.c_str(), resolved) != nullptr) target_ = resolved;
  struct stat existing {};
  const bool exists = ::stat(target_.c_str(), &existing) == 0;
  if (exists && !S_ISREG(existing.st_mode)) {
    fd_ = ::open(target_.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd_ < 0) fail("cannot open for writing", errno);
    owned_ = true;
    return;
  }
  temporary_ = target_ + ".tmp.XXXXXX";
  fd_ = ::mkostemp(temporary_.data(), O_CLOEXEC);
  if (fd_ < 0) {
    const int error = errno;
    temporary_.clear();
    fail("cannot create the output file", error);
  }
  owned_ = true;
  const mode_t mode = exists ? (existing.st_mode & 07777) : default_file_mode();
  if (::fchmod(fd_, mode) != 0) fail("cannot set the output file's permissions", errno);
}

OutputFile::~OutputFile() {
  if (owned_ && fd_ >= 0) ::close(fd_);
  if (!committed_ && !temporary_.empty()) ::unlink(temporary_.c_str());
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
