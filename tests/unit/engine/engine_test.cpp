#include "gapscore/engine/engine.h"

#include <catch2/catch.hpp>
#include <cmath>

#include "gapscore/base/probability.h"
#include "scoring.h"
#include "test_support.h"

namespace gapscore {

namespace {

double mean_of(const std::vector<double>& values) {
  double sum = 0;
  for (const double v : values) sum += v;
  return sum / static_cast<double>(values.size());
}

double variance_of(const std::vector<double>& values) {
  const double mean = mean_of(values);
  double sum = 0;
  for (const double v : values) sum += (v - mean) * (v - mean);
  return sum / static_cast<double>(values.size() - 1);
}

// Cronbach's alpha straight from its definition, over complete rows.
double alpha_of(const std::vector<std::vector<double>>& rows) {
  const std::size_t k = rows.front().size();
  double item_variances = 0;
  for (std::size_t i = 0; i < k; ++i) {
    std::vector<double> column;
    for (const auto& row : rows) column.push_back(row[i]);
    item_variances += variance_of(column);
  }
  std::vector<double> totals;
  for (const auto& row : rows) totals.push_back(row[0] + row[1] + row[2]);
  return static_cast<double>(k) / static_cast<double>(k - 1) * (1 - item_variances / variance_of(totals));
}

const Stats& dimension_stats(const SegmentResult& result, std::size_t dimension, Measure measure) {
  for (const DimensionMeasureResult& m : result.dimensions.at(dimension).measures) {
    if (m.measure == measure) return m.stats;
  }
  FAIL("no such measure");
  throw;
}

// One weighted item R1 (column P1), its weights in w, raked as `raking`
// (the questionnaire's "raking" object) says.
Questionnaire raked_questionnaire(const std::string& raking) {
  return parse_questionnaire(R"({"gapscore": 1, "weight_column": "w", "raking": )" + raking + R"(,
    "scales": {"five": {"min": 1, "max": 5}},
    "servqual": {"scale": "five", "dimensions": [{"id": "r", "items": [{"id": "R1", "perception": "P1"}]}]}})",
                             "q.json");
}

// The report of `csv`, and the warnings given on the way.
Report score_warning(const Questionnaire& questionnaire, const std::string& csv, std::vector<Diagnostic>& problems) {
  EngineOptions options;
  options.on_problem = [&problems](const Diagnostic& d) { problems.push_back(d); };
  return score_text(questionnaire, csv, options);
}

}  // namespace

