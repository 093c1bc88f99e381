#include "gapscore/engine/batch.h"

#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "gapscore/input/header.h"
#include "scoring.h"
#include "test_support.h"

namespace gapscore {

TEST_CASE("strict mode stops at the first problem with the source line", "[engine]") {
  EngineOptions options;
  options.strict = true;
  const Thrown thrown =
      thrown_by([&] { score_text(parse_questionnaire(kSmall, "q.json"), "id,e,p,s\n1,5,4,4\n2,5,x,4\n", options); });
  CHECK(thrown.kind == ErrorKind::kInvalid);
  CHECK(thrown.messages.at(0) ==
        "data.csv:3:5: error: p: \"x\" is not a number or a missing token; expected an integer on the scale a "
        "(1..5)\n2,5,x,4\n    ^ near here");
}

TEST_CASE("a row with a NUL byte is rejected, the rest goes on", "[engine]") {
  std::vector<std::string> problems;
  EngineOptions options;
  options.on_problem = [&problems](const Diagnostic& d) { problems.push_back(format_diagnostic(d)); };
  const Report report = score_text(parse_questionnaire(kSmall, "q.json"),
                                   std::string("id,e,p,s\n1,5,4,4\n2,5\0,4,4\n3,5,5,5\n", 34), options);
  CHECK(report.input.rows_read == 3);
  CHECK(report.input.rows_used == 2);
  CHECK(report.input.rejected == std::vector<std::pair<std::string, std::int64_t>>{{"nul_byte", 1}});
  CHECK(problems == std::vector<std::string>{"data.csv:3:1: error: the row holds a NUL byte (is the file binary, or "
                                             "UTF-16 without a byte order mark?)"});
}

TEST_CASE("a survey weight that cannot be used rejects its row before its id is taken", "[engine]") {
  const char* const questionnaire = R"({"gapscore": 1, "respondent_id": "id", "weight_column": "w",
    "scales": {"five": {"min": 1, "max": 5}}, "metrics": [{"type": "csat", "column": "sat"}]})";
  std::vector<std::string> messages;
  EngineOptions options;
  options.on_problem = [&messages](const Diagnostic& d) { messages.push_back(format_diagnostic(d)); };
  const Report report = score_text(parse_questionnaire(questionnaire, "q.json"),
                                   "id,w,sat\na,,5\na,2,4\nb,-1,3\nc,1e13,3\nd,0,1\n", std::move(options));
  CHECK(report.input.rows_used == 2);
  REQUIRE(report.input.rejected.size() == 1);
  CHECK(report.input.rejected[0] == std::make_pair(std::string("bad_weight"), std::int64_t{3}));
  CHECK(messages == std::vector<std::string>{
                        "data.csv:2:3: error: w: the weight is empty (\"\"); expected a number at least 0",
                        "data.csv:4:3: error: w: the weight is negative (\"-1\"); expected a number at least 0",
                        "data.csv:5:3: error: w: the weight is above 1e12 (\"1e13\"); expected a number at least 0"});
  const Proportion& csat = report.results.at(0).metrics[0].satisfied;
  // Row a (weight 2, satisfied) and row d (weight 0): all the weight is satisfied.
  CHECK(csat.n == 2);
  CHECK(*csat.score == 100);
  CHECK(*csat.n_eff == 1);
}

namespace {

// The rows of `csv` after its header as one batch, bound to kSmall.
struct BoundBatch {
  explicit BoundBatch(const std::string& csv, EngineOptions options = {})
      : setup(parse_questionnaire(kSmall, "q.json"), std::move(options)) {
    const auto reader = RecordReader::from_string("b.csv", csv, ',');
    Record record;
    REQUIRE(reader->next(record));
    Header header;
    header.add_row(record);
    result.binding = bind_header(setup, "b.csv", 0, ',', header);
    REQUIRE(reader->next_batch(result.batch, 1 << 20));
  }
  std::size_t slot_of(const std::string& column) const {
    for (std::size_t s = 0; s < setup.plan.slots.size(); ++s) {
      if (setup.plan.slots[s].column == column) return s;
    }
    FAIL("no slot reads " + column);
    return 0;
  }

  RunSetup setup;
  BatchResult result;
};

}  // namespace

TEST_CASE("a batch counts its rows and notes their ids, in order, to be checked in the merge", "[engine]") {
  // Lines 2 to 5: a row, an empty line (skipped), a short row, a row with an invalid p.
  BoundBatch bound("id,e,p,s\n1,5,4,4\n\n2,5\n 3 ,5,x,4\n");
  BatchResult& result = bound.result;
  count_batch(bound.setup, result, nullptr);
  CHECK(result.rows_read == 3);
  CHECK(result.rows_used == 2);
  CHECK(result.rejected == std::array<std::int64_t, 4>{0, 1, 0, 0});
  CHECK(result.invalid[bound.slot_of("p")] == std::array<std::int64_t, 3>{0, 0, 1});
  CHECK(result.invalid[bound.slot_of("e")] == std::array<std::int64_t, 3>{0, 0, 0});
  CHECK(result.all.rows() == 2);
  // Without on_problem or strict, problems are counted, not kept.
  CHECK(result.problems.empty());
  CHECK(result.rejected_rows.empty());
  REQUIRE(result.ids.size() == 2);
  CHECK(result.id_text == "13");
  CHECK(result.ids[0].row == 0);
  CHECK(result.ids[0].line == 2);
  CHECK(result.ids[0].length == 1);
  CHECK(result.ids[1].row == 2);
  CHECK(result.ids[1].line == 5);
  CHECK(result.ids[1].offset == 1);

  SECTION("counted again with a duplicate, the row leaves no trace") {
    const Duplicates duplicates = {{0, "a duplicate"}};
    count_batch(bound.setup, result, &duplicates);
    CHECK(result.rows_read == 3);
    CHECK(result.rows_used == 1);
    CHECK(result.rejected == std::array<std::int64_t, 4>{0, 1, 0, 1});
    CHECK(result.all.rows() == 1);
    REQUIRE(result.ids.size() == 1);
    CHECK(result.id_text == "3");
    CHECK(result.ids[0].row == 2);
  }
}

TEST_CASE("a batch keeps its problems and rejected rows when they are wanted", "[engine]") {
  EngineOptions options;
  options.on_problem = [](const Diagnostic&) {};
  options.on_reject = [](const RejectedRow&) {};
  BoundBatch bound("id,e,p,s\n1,5,4,4\n2,5\n3,5,x,4\n", std::move(options));
  BatchResult& result = bound.result;
  count_batch(bound.setup, result, nullptr);
  REQUIRE(result.problems.size() == 2);
  CHECK(format_diagnostic(result.problems[0].diagnostic) ==
        "b.csv:3:4: error: expected 4 fields as in the header, found 2");
  CHECK(result.problems[0].row == 1);
  CHECK(result.problems[0].breakdown == -1);
  CHECK(format_diagnostic(result.problems[1].diagnostic) ==
        "b.csv:4:5: error: p: \"x\" is not a number or a missing token; expected an integer on the scale a (1..5)");
  CHECK(result.problems[1].row == 2);
  REQUIRE(result.rejected_rows.size() == 1);
  CHECK(result.rejected_rows[0].line == 3);
  CHECK(std::string(result.rejected_rows[0].reason) == "field_count");
  CHECK(result.rejected_rows[0].text == "2,5");
  CHECK_FALSE(result.stopped);
}

}  // namespace gapscore
