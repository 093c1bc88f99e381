#include "gapscore/input/input.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
// GCC reports csv.h's bounded strncpy of file names after inlining, past
// the header's system status; the truncation is the library's intent.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstringop-truncation"
#endif
#include <libfccp/csv.h>
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

#include "gapscore/base/diagnostic.h"

namespace gapscore {

namespace {

// A stream of bytes. Unlike LineReader's byte sources, a read may return
// fewer bytes than asked for; 0 means the end.
class Source {
 public:
  virtual ~Source() = default;
  virtual std::size_t read(char* buffer, std::size_t size) = 0;
};

class FileSource : public Source {
 public:
  FileSource(int fd, bool owned, std::string name) : fd_(fd), owned_(owned), name_(std::move(name)) {}
  ~FileSource() override {
    if (owned_) ::close(fd_);
  }
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;

  std::size_t read(char* buffer, std::size_t size) override {
    for (;;) {
      const ssize_t got = ::read(fd_, buffer, size);
      if (got >= 0) return static_cast<std::size_t>(got);
      if (errno != EINTR) throw Error(ErrorKind::kIo, name_, std::string("cannot read: ") + std::strerror(errno));
    }
  }

 private:
  int fd_;
  bool owned_;
  std::string name_;
};

class StringSource : public Source {
 public:
  explicit StringSource(std::string data) : data_(std::move(data)) {}
  std::size_t read(char* buffer, std::size_t size) override {
    const std::size_t count = std::min(size, data_.size() - offset_);
    std::memcpy(buffer, data_.data() + offset_, count);
    offset_ += count;
    return count;
  }

 private:
  std::string data_;
  std::size_t offset_ = 0;
};

// Lets the first bytes of a stream be looked at (for magic numbers and
// BOMs) and then read again as if nothing had happened.
class PeekedSource : public Source {
 public:
  PeekedSource(std::unique_ptr<Source> inner, std::size_t want) : inner_(std::move(inner)) {
    head_.resize(want);
    std::size_t filled = 0;
    while (filled < want) {
      const std::size_t got = inner_->read(head_.data() + filled, want - filled);
      if (got == 0) break;
      filled += got;
    }
    head_.resize(filled);
  }
  const std::string& head() const { return head_; }
  void skip(std::size_t count) { offset_ = std::min(head_.size(), offset_ + count); }

  std::size_t read(char* buffer, std::size_t size) override {
    if (offset_ < head_.size()) {
      const std::size_t count = std::min(size, head_.size() - offset_);
      std::memcpy(buffer, head_.data() + offset_, count);
      offset_ += count;
      return count;
    }
    return inner_->read(buffer, size);
  }

 private:
  std::unique_ptr<Source> inner_;
  std::string head_;
  std::size_t offset_ = 0;
};

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

// LineReader's view of the input. LineReader takes a read shorter than
// asked for as the end, so reads are gathered until the request is filled;
// and because it hands out lines as C strings, a NUL byte would silently
// cut a line short, so each one is turned into U+001A (SUB), which the
// record scanner flags.
class LineReaderSource : public io::ByteSourceBase {
 public:
  explicit LineReaderSource(std::unique_ptr<Source> inner) : inner_(std::move(inner)) {}

  int read(char* buffer, int size) override {
    std::size_t filled = 0;
    const auto wanted = static_cast<std::size_t>(size);
    while (filled < wanted) {
      const std::size_t got = inner_->read(buffer + filled, wanted - filled);
      if (got == 0) break;
      filled += got;
    }
    for (char* nul = static_cast<char*>(std::memchr(buffer, '\0', filled)); nul != nullptr;
         nul = static_cast<char*>(std::memchr(nul + 1, '\0', filled - static_cast<std::size_t>(nul + 1 - buffer)))) {
      *nul = kNulSubstitute;
    }
    return static_cast<int>(filled);
  }

