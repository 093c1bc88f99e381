#pragma once

#include <memory>
#include <string>
#include <string_view>

struct stat;

namespace gapscore {

/// An output that appears whole or not at all. A regular file (or a path
/// that does not exist yet) is written to a temporary file beside it and
/// renamed over it by commit(), keeping an existing file's permissions
/// (never set-user-ID, set-group-ID or sticky bits), owner and group; a
/// symbolic link is written through to the file it names. Anything else is
/// written directly and never replaced: standard output as "-", a path
/// naming the file already open as standard output or error (/dev/stdout,
/// /dev/stderr: written through that descriptor, so appending stays
/// appending), a device, a named pipe. Without commit(), the temporary file
/// is removed. Throws Error(kIo) on any failure: a file the user could not
/// open for writing, an owner and group the new file cannot be given, a
/// symbolic link another user made in a shared sticky folder (as Linux's
/// protected_symlinks refuses it); or Error(kBrokenPipe) when the reader of
/// a pipe has gone.
class OutputFile {
 public:
  explicit OutputFile(const std::string& path);
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  void write(std::string_view bytes);
  void commit();

 private:
  void fail(const std::string& what, int error);
  void check_replaceable();
  void create_temporary(const struct stat* existing);

  std::string path_;
  std::string display_;
  std::string target_;
  std::string temporary_;
  int fd_ = -1;
  int temporary_slot_ = -1;  // where a signal finds the temporary file
  bool owned_ = false;
  bool committed_ = false;
};

/// Makes SIGINT, SIGTERM and SIGHUP remove every OutputFile's temporary
/// file before the process dies of the signal as it would have, so that an
/// interrupted run leaves nothing behind. For main() to call once.
void remove_temporary_outputs_on_signals();

/// Writes `contents` to `path` through an OutputFile and commits it.
void write_output(const std::string& path, std::string_view contents);

}  // namespace gapscore
