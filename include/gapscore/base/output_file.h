#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace gapscore {

/// An output that appears whole or not at all. A regular file (or a path
/// that does not exist yet) is written to a temporary file beside it and
/// renamed over it by commit(), keeping an existing file's permissions;
/// anything else (standard output as "-", /dev/null, /dev/stdout, a named
/// pipe) is written directly and never replaced. Without commit(), the
/// temporary file is removed. Throws Error(kIo) on any failure, or
/// Error(kBrokenPipe) when the reader of a pipe has gone.
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

  std::string path_;
  std::string display_;
  std::string target_;
  std::string temporary_;
  int fd_ = -1;
  bool owned_ = false;
  bool committed_ = false;
};

/// Writes `contents` to `path` through an OutputFile and commits it.
void write_output(const std::string& path, std::string_view contents);

}  // namespace gapscore