 private:
  std::unique_ptr<Source> inner_;
};

struct Decoding {
  std::unique_ptr<Source> source;
  std::string encoding;
};

// Looks at the first bytes: gzip's magic number, then a UTF-16 BOM.
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

constexpr std::array<char, 4> kCandidateDelimiters = {',', ';', '\t', '|'};

// The candidate found most often outside quotes on the first line.
char detect_delimiter(const char* line) {
  std::array<std::size_t, kCandidateDelimiters.size()> counts{};
  bool in_quotes = false;
  for (const char* c = line; *c != '\0'; ++c) {
    if (*c == '"') in_quotes = !in_quotes;
    if (in_quotes) continue;
    for (std::size_t i = 0; i < kCandidateDelimiters.size(); ++i) {
      if (*c == kCandidateDelimiters[i]) ++counts[i];
    }
  }
  const auto best = std::max_element(counts.begin(), counts.end());
  return *best == 0 ? ',' : kCandidateDelimiters[static_cast<std::size_t>(best - counts.begin())];
}

}  // namespace

namespace {

constexpr std::uint64_t kEveryByte = 0x0101010101010101;
constexpr std::uint64_t kLowSevenBits = 0x7F7F7F7F7F7F7F7F;

// The high bit of each byte of `word` that is zero (exactly: no borrow
// crosses bytes, unlike the shorter haszero trick).
std::uint64_t zero_bytes(std::uint64_t word) {
  return ~(((word & kLowSevenBits) + kLowSevenBits) | word | kLowSevenBits);
}

// Eight bytes of text as a little-endian word, so that the lowest set bit
// of a byte mask is the first byte in the text.
std::uint64_t load_word(const char* text) {
  std::uint64_t word = 0;
  std::memcpy(&word, text, sizeof word);
  if constexpr (__BYTE_ORDER__ == __ORDER_BIG_ENDIAN__) word = __builtin_bswap64(word);
  return word;
}

}  // namespace

RecordParser::RecordParser(char delimiter) : delimiter_(delimiter) {
  for (const char c : {delimiter, '\n', '\0', kNulSubstitute}) stop_[static_cast<unsigned char>(c)] = true;
}

RecordParser::~RecordParser() = default;

// Writes field views and starts into a Record. The vectors only grow while
// the widest record so far is exceeded, so a row allocates nothing. Their
// buffers are held here: stores through them could otherwise alias the
// vectors' own pointers, which would then be reloaded for each field.
class RecordParser::FieldSink {
 public:
  explicit FieldSink(Record& record)
      : record_(record),
        room_(record.fields.size()),
        fields_(record.fields.data()),
        starts_(record.field_starts.data()) {}

  void operator()(std::size_t start, std::string_view field) {
    reserve(1);
    fields_[count_] = field;
    starts_[count_] = static_cast<std::uint32_t>(start);
    ++count_;
  }

  void reserve(std::size_t more) {
    if (count_ + more <= room_) return;
    room_ = count_ + more + 16;
    record_.fields.resize(room_);
    record_.field_starts.resize(room_);
    fields_ = record_.fields.data();
    starts_ = record_.field_starts.data();
  }

  std::size_t count() const { return count_; }
  std::string_view field(std::size_t index) const { return fields_[index]; }
  std::string_view* views() { return fields_; }
  std::uint32_t* starts() { return starts_; }
  // After writing `fields` fields, reserved, through views() and starts().
  void advance(std::size_t fields) { count_ += fields; }

  void finish() {
    record_.fields.resize(count_);
    record_.field_starts.resize(count_);
  }

  std::uint64_t breaks = 0;
  bool has_nul = false;

