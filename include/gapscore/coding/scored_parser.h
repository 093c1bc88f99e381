#pragma once

#include <cstdint>
#include <string_view>

#include "gapscore/coding/coder.h"
#include "gapscore/coding/field_coding.h"
#include "gapscore/input/record.h"
#include "gapscore/input/record_parser.h"

namespace gapscore {

/// Splits a record as `parser.parse()` does and codes its scored fields as
/// it goes, while their bytes are at hand: when the record has
/// `coding.fields.size()` fields, the small code of each scored field in its
/// column of `codes` (which has room for `coding.columns()`), each what its
/// coder's small() gives; with another field count, `codes` holds nothing
/// of use. Up to the first field holding a quote or a NUL substitute, eight
/// one-digit fields in a row (the shape of a row of Likert answers) are
/// split and coded together in vector registers; any other field is found
/// eight bytes at a time and coded by its coder; the rest of the record is
/// split byte by byte and coded after.
void parse_scored(RecordParser& parser, std::string_view text, std::uint64_t line, Record& record,
                  const FieldCoding& coding, SmallCode* codes);

}  // namespace gapscore
