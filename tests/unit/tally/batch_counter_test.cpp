#include "gapscore/tally/batch_counter.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <string>

#include "gapscore/questionnaire/questionnaire.h"
#include "gapscore/tally/accumulators.h"
#include "gapscore/tally/batch_plan.h"
#include "gapscore/tally/plan.h"
#include "gapscore/tally/tally.h"
#include "test_support.h"

namespace gapscore {

namespace {

// Mixed scales within a dimension (so plain items' score offsets differ), a
// reversed item, three items on a 1001-point scale (the widest allowed:
// differences reach +-1000, and a dimension's sums of them +-3000), zones,
// Kano pairs and drivers: every kind of count a plan makes.
const char* const kEveryCount = R"({
  "gapscore": 1,
  "scales": {"five": {"min": 1, "max": 5}, "eleven": {"min": 0, "max": 10}, "wide": {"min": -500, "max": 500}},
  "servqual": {"scale": "five", "min_items": 2, "dimensions": [
    {"id": "d1", "items": [
      {"id": "A", "expectation": "EA", "perception": "PA", "adequate": "AA", "desired": "DA"},
      {"id": "B", "expectation": "EB", "perception": "PB", "reverse": true},
      {"id": "C", "expectation": "EC", "perception": "PC", "scale": "eleven"}]},
    {"id": "d2", "items": [
      {"id": "D", "expectation": "ED", "perception": "PD", "scale": "wide"},
      {"id": "E", "expectation": "EE", "perception": "PE"},
      {"id": "F", "expectation": "EF", "perception": "PF", "scale": "wide"},
      {"id": "G", "expectation": "EG", "perception": "PG", "scale": "wide"}]}]},
  "metrics": [{"id": "nps", "type": "nps", "column": "n"}],
  "drivers": {"outcome": "nps"},
  "kano": {"features": [{"id": "f", "functional": "KF", "dysfunctional": "KD"}]}
})";

// The same with the 1001-point items on the 11-point scale: every sum is
// then small (a profile value y_d at most 10 * lcm(1, 2, 3, 4)), which is
// counted another way.
std::string narrow_questionnaire() {
  std::string text = kEveryCount;
  const std::string wide = R"("scale": "wide"})";
  for (std::size_t at = text.find(wide); at != std::string::npos; at = text.find(wide)) {
    text.replace(at, wide.size(), R"("scale": "eleven"})");
  }
  return text;
}

// Random codes for every slot: about 10% missing and 5% invalid.
std::vector<Code> random_rows(const Plan& plan, std::size_t rows, std::uint32_t seed) {
  std::mt19937 random(seed);
  std::vector<Code> codes;
  for (std::size_t r = 0; r < rows; ++r) {
    for (const Plan::Slot& slot : plan.slots) {
      const int draw = std::uniform_int_distribution<int>(0, 99)(random);
      if (draw < 10) {
        codes.push_back(kMissingCode);
      } else if (draw < 15) {
        codes.push_back(kInvalidCode);
      } else {
        codes.push_back(std::uniform_int_distribution<int>(slot.scale.min, slot.scale.max)(random));
      }
    }
  }
  return codes;
}

std::vector<SmallCode> small_codes(const Plan& plan, const std::vector<Code>& codes) {
  std::vector<SmallCode> small;
  for (std::size_t i = 0; i < codes.size(); ++i) {
    small.push_back(small_code(codes[i], plan.slots[i % plan.slots.size()].scale.min));
  }
  return small;
}

// The row numbers 0 .. rows - 1, in order.
std::vector<std::uint32_t> in_order(std::size_t rows) {
  std::vector<std::uint32_t> order(rows);
  for (std::size_t r = 0; r < rows; ++r) order[r] = static_cast<std::uint32_t>(r);
  return order;
}

void check_histogram(const Tally& tally, const Plan& plan, int block, const Histogram& expected) {
  const Histogram counted = tally.histogram(plan, block);
  CHECK(counted.low() == expected.low());
  CHECK(counted.counts() == expected.counts());
  CHECK(counted.missing() == expected.missing());
  CHECK(counted.invalid() == expected.invalid());
}

void check_profiles(const ProfileSums& counted, const ProfileSums& expected) {
  CHECK(counted.n() == expected.n());
  for (std::size_t d = 0; d < expected.dimensions(); ++d) {
    CHECK(counted.sum(d) == expected.sum(d));
    for (std::size_t e = 0; e < expected.dimensions(); ++e) CHECK(counted.cross(d, e) == expected.cross(d, e));
  }
}