 private:
  Record& record_;
  std::size_t count_ = 0;
  std::size_t room_;
  std::string_view* fields_;
  std::uint32_t* starts_;
};

void RecordParser::split_rest(const char* text, std::size_t length, std::size_t pos, FieldSink& sink) {
  // text[length] is '\n' (a batch) or '\0' (a string), both stop bytes,
  // so the scans below need no bounds checks.
  for (;;) {
    const std::size_t start = pos;
    if (text[pos] != '"') {
      // An unquoted field: a quote inside it is an ordinary character.
      for (;;) {
        while (!stop_[static_cast<unsigned char>(text[pos])]) ++pos;
        if (pos == length || text[pos] == delimiter_) break;
        sink.has_nul = true;  // the only other stop byte inside a record
        ++pos;
      }
      sink(start, std::string_view(text + start, pos - start));
    } else {
      // A quoted field: "" is a quote; delimiters and line breaks are data;
      // like common spreadsheet readers, text after the closing quote is kept.
      const std::size_t content = pos + 1;
      std::size_t close = std::string::npos;
      bool escaped = false;
      for (pos = content; pos < length; ++pos) {
        const char c = text[pos];
        if (c == '"') {
          if (pos + 1 < length && text[pos + 1] == '"') {
            escaped = true;
            ++pos;
          } else {
            close = pos++;
            break;
          }
        } else if (c == '\n') {
          ++sink.breaks;
        } else if (c == kNulSubstitute) {
          sink.has_nul = true;
        }
      }
      if (close == std::string::npos) close = pos;  // the reader closes every quote; be safe
      std::size_t trailing = pos;
      while (text[trailing] != delimiter_ && trailing < length) {
        if (text[trailing] == kNulSubstitute) sink.has_nul = true;
        ++trailing;
      }
      if (!escaped && trailing == pos) {
        sink(start, std::string_view(text + content, close - content));
      } else {
        const std::size_t out_begin = unescaped_.size();
        for (std::size_t i = content; i < close; ++i) {
          unescaped_ += text[i];
          if (text[i] == '"' && i + 1 < close && text[i + 1] == '"') ++i;
        }
        unescaped_.append(text + pos, trailing - pos);
        sink(start, std::string_view(unescaped_.data() + out_begin, unescaped_.size() - out_begin));
      }
      pos = trailing;
    }
    if (pos >= length) break;
    ++pos;  // the delimiter
  }
}

void RecordParser::parse(std::string_view record_text, std::uint64_t line, Record& record) {
  static const FieldCoding kNothingScored;
  parse_scored(record_text, line, record, kNothingScored, nullptr);
}

namespace {

struct DigitCoding {
  bool affine = false;
  std::int16_t step = 0;
  std::int16_t offset = 0;
  std::int16_t below = 0;
  std::int16_t above = 0;
};

// Whether `coder` codes the one-digit cells as step * d + offset on a run
// of digits and as invalid elsewhere, as every numeric scale of ten
// points or fewer does (reversed or not) unless a digit is a missing token
// or a label.
DigitCoding digit_coding(const Coder& coder) {
  const SmallCode* table = coder.one_byte_codes();
  std::array<int, 10> codes{};
  int low = 10;
  int high = -1;
  for (int d = 0; d < 10; ++d) {
    codes[static_cast<std::size_t>(d)] = table[static_cast<unsigned char>('0' + d)];
    if (codes[static_cast<std::size_t>(d)] >= 0) {
      low = std::min(low, d);
      high = std::max(high, d);
    }
  }
  DigitCoding coding;
  coding.below = static_cast<std::int16_t>(low - 1);
  coding.above = static_cast<std::int16_t>(high + 1);
  if (high < 0) {
    coding.affine = std::all_of(codes.begin(), codes.end(), [](int code) { return code == kSmallInvalid; });
    return coding;
  }
  const int step = high > low ? codes[static_cast<std::size_t>(low) + 1] - codes[static_cast<std::size_t>(low)] : 0;
  const int offset = codes[static_cast<std::size_t>(low)] - step * low;
  coding.step = static_cast<std::int16_t>(step);
  coding.offset = static_cast<std::int16_t>(offset);
  coding.affine = true;
  for (int d = 0; d < 10; ++d) {
    const int expected = d >= low && d <= high ? step * d + offset : kSmallInvalid;
    coding.affine = coding.affine && codes[static_cast<std::size_t>(d)] == expected;
  }
  return coding;
}

}  // namespace

FieldCoding::FieldCoding(std::size_t width, const std::vector<std::size_t>& slot_fields,
                         const std::vector<const Coder*>& coders)
    : fields(width, nullptr),
      digit_step(width, 0),
      digit_offset(width, 0),
      digit_below(width, -1),
      digit_above(width, 10),
      by_digit(width, 1) {
  for (std::size_t s = 0; s < slot_fields.size(); ++s) {
    const std::size_t field = slot_fields[s];
    if (fields[field] == nullptr || fields[field] == coders[s]) {
      fields[field] = coders[s];
      column_of_slot.push_back(static_cast<std::uint32_t>(field));
      continue;
    }
    column_of_slot.push_back(static_cast<std::uint32_t>(width + repeats.size()));
    repeats.push_back(Repeat{field, coders[s]});
  }
  for (std::size_t field = 0; field < width; ++field) {
    if (fields[field] == nullptr) continue;
    const DigitCoding coding = digit_coding(*fields[field]);
    by_digit[field] = coding.affine ? 1 : 0;
    digit_step[field] = coding.step;
    digit_offset[field] = coding.offset;
    digit_below[field] = coding.below;
    digit_above[field] = coding.above;
  }
}

namespace {

#if defined(__SSE2__)
// Splits and codes kFields (4 or 8) one-digit fields at text[0, 2 *
// kFields), the first being field `field`, into codes[field, field +
// kFields); false, having done nothing, unless the bytes are digits each
// followed by a delimiter and the fields' coders code digits by a rule
// (FieldCoding::by_digit).
template <int kFields>
bool code_digits(const char* text, std::size_t field, const FieldCoding& coding, __m128i delimiters, SmallCode* codes) {
  constexpr int kAll = (1 << (2 * kFields)) - 1;
  constexpr int kOdd = 0xAAAA & kAll;
  const __m128i bytes = kFields == 8 ? _mm_loadu_si128(reinterpret_cast<const __m128i*>(text))
                                     : _mm_loadl_epi64(reinterpret_cast<const __m128i*>(text));
  if ((_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, delimiters)) & kAll) != kOdd) return false;
  // Little-endian 16-bit lanes: lane i holds byte 2i, the i-th field's.
  const __m128i digits = _mm_sub_epi16(_mm_and_si128(bytes, _mm_set1_epi16(0x00FF)), _mm_set1_epi16('0'));
  const __m128i is_digit =
      _mm_and_si128(_mm_cmpgt_epi16(digits, _mm_set1_epi16(-1)), _mm_cmplt_epi16(digits, _mm_set1_epi16(10)));
  if ((_mm_movemask_epi8(is_digit) & kAll) != kAll) return false;
  std::uint64_t by_digit = 0;
  std::memcpy(&by_digit, coding.by_digit.data() + field, kFields);
  if (by_digit != kEveryByte >> (64 - 8 * kFields)) return false;
  const auto lanes = [field](const std::vector<std::int16_t>& values) {
    return kFields == 8 ? _mm_loadu_si128(reinterpret_cast<const __m128i*>(values.data() + field))
                        : _mm_loadl_epi64(reinterpret_cast<const __m128i*>(values.data() + field));
  };
  const __m128i in_range = _mm_and_si128(_mm_cmpgt_epi16(digits, lanes(coding.digit_below)),
                                         _mm_cmplt_epi16(digits, lanes(coding.digit_above)));
  const __m128i code = _mm_add_epi16(_mm_mullo_epi16(digits, lanes(coding.digit_step)), lanes(coding.digit_offset));
  const __m128i coded =
      _mm_or_si128(_mm_and_si128(in_range, code), _mm_andnot_si128(in_range, _mm_set1_epi16(kSmallInvalid)));
  if constexpr (kFields == 8) {
    _mm_storeu_si128(reinterpret_cast<__m128i*>(codes + field), coded);
  } else {
    _mm_storel_epi64(reinterpret_cast<__m128i*>(codes + field), coded);
  }
  return true;
}
#endif

}  // namespace