// examples/tiny, coded by hand (R3 is reverse coded: v -> 6 - v):
//
//   row  E1 P1  E2 P2  E3' P3'  E4 P4  recommend sat effort
//   r1    5  4   5  4   4   4    4  3      9      5    6
//   r2    5  3   4  4   5   3    5  5     10      4    7     E1 "Strongly agree"
//   r3    4  4   5  3   4   2    4  2      6      2    3     comment spans two lines
//   r4    5  2   .  2   5   1    5  4      7      3    4     E2 "NA"
//   r5    4  4   4  5   4   5    3  3      8      5    5     E1 "4.0"
//   r6    5  5   5  4   x   4    4  4      3      1    2     E3 "9": invalid, read as missing
//   r7    3  1   4  3   5   4    5  1     10      4    6     P1 label in capitals, region empty
//   r8    5  4   5  4   4   4    4  3      0      .    5     sat "NA"
//
// and two rows rejected: a repeated id r2 and a row of 4 fields.
TEST_CASE("the tiny example, worked by hand", "[engine]") {
  const Questionnaire q = parse_questionnaire(read_text("examples/tiny/questionnaire.json"), "questionnaire.json");
  EngineOptions options;
  options.breakdowns = {{"region"}};
  const Report report = score_text(q, read_text("examples/tiny/responses.csv"), options);

  SECTION("row accounting") {
    CHECK(report.input.rows_read == 10);
    CHECK(report.input.rows_used == 8);
    CHECK(report.input.rows_rejected == 2);
    REQUIRE(report.input.rejected.size() == 2);
    CHECK(report.input.rejected[0] == std::make_pair(std::string("field_count"), std::int64_t{1}));
    CHECK(report.input.rejected[1] == std::make_pair(std::string("duplicate_id"), std::int64_t{1}));
    REQUIRE(report.input.invalid_cells.size() == 1);
    CHECK(report.input.invalid_cells[0].column == "E3");
    CHECK(report.input.invalid_cells[0].reason == "out_of_range");
  }

  const SegmentResult& all = report.results.at(0);
  SECTION("item R1: expectation, perception and gap") {
    const ItemResult& r1 = all.items.at(0);
    CHECK(r1.expectation->stats.n == 8);
    CHECK(*r1.expectation->stats.mean == 36.0 / 8);
    CHECK(*r1.perception->stats.mean == 27.0 / 8);
    // Gaps -1 -2 0 -3 0 0 -2 -1: sum -9, sum of squares 19.
    const double variance = (19 - 81.0 / 8) / 7;
    const Stats& gap = *r1.gap;
    CHECK(*gap.mean == -9.0 / 8);
    CHECK(*gap.sd == Approx(std::sqrt(variance)).epsilon(1e-14));
    const double se = std::sqrt(variance / 8);
    CHECK(*gap.t == Approx(-9.0 / 8 / se).epsilon(1e-13));
    CHECK(*gap.d == Approx(-9.0 / 8 / std::sqrt(variance)).epsilon(1e-13));
    // Student t with 7 (odd) df has a closed form: with th = atan(t / sqrt(7)),
    // P(|T| >= |t|) = 1 - (2/pi)(th + sin th cos th (1 + 2/3 cos^2 th + 8/15 cos^4 th)).
    const double theta = std::atan(std::fabs(*gap.t) / std::sqrt(7.0));
    const double c2 = std::cos(theta) * std::cos(theta);
    const double p =
        1 - 2 / std::acos(-1.0) * (theta + std::sin(theta) * std::cos(theta) * (1 + 2.0 / 3 * c2 + 8.0 / 15 * c2 * c2));
    CHECK(*gap.p == Approx(p).epsilon(1e-10));
    // t(0.975, 7) = 2.364624 (t table).
    CHECK(gap.ci95->high == Approx(-9.0 / 8 + 2.364624 * se).epsilon(1e-6));
    // E1: 3 once, 4 twice, 5 five times; cumulative 1, 3, 8 of 8.
    const Distribution& e1 = r1.expectation->distribution;
    CHECK(e1.freq == std::vector<std::int64_t>{0, 0, 1, 2, 5});
    CHECK(*e1.q1 == 4);
    CHECK(*e1.median == 5);
    CHECK(*e1.q3 == 5);
  }

  SECTION("a reverse-coded item with an invalid cell") {
    const ItemResult& r3 = all.items.at(2);
    CHECK(r3.expectation->stats.n == 7);
    CHECK(*r3.expectation->stats.mean == 31.0 / 7);
    CHECK(r3.expectation->distribution.invalid == 1);
    CHECK(*r3.perception->stats.mean == 27.0 / 8);
    CHECK(r3.gap->n == 7);
  }

  SECTION("dimension scores need min_items of the dimension's items") {
    // Reliability expectation: 14/3 14/3 13/3 5 4 5 4 14/3 (r4 and r6 score on two items).
    const std::vector<double> expectation = {14.0 / 3, 14.0 / 3, 13.0 / 3, 5, 4, 5, 4, 14.0 / 3};
    const Stats& e = dimension_stats(all, 0, Measure::kExpectation);
    CHECK(e.n == 8);
    CHECK(*e.mean == Approx(109.0 / 24).epsilon(1e-14));
    CHECK(*e.sd == Approx(std::sqrt(variance_of(expectation))).epsilon(1e-13));
    // Reliability gap: -2/3 -4/3 -4/3 -3.5 2/3 -0.5 -4/3 -2/3.
    const std::vector<double> gap = {-2.0 / 3, -4.0 / 3, -4.0 / 3, -3.5, 2.0 / 3, -0.5, -4.0 / 3, -2.0 / 3};
    const Stats& g = dimension_stats(all, 0, Measure::kGap);
    CHECK(*g.mean == Approx(-13.0 / 12).epsilon(1e-14));
    CHECK(*g.sd == Approx(std::sqrt(variance_of(gap))).epsilon(1e-13));
  }

  SECTION("alpha on complete respondents only; a one-item dimension has none") {
    // Gap rows with all three items: r1 r2 r3 r5 r7 r8.
    const std::vector<std::vector<double>> gaps = {{-1, -1, 0}, {-2, 0, -2},  {0, -2, -2},
                                                   {0, 1, 1},   {-2, -1, -1}, {-1, -1, 0}};
    const Reliability& reliability = all.dimensions.at(0).measures.at(2).reliability;
    CHECK(reliability.n == 6);
    CHECK(*reliability.alpha == Approx(alpha_of(gaps)).epsilon(1e-13));
    const Reliability& empathy = all.dimensions.at(1).measures.at(0).reliability;
    CHECK(empathy.n == 8);
    CHECK_FALSE(empathy.alpha);
  }

  SECTION("overall scores: unweighted mean of dimensions, and weighted 3:1") {
    const std::vector<double> reliability = {-2.0 / 3, -4.0 / 3, -4.0 / 3, -3.5, 2.0 / 3, -0.5, -4.0 / 3, -2.0 / 3};
    const std::vector<double> empathy = {-1, 0, -2, -1, 0, 0, -4, -1};
    std::vector<double> unweighted;
    std::vector<double> weighted;
    for (std::size_t i = 0; i < 8; ++i) {
      unweighted.push_back((reliability[i] + empathy[i]) / 2);
      weighted.push_back(0.75 * reliability[i] + 0.25 * empathy[i]);
    }
    const OverallResult* gap = nullptr;
    for (const OverallResult& overall : all.overall) {
      if (overall.measure == Measure::kGap) gap = &overall;
    }
    REQUIRE(gap != nullptr);
    CHECK(*gap->unweighted.mean == Approx(mean_of(unweighted)).epsilon(1e-14));
    CHECK(*gap->unweighted.sd == Approx(std::sqrt(variance_of(unweighted))).epsilon(1e-13));
    CHECK(*gap->weighted->mean == Approx(mean_of(weighted)).epsilon(1e-14));
  }

  SECTION("NPS, CSAT and CES") {
    const NpsResult& nps = all.metrics.at(0).nps;
    // 9 10 6 7 8 3 10 0: promoters 3, passives 2, detractors 3.
    CHECK(nps.n == 8);
    CHECK(nps.promoters == 3);
    CHECK(nps.passives == 2);
    CHECK(nps.detractors == 3);
    CHECK(*nps.score == 0);
    CHECK(*nps.se == Approx(100 * std::sqrt(0.75 / 8)).epsilon(1e-14));
    // CSAT 5 4 2 3 5 1 4 (one NA): 4 of 7 at 4 or above.
    const MetricResult& csat = all.metrics.at(1);
    CHECK(csat.satisfied.n == 7);
    CHECK(csat.satisfied.count == 4);
    CHECK(*csat.satisfied.score == Approx(400.0 / 7).epsilon(1e-14));
    CHECK(csat.answers.distribution.missing == 1);
    // CES 6 7 3 4 5 2 6 5: mean 38/8; agree at 5 or above: 5 of 8.
    const MetricResult& ces = all.metrics.at(2);
    CHECK(*ces.answers.stats.mean == 38.0 / 8);
    CHECK(ces.agree.count == 5);
    CHECK(*ces.agree.score == 62.5);
  }

  SECTION("segments in byte order, an empty cell as (missing)") {
    REQUIRE(report.results.size() == 4);
    CHECK(report.results[1].segment == std::vector<std::pair<std::string, std::string>>{{"region", "(missing)"}});
    CHECK(report.results[1].rows == 1);
    CHECK(report.results[2].segment[0].second == "North");
    CHECK(report.results[2].rows == 4);
    CHECK(report.results[3].segment[0].second == "South");
    CHECK(report.results[3].rows == 3);
    // North's R1 expectation: r1 r2 r5 r8 = 5 5 4 5.
    CHECK(*report.results[2].items.at(0).expectation->stats.mean == 19.0 / 4);
  }
}

