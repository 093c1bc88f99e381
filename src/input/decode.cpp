#include "gapscore/input/decode.h"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#include "gapscore/base/diagnostic.h"

namespace gapscore {

namespace {

// Inflates gzip data as a stream; several members one after another (as
// `cat a.gz b.gz` makes) read as one.
class GzipSource : public Source {
 public:
  GzipSource(std::unique_ptr<Source> inner, std::string name) : inner_(std::move(inner)), name_(std::move(name)) {
    if (inflateInit2(&stream_, 15 + 16) != Z_OK) throw Error(ErrorKind::kIo, name_, "cannot start gzip decompression");
  }
  ~GzipSource() override { inflateEnd(&stream_); }
  GzipSource(const GzipSource&) = delete;
  GzipSource& operator=(const GzipSource&) = delete;

  std::size_t read(char* buffer, std::size_t size) override {
    stream_.next_out = reinterpret_cast<Bytef*>(buffer);
    stream_.avail_out = static_cast<uInt>(std::min<std::size_t>(size, 1u << 30));
    while (stream_.avail_out > 0 && !finished_) {
      if (stream_.avail_in == 0) {
        const std::size_t got = inner_->read(input_.data(), input_.size());
        if (got == 0) {
          if (member_started_) throw Error(ErrorKind::kIo, name_, "the gzip data ends early (truncated file?)");
          finished_ = true;
          break;
        }
        stream_.next_in = reinterpret_cast<Bytef*>(input_.data());
        stream_.avail_in = static_cast<uInt>(got);
      }
      member_started_ = true;
      const int status = inflate(&stream_, Z_NO_FLUSH);
      if (status == Z_STREAM_END) {
        member_started_ = false;
        inflateReset(&stream_);
      } else if (status != Z_OK && status != Z_BUF_ERROR) {
        throw Error(
            ErrorKind::kIo, name_,
            std::string("the gzip data is damaged: ") + (stream_.msg != nullptr ? stream_.msg : "inflate failed"));
      }
    }
    return static_cast<std::size_t>(reinterpret_cast<char*>(stream_.next_out) - buffer);
  }

 private:
  std::unique_ptr<Source> inner_;
  std::string name_;
  z_stream stream_{};
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