void RecordParser::parse_scored(std::string_view record_text, std::uint64_t line, Record& record,
                                const FieldCoding& coding, SmallCode* codes) {
  // Fields are coded as they are split, while their bytes are at hand. Up
  // to the first field holding a quote or a NUL substitute, eight one-digit
  // fields in a row (the shape of a row of Likert answers) are split and
  // coded together in vector registers; any other field is found eight
  // bytes at a time and coded by its coder. The rest of the record goes
  // through the byte-at-a-time scanner (split_rest) and is coded after.
  const char* text = record_text.data();
  const std::size_t length = record_text.size();
  const std::size_t width = coding.fields.size();
  const Coder* const* coders = coding.fields.data();
  FieldSink sink(record);
  unescaped_.clear();
  unescaped_.reserve(length);  // unescaped text never outgrows the record, so views stay valid
  const std::uint64_t delimiters = kEveryByte * static_cast<unsigned char>(delimiter_);
  const std::uint64_t quotes = kEveryByte * static_cast<unsigned char>('"');
  const std::uint64_t substitutes = kEveryByte * static_cast<unsigned char>(kNulSubstitute);
  std::size_t pos = 0;
#if defined(__SSE2__)
  const __m128i delimiter_bytes = _mm_set1_epi8(delimiter_);
  const auto take_digits = [&](std::size_t fields) {
    // Held in locals: the stores below could otherwise alias the sink.
    sink.reserve(fields);
    std::string_view* views = sink.views() + sink.count();
    std::uint32_t* starts = sink.starts() + sink.count();
    for (std::size_t i = 0; i < fields; ++i) {
      views[i] = std::string_view(text + pos + 2 * i, 1);
      starts[i] = static_cast<std::uint32_t>(pos + 2 * i);
    }
    sink.advance(fields);
    pos += 2 * fields;
  };
#endif
  for (;;) {
#if defined(__SSE2__)
    while (pos + 16 <= length && sink.count() + 8 <= width &&
           code_digits<8>(text + pos, sink.count(), coding, delimiter_bytes, codes)) {
      take_digits(8);
    }
    if (pos + 8 <= length && sink.count() + 4 <= width &&
        code_digits<4>(text + pos, sink.count(), coding, delimiter_bytes, codes)) {
      take_digits(4);
      continue;
    }
#endif
    // One field, found eight bytes at a time (ids and dates are longer than
    // a word); a field holding a quote or a NUL substitute, and one reaching
    // the last eight bytes of the record, are left to split_rest.
    std::size_t end = pos;
    std::uint64_t ends = 0;
    bool special = false;
    while (ends == 0 && !special && end + 8 <= length) {
      const std::uint64_t word = load_word(text + end);
      ends = zero_bytes(word ^ delimiters);
      const std::uint64_t before_end = ends == 0 ? ~std::uint64_t{0} : (ends & (~ends + 1)) - 1;
      special = ((zero_bytes(word ^ quotes) | zero_bytes(word ^ substitutes)) & before_end) != 0;
      if (ends == 0) end += 8;
    }
    if (ends == 0 || special) break;
    end += static_cast<std::size_t>(__builtin_ctzll(ends)) / 8;
    const std::string_view cell(text + pos, end - pos);
    const std::size_t field = sink.count();
    if (field < width && coders[field] != nullptr) codes[field] = coders[field]->small(cell);
    sink(pos, cell);
    pos = end + 1;
  }
  const std::size_t coded = sink.count();
  split_rest(text, length, pos, sink);
  for (std::size_t field = coded; field < std::min(width, sink.count()); ++field) {
    if (coders[field] != nullptr) codes[field] = coders[field]->small(sink.field(field));
  }
  for (std::size_t r = 0; r < coding.repeats.size(); ++r) {
    const FieldCoding::Repeat& repeat = coding.repeats[r];
    if (repeat.field < sink.count()) codes[width + r] = repeat.coder->small(sink.field(repeat.field));
  }
  sink.finish();
  record.line = line;
  record.end_line = line + sink.breaks;
  record.text = record_text;
  record.has_nul = sink.has_nul;
}