TEST_CASE("a header with no rows gives a report with n = 0 and null figures", "[engine]") {
  const Report report = score_text(parse_questionnaire(kSmall, "q.json"), "id,e,p,s\n");
  CHECK(report.input.rows_read == 0);
  const SegmentResult& all = report.results.at(0);
  CHECK(all.rows == 0);
  CHECK(all.items[0].gap->n == 0);
  CHECK_FALSE(all.items[0].gap->mean);
  CHECK_FALSE(all.metrics[0].satisfied.score);
}

TEST_CASE("one row: a mean, but no spread", "[engine]") {
  const Report report = score_text(parse_questionnaire(kSmall, "q.json"), "id,e,p,s\n1,5,3,4");
  const Stats& gap = *report.results.at(0).items[0].gap;
  CHECK(gap.n == 1);
  CHECK(*gap.mean == -2);
  CHECK_FALSE(gap.sd);
  CHECK_FALSE(gap.t);
}

TEST_CASE("an empty input is an error: there is no header", "[engine]") {
  const Thrown thrown = thrown_by([] { read_into_engine("empty.csv", ""); });
  CHECK(thrown.kind == ErrorKind::kInvalid);
  CHECK(thrown.messages.at(0) == "empty.csv: error: the input is empty; expected a header row");
}