// Every figure of the tally, worked out row by row from the definitions.
void check_against_definitions(const Tally& tally, const Plan& plan, const std::vector<Code>& codes, std::size_t rows) {
  const std::size_t slots = plan.slots.size();
  const auto code = [&](std::size_t row, int slot) { return codes[row * slots + static_cast<std::size_t>(slot)]; };
  CHECK(tally.rows() == static_cast<std::int64_t>(rows));
  for (const Plan::ItemPlan& item : plan.items) {
    const int width = item.scale.max - item.scale.min;
    for (const auto& [slot, block] :
         {std::pair{item.expectation, item.expectation_counts}, std::pair{item.perception, item.perception_counts},
          std::pair{item.adequate, item.adequate_counts}, std::pair{item.desired, item.desired_counts}}) {
      if (slot < 0) continue;
      Histogram expected(item.scale.min, item.scale.max);
      for (std::size_t r = 0; r < rows; ++r) expected.add(code(r, slot));
      check_histogram(tally, plan, block, expected);
    }
    for (const auto& [slot, block] :
         {std::pair{item.expectation, item.gap_counts}, std::pair{item.adequate, item.msa_counts},
          std::pair{item.desired, item.mss_counts}}) {
      if (slot < 0) continue;
      Histogram expected(-width, width);
      for (std::size_t r = 0; r < rows; ++r) {
        if (is_value(code(r, item.perception)) && is_value(code(r, slot))) {
          expected.add(code(r, item.perception) - code(r, slot));
        }
      }
      check_histogram(tally, plan, block, expected);
    }
    if (item.zone_counts < 0) continue;
    std::int64_t zones[4] = {};
    for (std::size_t r = 0; r < rows; ++r) {
      const Code p = code(r, item.perception);
      const Code a = code(r, item.adequate);
      const Code d = code(r, item.desired);
      if (!is_value(p) || !is_value(a) || !is_value(d)) continue;
      ++zones[a > d ? 3 : p < a ? 0 : p > d ? 2 : 1];
    }
    for (std::size_t z = 0; z < 4; ++z)
      CHECK(tally.counter(static_cast<std::size_t>(item.zone_counts) + z) == zones[z]);
  }
  Histogram nps(0, 10);
  for (std::size_t r = 0; r < rows; ++r) nps.add(code(r, plan.metrics[0]));
  check_histogram(tally, plan, plan.metric_counts[0], nps);
  std::int64_t kano[25] = {};
  for (std::size_t r = 0; r < rows; ++r) {
    const Code functional = code(r, plan.kano[0].functional);
    const Code dysfunctional = code(r, plan.kano[0].dysfunctional);
    if (is_value(functional) && is_value(dysfunctional)) ++kano[(functional - 1) * 5 + (dysfunctional - 1)];
  }
  for (std::size_t i = 0; i < 25; ++i) CHECK(tally.counter(plan.kano[0].counts + i) == kano[i]);

  // Per row and dimension measure: the shifted score sum and item count.
  const std::size_t measures = plan.dimension_measures.size();
  std::vector<std::int64_t> score_sum(rows * measures);
  std::vector<int> score_count(rows * measures);
  for (std::size_t f = 0; f < measures; ++f) {
    const Plan::DimensionMeasure& dm = plan.dimension_measures[f];
    const std::size_t k = dm.items.size();
    ScoreSums scores(static_cast<int>(k));
    CoMoments moments(k);
    for (std::size_t r = 0; r < rows; ++r) {
      std::vector<std::int64_t> values;
      std::int64_t sum = 0;
      for (const Plan::Operand& operand : dm.operands) {
        const Code plus = code(r, operand.plus);
        const Code minus = operand.minus < 0 ? 0 : code(r, operand.minus);
        if (!is_value(plus) || (operand.minus >= 0 && !is_value(minus))) continue;
        sum += operand.minus < 0 ? plus - dm.score_shift : plus - minus;
        values.push_back(operand.minus < 0 ? plus - operand.shift : plus - minus);
      }
      const int count = static_cast<int>(values.size());
      if (count >= dm.min_items) {
        scores.add(sum, count);
        score_sum[r * measures + f] = sum;
        score_count[r * measures + f] = count;
      }
      if (values.size() == k) moments.add(values.data());
    }
    const ScoreSums counted = tally.scores(plan, f);
    for (int c = 0; c <= static_cast<int>(k); ++c) {
      CHECK(counted.n_with(c) == scores.n_with(c));
      CHECK(counted.sum_with(c) == scores.sum_with(c));
      CHECK(counted.squares_with(c) == scores.squares_with(c));
    }
    const CoMoments counted_moments = tally.item_moments(plan, f);
    CHECK(counted_moments.n() == moments.n());
    for (std::size_t i = 0; i < k; ++i) {
      for (std::size_t j = 0; j < k; ++j)
        CHECK(counted_moments.scaled_covariance(i, j) == moments.scaled_covariance(i, j));
    }
  }
  const std::size_t dimensions = plan.dimensions.size();
  ProfileSums drivers(dimensions + 1);
  for (std::size_t m = 0; m < plan.overall.size(); ++m) {
    ProfileSums profiles(dimensions);
    for (std::size_t r = 0; r < rows; ++r) {
      std::vector<std::int64_t> y;
      for (const std::size_t part : plan.overall[m].parts) {
        const int count = score_count[r * measures + part];
        if (count == 0) break;
        y.push_back(score_sum[r * measures + part] * (plan.score_denominator / count));
      }
      if (y.size() != dimensions) continue;
      profiles.add(y.data());
      const Code outcome = code(r, plan.drivers->outcome);
      if (m != plan.drivers->perception || !is_value(outcome)) continue;
      y.push_back(outcome);
      drivers.add(y.data());
    }
    check_profiles(tally.profiles(plan, m), profiles);
  }
  check_profiles(tally.drivers(plan), drivers);
}

