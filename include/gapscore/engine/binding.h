#pragma once

// How one input's header maps its columns onto the questionnaire.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "gapscore/coding/field_coding.h"

namespace gapscore {

class Header;
struct RunSetup;

/// How one input's columns map onto the questionnaire; shared read-only by
/// every batch of that input.
struct Binding {
  std::string file;
  std::uint64_t file_index = 0;  ///< in RunTotals::files
  char delimiter = ',';
  std::size_t width = 0;                 ///< fields in the header: every row must have as many
  std::vector<std::size_t> slot_fields;  ///< per slot of the plan
  FieldCoding coding;
  bool has_id = false;
  std::size_t id_field = 0;
  bool has_weight = false;
  std::size_t weight_field = 0;
  std::vector<std::vector<std::size_t>> breakdown_fields;  ///< per breakdown, per column
};

/// Names `header`'s columns as the questionnaire asks and finds every column
/// the questionnaire and the breakdowns name: the binding of input `file`
/// (number `file_index` of the run), split by `delimiter`. Hands the header
/// rows to options.on_header, and reports column names that are not UTF-8
/// or appear more than once as warnings. Throws Error(kInvalid) with every
/// questionnaire column it cannot find, or for a one-column header that
/// holds another delimiter, and Error(kUsage) with every --by column it
/// cannot find.
std::shared_ptr<const Binding> bind_header(const RunSetup& setup, const std::string& file, std::uint64_t file_index,
                                           char delimiter, Header& header);

}  // namespace gapscore
