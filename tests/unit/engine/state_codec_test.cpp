#include "gapscore/engine/state_codec.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "gapscore/writers/json_writer.h"
#include "scoring.h"
#include "test_support.h"

namespace gapscore {

TEST_CASE("states of disjoint inputs merge into the report of one pass", "[engine]") {
  const Questionnaire q = parse_questionnaire(read_text("examples/tiny/questionnaire.json"), "questionnaire.json");
  const std::string data = read_text("examples/tiny/responses.csv");
  EngineOptions options;
  options.breakdowns = {{"region"}};
  // Rows 1-4 (with the two-line r3) and the rest, each with the header.
  const std::size_t header_end = data.find('\n') + 1;
  std::size_t cut = header_end;
  for (int line = 0; line < 5; ++line) cut = data.find('\n', cut) + 1;
  const std::string first = data.substr(0, cut);
  const std::string second = data.substr(0, header_end) + data.substr(cut);
  const auto state_of = [&](const std::string& csv, const std::string& name) {
    Engine engine(q, options);
    const auto reader = RecordReader::from_string(name, csv, ',');
    engine.read(*reader);
    return engine.save_state();
  };
  const std::string a = state_of(first, "a.csv");
  const std::string b = state_of(second, "b.csv");
  const Engine::StateOrigin origin = Engine::state_origin(b, "b.state");
  CHECK(origin.breakdowns == options.breakdowns);
  Engine merged(origin.questionnaire, options);
  merged.merge_state(b, "b.state");
  merged.merge_state(a, "a.state");
  Report from_states = merged.finish();
  const Report single = score_text(q, data, options);
  CHECK(from_states.input.files == std::vector<std::string>{"b.csv", "a.csv"});
  from_states.input.files = single.input.files;
  // r2's second copy sits in the other half: states carry no ids, so it is used there.
  CHECK(from_states.input.rows_used == single.input.rows_used + 1);
  CHECK(from_states.input.rows_read == single.input.rows_read);
  // Saving what was merged gives a state that merges to the same report.
  Engine again(origin.questionnaire, options);
  again.merge_state(merged.save_state(), "merged.state");
  CHECK(to_json(again.finish()) == to_json(merged.finish()));
}

TEST_CASE("a state from another questionnaire, or a damaged one, is refused", "[engine]") {
  const Questionnaire q = parse_questionnaire(kSmall, "q.json");
  Engine engine(q, {});
  const auto reader = RecordReader::from_string("d.csv", "id,e,p,s\n1,5,4,4\n", ',');
  engine.read(*reader);
  const std::string state = engine.save_state();
  EngineOptions by;
  by.breakdowns = {{"s"}};
  Engine other(q, by);
  CHECK(thrown_by([&] { other.merge_state(state, "x.state"); })
            .messages.at(0)
            .find("x.state: error: this state was "
                  "counted with another "
                  "questionnaire") == 0);
  std::string damaged = state;
  damaged.replace(damaged.find("\"counters\":["), 12, "\"counters\":[7,");
  CHECK(thrown_by([&] { Engine(q, {}).merge_state(damaged, "d.state"); }).messages ==
        std::vector<std::string>{"d.state: error: a damaged gapscore state: its tally does not fit the questionnaire"});
  CHECK(thrown_by([&] { Engine(q, {}).merge_state("{\"gapscore_state\": 9}", "v.state"); }).messages ==
        std::vector<std::string>{"v.state: error: state format version 9 is not the one this gapscore reads (2); make "
                                 "the states with the same gapscore"});
}

TEST_CASE("128-bit sums are written in decimal and read back, the extremes too", "[engine]") {
  const Int128 largest = ((Int128{1} << 126) - 1) * 2 + 1;  // 2^127 - 1
  const Int128 smallest = -largest - 1;
  const Int128 mid = Int128{1234567890123} * 1000000000000 + 456789012345;
  CHECK(int128_text(0) == "0");
  CHECK(int128_text(-1) == "-1");
  CHECK(int128_text(mid) == "1234567890123456789012345");
  CHECK(int128_text(-mid) == "-1234567890123456789012345");
  CHECK(int128_text(largest) == "170141183460469231731687303715884105727");
  CHECK(int128_text(smallest) == "-170141183460469231731687303715884105728");
  for (const Int128 value : {Int128{0}, Int128{-1}, mid, -mid, largest, smallest}) {
    Int128 read = 7;
    CHECK(parse_int128(int128_text(value), &read));
    CHECK(read == value);
  }
}

TEST_CASE("text that is not an integer of at most 39 digits is not a 128-bit sum", "[engine]") {
  for (const std::string text : {"", "-", "+1", "1.0", "12a", " 1", "1 ", "1000000000000000000000000000000000000000"}) {
    Int128 read = 7;
    CHECK_FALSE(parse_int128(text, &read));
    CHECK(read == 7);
  }
}

TEST_CASE("the fingerprint is FNV-1a over the questionnaire's text and the breakdowns", "[engine]") {
  // FNV-1a (offset basis cbf29ce484222325, prime 100000001b3) of "{}\n",
  // then of "{}\n" "a\x1f" "b\x1f" "\x1e" "c\x1f" "\x1e".
  CHECK(state_fingerprint("{}", {}) == "c735ad1983dc7ddd");
  CHECK(state_fingerprint("{}", {{"a", "b"}, {"c"}}) == "c57b74f24396a780");
  // Columns are kept apart: crossing a with b is not one column "ab".
  CHECK(state_fingerprint("{}", {{"ab"}}) != state_fingerprint("{}", {{"a", "b"}}));
}

}  // namespace gapscore