TEST_CASE("every problem is reported in input order, with its position", "[engine]") {
  std::vector<std::string> problems;
  EngineOptions options;
  options.on_problem = [&problems](const Diagnostic& d) { problems.push_back(format_diagnostic(d)); };
  const Report report = score_text(parse_questionnaire(kSmall, "q.json"),
                                   "id,e,p,s,x,x\n1,5,9,4,,\n1,5,5,5,,\n2,5,5\n3,\"4\n\",x,5,,\n", options);
  CHECK(problems == std::vector<std::string>{
                        "data.csv:1:12: warning: column name \"x\" appears 2 times in the header; the questionnaire "
                        "does not use it",
                        "data.csv:2:5: error: p: \"9\" is outside the scale a (1..5)",
                        "data.csv:3:1: error: respondent id \"1\" was already used at data.csv:2; the first "
                        "occurrence is kept",
                        "data.csv:4:6: error: expected 6 fields as in the header, found 3",
                        "data.csv:5:3: error: e: \"4\\n\" is not a number or a missing token; expected an integer on "
                        "the scale a (1..5)",
                        "data.csv:6:3: error: p: \"x\" is not a number or a missing token; expected an integer on the "
                        "scale a (1..5)",
                    });
  CHECK(report.input.rows_read == 4);
  CHECK(report.input.rows_used == 2);
}

TEST_CASE("several inputs are one data set, duplicates found across them", "[engine]") {
  std::vector<std::string> reasons;
  EngineOptions options;
  options.on_reject = [&reasons](const RejectedRow& row) {
    reasons.push_back(row.file + ":" + std::to_string(row.line) + " " + row.reason + " " + std::string(row.text));
  };
  Engine engine(parse_questionnaire(kSmall, "q.json"), options);
  const auto first = RecordReader::from_string("a.csv", "id,e,p,s\n1,5,4,4\n", ',');
  const auto second = RecordReader::from_string("b.csv", "s,p,e,id\n2,3,4,2\n5,5,5,1\n", ',');
  engine.read(*first);
  engine.read(*second);
  const Report report = engine.finish();
  CHECK(report.input.files == std::vector<std::string>{"a.csv", "b.csv"});
  CHECK(report.input.rows_used == 2);
  CHECK(reasons == std::vector<std::string>{"b.csv:3 duplicate_id 5,5,5,1"});
  // Columns are found by name in each input: gaps -1 (a.csv) and -1 (b.csv).
  CHECK(*report.results[0].items[0].gap->mean == -1);
}

TEST_CASE("perception-only items (SERVPERF) give perception figures and no gap", "[engine]") {
  const Questionnaire q = parse_questionnaire(R"({"gapscore": 1, "scales": {"a": {"min": 1, "max": 5}},
    "servqual": {"scale": "a", "dimensions": [{"id": "d", "items": [
      {"id": "i", "perception": "p1"}, {"id": "j", "perception": "p2"}]}]}})",
                                              "q.json");
  const Report report = score_text(q, "p1,p2\n4,5\n2,3\n3,\n");
  const SegmentResult& all = report.results.at(0);
  CHECK_FALSE(all.items[0].expectation);
  CHECK_FALSE(all.items[0].gap);
  CHECK(*all.items[0].perception->stats.mean == 3);
  // Dimension scores 4.5, 2.5 and 3 (one of two items is enough).
  REQUIRE(all.dimensions[0].measures.size() == 1);
  CHECK(all.dimensions[0].measures[0].measure == Measure::kPerception);
  CHECK(*all.dimensions[0].measures[0].stats.mean == Approx(10.0 / 3).epsilon(1e-14));
  REQUIRE(all.overall.size() == 1);
  CHECK(all.overall[0].measure == Measure::kPerception);
  CHECK_FALSE(all.overall[0].weighted);
}

TEST_CASE("header_rows skips the rows under the names, per input", "[engine]") {
  const Questionnaire q = parse_questionnaire(R"({"gapscore": 1, "header_rows": 3,
    "metrics": [{"type": "csat", "column": "sat"}]})",
                                              "q.json");
  const Report report = score_text(q, "id,sat\n\"Respondent\",\"How satisfied\nwere you?\"\n{},{}\n1,5\n2,4\n");
  CHECK(report.input.rows_read == 2);
  CHECK(*report.results[0].metrics[0].answers.stats.mean == 4.5);
}