std::string_view Batch::record(std::size_t index) const {
  const std::size_t begin = starts[index];
  const std::size_t end = index + 1 < starts.size() ? starts[index + 1] : text.size();
  return std::string_view(text).substr(begin, end - begin - 1);
}

void Batch::clear() {
  text.clear();
  starts.clear();
  lines.clear();
}

struct RecordReader::Impl {
  Impl(const std::string& name, Decoding decoding, char delimiter_char)
      : encoding(std::move(decoding.encoding)),
        lines(name, std::make_unique<LineReaderSource>(std::move(decoding.source))),
        delimiter(delimiter_char) {}

  // Reads one physical line; LineReader signals an over-long line by
  // throwing, which is turned into a positioned diagnostic.
  char* next_line(const std::string& name) {
    try {
      char* line = lines.next_line();
      if (line != nullptr) ++line_number;
      return line;
    } catch (const io::error::line_length_limit_exceeded&) {
      Diagnostic d;
      d.file = name;
      d.line = line_number + 1;
      d.message = "line is longer than 16 MiB (the line reader's limit); is this a CSV file?";
      throw Error(ErrorKind::kInvalid, std::move(d));
    }
  }

  // Follows quotes through out[begin, end) by the field scanner's rules,
  // to know whether the record goes on past this line. Only quotes change
  // the state, so the scan jumps from quote to quote: a quote opens a field
  // where one starts (the record's start, or just after a delimiter, which
  // is then outside quotes as no quote lies between), and inside quotes
  // either closes it or, doubled, stands for itself.
  void follow_quotes(const std::string& out, std::size_t begin) {
    const char* text = out.data();
    const std::size_t end = out.size();
    std::size_t i = begin;
    while (i < end) {
      const auto* found = static_cast<const char*>(std::memchr(text + i, '"', end - i));
      if (found == nullptr) return;
      const auto at = static_cast<std::size_t>(found - text);
      if (in_quotes) {
        if (at + 1 < end && text[at + 1] == '"') {
          i = at + 2;
          continue;
        }
        in_quotes = false;
      } else if (at == record_begin || text[at - 1] == delimiter) {
        in_quotes = true;
        quote_open = at;
      }
      i = at + 1;
    }
  }

