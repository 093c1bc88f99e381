#include "gapscore/engine/state_codec.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "gapscore/tally/plan.h"
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

namespace {

// What a forger (or a careless hand) does to a state and its checksum: the
// checksum is FNV-1a (64 bits) of the state's JSON without it, as
// FORMATS.md says, worked out here on its own.
std::string forged(const std::string& state, const std::function<void(nlohmann::json&)>& change) {
  nlohmann::json json = nlohmann::json::parse(state);
  change(json);
  json.erase("checksum");
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char c : json.dump()) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  json["checksum"] = hex;
  return json.dump() + "\n";
}

std::string small_state(const std::string& csv, EngineOptions options = {}) {
  Engine engine(parse_questionnaire(kSmall, "q.json"), std::move(options));
  const auto reader = RecordReader::from_string("d.csv", csv, ',');
  engine.read(*reader);
  return engine.save_state();
}

std::string refusal(const std::string& state, EngineOptions options = {}) {
  Engine engine(parse_questionnaire(kSmall, "q.json"), std::move(options));
  const Thrown thrown = thrown_by([&] { engine.merge_state(state, "f.state"); });
  CHECK(thrown.kind == ErrorKind::kInvalid);
  return thrown.messages.at(0);
}

}  // namespace

TEST_CASE("a state from another questionnaire, another version or with a wrong checksum is refused", "[engine]") {
  const std::string state = small_state("id,e,p,s\n1,5,4,4\n");
  EngineOptions by;
  by.breakdowns = {{"s"}};
  CHECK(refusal(state, by).find("f.state: error: this state was counted with another questionnaire") == 0);
  std::string damaged = state;
  damaged.replace(damaged.find("\"counters\":["), 12, "\"counters\":[7,");
  CHECK(refusal(damaged) ==
        "f.state: error: a damaged gapscore state: its checksum does not match its content: it "
        "was changed after gapscore wrote it");
  CHECK(refusal(forged(state, [](nlohmann::json& json) { json["all"]["counters"].push_back(7); })) ==
        "f.state: error: a damaged gapscore state: the whole data set: its tally does not fit the questionnaire");
  CHECK(refusal("{\"gapscore_state\": 9}") ==
        "f.state: error: state format version 9 is not the one this gapscore reads (4); make the states with the "
        "same gapscore");
  CHECK(refusal(std::string(100, '[') + std::string(100, ']')) ==
        "f.state: error: not a gapscore state: nested more than 64 levels deep");
}

TEST_CASE("a count below 0, above the rows or off the scales is refused, naming the figure", "[engine]") {
  const Questionnaire q = parse_questionnaire(kSmall, "q.json");
  const Plan plan = make_plan(q);
  const std::size_t expectation = plan.histograms[static_cast<std::size_t>(plan.items[0].expectation_counts)].offset;
  const Plan::DimensionMeasure& gap = plan.dimension_measures.back();
  REQUIRE(gap.measure == Measure::kGap);
  // Two rows: expectations 5 and 4.
  const std::string state = small_state("id,e,p,s\n1,5,4,4\n2,4,4,3\n");
  const auto with = [&](std::size_t offset, std::int64_t value) {
    return forged(state, [&](nlohmann::json& json) { json["all"]["counters"][offset] = value; });
  };
  const std::string prefix = "f.state: error: a damaged gapscore state: the whole data set: ";
  CHECK(refusal(with(expectation + 3, -3)) == prefix + "item i expectation: a count of -3");
  CHECK(refusal(with(expectation + 3, 3)) == prefix + "item i expectation: more answers than the tally's 2 rows");
  CHECK(refusal(with(expectation + 3, INT64_MAX)) ==
        prefix + "item i expectation: more answers than the tally's 2 rows");
  CHECK(refusal(with(expectation + 3, 0)) ==
        prefix + "item i expectation: answers, missing and invalid cells for 1 of the tally's 2 rows");
  // Each row's gap is one item's: P - E between -4 and 4, so two rows sum
  // to at most 8 in magnitude.
  CHECK(refusal(with(gap.score_counts + 2 + 1, 9)) ==
        prefix + "dimension d gap scores: a sum no rows on its scales could give");
  const std::string rows = forged(state, [](nlohmann::json& json) { json["all"]["rows"] = std::int64_t{1} << 41; });
  CHECK(refusal(rows) == prefix + "a tally of 2199023255552 rows (at least 0, at most 2^40 in one run)");
  // Found by fuzzing: a float where a count belongs was converted past the
  // integer's range (undefined behaviour) instead of being refused.
  for (const double number : {6.64444e113, 1.5, -1e30}) {
    CHECK(refusal(forged(state, [&](nlohmann::json& json) { json["all"]["counters"][expectation] = number; })) ==
          "f.state: error: a damaged gapscore state: a value that is not an integer of 64 bits");
  }
  CHECK(refusal(forged(state, [](nlohmann::json& json) { json["input"]["rows_read"] = 1e300; })) ==
        "f.state: error: a damaged gapscore state: a value that is not an integer of 64 bits");
}

