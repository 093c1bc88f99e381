#pragma once

#include <cstddef>
#include <memory>
#include <string>

namespace gapscore {

/// A stream of bytes. Unlike LineReader's byte sources, a read may return
/// fewer bytes than asked for; 0 means the end. Reads throw Error(kIo),
/// naming the input, when the bytes cannot be read.
class Source {
 public:
  virtual ~Source() = default;
  virtual std::size_t read(char* buffer, std::size_t size) = 0;
};

/// An open file descriptor (closed at the end when `owned`), as `name`.
class FileSource : public Source {
 public:
  FileSource(int fd, bool owned, std::string name) : fd_(fd), owned_(owned), name_(std::move(name)) {}
  ~FileSource() override;
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;

  std::size_t read(char* buffer, std::size_t size) override;

 private:
  int fd_;
  bool owned_;
  std::string name_;
};

/// Bytes held in memory.
class StringSource : public Source {
 public:
  explicit StringSource(std::string data) : data_(std::move(data)) {}
  std::size_t read(char* buffer, std::size_t size) override;

 private:
  std::string data_;
  std::size_t offset_ = 0;
};

/// Lets the first `want` bytes of a stream be looked at (for magic numbers
/// and BOMs) and then read again as if nothing had happened.
class PeekedSource : public Source {
 public:
  PeekedSource(std::unique_ptr<Source> inner, std::size_t want);
  /// The bytes looked at: fewer than asked for when the stream is shorter.
  const std::string& head() const { return head_; }
  /// Leaves out the first `count` bytes of the head from what is read.
  void skip(std::size_t count);

  std::size_t read(char* buffer, std::size_t size) override;

 private:
  std::unique_ptr<Source> inner_;
  std::string head_;
  std::size_t offset_ = 0;
};

}  // namespace gapscore
