#include "gapscore/base/output_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "gapscore/base/diagnostic.h"
#include "test_support.h"

namespace gapscore {

namespace {

namespace fs = std::filesystem;

struct TempDir {
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "gapscore-test-XXXXXX").string();
    path = ::mkdtemp(pattern.data());
  }
  ~TempDir() { fs::remove_all(path); }
  fs::path path;
};

std::string contents(const fs::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::size_t entries(const fs::path& dir) {
  std::size_t count = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir)) ++count;
  return count;
}

}  // namespace

TEST_CASE("a regular file is replaced whole, keeping its permissions", "[output]") {
  TempDir dir;
  const fs::path report = dir.path / "report.json";
  write_output(report.string(), "first\n");
  CHECK(contents(report) == "first\n");
  ::chmod(report.c_str(), 0640);
  write_output(report.string(), "second\n");
  CHECK(contents(report) == "second\n");
  struct stat info {};
  ::stat(report.c_str(), &info);
  CHECK((info.st_mode & 0777) == 0640);
  CHECK(entries(dir.path) == 1);
}

TEST_CASE("without commit nothing is left behind and the old file survives", "[output]") {
  TempDir dir;
  const fs::path report = dir.path / "report.csv";
  write_output(report.string(), "old\n");
  {
    OutputFile output(report.string());
    output.write("partial");
    CHECK(entries(dir.path) == 2);
  }
  CHECK(contents(report) == "old\n");
  CHECK(entries(dir.path) == 1);
}

TEST_CASE("a symbolic link is written through, not replaced", "[output]") {
  TempDir dir;
  const fs::path target = dir.path / "target.json";
  const fs::path link = dir.path / "link.json";
  write_output(target.string(), "old\n");
  fs::create_symlink(target, link);
  write_output(link.string(), "new\n");
  CHECK(fs::is_symlink(link));
  CHECK(contents(target) == "new\n");
}

TEST_CASE("a device is written directly", "[output]") {
  write_output("/dev/null", "anything\n");
  CHECK(fs::exists("/dev/null"));
  CHECK(fs::is_character_file("/dev/null"));
}

TEST_CASE("a folder that does not exist is an I/O error naming the file", "[output]") {
  const Thrown thrown = thrown_by([&] { write_output("/nonexistent/folder/report.json", "x"); });
  CHECK(thrown.kind == ErrorKind::kIo);
  CHECK(thrown.messages.at(0) ==
        "/nonexistent/folder/report.json: error: cannot create the output file: No such file or directory");
}

TEST_CASE("a full disk is an I/O error", "[output]") {
  const Thrown thrown = thrown_by([&] { write_output("/dev/full", "x"); });
  CHECK(thrown.kind == ErrorKind::kIo);
  CHECK(thrown.messages.at(0) == "/dev/full: error: cannot write: No space left on device");
}

}  // namespace gapscore
