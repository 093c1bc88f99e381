#include "gapscore/coding/coder.h"

#include <charconv>
#include <cmath>

#include "gapscore/base/text.h"

namespace gapscore {

const char* reason_name(InvalidReason reason) {
  switch (reason) {
    case InvalidReason::kOutOfRange:
      return "out_of_range";
    case InvalidReason::kNotInteger:
      return "not_integer";
    case InvalidReason::kUnrecognized:
      return "unrecognized";
  }
  return "unrecognized";
}

Coder::Coder(const Scale& scale, bool reverse, const std::vector<std::string>& missing_tokens)
    : scale_(scale), reverse_(reverse), missing_tokens_(missing_tokens) {
  InvalidReason reason = InvalidReason::kUnrecognized;
  for (std::size_t byte = 0; byte < one_byte_.size(); ++byte) {
    const char c = static_cast<char>(byte);
    one_byte_[byte] = small_code(code_slowly(std::string_view(&c, 1), &reason), scale.min);
  }
  for (std::size_t number = 0; number < two_digit_.size(); ++number) {
    const char text[2] = {static_cast<char>('0' + number / 10), static_cast<char>('0' + number % 10)};
    two_digit_[number] = small_code(code_slowly(std::string_view(text, 2), &reason), scale.min);
  }
  for (std::size_t number = 0; number < three_digit_.size(); ++number) {
    const char text[3] = {static_cast<char>('0' + number / 100), static_cast<char>('0' + number / 10 % 10),
                          static_cast<char>('0' + number % 10)};
    three_digit_[number] = small_code(code_slowly(std::string_view(text, 3), &reason), scale.min);
  }
}

Code Coder::on_scale(long long value, InvalidReason* reason) const {
  if (value < scale_.min || value > scale_.max) {
    *reason = InvalidReason::kOutOfRange;
    return kInvalidCode;
  }
  const auto code = static_cast<Code>(value);
  return reverse_ ? scale_.min + scale_.max - code : code;
}

Code Coder::code_slowly(std::string_view cell, InvalidReason* reason) const {
  *reason = InvalidReason::kUnrecognized;
  const std::string_view text = trim(cell);
  if (text.empty()) return kMissingCode;
  for (const std::string& token : missing_tokens_) {
    if (iequals(text, token)) return kMissingCode;
  }
  for (const auto& [label, code] : scale_.labels) {
    if (iequals(text, label)) return on_scale(code, reason);
  }
  std::size_t i = 0;
  bool negative = false;
  if (text[i] == '+' || text[i] == '-') {
    negative = text[i] == '-';
    ++i;
  }
  const std::size_t digits_begin = i;
  long long magnitude = 0;
  bool huge = false;
  for (; i < text.size() && is_digit(text[i]); ++i) {
    if (magnitude > 100000000000LL) {
      huge = true;
    } else {
      magnitude = magnitude * 10 + (text[i] - '0');
    }
  }
  const bool has_integer_digits = i > digits_begin;
  bool fraction_is_zero = true;
  bool has_fraction_digits = false;
  if (i < text.size() && text[i] == '.') {
    for (++i; i < text.size() && is_digit(text[i]); ++i) {
      has_fraction_digits = true;
      if (text[i] != '0') fraction_is_zero = false;
    }
  }
  if (i != text.size() || (!has_integer_digits && !has_fraction_digits)) return kInvalidCode;
  if (!fraction_is_zero) {
    *reason = InvalidReason::kNotInteger;
    return kInvalidCode;
  }
  if (huge) {
    *reason = InvalidReason::kOutOfRange;
    return kInvalidCode;
  }
  return on_scale(negative ? -magnitude : magnitude, reason);
}

std::string Coder::explain(std::string_view cell, InvalidReason reason) const {
  const std::string range = std::to_string(scale_.min) + ".." + std::to_string(scale_.max);
  const std::string scale_name = scale_.name.empty() ? range : scale_.name + " (" + range + ")";
  switch (reason) {
    case InvalidReason::kOutOfRange:
      return quote(cell) + " is outside the scale " + scale_name;
    case InvalidReason::kNotInteger:
      return quote(cell) + " is not a whole number on the scale " + scale_name;
    case InvalidReason::kUnrecognized:
      break;
  }
  if (scale_.labels.empty()) {
    return quote(cell) + " is not a number or a missing token; expected an integer on the scale " + scale_name;
  }
  std::vector<std::string> labels;
  for (const auto& [label, code] : scale_.labels) labels.push_back(label);
  return quote(cell) + " is not a number, a label or a missing token of the scale " + scale_name +
         did_you_mean(trim(cell), labels);
}

WeightCell read_weight(std::string_view cell, const std::vector<std::string>& missing_tokens) {
  std::string_view text = trim(cell);
  if (text.empty()) return {0, "the weight is empty"};
  for (const std::string& token : missing_tokens) {
    if (iequals(text, token)) return {0, "the weight is a missing token"};
  }
  if (text.front() == '+') text.remove_prefix(1);
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    return {0, "the weight is not a number"};
  }
  if (value < 0) return {0, "the weight is negative"};
  // Larger weights would overflow the sums of squared weights long before
  // any real expansion weight (persons per respondent) gets near.
  if (value > kMaxWeight) return {0, "the weight is above 1e12"};
  return {value, nullptr};
}

}  // namespace gapscore
