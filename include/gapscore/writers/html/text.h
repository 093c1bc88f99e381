#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "gapscore/report/report.h"

namespace gapscore {

/// `text` safe inside an HTML element or a quoted attribute: `&`, `<`,
/// `>`, `"` and `'` as character references, every other byte as it is.
std::string escape(std::string_view text);

/// `value` with `digits` decimals, for people; a value that rounds to zero
/// shows without a minus sign ("0.00", never "-0.00").
std::string fixed(double value, int digits);

/// `value` as `fixed` shows it, or "n/a" when there is no figure.
std::string shown(const Figure& value, int digits);

/// "low to high" with `digits` decimals each, or "n/a" without an interval.
std::string interval_text(const std::optional<Interval>& ci, int digits);

/// `label` cut for a chart's margin: as it is up to 48 bytes, else its
/// first 45 bytes or fewer, ending at a character boundary (the page stays
/// valid UTF-8), and "...".
std::string short_label(const std::string& label);

/// A count in decimal digits.
std::string count_text(std::int64_t value);

}  // namespace gapscore