// Survey weights, worked by hand. Used rows, with weights 1, 1, 2, 4 and 0
// (W = 8, sum w^2 = 22, Kish's n_eff = 64 / 22 = 32 / 11):
//
//   id  w  E1 P1 E2 P2  nps sat   gap R1  P score
//   a   1   5  1  5  3   10   5     -4      2
//   b   1   5  2  4  2    9   4     -3      2
//   c   2   4  3  5  4    6   2     -1      3.5
//   d   4   5  4  4  4    3   5     -1      4
//   f   0   1  1  1  1    0   1      0      1
//
// and row e rejected: its weight is not a number.
TEST_CASE("survey weights, worked by hand", "[engine]") {
  const char* const questionnaire = R"({"gapscore": 1, "respondent_id": "id", "weight_column": "w",
    "scales": {"five": {"min": 1, "max": 5}},
    "servqual": {"scale": "five", "dimensions": [{"id": "reliability", "items": [
      {"id": "R1", "expectation": "E1", "perception": "P1"},
      {"id": "R2", "expectation": "E2", "perception": "P2"}]}]},
    "metrics": [{"type": "nps", "column": "nps"}, {"type": "csat", "column": "sat"}]})";
  const Report report = score_text(parse_questionnaire(questionnaire, "q.json"),
                                   "id,w,E1,P1,E2,P2,nps,sat\n"
                                   "a,1,5,1,5,3,10,5\n"
                                   "b,1,5,2,4,2,9,4\n"
                                   "c,2,4,3,5,4,6,2\n"
                                   "d,4,5,4,4,4,3,5\n"
                                   "e,x,5,5,5,5,10,5\n"
                                   "f,0,1,1,1,1,0,1\n");
  CHECK(report.input.rows_read == 6);
  CHECK(report.input.rows_used == 5);
  REQUIRE(report.input.rejected.size() == 1);
  CHECK(report.input.rejected[0] == std::make_pair(std::string("bad_weight"), std::int64_t{1}));
  const SegmentResult& all = report.results.at(0);
  const double n_eff = 32.0 / 11;
  REQUIRE(all.weight);
  CHECK(all.weight->sum == 8);
  CHECK(all.weight->n_eff == Approx(n_eff));

  // P1: weighted mean 25 / 8; sum w (x - mean)^2 = 8.875, so svyvar's
  // variance, over the 4 respondents of nonzero weight, is 8.875 / 8 * 4 /
  // 3. Linearised over all 5 respondents (f's weight 0 makes its term 0):
  // sum (w (x - mean))^2 = 2.125^2 + 1.125^2 + 0.25^2 + 3.5^2 = 18.09375,
  // variance 5 / 4 * 18.09375 / 8^2; t on 3 df (degf leaves f out).
  const ColumnFigures& p1 = *all.items[0].perception;
  const double p1_variance = 8.875 / 8 * 4 / 3;
  const double p1_se = std::sqrt(5.0 / 4 * 18.09375 / 64);
  CHECK(p1.stats.n == 5);
  CHECK(*p1.stats.n_eff == Approx(n_eff));
  CHECK(*p1.stats.mean == Approx(3.125));
  CHECK(*p1.stats.sd == Approx(std::sqrt(p1_variance)));
  CHECK(*p1.stats.se == Approx(p1_se));
  CHECK(*p1.stats.df == 3);
  CHECK(*p1.stats.deff == Approx(p1_se * p1_se / (p1_variance / 4)));
  const double half = t_quantile(0.975, 3) * p1_se;
  CHECK(p1.stats.ci95->low == Approx(3.125 - half));
  // Cumulative weights 1, 2, 4, 8 at 1..4: the quartiles are where they
  // reach 2, 4 and 6 (unweighted, the median of 1, 1, 2, 3, 4 would be 2).
  CHECK(p1.distribution.freq == std::vector<std::int64_t>{2, 1, 1, 1, 0});
  CHECK(p1.distribution.freq_weighted == std::vector<double>{1, 1, 2, 4, 0});
  CHECK(*p1.distribution.q1 == 2);
  CHECK(*p1.distribution.median == 3);
  CHECK(*p1.distribution.q3 == 4);

  // Gap R1: -4, -3, -1, -1, 0, mean -13 / 8, sum w (x - mean)^2 = 9.875;
  // sum (w (x - mean))^2 = 2.375^2 + 1.375^2 + 1.25^2 + 2.5^2 = 15.34375.
  const Stats& gap = *all.items[0].gap;
  const double gap_se = std::sqrt(5.0 / 4 * 15.34375 / 64);
  CHECK(*gap.mean == Approx(-1.625));
  CHECK(*gap.sd == Approx(std::sqrt(9.875 / 8 * 4 / 3)));
  CHECK(*gap.t == Approx(-1.625 / gap_se));
  CHECK(*gap.p == Approx(t_two_sided_p(-1.625 / gap_se, 3)));

  // Perception scores 2, 2, 3.5, 4, 1: weighted mean 27 / 8. Alpha from
  // q = W sum(w x y) - sum(w x) sum(w y): q11 = 71, q22 = 31, q12 = 35.
  const DimensionMeasureResult& perception = all.dimensions[0].measures[1];
  REQUIRE(perception.measure == Measure::kPerception);
  CHECK(*perception.stats.mean == Approx(3.375));
  // Linearised: sum (w (x - mean))^2 = 1.375^2 + 1.375^2 + 0.25^2 + 2.5^2
  // = 10.09375; the overall perception score (one dimension) is the same.
  const double score_se = std::sqrt(5.0 / 4 * 10.09375 / 64);
  CHECK(*perception.stats.se == Approx(score_se));
  REQUIRE(all.overall.at(1).measure == Measure::kPerception);
  CHECK(*all.overall[1].unweighted.se == Approx(score_se));
  CHECK(*all.overall[1].unweighted.mean == Approx(3.375));
  CHECK(*perception.reliability.alpha == Approx(2 * (1 - 102.0 / 172)));
  const double r = 35 / std::sqrt(71.0 * 31);
  CHECK(*perception.reliability.standardized == Approx(2 * r / (1 + r)));
  const double complement = 1 - 2 * (1 - 102.0 / 172);
  CHECK(perception.reliability.ci95->low == Approx(1 - complement * f_quantile(0.975, n_eff - 1, n_eff - 1)));

  // NPS: promoters a, b (weight 2 of 8), detractors c, d, f (weight 6):
  // 25% and 75%, score -50. Linearised, as the mean of +1, +1, -1, -1, -1:
  // w (y - mean) = 1.5, 1.5, -1, -2, 0, so se^2 = 5 / 4 * 9.5 / 8^2; the
  // adjusted Wald interval at the design-effective n, 0.75 / se^2.
  const NpsResult& nps = all.metrics[0].nps;
  CHECK(nps.promoters == 2);
  CHECK(nps.detractors == 3);
  CHECK(*nps.n_eff == Approx(n_eff));
  CHECK(*nps.promoters_pct == Approx(25));
  CHECK(*nps.detractors_pct == Approx(75));
  CHECK(*nps.score == Approx(-50));
  const double nps_variance = 5.0 / 4 * 9.5 / 64;
  CHECK(*nps.se == Approx(100 * std::sqrt(nps_variance)));
  CHECK(*nps.df == 3);
  const double nps_n = 0.75 / nps_variance;
  const double adjusted_n = nps_n + 3;
  const double adjusted_promoters = (0.25 * nps_n + 0.75) / adjusted_n;
  const double adjusted_detractors = (0.75 * nps_n + 0.75) / adjusted_n;
  const double adjusted = adjusted_promoters - adjusted_detractors;
  const double adjusted_se = std::sqrt((adjusted_promoters + adjusted_detractors - adjusted * adjusted) / adjusted_n);
  CHECK(nps.ci95->low == Approx(100 * (adjusted - 1.96 * adjusted_se)));

  // CSAT: a, b, d satisfied (4 or 5): 3 of 5 respondents, weight 6 of 8.
  // w (y - 0.75) = 0.25, 0.25, -1.5, 1, 0: se^2 = 5 / 4 * 3.375 / 8^2, and
  // Wilson's interval at the design-effective n, 0.75 * 0.25 / se^2.
  const Proportion& csat = all.metrics[1].satisfied;
  CHECK(csat.count == 3);
  CHECK(*csat.score == Approx(75));
  const double csat_variance = 5.0 / 4 * 3.375 / 64;
  CHECK(*csat.se == Approx(100 * std::sqrt(csat_variance)));
  const double csat_n = 0.75 * 0.25 / csat_variance;
  const double z2 = 1.96 * 1.96;
  const double centre = (0.75 + z2 / (2 * csat_n)) / (1 + z2 / csat_n);
  const double spread = 1.96 * std::sqrt(0.75 * 0.25 / csat_n + z2 / (4 * csat_n * csat_n)) / (1 + z2 / csat_n);
  CHECK(csat.ci95->low == Approx(100 * (centre - spread)));
  CHECK(csat.ci95->high == Approx(100 * (centre + spread)));
}

}  // namespace gapscore