TEST_CASE("a state's accounting and segments must add up", "[engine]") {
  EngineOptions by;
  by.breakdowns = {{"s"}};
  const std::string state = small_state("id,e,p,s\n1,5,4,4\n2,4,4,3\n3,x,4,3\n", by);
  const std::string prefix = "f.state: error: a damaged gapscore state: ";
  CHECK(refusal(forged(state, [](nlohmann::json& json) { json["input"]["rows_read"] = 4; }), by) ==
        prefix + "input: 4 rows read are not the 3 used and 0 rejected");
  CHECK(refusal(forged(state,
                       [](nlohmann::json& json) {
                         json["input"]["rows_used"] = 2;
                         json["input"]["rows_read"] = 2;
                       }),
                by) == prefix + "the whole data set's tally has 3 rows, not the 2 used");
  // A segment changed in itself consistently (one CSAT answer of 4 made a
  // 5) no longer adds up with the other to the whole data set.
  const Plan plan = make_plan(parse_questionnaire(kSmall, "q.json"));
  const std::size_t csat = plan.histograms[static_cast<std::size_t>(plan.metric_counts[0])].offset;
  const std::string moved = forged(state, [&](nlohmann::json& json) {
    for (nlohmann::json& segment : json["segments"]) {
      if (segment["values"][0] != "4") continue;
      segment["tally"]["counters"][csat + 3] = 0;
      segment["tally"]["counters"][csat + 4] = 1;
    }
  });
  CHECK(refusal(moved, by) == prefix + "the segments of --by s do not add up to the whole data set");
  CHECK(refusal(forged(state, [](nlohmann::json& json) { json["segments"][0]["labels"][0] = "\x1b[2J"; }), by) ==
        prefix + "a segment's label is not its value's");
  CHECK(refusal(forged(state, [](nlohmann::json& json) { json["segments"].push_back(json["segments"][0]); }), by) ==
        prefix + "\"segment s=3\" appears twice");
}

TEST_CASE("a run's rows are added once: a state given twice, or a merged one beside its part, is refused", "[engine]") {
  const Questionnaire q = parse_questionnaire(kSmall, "q.json");
  const std::string a = small_state("id,e,p,s\n1,5,4,4\n");
  const std::string b = small_state("id,e,p,s\n2,4,4,3\n");
  Engine twice(q, {});
  twice.merge_state(a, "a.state");
  const Thrown again = thrown_by([&] { twice.merge_state(a, "a2.state"); });
  CHECK(again.kind == ErrorKind::kInvalid);
  CHECK_THAT(again.messages.at(0), Catch::StartsWith("a2.state: error: its rows are already counted: run "));
  CHECK_THAT(again.messages.at(0), Catch::EndsWith(" is also in a.state (a state given twice, or a merged state with "
                                                   "one of its parts)"));
  Engine merged(q, {});
  merged.merge_state(a, "a.state");
  merged.merge_state(b, "b.state");
  Engine beside(q, {});
  beside.merge_state(merged.save_state(), "ab.state");
  CHECK_THAT(thrown_by([&] { beside.merge_state(b, "b.state"); }).messages.at(0),
             Catch::Contains("is also in ab.state"));
  // The same rows scored again are the same run; states without rows add nothing.
  CHECK(small_state("id,e,p,s\n1,5,4,4\n") == a);
  Engine empty(q, {});
  const std::string none = small_state("id,e,p,s\n");
  empty.merge_state(none, "n1.state");
  empty.merge_state(none, "n2.state");
  CHECK(empty.summary().rows_read == 0);
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
  for (const std::string text :
       {"", "-", "+1", "1.0", "12a", " 1", "1 ", "1000000000000000000000000000000000000000",
        "170141183460469231731687303715884105728", "-170141183460469231731687303715884105729"}) {
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

namespace gapscore {

TEST_CASE("a weighted state's counts of weight-0 rows must fit its columns' counts", "[engine]") {
  // Weight-0 rows leave every weighted sum as it was, but svyvar's n and
  // the design's degrees of freedom count them out: moved from one segment
  // to another they would change intervals without changing any sum. Each
  // column counts every row, so its weight-0 counts are the segment's.
  const char* const weighted = R"({"gapscore": 1, "respondent_id": "id", "weight_column": "w",
    "scales": {"five": {"min": 1, "max": 5}},
    "servqual": {"scale": "five", "dimensions": [{"id": "d", "items": [{"id": "i", "perception": "p"}]}]}})";
  EngineOptions by;
  by.breakdowns = {{"s"}};
  Engine engine(parse_questionnaire(weighted, "q.json"), by);
  const auto reader = RecordReader::from_string("d.csv", "id,w,p,s\n1,0,4,a\n2,1,3,a\n3,2,5,b\n4,1,2,b\n", ',');
  engine.read(*reader);
  const std::string state = engine.save_state();
  const std::string moved = forged(state, [](nlohmann::json& json) {
    for (nlohmann::json& segment : json["segments"]) {
      segment["tally"]["weights"]["zero_weight_rows"] = segment["values"][0] == "a" ? 0 : 1;
    }
  });
  Engine merging(parse_questionnaire(weighted, "q.json"), by);
  const Thrown thrown = thrown_by([&] { merging.merge_state(moved, "f.state"); });
  CHECK(thrown.kind == ErrorKind::kInvalid);
  CHECK(thrown.messages.at(0) ==
        "f.state: error: a damaged gapscore state: \"segment s=a\": counts of weight-0 rows that no rows could "
        "give");
}

}  // namespace gapscore
