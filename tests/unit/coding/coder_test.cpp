#include "gapscore/coding/coder.h"

#include <catch2/catch.hpp>

namespace gapscore {

namespace {

Scale agree5() { return Scale{"agree5", 1, 5, {{"Strongly disagree", 1}, {"Strongly agree", 5}}}; }

struct Coded {
  Code code;
  InvalidReason reason;
};

// The code by the fast path, checked against the general rules, with the reason.
Coded code_of(const Coder& coder, std::string_view cell) {
  InvalidReason reason = InvalidReason::kUnrecognized;
  const Code code = coder.code(cell, &reason);
  CHECK(coder.small(cell) == small_code(code, coder.scale().min));
  return {code, reason};
}

}  // namespace

TEST_CASE("integers on the scale are their value, with or without spaces and zero fractions", "[coding]") {
  const Coder coder(agree5(), false, {"", "NA"});
  CHECK(code_of(coder, "4").code == 4);
  CHECK(code_of(coder, " 4 ").code == 4);
  CHECK(code_of(coder, "4.0").code == 4);
  CHECK(code_of(coder, "4.").code == 4);
  CHECK(code_of(coder, "+4").code == 4);
  CHECK(code_of(coder, "04").code == 4);
  CHECK(code_of(coder, "\t5.000").code == 5);
}

TEST_CASE("labels match after trimming, ignoring case", "[coding]") {
  const Coder coder(agree5(), false, {""});
  CHECK(code_of(coder, "Strongly agree").code == 5);
  CHECK(code_of(coder, "  STRONGLY DISAGREE ").code == 1);
}

TEST_CASE("empty cells and missing tokens are missing, not invalid", "[coding]") {
  const Coder coder(agree5(), false, {"NA", "-99", "Don't know"});
  CHECK(code_of(coder, "").code == kMissingCode);
  CHECK(code_of(coder, "   ").code == kMissingCode);
  CHECK(code_of(coder, "na").code == kMissingCode);
  CHECK(code_of(coder, " -99").code == kMissingCode);
  CHECK(code_of(coder, "don't KNOW").code == kMissingCode);
}

TEST_CASE("a missing token that looks like an answer is missing", "[coding]") {
  const Coder coder(Scale{"ten", 0, 10, {}}, false, {"9"});
  CHECK(code_of(coder, "9").code == kMissingCode);
  CHECK(code_of(coder, "10").code == 10);
}

TEST_CASE("invalid cells carry their reason", "[coding]") {
  const Coder coder(agree5(), false, {""});
  const Coded out = code_of(coder, "6");
  CHECK(out.code == kInvalidCode);
  CHECK(out.reason == InvalidReason::kOutOfRange);
  CHECK(code_of(coder, "0").reason == InvalidReason::kOutOfRange);
  CHECK(code_of(coder, "-1").reason == InvalidReason::kOutOfRange);
  CHECK(code_of(coder, "99999999999999999999").reason == InvalidReason::kOutOfRange);
  CHECK(code_of(coder, "4.5").reason == InvalidReason::kNotInteger);
  CHECK(code_of(coder, ".5").reason == InvalidReason::kNotInteger);
  CHECK(code_of(coder, "agree").reason == InvalidReason::kUnrecognized);
  CHECK(code_of(coder, "4e0").reason == InvalidReason::kUnrecognized);
  CHECK(code_of(coder, ".").reason == InvalidReason::kUnrecognized);
  CHECK(code_of(coder, "+").reason == InvalidReason::kUnrecognized);
  CHECK(code_of(coder, "4 4").reason == InvalidReason::kUnrecognized);
  CHECK(std::string(reason_name(InvalidReason::kNotInteger)) == "not_integer");
}

TEST_CASE("reverse coding maps v to min + max - v, labels included", "[coding]") {
  const Coder coder(agree5(), true, {""});
  CHECK(code_of(coder, "1").code == 5);
  CHECK(code_of(coder, "2").code == 4);
  CHECK(code_of(coder, "3").code == 3);
  CHECK(code_of(coder, "Strongly agree").code == 1);
  CHECK(code_of(coder, "6").code == kInvalidCode);
}

TEST_CASE("a coder codes like another only for the same scale and direction", "[coding]") {
  const Coder coder(agree5(), false, {""});
  CHECK(coder.codes_like(agree5(), false));
  CHECK_FALSE(coder.codes_like(agree5(), true));
  Scale renamed = agree5();
  renamed.name = "agreement";  // the same codes, but messages name the scale
  CHECK_FALSE(coder.codes_like(renamed, false));
  Scale wider = agree5();
  wider.max = 7;
  CHECK_FALSE(coder.codes_like(wider, false));
  Scale relabelled = agree5();
  relabelled.labels[1].second = 4;
  CHECK_FALSE(coder.codes_like(relabelled, false));
}

TEST_CASE("the one- and two-character fast paths agree with the general rules", "[coding]") {
  const Coder coder(Scale{"nps", 0, 10, {}}, false, {"", "x"});
  CHECK(code_of(coder, "7").code == 7);
  CHECK(code_of(coder, "10").code == 10);
  CHECK(code_of(coder, "11").reason == InvalidReason::kOutOfRange);
  CHECK(code_of(coder, "X").code == kMissingCode);
  CHECK(code_of(coder, " ").code == kMissingCode);
  CHECK(code_of(coder, "?").reason == InvalidReason::kUnrecognized);
  CHECK(code_of(coder, "010").code == 10);
}

TEST_CASE("explain says what was found and what was expected", "[coding]") {
  const Coder labelled(agree5(), false, {""});
  CHECK(labelled.explain("9", InvalidReason::kOutOfRange) == "\"9\" is outside the scale agree5 (1..5)");
  CHECK(labelled.explain("4.5", InvalidReason::kNotInteger) ==
        "\"4.5\" is not a whole number on the scale agree5 (1..5)");
  CHECK(labelled.explain("strongly agre", InvalidReason::kUnrecognized) ==
        "\"strongly agre\" is not a number, a label or a missing token of the scale agree5 (1..5) "
        "(did you mean \"Strongly agree\"?)");
  const Coder plain(Scale{"", 0, 10, {}}, false, {""});
  CHECK(plain.explain("ten", InvalidReason::kUnrecognized) ==
        "\"ten\" is not a number or a missing token; expected an integer on the scale 0..10");
}

TEST_CASE("a survey weight is a finite number from 0 to 1e12", "[coding]") {
  const std::vector<std::string> missing = {"", "NA"};
  CHECK(read_weight("1.5", missing).value == 1.5);
  CHECK(read_weight(" 2 ", missing).value == 2);
  CHECK(read_weight("+3", missing).value == 3);
  CHECK(read_weight("1e3", missing).value == 1000);
  CHECK(read_weight(".25", missing).value == 0.25);
  CHECK(read_weight("0", missing).value == 0);
  CHECK(read_weight("0", missing).problem == nullptr);
  CHECK(read_weight("1e12", missing).problem == nullptr);
  CHECK(std::string(read_weight("", missing).problem) == "the weight is empty");
  CHECK(std::string(read_weight("na", missing).problem) == "the weight is a missing token");
  CHECK(std::string(read_weight("-0.5", missing).problem) == "the weight is negative");
  CHECK(std::string(read_weight("heavy", missing).problem) == "the weight is not a number");
  CHECK(std::string(read_weight("1,5", missing).problem) == "the weight is not a number");
  CHECK(std::string(read_weight("inf", missing).problem) == "the weight is not a number");
  CHECK(std::string(read_weight("nan", missing).problem) == "the weight is not a number");
  CHECK(std::string(read_weight("2e12", missing).problem) == "the weight is above 1e12");
}

}  // namespace gapscore
