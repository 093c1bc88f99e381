#include "gapscore/coding/scored_parser.h"

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace gapscore {

namespace {

// Splits and codes `text` (a string, so followed by '\0') with
// parse_scored; the codes in slot order.
std::vector<SmallCode> scored(const std::string& text, const FieldCoding& coding, Record& record) {
  RecordParser parser(',');
  std::vector<SmallCode> codes(coding.columns(), 99);
  parse_scored(parser, text, 1, record, coding, codes.data());
  std::vector<SmallCode> by_slot;
  for (const std::uint32_t column : coding.column_of_slot) by_slot.push_back(codes[column]);
  return by_slot;
}

}  // namespace

TEST_CASE("parse_scored codes a row of one-digit answers as the coders do", "[coding]") {
  // Twenty fields on a 1-7 scale, the last four reversed: codes are d - 1
  // and 7 - d; an empty cell is missing; 8, 0 and x are not on the scale.
  const Coder agree(Scale{"agree7", 1, 7, {}}, false, {""});
  const Coder reversed(Scale{"agree7", 1, 7, {}}, true, {""});
  std::vector<std::size_t> slot_fields;
  std::vector<const Coder*> coders;
  for (std::size_t f = 0; f < 20; ++f) {
    slot_fields.push_back(f);
    coders.push_back(f < 16 ? &agree : &reversed);
  }
  const FieldCoding coding(20, slot_fields, coders);
  Record record;
  const std::vector<SmallCode> codes = scored("1,2,3,4,5,6,7,1,2,3,4,5,6,7,1,2,3,4,5,6", coding, record);
  CHECK(codes == std::vector<SmallCode>{0, 1, 2, 3, 4, 5, 6, 0, 1, 2, 3, 4, 5, 6, 0, 1, 4, 3, 2, 1});
  CHECK(record.fields.size() == 20);
  CHECK(record.field_starts[19] == 38);

  const SmallCode m = kSmallMissing;
  const SmallCode x = kSmallInvalid;
  CHECK(scored("7,,8,0,x,6,5,4,3,2,1,1,1,1,1,1,7,7,,1", coding, record) ==
        std::vector<SmallCode>{6, m, x, x, x, 5, 4, 3, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, m, 6});
  CHECK(record.field_starts[2] == 3);  // the text is gone, its positions are not
  // Quoted, two-digit, padded and NUL-holding cells, among one-digit ones.
  CHECK(scored("\"5\",5,5,5,5,5,5,5,5,5,05,5, 5,5,5,5,5,5,\"3\",5", coding, record) ==
        std::vector<SmallCode>{4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 2, 2, 4, 2});
  CHECK(scored("1,2,3,4,5,6,7,1\x1a,2,3,4,5,6,7,1,2,3,4,5,6", coding, record)[7] == x);
  CHECK(record.has_nul);
}

TEST_CASE("parse_scored codes labels, missing digits and a field read by two coders", "[coding]") {
  // Field 0 is NPS (0-10) where 9 means missing; field 1 an agreement
  // scale with labels, also read reversed by a third slot; fields 2-9 a
  // 1-5 scale, so eight one-digit fields follow the first two.
  const Coder nps(Scale{"nps", 0, 10, {}}, false, {"", "9"});
  const Coder agree(Scale{"agree5", 1, 5, {{"Agree", 4}}}, false, {""});
  const Coder reversed(Scale{"agree5", 1, 5, {{"Agree", 4}}}, true, {""});
  std::vector<std::size_t> slot_fields{0, 1, 1};
  std::vector<const Coder*> coders{&nps, &agree, &reversed};
  for (std::size_t f = 2; f < 10; ++f) {
    slot_fields.push_back(f);
    coders.push_back(&agree);
  }
  const FieldCoding coding(10, slot_fields, coders);
  CHECK(coding.columns() == 11);
  Record record;
  CHECK(scored("9,Agree,1,2,3,4,5,1,2,3", coding, record) ==
        std::vector<SmallCode>{kSmallMissing, 3, 1, 0, 1, 2, 3, 4, 0, 1, 2});
  CHECK(scored("10,2,5,5,5,5,5,5,5,9", coding, record) ==
        std::vector<SmallCode>{10, 1, 3, 4, 4, 4, 4, 4, 4, 4, kSmallInvalid});
  CHECK(scored("7,\"Agree\",1,1,1,1,1,1,1,1", coding, record)[1] == 3);
}

TEST_CASE("parse_scored splits like parse and codes like each coder, on random rows", "[coding]") {
  // Cells drawn from one-digit answers (most of them), empty, two-digit,
  // labels, quoted cells with delimiters and line breaks, NUL substitutes,
  // cells longer than the eight bytes read at a time; rows of the expected
  // width and of others.
  const Coder agree(Scale{"agree7", 1, 7, {{"Neutral", 4}}}, false, {"", "NA"});
  const Coder reversed(Scale{"agree7", 1, 7, {}}, true, {""});
  const Coder nps(Scale{"nps", 0, 10, {}}, false, {"", "9"});
  const std::size_t width = 30;
  std::vector<std::size_t> slot_fields;
  std::vector<const Coder*> coders;
  for (std::size_t f = 0; f < width; ++f) {
    if (f % 7 == 6) continue;  // unscored
    slot_fields.push_back(f);
    coders.push_back(f % 5 == 4 ? &reversed : f % 11 == 10 ? &nps : &agree);
  }
  slot_fields.push_back(3);
  coders.push_back(&nps);
  const FieldCoding coding(width, slot_fields, coders);
  const std::vector<std::string> cells = {"1",
                                          "2",
                                          "3",
                                          "4",
                                          "5",
                                          "6",
                                          "7",
                                          "0",
                                          "8",
                                          "9",
                                          "4",
                                          "5",
                                          "6",
                                          "",
                                          "10",
                                          "07",
                                          "Neutral",
                                          "x",
                                          "NA",
                                          " 3",
                                          "\"5\"",
                                          "\"a,\nb\"",
                                          "\"x\"\"y\"",
                                          "4\x1a",
                                          "\x1a",
                                          "4\"",
                                          "\"6\"7",
                                          "BR-000001",
                                          "2026-10-02",
                                          "a longer answer than a word",
                                          "ends with a quote\"",
                                          "a NUL substitute far in \x1a",
                                          "\"quoted, and longer than a word\""};
  std::mt19937 random(11);
  const auto draw = [&random](std::size_t below) {
    return std::uniform_int_distribution<std::size_t>(0, below - 1)(random);
  };
  RecordParser plain(',');
  RecordParser coding_parser(',');
  Record expected;
  Record record;
  for (int round = 0; round < 3000; ++round) {
    const std::size_t fields = draw(8) == 0 ? width - 3 + draw(7) : width;
    std::string text;
    for (std::size_t f = 0; f < fields; ++f) {
      if (f > 0) text += ',';
      if (draw(10) == 0) {
        // 8 to 23 bytes, so that a field ends at every offset of the words
        // read, maybe with a quote or NUL substitute anywhere after the first.
        std::string cell(8 + draw(16), 'a');
        if (draw(3) == 0) cell[1 + draw(cell.size() - 1)] = draw(2) == 0 ? '"' : kNulSubstitute;
        text += cell;
      } else {
        text += cells[draw(4) != 0 ? draw(7) : draw(cells.size())];
      }
    }
    plain.parse(text, 2, expected);
    std::vector<SmallCode> codes(coding.columns(), 99);
    parse_scored(coding_parser, text, 2, record, coding, codes.data());
    REQUIRE(std::vector<std::string_view>(record.fields) == std::vector<std::string_view>(expected.fields));
    CHECK(record.field_starts == expected.field_starts);
    CHECK(record.has_nul == expected.has_nul);
    CHECK(record.end_line == expected.end_line);
    if (expected.fields.size() != width) continue;
    for (std::size_t s = 0; s < slot_fields.size(); ++s) {
      INFO(text << " slot " << s);
      CHECK(codes[coding.column_of_slot[s]] == coders[s]->small(expected.fields[slot_fields[s]]));
    }
  }
}

}  // namespace gapscore