  // Appends the next whole record to `out` (its lines joined by '\n'), and
  // sets `first_line`; false at the end of the input.
  bool gather(const std::string& name, std::string& out, std::uint64_t* first_line) {
    char* line = nullptr;
    do {
      line = next_line(name);
      if (line == nullptr) return false;
    } while (line[0] == '\0');
    if (delimiter == kDetectDelimiter) delimiter = detect_delimiter(line);
    *first_line = line_number;
    const std::size_t record_start = out.size();
    const std::size_t length = std::strlen(line);
    out.append(line, length);
    // Most lines hold no quote, so they end their record.
    if (std::memchr(line, '"', length) == nullptr) return true;
    in_quotes = false;
    record_begin = record_start;
    follow_quotes(out, record_start);
    while (in_quotes) {
      char* more = next_line(name);
      if (more == nullptr || out.size() - record_start > kMaxRecordBytes) {
        const std::string_view before = std::string_view(out).substr(record_start, quote_open - record_start);
        const std::size_t last_break = before.rfind('\n');
        Diagnostic d;
        d.file = name;
        d.line = *first_line + static_cast<std::uint64_t>(std::count(before.begin(), before.end(), '\n'));
        d.column = before.size() - (last_break == std::string_view::npos ? 0 : last_break + 1) + 1;
        d.message = more == nullptr ? "the quoted field opened here is never closed: the input ends inside it"
                                    : "the quoted field opened here runs on for more than 64 MiB; a closing quote is "
                                      "probably missing";
        throw Error(ErrorKind::kInvalid, std::move(d));
      }
      out += '\n';
      const std::size_t resume = out.size();
      const std::size_t more_length = std::strlen(more);
      out.append(more, more_length);
      if (std::memchr(more, '"', more_length) != nullptr) follow_quotes(out, resume);
    }
    return true;
  }