// Counts `rows` rows of codes in order, and checks the tally against the
// definitions.
Tally count_and_check(const Plan& plan, const std::vector<Code>& codes, std::size_t rows) {
  const std::vector<SmallCode> small = small_codes(plan, codes);
  const std::vector<std::uint32_t> order = in_order(rows);
  BatchCounter counter;
  Tally tally(plan);
  add_in_slot_order(counter, BatchPlan(plan), small.data(), order.data(), rows, tally);
  check_against_definitions(tally, plan, codes, rows);
  return tally;
}

}  // namespace

TEST_CASE("batch counting gives every figure its definition gives", "[batch]") {
  const std::string questionnaire = GENERATE(std::string(kEveryCount), narrow_questionnaire());
  const Plan plan = make_plan(parse_questionnaire(questionnaire, "q.json"));
  REQUIRE(plan.drivers.has_value());
  REQUIRE(plan.kano.size() == 1);
  // More rows than two chunks, so that chunks are carried over.
  const std::size_t rows = 2 * BatchCounter::kChunkRows + 77;
  const std::vector<Code> codes = random_rows(plan, rows, 20261123);
  Tally tally = count_and_check(plan, codes, rows);

  SECTION("rows counted in any order and any split merge to the same tally") {
    const std::vector<SmallCode> small = small_codes(plan, codes);
    std::vector<std::uint32_t> order = in_order(rows);
    std::shuffle(order.begin(), order.end(), std::mt19937(7));
    const BatchPlan batch(plan);
    BatchCounter counter;
    Tally first(plan);
    Tally second(plan);
    add_in_slot_order(counter, batch, small.data(), order.data(), 100, first);
    add_in_slot_order(counter, batch, small.data(), order.data() + 100, rows - 100, second);
    first.merge(second);
    CHECK(first.rows() == tally.rows());
    CHECK(first.counters() == tally.counters());
    CHECK(first.wide() == tally.wide());
  }
}

TEST_CASE("batch counting keeps extreme differences exact", "[batch]") {
  const Plan plan = make_plan(parse_questionnaire(kEveryCount, "q.json"));
  // Every row at the ends of the 1001-point scale: the gaps of items D, F
  // and G are all +1000 or all -1000 in every row, so a chunk's sums of
  // products reach 256 * 10^6. Every other item is answered too, so all
  // rows of a chunk have every item: their squared gap sums, about 3000^2
  // each, add up past 2^31.
  const std::size_t rows = BatchCounter::kChunkRows + 1;
  std::vector<Code> codes = random_rows(plan, rows, 11);
  const std::size_t slots = plan.slots.size();
  for (const Plan::ItemPlan& item : plan.items) {
    const bool wide = item.scale.max == 500;
    for (std::size_t r = 0; r < rows; ++r) {
      codes[r * slots + static_cast<std::size_t>(item.perception)] = !wide ? item.scale.max : r % 2 == 0 ? 500 : -500;
      codes[r * slots + static_cast<std::size_t>(item.expectation)] = !wide ? item.scale.min : r % 2 == 0 ? -500 : 500;
    }
  }
  count_and_check(plan, codes, rows);
}

}  // namespace gapscore
