#include "gapscore/scaffold/guesswork.h"

#include <catch2/catch.hpp>
#include <stdexcept>

namespace gapscore {

TEST_CASE("guesswork finds a column by its first name; a name the header repeats is taken by no guess", "[scaffold]") {
  const std::vector<std::string> names = {"a", "b", "a"};
  const std::vector<std::string> questions;
  const std::vector<ColumnProfile> profiles(names.size());
  const scaffold::Guesswork work(names, questions, profiles);
  CHECK(work.index_of("a") == 0);
  CHECK(work.index_of("b") == 1);
  CHECK_THROWS_AS(work.index_of("c"), std::out_of_range);
  CHECK(work.used == std::vector<bool>{true, false, true});
  CHECK(work.notes == std::vector<std::string>{"column names the header has more than once, left out (rename them "
                                               "to use them): \"a\""});
  const std::vector<std::string> distinct = {"a", "b"};
  const std::vector<ColumnProfile> two(2);
  const scaffold::Guesswork clean(distinct, questions, two);
  CHECK(clean.used == std::vector<bool>{false, false});
  CHECK(clean.notes.empty());
}

TEST_CASE("lists in notes stop at their limit and say how many more", "[scaffold]") {
  CHECK(scaffold::listed({"x", "y", "z"}, 2) == "x, y and 1 more");
  CHECK(scaffold::listed({"x", "y"}, 2) == "x, y");
  CHECK(scaffold::listed({}, 3).empty());
}

}  // namespace gapscore
