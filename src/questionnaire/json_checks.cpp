#include "gapscore/questionnaire/json_checks.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "gapscore/base/text.h"

namespace gapscore {

using nlohmann::json;

std::string escape_pointer_token(std::string_view token) {
  std::string out;
  for (const char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string child(const std::string& pointer, std::string_view key) {
  return pointer + "/" + escape_pointer_token(key);
}

std::string child(const std::string& pointer, std::size_t index) { return pointer + "/" + std::to_string(index); }

std::string type_name(const json& value) {
  switch (value.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::boolean:
      return "a boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return "an integer";
    case json::value_t::number_float:
      return "a number with a fraction";
    case json::value_t::string:
      return "a string";
    case json::value_t::array:
      return "an array";
    case json::value_t::object:
      return "an object";
    default:
      return "something else";
  }
}

void Checker::problem(const std::string& pointer, const std::string& message) {
  Diagnostic d;
  d.file = file_;
  d.pointer = pointer;
  d.has_pointer = true;
  d.message = message;
  problems_.push_back(std::move(d));
}

bool Checker::expect_object(const json& value, const std::string& pointer) {
  if (value.is_object()) return true;
  problem(pointer, "expected an object, found " + type_name(value));
  return false;
}

void Checker::allow_keys(const json& object, const std::string& pointer, const std::vector<std::string>& allowed) {
  for (const auto& [key, value] : object.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    problem(child(pointer, key), "unknown key " + quote(key) + did_you_mean(key, allowed));
  }
}

std::optional<std::string> Checker::string_at(const json& object, const std::string& key, const std::string& pointer,
                                              bool required) {
  const auto found = object.find(key);
  if (found == object.end()) {
    if (required) problem(pointer, "missing required key " + quote(key));
    return std::nullopt;
  }
  if (!found->is_string()) {
    problem(child(pointer, key), "expected a string, found " + type_name(*found));
    return std::nullopt;
  }
  return found->get<std::string>();
}

std::optional<std::string> Checker::column_at(const json& object, const std::string& key, const std::string& pointer,
                                              bool required) {
  std::optional<std::string> column = string_at(object, key, pointer, required);
  if (column && trim(*column).empty()) {
    problem(child(pointer, key), "a column name must not be empty");
    return std::nullopt;
  }
  return column;
}

std::optional<int> Checker::integer_at(const json& object, const std::string& key, const std::string& pointer,
                                       bool required) {
  const auto found = object.find(key);
  if (found == object.end()) {
    if (required) problem(pointer, "missing required key " + quote(key));
    return std::nullopt;
  }
  return integer(*found, child(pointer, key));
}

std::optional<int> Checker::integer(const json& value, const std::string& pointer) {
  if (!value.is_number_integer()) {
    problem(pointer, "expected an integer, found " + type_name(value));
    return std::nullopt;
  }
  const auto number = value.get<long long>();
  if (number < -1000000000LL || number > 1000000000LL) {
    problem(pointer, "integer " + std::to_string(number) + " is outside -1000000000..1000000000");
    return std::nullopt;
  }
  return static_cast<int>(number);
}

std::optional<bool> Checker::boolean_at(const json& object, const std::string& key, const std::string& pointer) {
  const auto found = object.find(key);
  if (found == object.end()) return std::nullopt;
  if (!found->is_boolean()) {
    problem(child(pointer, key), "expected true or false, found " + type_name(*found));
    return std::nullopt;
  }
  return found->get<bool>();
}

}  // namespace gapscore
