#include "gapscore/base/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <csignal>
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

namespace {

// Runs `body` in a child process, as user `uid` when given (the parent
// must be root for that), and returns how the child ended: its exit code,
// or 128 plus the signal that killed it.
template <class Body>
int in_child(Body body, uid_t uid = static_cast<uid_t>(-1)) {
  const pid_t child = ::fork();
  if (child == 0) {
    if (uid != static_cast<uid_t>(-1) && (::setgid(uid) != 0 || ::setuid(uid) != 0)) ::_exit(99);
    ::_exit(body());
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
}

constexpr uid_t kNobody = 65534;

}  // namespace

TEST_CASE("a name as long as a file name can be is written, its temporary name cut to fit", "[output]") {
  TempDir dir;
  const fs::path report = dir.path / (std::string(250, 'r') + ".json");
  write_output(report.string(), "long\n");
  CHECK(contents(report) == "long\n");
  CHECK(entries(dir.path) == 1);
}

TEST_CASE("set-user-ID and set-group-ID bits are not carried over", "[output]") {
  TempDir dir;
  const fs::path report = dir.path / "report.json";
  write_output(report.string(), "first\n");
  ::chmod(report.c_str(), 06755);
  write_output(report.string(), "second\n");
  struct stat info {};
  ::stat(report.c_str(), &info);
  CHECK((info.st_mode & 07777) == 0755);
}

TEST_CASE("a file the user could not open for writing is not replaced", "[output]") {
  TempDir dir;
  ::chmod(dir.path.c_str(), 0777);
  const fs::path report = dir.path / "theirs.json";
  write_output(report.string(), "theirs\n");
  const auto refused = [&report] {
    try {
      write_output(report.string(), "mine\n");
    } catch (const Error& error) {
      const bool said = format_diagnostic(error.diagnostics().at(0)) ==
                        report.string() + ": error: cannot open for writing: Permission denied";
      return said ? 0 : 2;
    }
    return 1;
  };
  if (::geteuid() == 0) {
    // Root owns the file; another user, who may write in the folder but
    // not the file, is refused.
    ::chmod(report.c_str(), 0644);
    CHECK(in_child(refused, kNobody) == 0);
  } else {
    ::chmod(report.c_str(), 0444);
    CHECK(refused() == 0);
  }
  CHECK(contents(report) == "theirs\n");
  CHECK(entries(dir.path) == 1);
}

TEST_CASE("root replacing another user's file leaves it theirs", "[output]") {
  if (::geteuid() != 0) {
    // Only root can make a file of another user's: as that user, the file
    // is the user's own, and stays so.
    TempDir dir;
    const fs::path report = dir.path / "report.json";
    write_output(report.string(), "first\n");
    write_output(report.string(), "second\n");
    struct stat info {};
    ::stat(report.c_str(), &info);
    CHECK(info.st_uid == ::geteuid());
    return;
  }
  TempDir dir;
  const fs::path report = dir.path / "theirs.json";
  write_output(report.string(), "theirs\n");
  REQUIRE(::chown(report.c_str(), kNobody, kNobody) == 0);
  write_output(report.string(), "updated\n");
  struct stat info {};
  ::stat(report.c_str(), &info);
  CHECK(info.st_uid == kNobody);
  CHECK(info.st_gid == kNobody);
  CHECK(contents(report) == "updated\n");
}

TEST_CASE("a link another user made in a shared sticky folder is not followed", "[output]") {
  TempDir dir;
  const fs::path shared = dir.path / "tmp";
  fs::create_directory(shared);
  ::chmod(shared.c_str(), 01777);
  const fs::path secret = dir.path / "secret";
  write_output(secret.string(), "secret\n");
  const fs::path link = shared / "report.json";
  fs::create_symlink(secret, link);
  if (::geteuid() == 0) {
    REQUIRE(::lchown(link.c_str(), kNobody, kNobody) == 0);
    const Thrown thrown = thrown_by([&] { write_output(link.string(), "report\n"); });
    CHECK(thrown.kind == ErrorKind::kIo);
    CHECK(thrown.messages.at(0) == link.string() +
                                       ": error: refusing to follow a symbolic link that another user made in a "
                                       "shared sticky folder; remove it or write elsewhere");
    CHECK(contents(secret) == "secret\n");
    CHECK(fs::is_symlink(link));
    REQUIRE(::lchown(link.c_str(), 0, 0) == 0);
  }
  // The user's own link there is followed as any other.
  write_output(link.string(), "report\n");
  CHECK(contents(secret) == "report\n");
}

TEST_CASE("a path naming the open standard output is written through it, appending stays appending", "[output]") {
  TempDir dir;
  const fs::path log = dir.path / "states.jsonl";
  write_output(log.string(), "earlier\n");
  const int status = in_child([&log] {
    const int fd = ::open(log.c_str(), O_WRONLY | O_APPEND);
    if (fd < 0 || ::dup2(fd, STDOUT_FILENO) < 0) return 3;
    write_output("/dev/stdout", "later\n");
    return 0;
  });
  CHECK(status == 0);
  CHECK(contents(log) == "earlier\nlater\n");
  CHECK(entries(dir.path) == 1);
}

TEST_CASE("a signal removes the temporary file of an output being written", "[output]") {
  TempDir dir;
  const fs::path report = dir.path / "report.json";
  const int status = in_child([&report] {
    remove_temporary_outputs_on_signals();
    OutputFile output(report.string());
    output.write("partial");
    std::raise(SIGTERM);
    return 0;
  });
  CHECK(status == 128 + SIGTERM);
  CHECK(entries(dir.path) == 0);
}

}  // namespace gapscore