namespace gapscore {

TEST_CASE("raking fits the base weights to the margins, worked by hand", "[engine]") {
  // Cells (a, x), (a, y), (b, x), (b, y), one respondent of weight 1 each,
  // raked to a, b = 1/2 each and x, y = 3/4, 1/4 of the total weight 4: the
  // first margin holds already, the second scales x by 3/2 and y by 1/2,
  // and the second sweep moves nothing. The mean of 1, 2, 3, 4 becomes
  // (1.5 + 1 + 4.5 + 2) / 4.
  const std::string margins = R"("margins": {"g": {"a": 0.5, "b": 0.5}, "h": {"x": 0.75, "y": 0.25}})";
  const auto questionnaire = [&margins](const std::string& more) {
    return raked_questionnaire("{" + margins + more + "}");
  };
  const std::string csv = "w,g,h,P1\n1,a,x,1\n1,a,y,2\n1,b,x,3\n1,b,y,4\n";
  const Report raked = score_text(questionnaire(""), csv);
  REQUIRE(raked.raking);
  CHECK(raked.raking->converged);
  CHECK(raked.raking->iterations == 2);
  CHECK(raked.raking->smallest_factor == Approx(0.5));
  CHECK(raked.raking->largest_factor == Approx(1.5));
  CHECK(raked.raking->capped_cells == 0);
  // Kish: 4^2 / (1.5^2 + 0.5^2 + 1.5^2 + 0.5^2) = 16 / 5, over 4 rows.
  CHECK(raked.raking->efficiency == Approx(0.8));
  CHECK(raked.results.at(0).weight->sum == Approx(4));
  CHECK(*raked.results.at(0).items.at(0).perception->stats.mean == Approx(9.0 / 4));

  // Capped at 1.4: x's cells stop there after every step, and the second
  // sweep's a, b step (total 1.9 -> 2) is undone by the cap and by y's
  // step, so the weights settle at 1.4, 0.5, 1.4, 0.5, x's margin unmet.
  const Report capped = score_text(questionnaire(R"(, "cap": 1.4)"), csv);
  REQUIRE(capped.raking);
  CHECK(capped.raking->converged);
  CHECK(capped.raking->iterations == 2);
  CHECK(capped.raking->capped_cells == 2);
  CHECK(capped.raking->largest_factor == Approx(1.4));
  CHECK(capped.results.at(0).weight->sum == Approx(3.8));
  CHECK(*capped.results.at(0).items.at(0).perception->stats.mean == Approx(8.6 / 3.8));
}

TEST_CASE("raking that does not converge says so, and scores with the last sweep's weights", "[engine]") {
  // The cells of the hand-worked raking above, allowed one sweep: it fits
  // the margins, but only a second sweep, moving nothing, would show it.
  const Questionnaire q = raked_questionnaire(
      R"({"margins": {"g": {"a": 0.5, "b": 0.5}, "h": {"x": 0.75, "y": 0.25}}, "max_iterations": 1})");
  std::vector<Diagnostic> problems;
  const Report report = score_warning(q, "w,g,h,P1\n1,a,x,1\n1,a,y,2\n1,b,x,3\n1,b,y,4\n", problems);
  REQUIRE(report.raking);
  CHECK_FALSE(report.raking->converged);
  CHECK(report.raking->iterations == 1);
  CHECK(*report.results.at(0).items.at(0).perception->stats.mean == Approx(9.0 / 4));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].severity == Severity::kWarning);
  CHECK(problems[0].message.rfind("raking did not converge within max_iterations (1)", 0) == 0);
}

