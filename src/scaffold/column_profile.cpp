#include "gapscore/scaffold/column_profile.h"

#include <algorithm>
#include <charconv>

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
  double number = 0;
  const auto [decimal_stop, decimal_error] = std::from_chars(begin, end, number);
  if (decimal_error == std::errc() && decimal_stop == end) {
    ++numbers_;
    return;
  }
  if (texts_.size() < 50 || texts_.count(text) > 0) ++texts_[text];
}

}  // namespace gapscore
