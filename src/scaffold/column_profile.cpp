#include "gapscore/scaffold/column_profile.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "gapscore/base/text.h"

namespace gapscore {

void ColumnProfile::add(std::string_view cell) {
  ++cells_;
  const std::string text(trim(cell));
  if (text.empty()) {
    ++empty_;
    return;
  }
  if (distinct_.size() < kDistinctCap) distinct_.insert(text);
  long long integer = 0;
  const char* begin = text.data() + (text[0] == '+' ? 1 : 0);
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(begin, end, integer);
  if (error == std::errc() && stop == end) {
    ++integers_;
    ++numbers_;
    min_ = min_ ? std::min(*min_, integer) : integer;
    max_ = max_ ? std::max(*max_, integer) : integer;
    if (integer_counts_.size() < 200 || integer_counts_.count(integer) > 0) ++integer_counts_[integer];
    return;
  }
  // Decimals as gapscore reads them: digits, a point, an exponent; not
  // "nan" or "inf", which from_chars would take. A whole one ("7.0", as
  // SPSS and Excel write codes) counts as that integer.
  const bool numeric_text = std::all_of(begin, end, [](char c) {
    return (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
  });
  double number = 0;
  const auto [decimal_stop, decimal_error] = std::from_chars(begin, end, number);
  if (numeric_text && decimal_error == std::errc() && decimal_stop == end) {
    ++numbers_;
    if (number == std::floor(number) && std::abs(number) < 1e15) {
      const auto whole = static_cast<long long>(number);
      ++integers_;
      min_ = min_ ? std::min(*min_, whole) : whole;
      max_ = max_ ? std::max(*max_, whole) : whole;
      if (integer_counts_.size() < 200 || integer_counts_.count(whole) > 0) ++integer_counts_[whole];
    }
    return;
  }
  if (texts_.size() < 50 || texts_.count(text) > 0) ++texts_[text];
}

}  // namespace gapscore