TEST_CASE("margins that cannot be met together settle unmet, and say so", "[engine]") {
  // Cells (a, x) and (b, y) only, raked to a, b = 1/2 each and x, y = 1/4,
  // 3/4: every sweep ends at weights 0.5 and 1.5, so the fit stops moving
  // (converged, as R says) with a's share 1/4, a quarter off its 1/2.
  const Questionnaire q =
      raked_questionnaire(R"({"margins": {"g": {"a": 0.5, "b": 0.5}, "h": {"x": 0.25, "y": 0.75}}})");
  std::vector<Diagnostic> problems;
  const Report report = score_warning(q, "w,g,h,P1\n1,a,x,1\n1,b,y,2\n", problems);
  REQUIRE(report.raking);
  CHECK(report.raking->converged);
  CHECK_FALSE(report.raking->margins_met());
  CHECK(report.raking->largest_margin_miss == Approx(0.25));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].message.rfind("raking settled with a margin value's share 0.25 off its population share", 0) == 0);
}

TEST_CASE("data that cannot be raked to the margins is refused, saying why", "[engine]") {
  const auto refusal = [](const std::string& shares, const std::string& csv) {
    const Questionnaire q = raked_questionnaire(R"({"margins": {"g": )" + shares + "}}");
    return thrown_by([&] { score_text(q, csv); });
  };
  const std::string two = "w,g,P1\n1,a,1\n2,b,2\n";
  Thrown thrown = refusal(R"({"a": 1})", two);
  CHECK(thrown.kind == ErrorKind::kInvalid);
  CHECK(thrown.messages ==
        std::vector<std::string>{"q.json: error: raking margin \"g\": the column has the value \"b\" in 1 row, "
                                 "and the margin gives it no share"});
  // Every problem at once, as validate lists them.
  thrown = refusal(R"({"a": 0.5, "c": 0.5})", two);
  CHECK(thrown.messages.size() == 2);
  thrown = refusal(R"({"a": 0.5, "b": 0.25, "c": 0.25})", two);
  CHECK(thrown.messages == std::vector<std::string>{"q.json: error: raking margin \"g\": \"c\" has a population "
                                                    "share of 0.25 but no respondents in the data: nothing to weight "
                                                    "up to it"});
  thrown = refusal(R"({"a": 1, "b": 0})", two);
  CHECK(thrown.messages == std::vector<std::string>{"q.json: error: raking margin \"g\": \"b\" has 1 respondent "
                                                    "but a population share of 0: give it a share, or leave them out"});
  thrown = refusal(R"({"a": 0.5, "b": 0.5})", "w,g,P1\n1,a,1\n0,b,2\n2,b,3\n");
  CHECK(thrown.messages ==
        std::vector<std::string>{"q.json: error: raking: 1 row has weight 0, which raking's standard errors cannot "
                                 "take (R's are NaN); leave them out of the export, or give them a weight"});
}

