#include "gapscore/input/decode.h"

#include <isa-l/igzip_lib.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#include "gapscore/base/diagnostic.h"

namespace gapscore {

namespace {

// Inflates gzip data as a stream with ISA-L's igzip, about three times
// zlib's speed here (README, "Installing"); several members one after
// another (as `cat a.gz b.gz` and pigz make) read as one.
class GzipSource : public Source {
 public:
  GzipSource(std::unique_ptr<Source> inner, std::string name) : inner_(std::move(inner)), name_(std::move(name)) {
    start_member();
  }
  GzipSource(const GzipSource&) = delete;
  GzipSource& operator=(const GzipSource&) = delete;

  std::size_t read(char* buffer, std::size_t size) override {
    state_.next_out = reinterpret_cast<std::uint8_t*>(buffer);
    state_.avail_out = static_cast<std::uint32_t>(std::min<std::size_t>(size, 1u << 30));
    while (state_.avail_out > 0 && !finished_) {
      if (state_.block_state == ISAL_BLOCK_FINISH) {
        // The member is complete: what follows, if anything, is the next.
        const std::uint8_t* rest = state_.next_in;
        const std::uint32_t rest_size = state_.avail_in;
        start_member();
        state_.next_in = const_cast<std::uint8_t*>(rest);
        state_.avail_in = rest_size;
      }
      if (state_.avail_in == 0) {
        const std::size_t got = inner_->read(input_.data(), input_.size());
        if (got == 0) {
          if (member_started_) throw Error(ErrorKind::kIo, name_, "the gzip data ends early (truncated file?)");
          finished_ = true;
          break;
        }
        state_.next_in = reinterpret_cast<std::uint8_t*>(input_.data());
        state_.avail_in = static_cast<std::uint32_t>(got);
      }
      member_started_ = true;
      const int status = isal_inflate(&state_);
      if (status < 0) throw Error(ErrorKind::kIo, name_, "the gzip data is damaged: " + problem(status));
      if (state_.block_state == ISAL_BLOCK_FINISH) member_started_ = false;
    }
    return written(buffer);
  }

 private:
  std::size_t written(const char* buffer) const {
    return static_cast<std::size_t>(reinterpret_cast<const char*>(state_.next_out) - buffer);
  }

  // A fresh state for the next member, writing where the last one stopped.
  void start_member() {
    std::uint8_t* out = state_.next_out;
    const std::uint32_t room = state_.avail_out;
    isal_inflate_init(&state_);
    state_.crc_flag = ISAL_GZIP;
    state_.next_out = out;
    state_.avail_out = room;
  }

  static std::string problem(int status) {
    switch (status) {
      case ISAL_INVALID_WRAPPER:
        return "a member does not start with a gzip header";
      case ISAL_UNSUPPORTED_METHOD:
        return "a member is compressed by another method than deflate";
      case ISAL_INCORRECT_CHECKSUM:
        return "the CRC does not match the data";
      default:
        return "invalid deflate data";
    }
  }

  std::unique_ptr<Source> inner_;
  std::string name_;
  inflate_state state_{};
  std::array<char, 1 << 18> input_{};
  bool member_started_ = false;
  bool finished_ = false;
};

void append_utf8(std::string& out, std::uint32_t code_point) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

// Decodes UTF-16 to UTF-8. An unpaired surrogate or a last odd byte
// becomes U+FFFD, as every UTF-16 reader does.
class Utf16Source : public Source {
 public:
  Utf16Source(std::unique_ptr<Source> inner, bool big_endian) : inner_(std::move(inner)), big_endian_(big_endian) {}

  std::size_t read(char* buffer, std::size_t size) override {
    while (decoded_.size() - offset_ < size && !ended_) decode_more();
    const std::size_t count = std::min(size, decoded_.size() - offset_);
    std::memcpy(buffer, decoded_.data() + offset_, count);
    offset_ += count;
    if (offset_ == decoded_.size()) {
      decoded_.clear();
      offset_ = 0;
    }
    return count;
  }

 private:
  static constexpr std::uint32_t kReplacement = 0xFFFD;

  std::uint32_t unit(std::size_t at) const {
    const auto a = static_cast<unsigned char>(raw_[at]);
    const auto b = static_cast<unsigned char>(raw_[at + 1]);
    return big_endian_ ? (std::uint32_t{a} << 8 | b) : (std::uint32_t{b} << 8 | a);
  }

  void decode_more() {
    const std::size_t kept = raw_.size();
    raw_.resize(kept + kChunk);
    const std::size_t got = inner_->read(raw_.data() + kept, kChunk);
    raw_.resize(kept + got);
    if (got == 0) ended_ = true;
    std::size_t at = 0;
    while (at + 2 <= raw_.size()) {
      const std::uint32_t first = unit(at);
      if (first >= 0xD800 && first <= 0xDBFF) {
        if (at + 4 > raw_.size() && !ended_) break;
        if (at + 4 <= raw_.size()) {
          const std::uint32_t second = unit(at + 2);
          if (second >= 0xDC00 && second <= 0xDFFF) {
            append_utf8(decoded_, 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00));
            at += 4;
            continue;
          }
        }
        append_utf8(decoded_, kReplacement);
      } else if (first >= 0xDC00 && first <= 0xDFFF) {
        append_utf8(decoded_, kReplacement);
      } else {
        append_utf8(decoded_, first);
      }
      at += 2;
    }
    raw_.erase(0, at);
    if (ended_ && !raw_.empty()) {
      append_utf8(decoded_, kReplacement);
      raw_.clear();
    }
  }

  static constexpr std::size_t kChunk = 1 << 18;
  std::unique_ptr<Source> inner_;
  bool big_endian_;
  bool ended_ = false;
  std::string raw_;
  std::string decoded_;
  std::size_t offset_ = 0;
};

}  // namespace

Decoding decode(std::unique_ptr<Source> raw, const std::string& name) {
  auto peeked = std::make_unique<PeekedSource>(std::move(raw), 2);
  bool compressed = false;
  std::unique_ptr<Source> source;
  if (peeked->head() == "\x1f\x8b") {
    compressed = true;
    source = std::make_unique<PeekedSource>(std::make_unique<GzipSource>(std::move(peeked), name), 2);
  } else {
    source = std::move(peeked);
  }
  auto* bom = static_cast<PeekedSource*>(source.get());
  std::string encoding = "UTF-8";
  if (bom->head() == "\xff\xfe" || bom->head() == "\xfe\xff") {
    const bool big_endian = bom->head() == "\xfe\xff";
    bom->skip(2);
    encoding = big_endian ? "UTF-16BE" : "UTF-16LE";
    source = std::make_unique<Utf16Source>(std::move(source), big_endian);
  }
  return {std::move(source), compressed ? encoding + " (gzip)" : encoding};
}

}  // namespace gapscore
