#include "gapscore/input/byte_source.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "gapscore/base/diagnostic.h"

namespace gapscore {

FileSource::~FileSource() {
  if (owned_) ::close(fd_);
}

std::size_t FileSource::read(char* buffer, std::size_t size) {
  for (;;) {
    const ssize_t got = ::read(fd_, buffer, size);
    if (got >= 0) return static_cast<std::size_t>(got);
    if (errno != EINTR) throw Error(ErrorKind::kIo, name_, std::string("cannot read: ") + std::strerror(errno));
  }
}

std::size_t StringSource::read(char* buffer, std::size_t size) {
  const std::size_t count = std::min(size, data_.size() - offset_);
  std::memcpy(buffer, data_.data() + offset_, count);
  offset_ += count;
  return count;
}

PeekedSource::PeekedSource(std::unique_ptr<Source> inner, std::size_t want) : inner_(std::move(inner)) {
  head_.resize(want);
  std::size_t filled = 0;
  while (filled < want) {
    const std::size_t got = inner_->read(head_.data() + filled, want - filled);
    if (got == 0) break;
    filled += got;
  }
  head_.resize(filled);
}

void PeekedSource::skip(std::size_t count) { offset_ = std::min(head_.size(), offset_ + count); }

std::size_t PeekedSource::read(char* buffer, std::size_t size) {
  if (offset_ < head_.size()) {
    const std::size_t count = std::min(size, head_.size() - offset_);
    std::memcpy(buffer, head_.data() + offset_, count);
    offset_ += count;
    return count;
  }
  return inner_->read(buffer, size);
}

}  // namespace gapscore
