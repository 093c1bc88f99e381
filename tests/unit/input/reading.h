#pragma once

// Reading a whole CSV text with a RecordReader, for the input tests.

#include <cstdint>
#include <string>
#include <vector>

#include "gapscore/input/record_reader.h"

namespace gapscore {

struct Read {
  std::vector<std::string> fields;
  std::uint64_t line;
  std::uint64_t end_line;
  bool has_nul;
  std::string text;
};

using Fields = std::vector<std::string>;

inline std::vector<Read> read_all(const std::string& data, char delimiter = ',') {
  const auto reader = RecordReader::from_string("test.csv", data, delimiter);
  std::vector<Read> out;
  Record record;
  while (reader->next(record)) {
    std::vector<std::string> fields(record.fields.begin(), record.fields.end());
    out.push_back({fields, record.line, record.end_line, record.has_nul, std::string(record.text)});
  }
  return out;
}

}  // namespace gapscore
