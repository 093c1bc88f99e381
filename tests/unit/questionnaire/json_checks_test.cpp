#include "gapscore/questionnaire/json_checks.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "problems_of.h"

namespace gapscore {

using nlohmann::json;

TEST_CASE("pointer tokens escape ~ and / (RFC 6901)", "[questionnaire]") {
  CHECK(child("/scales", "a/b~c") == "/scales/a~1b~0c");
  CHECK(child("", "title") == "/title");
  CHECK(child("/metrics", std::size_t{2}) == "/metrics/2");
  CHECK(escape_pointer_token("~1") == "~01");
}

TEST_CASE("type_name names each kind of JSON value", "[questionnaire]") {
  CHECK(type_name(json(nullptr)) == "null");
  CHECK(type_name(json(true)) == "a boolean");
  CHECK(type_name(json(-3)) == "an integer");
  CHECK(type_name(json(3u)) == "an integer");
  CHECK(type_name(json(1.5)) == "a number with a fraction");
  CHECK(type_name(json("x")) == "a string");
  CHECK(type_name(json::array()) == "an array");
  CHECK(type_name(json::object()) == "an object");
}

TEST_CASE("the typed readers record what they expected where", "[questionnaire]") {
  Checker check("q.json");
  const json object = json::parse(R"({"big": 2000000000, "s": 5, "c": " \t", "b": "yes", "i": 7, "t": "x"})");
  CHECK(check.integer_at(object, "i", "/o", true) == 7);
  CHECK(check.string_at(object, "t", "/o", true) == std::string("x"));
  CHECK_FALSE(check.boolean_at(object, "absent", "/o"));
  CHECK_FALSE(check.string_at(object, "absent", "/o", false));
  CHECK(check.problems().empty());

  CHECK_FALSE(check.integer_at(object, "big", "/o", true));
  CHECK_FALSE(check.string_at(object, "absent", "/o", true));
  CHECK_FALSE(check.string_at(object, "s", "/o", false));
  CHECK_FALSE(check.column_at(object, "c", "/o", true));
  CHECK_FALSE(check.boolean_at(object, "b", "/o"));
  CHECK_FALSE(check.expect_object(object["i"], "/o/i"));
  CHECK(formatted(check.problems()) ==
        std::vector<std::string>{
            "q.json: /o/big: error: integer 2000000000 is outside -1000000000..1000000000",
            "q.json: /o: error: missing required key \"absent\"",
            "q.json: /o/s: error: expected a string, found an integer",
            "q.json: /o/c: error: a column name must not be empty",
            "q.json: /o/b: error: expected true or false, found a string",
            "q.json: /o/i: error: expected an object, found an integer",
        });
}

TEST_CASE("allow_keys reports each unknown key with a did you mean", "[questionnaire]") {
  Checker check("q.json");
  check.allow_keys(json::parse(R"({"id": 1, "titel": 2, "zzz": 3})"), "/o", {"id", "title"});
  CHECK(formatted(check.problems()) == std::vector<std::string>{
                                           "q.json: /o/titel: error: unknown key \"titel\" (did you mean \"title\"?)",
                                           "q.json: /o/zzz: error: unknown key \"zzz\"",
                                       });
}

}  // namespace gapscore
