#include "gapscore/input/record_reader.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
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
#include "gapscore/input/byte_source.h"
#include "gapscore/input/decode.h"
#include "gapscore/input/record_parser.h"

namespace gapscore {

namespace {

// LineReader's view of the input. LineReader takes a read shorter than
// asked for as the end, so reads are gathered until the request is filled;
// and because it hands out lines as C strings, a NUL byte would silently
// cut a line short, so each one is turned into U+001A (SUB), which the
// record scanner flags. A short read also gets a NUL after its last byte:
// LineReader looks at the byte at the end of its data before it checks
// for the end, and a line break left there by an earlier use of the
// memory would send it past the end of its buffer.
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
    if (filled < wanted) buffer[filled] = '\0';
    return static_cast<int>(filled);
  }

 private:
  std::unique_ptr<Source> inner_;
};

}  // namespace

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

}  // namespace gapscore
