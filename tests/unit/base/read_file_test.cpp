#include "gapscore/base/read_file.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <string>

#include "test_support.h"

namespace gapscore {

TEST_CASE("a file is read whole, a folder or a missing file is an I/O error naming it", "[base]") {
  char name[] = "/tmp/gapscore-read-XXXXXX";
  const int fd = ::mkstemp(name);
  REQUIRE(fd >= 0);
  const std::string text(200000, 'x');
  REQUIRE(::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()));
  ::close(fd);
  CHECK(read_file(name) == text);
  std::remove(name);
  const Thrown folder = thrown_by([] { read_file("/", "the questionnaire"); });
  CHECK(folder.kind == ErrorKind::kIo);
  CHECK(folder.messages == std::vector<std::string>{"/: error: cannot read the questionnaire: Is a directory"});
  const Thrown missing = thrown_by([] { read_file("/nonexistent/r.json"); });
  CHECK(missing.kind == ErrorKind::kIo);
  CHECK(missing.messages ==
        std::vector<std::string>{"/nonexistent/r.json: error: cannot open: No such file or directory"});
}

}  // namespace gapscore