  std::string encoding;
  io::LineReader lines;
  char delimiter;
  std::uint64_t line_number = 0;
  bool in_quotes = false;
  std::size_t record_begin = 0;  // where the record being gathered starts in its output
  std::size_t quote_open = 0;
  std::string joined;
  std::unique_ptr<RecordParser> parser;
};

RecordReader::RecordReader(std::string name, std::unique_ptr<Impl> impl)
    : name_(std::move(name)), impl_(std::move(impl)) {}

RecordReader::~RecordReader() = default;

std::string input_display_name(const std::string& path) { return path == "-" ? "<stdin>" : path; }

std::string delimiter_name(char delimiter) {
  switch (delimiter) {
    case ',':
      return "comma";
    case ';':
      return "semicolon";
    case '\t':
      return "tab";
    case '|':
      return "pipe";
    default:
      return std::string("'") + delimiter + "'";
  }
}

std::unique_ptr<RecordReader> RecordReader::open_file(const std::string& path, char delimiter) {
  const std::string name = input_display_name(path);
  int fd = STDIN_FILENO;
  const bool owned = path != "-";
  if (owned) {
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw Error(ErrorKind::kIo, name, std::string("cannot open: ") + std::strerror(errno));
  }
  Decoding decoding = decode(std::make_unique<FileSource>(fd, owned, name), name);
  return std::unique_ptr<RecordReader>(
      new RecordReader(name, std::make_unique<Impl>(name, std::move(decoding), delimiter)));
}

std::unique_ptr<RecordReader> RecordReader::from_string(const std::string& name, std::string data, char delimiter) {
  Decoding decoding = decode(std::make_unique<StringSource>(std::move(data)), name);
  return std::unique_ptr<RecordReader>(
      new RecordReader(name, std::make_unique<Impl>(name, std::move(decoding), delimiter)));
}

char RecordReader::delimiter() const { return impl_->delimiter; }

std::string RecordReader::encoding() const { return impl_->encoding; }

bool RecordReader::next(Record& record) {
  Impl& impl = *impl_;
  impl.joined.clear();
  std::uint64_t line = 0;
  if (!impl.gather(name_, impl.joined, &line)) return false;
  if (!impl.parser) impl.parser = std::make_unique<RecordParser>(impl.delimiter);
  impl.parser->parse(impl.joined, line, record);
  return true;
}

bool RecordReader::next_batch(Batch& batch, std::size_t target_bytes) {
  Impl& impl = *impl_;
  batch.clear();
  while (batch.text.size() < target_bytes) {
    const auto start = static_cast<std::uint32_t>(batch.text.size());
    std::uint64_t line = 0;
    if (!impl.gather(name_, batch.text, &line)) break;
    batch.starts.push_back(start);
    batch.lines.push_back(line);
    batch.text += '\n';
  }
  return !batch.starts.empty();
}

std::pair<std::uint64_t, std::uint64_t> Record::position(std::size_t index) const {
  const std::size_t offset = index < field_starts.size() ? field_starts[index] : text.size();
  const std::string_view before = text.substr(0, offset);
  const auto breaks = static_cast<std::uint64_t>(std::count(before.begin(), before.end(), '\n'));
  const std::size_t last_break = before.rfind('\n');
  const std::size_t line_start = last_break == std::string_view::npos ? 0 : last_break + 1;
  return {line + breaks, offset - line_start + 1};
}

std::string_view Record::physical_line(std::size_t offset) const {
  offset = std::min(offset, text.size());
  const std::size_t last_break = text.substr(0, offset).rfind('\n');
  const std::size_t begin = last_break == std::string_view::npos ? 0 : last_break + 1;
  const std::size_t next_break = text.find('\n', offset);
  return text.substr(begin, (next_break == std::string_view::npos ? text.size() : next_break) - begin);
}

}  // namespace gapscore
