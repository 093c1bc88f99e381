#include "gapscore/base/read_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "gapscore/base/diagnostic.h"

namespace gapscore {

std::string read_file(const std::string& path, const std::string& what) {
  const std::string name = path == "-" ? "<stdin>" : path;
  const std::string of = what.empty() ? "" : " " + what;
  int fd = STDIN_FILENO;
  if (path != "-") {
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw Error(ErrorKind::kIo, name, "cannot open" + of + ": " + std::strerror(errno));
  }
  std::string text;
  char buffer[1 << 16];
  for (;;) {
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got > 0) {
      text.append(buffer, static_cast<std::size_t>(got));
      continue;
    }
    if (got == 0) break;
    if (errno == EINTR) continue;
    const int error = errno;
    if (fd != STDIN_FILENO) ::close(fd);
    throw Error(ErrorKind::kIo, name, "cannot read" + of + ": " + std::strerror(error));
  }
  if (fd != STDIN_FILENO) ::close(fd);
  return text;
}

}  // namespace gapscore
