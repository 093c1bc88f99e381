#include "gapscore/engine/value_dictionary.h"

#include <catch2/catch.hpp>
#include <string>
#include <string_view>

namespace gapscore {

namespace {

// A lookup as "id new" or "id seen", for whole comparisons.
std::string lookup_of(ValueDictionary& dictionary, std::string_view cell) {
  const ValueDictionary::Lookup lookup = dictionary.id_of(cell);
  return std::to_string(lookup.id) + (lookup.is_new ? " new" : " seen");
}

}  // namespace

TEST_CASE("values are numbered as they first appear, each cell trimmed", "[engine]") {
  ValueDictionary dictionary;
  CHECK(lookup_of(dictionary, "North") == "0 new");
  CHECK(lookup_of(dictionary, "South") == "1 new");
  CHECK(lookup_of(dictionary, "North") == "0 seen");
  CHECK(lookup_of(dictionary, " North\t") == "0 seen");
  CHECK(lookup_of(dictionary, " North\t") == "0 seen");
  CHECK(dictionary.value(0) == "North");
  CHECK(dictionary.value(1) == "South");
}

TEST_CASE("an empty or blank cell is the value (missing)", "[engine]") {
  ValueDictionary dictionary;
  CHECK(lookup_of(dictionary, "") == "0 new");
  CHECK(lookup_of(dictionary, " \t ") == "0 seen");
  CHECK(lookup_of(dictionary, "(missing)") == "0 seen");
  CHECK(dictionary.value(0) == "(missing)");
  CHECK(dictionary.label(0) == "(missing)");
}

TEST_CASE("cells longer than a word are found as well as short ones", "[engine]") {
  ValueDictionary dictionary;
  // Eight bytes are one word; nine are not.
  CHECK(lookup_of(dictionary, "12345678") == "0 new");
  CHECK(lookup_of(dictionary, "123456789") == "1 new");
  CHECK(lookup_of(dictionary, "Northern Ireland") == "2 new");
  CHECK(lookup_of(dictionary, "123456789") == "1 seen");
  CHECK(lookup_of(dictionary, "12345678") == "0 seen");
  CHECK(lookup_of(dictionary, "Northern Ireland") == "2 seen");
  CHECK(lookup_of(dictionary, "  Northern Ireland ") == "2 seen");
  CHECK(dictionary.value(2) == "Northern Ireland");
}

TEST_CASE("short cells with the same bytes but another length are other values", "[engine]") {
  ValueDictionary dictionary;
  // Packed into a word, "a" and "a\0" have the same bytes; their sizes differ.
  CHECK(lookup_of(dictionary, "a") == "0 new");
  CHECK(lookup_of(dictionary, std::string_view("a\0", 2)) == "1 new");
  CHECK(lookup_of(dictionary, "a") == "0 seen");
  CHECK(lookup_of(dictionary, std::string_view("a\0", 2)) == "1 seen");
  CHECK(dictionary.value(1) == std::string("a\0", 2));
}

TEST_CASE("more distinct short cells than are kept as words are still found", "[engine]") {
  ValueDictionary dictionary;
  for (int i = 0; i < 40; ++i) CHECK(lookup_of(dictionary, "v" + std::to_string(i)) == std::to_string(i) + " new");
  for (int i = 0; i < 40; ++i) CHECK(lookup_of(dictionary, "v" + std::to_string(i)) == std::to_string(i) + " seen");
}

TEST_CASE("a value that is not UTF-8 keeps its bytes and gets a repaired label", "[engine]") {
  ValueDictionary dictionary;
  CHECK(lookup_of(dictionary, "Caf\xE9") == "0 new");
  CHECK(dictionary.value(0) == "Caf\xE9");
  CHECK(dictionary.label(0) == "Caf\xEF\xBF\xBD");
  CHECK(lookup_of(dictionary, "Caf\xE9") == "0 seen");
}

}  // namespace gapscore
