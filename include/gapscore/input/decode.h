#pragma once

#include <memory>
#include <string>

#include "gapscore/input/byte_source.h"

namespace gapscore {

/// An input's bytes as UTF-8 text, and how they were stored.
struct Decoding {
  std::unique_ptr<Source> source;
  /// "UTF-8", "UTF-16LE" or "UTF-16BE", with " (gzip)" when compressed.
  std::string encoding;
};

/// Looks at the first bytes of `raw` (the input `name`): gzip's magic
/// number, then a UTF-16 byte order mark. gzip data is inflated as a
/// stream, several members one after another read as one; UTF-16 is
/// decoded to UTF-8, an unpaired surrogate or a last odd byte becoming
/// U+FFFD. Reads throw Error(kIo), naming the input, for gzip data that is
/// damaged or ends early.
Decoding decode(std::unique_ptr<Source> raw, const std::string& name);

}  // namespace gapscore