TEST_CASE("survey-weighted values that are all equal have no variance, whatever the rounding", "[engine]") {
  // Weights of 0.1, 0.2, 0.7, ... have no exact binary form, so the
  // weighted mean of a column of equal values is off by a rounding step and
  // leaves a variance of noise; the gap of P = E everywhere must still read
  // as sd 0 with no t, not as a significant difference.
  const char* const questionnaire = R"({"gapscore": 1, "respondent_id": "id", "weight_column": "w",
    "scales": {"five": {"min": 1, "max": 5}},
    "servqual": {"scale": "five", "dimensions": [{"id": "r", "items": [
      {"id": "R1", "expectation": "E1", "perception": "P1"}]}]}})";
  std::string csv = "id,w,E1,P1\n";
  for (int i = 0; i < 30; ++i) csv += std::to_string(i) + ",0." + std::to_string(1 + i % 9) + ",4,4\n";
  const Report report = score_text(parse_questionnaire(questionnaire, "q.json"), csv);
  const Stats& gap = *report.results.at(0).items.at(0).gap;
  CHECK(gap.n == 30);
  CHECK(*gap.mean == Approx(0).margin(1e-12));
  CHECK(*gap.sd == 0);
  CHECK(*gap.se == 0);
  CHECK_FALSE(gap.t);
  CHECK_FALSE(gap.p);
  CHECK_FALSE(gap.deff);
  const Stats& perception = report.results.at(0).items.at(0).perception->stats;
  CHECK(*perception.mean == Approx(4));
  CHECK(*perception.sd == 0);
  // Scores come from sums of w s and w s^2, where the noise is larger.
  const SegmentResult& all = report.results.at(0);
  for (const DimensionMeasureResult& measure : all.dimensions.at(0).measures) {
    CHECK(*measure.stats.sd == 0);
    CHECK(*measure.stats.se == 0);
    CHECK_FALSE(measure.stats.t);
  }
  for (const OverallResult& overall : all.overall) {
    CHECK(*overall.unweighted.sd == 0);
    CHECK_FALSE(overall.unweighted.t);
  }
}

}  // namespace gapscore
