#pragma once

#include <cstddef>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gapscore/base/diagnostic.h"

namespace gapscore {

/// `token` escaped for a JSON pointer (RFC 6901): `~` as `~0`, `/` as `~1`.
std::string escape_pointer_token(std::string_view token);

/// The pointer to member `key` of the value at `pointer`.
std::string child(const std::string& pointer, std::string_view key);

/// The pointer to element `index` of the array at `pointer`.
std::string child(const std::string& pointer, std::size_t index);

/// The kind of a JSON value as messages name it: "a string", "an integer", ...
std::string type_name(const nlohmann::json& value);

/// Collects problems while walking a JSON document; each accessor reports
/// what it expected at which pointer and returns nothing on a mismatch, so
/// the walk goes on and every problem is found in one run.
class Checker {
 public:
  /// Problems are reported against `file`.
  explicit Checker(std::string file) : file_(std::move(file)) {}

  /// Records `message` at `pointer`.
  void problem(const std::string& pointer, const std::string& message);

  /// Every problem recorded, in the order found.
  const std::vector<Diagnostic>& problems() const { return problems_; }

  /// Whether `value` is an object; records a problem when it is not.
  bool expect_object(const nlohmann::json& value, const std::string& pointer);

  /// Records a problem, with a "did you mean", for each key of `object` not in `allowed`.
  void allow_keys(const nlohmann::json& object, const std::string& pointer, const std::vector<std::string>& allowed);

  /// The string under `key`; nothing when it is absent (a problem if
  /// `required`) or not a string (a problem).
  std::optional<std::string> string_at(const nlohmann::json& object, const std::string& key, const std::string& pointer,
                                       bool required);

  /// As string_at, and a name of only spaces and tabs is a problem too.
  std::optional<std::string> column_at(const nlohmann::json& object, const std::string& key, const std::string& pointer,
                                       bool required);

  /// The integer under `key`; nothing when it is absent (a problem if
  /// `required`) or not an integer as `integer` reads one.
  std::optional<int> integer_at(const nlohmann::json& object, const std::string& key, const std::string& pointer,
                                bool required);

  /// `value` as an int; nothing, and a problem, when it is not an integer
  /// or is outside -1000000000..1000000000.
  std::optional<int> integer(const nlohmann::json& value, const std::string& pointer);

  /// The boolean under `key`; nothing when it is absent or, with a problem,
  /// not a boolean.
  std::optional<bool> boolean_at(const nlohmann::json& object, const std::string& key, const std::string& pointer);

 private:
  std::string file_;
  std::vector<Diagnostic> problems_;
};

}  // namespace gapscore
