#include "gapscore/input/record_parser.h"

namespace gapscore {

RecordParser::RecordParser(char delimiter)
    : delimiter_(delimiter), delimiters_(kEveryByte * static_cast<unsigned char>(delimiter)) {
  for (const char c : {delimiter, '\n', '\0', kNulSubstitute}) stop_[static_cast<unsigned char>(c)] = true;
}

void RecordParser::split_rest(const char* text, std::size_t length, std::size_t pos, RecordFields& sink) {
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
      sink.add(start, std::string_view(text + start, pos - start));
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
        sink.add(start, std::string_view(text + content, close - content));
      } else {
        const std::size_t out_begin = unescaped_.size();
        for (std::size_t i = content; i < close; ++i) {
          unescaped_ += text[i];
          if (text[i] == '"' && i + 1 < close && text[i + 1] == '"') ++i;
        }
        unescaped_.append(text + pos, trailing - pos);
        sink.add(start, std::string_view(unescaped_.data() + out_begin, unescaped_.size() - out_begin));
      }
      pos = trailing;
    }
    if (pos >= length) break;
    ++pos;  // the delimiter
  }
}

void RecordParser::parse(std::string_view text, std::uint64_t line, Record& record) {
  RecordFields fields(record);
  begin(text.size());
  std::size_t pos = 0;
  for (;;) {
    const std::size_t start = pos;
    std::string_view field;
    if (!next_plain_field(text, pos, &field)) break;
    fields.add(start, field);
  }
  finish(text, pos, line, fields, record);
}

}  // namespace gapscore
