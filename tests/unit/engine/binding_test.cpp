#include "gapscore/engine/binding.h"

#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "gapscore/engine/run.h"
#include "gapscore/input/header.h"
#include "scoring.h"
#include "test_support.h"

namespace gapscore {

TEST_CASE("a column missing from the header is named, with near matches", "[engine]") {
  const Thrown thrown = thrown_by([] { read_into_engine("data.csv", "ID,E,p,s\n"); });
  CHECK(thrown.kind == ErrorKind::kInvalid);
  REQUIRE(thrown.messages.size() == 2);
  CHECK(thrown.messages[0] ==
        "data.csv:1: error: column \"e\" (item i expectation) is not in the header (did you mean \"E\"?)");
  CHECK(thrown.messages[1] ==
        "data.csv:1: error: column \"id\" (the respondent id) is not in the header (did you mean \"ID\"?)");
}

TEST_CASE("a questionnaire column named twice in the header is ambiguous", "[engine]") {
  const Thrown thrown = thrown_by([] { read_into_engine("data.csv", "id,e,p,s,p\n"); });
  CHECK(thrown.messages.at(0) ==
        "data.csv:1: error: column \"p\" (item i perception) appears 2 times in the header, so which one to read "
        "is ambiguous");
}

TEST_CASE("a --by column missing from the header is a usage error", "[engine]") {
  EngineOptions options;
  options.breakdowns = {{"regoin"}};
  const Thrown thrown = thrown_by([&] { read_into_engine("data.csv", "id,e,p,s,region\n", options); });
  CHECK(thrown.kind == ErrorKind::kUsage);
  CHECK(thrown.messages.at(0) ==
        "data.csv:1: error: column \"regoin\" (a --by column) is not in the header (did you mean \"region\"?)");
}

TEST_CASE("a one-column header that holds another delimiter names it", "[engine]") {
  const Thrown thrown = thrown_by([] { read_into_engine("data.csv", "id;e;p;s\n1;5;4;4\n"); });
  CHECK(thrown.kind == ErrorKind::kInvalid);
  CHECK(thrown.messages ==
        std::vector<std::string>{"data.csv:1: error: the header is a single column split by comma, but it holds the "
                                 "semicolon character; is the file semicolon-separated? (--delimiter chooses; by "
                                 "default it is detected)"});
}

TEST_CASE("each column is found by its name, wherever the header has it", "[engine]") {
  const Questionnaire q = parse_questionnaire(R"({"gapscore": 1, "respondent_id": "id", "weight_column": "w",
    "scales": {"a": {"min": 1, "max": 5}},
    "servqual": {"scale": "a", "dimensions": [{"id": "d", "items": [{"id": "i", "expectation": "e", "perception": "p"}]}]},
    "metrics": [{"type": "csat", "column": "s", "scale": "a"}]})",
                                              "q.json");
  std::vector<std::string> headers;
  EngineOptions options;
  options.breakdowns = {{"r", "c"}, {"c"}};
  options.on_header = [&headers](const std::vector<std::string>& rows, char delimiter) {
    for (const std::string& row : rows) headers.push_back(row + " " + delimiter);
  };
  const RunSetup setup(q, options);
  const auto reader = RecordReader::from_string("d.csv", "c|w|x|p|id|e|s|r\n", '|');
  Record record;
  REQUIRE(reader->next(record));
  Header header;
  header.add_row(record);
  const std::shared_ptr<const Binding> binding = bind_header(setup, "d.csv", 3, '|', header);
  CHECK(headers == std::vector<std::string>{"c|w|x|p|id|e|s|r |"});
  CHECK(binding->file == "d.csv");
  CHECK(binding->file_index == 3);
  CHECK(binding->delimiter == '|');
  CHECK(binding->width == 8);
  CHECK(binding->has_id);
  CHECK(binding->id_field == 4);
  CHECK(binding->has_weight);
  CHECK(binding->weight_field == 1);
  CHECK(binding->breakdown_fields == std::vector<std::vector<std::size_t>>{{7, 0}, {0}});
  // The scored columns are e, p and s, in whatever order the plan takes them.
  REQUIRE(binding->slot_fields.size() == setup.plan.slots.size());
  std::set<std::string> scored;
  for (std::size_t s = 0; s < setup.plan.slots.size(); ++s) {
    CHECK(header.names()[binding->slot_fields[s]] == setup.plan.slots[s].column);
    scored.insert(header.names()[binding->slot_fields[s]]);
  }
  CHECK(scored == std::set<std::string>{"e", "p", "s"});
}

}  // namespace gapscore
