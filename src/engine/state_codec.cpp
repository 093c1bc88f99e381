#include "gapscore/engine/state_codec.h"

#include <cstdint>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <type_traits>
#include <utility>

#include "gapscore/base/diagnostic.h"
#include "gapscore/base/json_text.h"
#include "gapscore/base/text.h"
#include "gapscore/base/version.h"
#include "gapscore/coding/coder.h"
#include "gapscore/engine/run.h"
#include "gapscore/tally/validate.h"

namespace gapscore {

namespace {

// Saved states: the format's version, bumped whenever the layout of a
// tally or the meaning of a field changes (3: checksums and parts).
constexpr int kStateVersion = 4;

std::uint64_t fnv1a(std::string_view text) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

std::string hex16(std::uint64_t value) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(value));
  return hex;
}

std::string state_text(const nlohmann::json& state) {
  return state.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

nlohmann::json tally_json(Tally tally) {
  nlohmann::json wide = nlohmann::json::array();
  for (const Int128 value : tally.wide()) wide.push_back(int128_text(value));
  nlohmann::json importance = nlohmann::json::array();
  for (const Moments& moments : tally.importance()) {
    importance.push_back({moments.n, moments.weight, moments.weight_squares, moments.mean, moments.m2});
  }
  // Survey-weighted sums are doubles, written with 17 significant digits by
  // nlohmann/json, so they read back to the same bits.
  return {{"rows", tally.row_count()},
          {"counters", tally.counters()},
          {"wide", std::move(wide)},
          {"importance", std::move(importance)},
          {"weights",
           {{"sum", tally.raw_weight_sum()},
            {"squares", tally.raw_weight_squares()},
            {"counters", tally.weighted()},
            {"counter_squares", tally.weighted_squares()},
            {"wide", tally.weighted_wide()},
            {"wide_squares", tally.weighted_wide_squares()},
            {"zero_weight_rows", tally.raw_zero_weight_rows()},
            {"zero_weight_counters", tally.zero_weight_counters()}}}};
}

Error damaged(const std::string& file, const std::string& what) {
  return Error(ErrorKind::kInvalid, file, "a damaged gapscore state: " + what);
}

// The JSON of a state, once its version is known to be this one and its
// checksum to match its content.
nlohmann::json parse_state(std::string_view text, const std::string& file) {
  if (too_deep(text)) {
    throw Error(ErrorKind::kInvalid, file,
                "not a gapscore state: nested more than " + std::to_string(kMaxJsonDepth) + " levels deep");
  }
  nlohmann::json state;
  try {
    state = nlohmann::json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::exception&) {
    throw Error(ErrorKind::kInvalid, file,
                "not a gapscore state: a state is one line of JSON from `score --emit-state`");
  }
  const auto version = state.find("gapscore_state");
  if (!state.is_object() || version == state.end()) {
    throw Error(ErrorKind::kInvalid, file, "not a gapscore state (no \"gapscore_state\" key)");
  }
  if (*version != kStateVersion) {
    throw Error(ErrorKind::kInvalid, file,
                "state format version " + version->dump() + " is not the one this gapscore reads (" +
                    std::to_string(kStateVersion) + "); make the states with the same gapscore");
  }
  const auto checksum = state.find("checksum");
  if (checksum == state.end() || !checksum->is_string()) throw damaged(file, "it has no checksum");
  const std::string written = checksum->get<std::string>();
  state.erase("checksum");
  if (written != hex16(fnv1a(state_text(state)))) {
    throw damaged(file, "its checksum does not match its content: it was changed after gapscore wrote it");
  }
  return state;
}

// What a state holds where a count or a number should be, when it is not
// one: nlohmann would convert a float of any size to an integer, past the
// integer's range (undefined behaviour), so numbers are read strictly.
struct NotANumber {
  std::string what;
};

std::int64_t integer(const nlohmann::json& value) {
  if (value.is_number_unsigned() && value.get<std::uint64_t>() <= static_cast<std::uint64_t>(INT64_MAX)) {
    return static_cast<std::int64_t>(value.get<std::uint64_t>());
  }
  if (value.is_number_integer() && !value.is_number_unsigned()) return value.get<std::int64_t>();
  throw NotANumber{"an integer of 64 bits"};
}

double real(const nlohmann::json& value) {
  if (!value.is_number()) throw NotANumber{"a number"};
  return value.get<double>();
}

std::vector<std::int64_t> integers(const nlohmann::json& values) {
  if (!values.is_array()) throw NotANumber{"an array of integers"};
  std::vector<std::int64_t> out;
  for (const nlohmann::json& value : values) out.push_back(integer(value));
  return out;
}

// Reads `values` into `into` when the sizes agree.
template <typename T>
bool read_array(const nlohmann::json& values, std::vector<T>& into) {
  if (!values.is_array() || values.size() != into.size()) return false;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if constexpr (std::is_same_v<T, double>) {
      into[i] = real(values[i]);
    } else {
      into[i] = integer(values[i]);
    }
  }
  return true;
}

// Reads a tally saved by tally_json into one laid out for `plan`; false
// when the sizes or values do not fit.
bool tally_from_json(const nlohmann::json& saved, Tally& tally) {
  const auto& wide = saved.at("wide");
  const auto& importance = saved.at("importance");
  const auto& weights = saved.at("weights");
  if (!wide.is_array() || wide.size() != tally.wide().size() || !importance.is_array() ||
      importance.size() != tally.importance().size() || !read_array(saved.at("counters"), tally.counters()) ||
      !read_array(weights.at("counters"), tally.weighted()) ||
      !read_array(weights.at("counter_squares"), tally.weighted_squares()) ||
      !read_array(weights.at("wide"), tally.weighted_wide()) ||
      !read_array(weights.at("wide_squares"), tally.weighted_wide_squares()) ||
      !read_array(weights.at("zero_weight_counters"), tally.zero_weight_counters())) {
    return false;
  }
  tally.row_count() = integer(saved.at("rows"));
  tally.raw_weight_sum() = real(weights.at("sum"));
  tally.raw_weight_squares() = real(weights.at("squares"));
  tally.raw_zero_weight_rows() = integer(weights.at("zero_weight_rows"));
  for (std::size_t i = 0; i < wide.size(); ++i) {
    if (!parse_int128(wide[i].get<std::string>(), &tally.wide()[i])) return false;
  }
  for (std::size_t i = 0; i < importance.size(); ++i) {
    const nlohmann::json& saved_moments = importance[i];
    if (!saved_moments.is_array() || saved_moments.size() != 5) return false;
    tally.importance()[i] = {integer(saved_moments[0]), real(saved_moments[1]), real(saved_moments[2]),
                             real(saved_moments[3]), real(saved_moments[4])};
  }
  return true;
}

void check_fingerprint(const nlohmann::json& state, const RunSetup& setup, const std::string& file) {
  const std::string expected = state_fingerprint(setup.questionnaire.source, setup.options.breakdowns);
  if (state.value("fingerprint", "") != expected) {
    throw Error(ErrorKind::kInvalid, file,
                "this state was counted with another questionnaire or other --by breakdowns (fingerprint " +
                    state.value("fingerprint", "none") + ", expected " + expected +
                    "); states merge only with their own");
  }
}

// A tally as a state holds it, read for `setup`'s plan and checked as a
// tally counted from rows would be; `where` names it in messages.
Tally read_tally(const nlohmann::json& saved, const RunSetup& setup, const std::string& where,
                 const std::string& file) {
  Tally tally(setup.plan);
  if (!tally_from_json(saved, tally)) throw damaged(file, where + ": its tally does not fit the questionnaire");
  if (std::optional<std::string> problem = tally_problem(setup.questionnaire, setup.plan, tally)) {
    throw damaged(file, where + ": " + *problem);
  }
  return tally;
}

// Everything a state adds, read and checked before any of it is added.
struct SavedState {
  std::vector<std::string> files;
  std::int64_t rows_read = 0;
  std::int64_t rows_used = 0;
  std::vector<std::int64_t> rejected;
  std::vector<std::vector<std::int64_t>> invalid;
  std::vector<std::string> parts;
  Tally all;
  // Per segment: its breakdown, its values and the segment.
  std::vector<std::pair<std::size_t, std::pair<std::vector<std::string>, Segment>>> segments;
};

void read_accounting(const nlohmann::json& input, const RunTotals& totals, SavedState& saved, const std::string& file) {
  for (const nlohmann::json& name : input.at("files")) saved.files.push_back(name.get<std::string>());
  saved.rows_read = integer(input.at("rows_read"));
  saved.rows_used = integer(input.at("rows_used"));
  saved.rejected = integers(input.at("rejected"));
  const nlohmann::json& invalid = input.at("invalid_cells");
  if (!invalid.is_array()) throw NotANumber{"an array of arrays of integers"};
  for (const nlohmann::json& counts : invalid) saved.invalid.push_back(integers(counts));
  if (saved.rejected.size() != totals.rejected.size() || saved.invalid.size() != totals.invalid_counts.size()) {
    throw damaged(file, "its row accounting does not fit the questionnaire");
  }
  std::int64_t rejected = 0;
  for (const std::int64_t count : saved.rejected) {
    if (count < 0 || count > kMaxRows) throw damaged(file, "input.rejected: a count of " + std::to_string(count));
    rejected += count;
  }
  for (const std::vector<std::int64_t>& counts : saved.invalid) {
    if (counts.size() != kInvalidReasonCount) throw damaged(file, "its invalid cells do not fit");
    for (const std::int64_t count : counts) {
      if (count < 0) throw damaged(file, "input.invalid_cells: a count of " + std::to_string(count));
    }
  }
  if (saved.rows_used < 0 || saved.rows_used > kMaxRows || saved.rows_read != saved.rows_used + rejected) {
    throw damaged(file, "input: " + std::to_string(saved.rows_read) + " rows read are not the " +
                            std::to_string(saved.rows_used) + " used and " + std::to_string(rejected) + " rejected");
  }
}

// A segment value as JSON: as text when it is UTF-8, else its bytes in hex
// ({"hex": "..."}), since JSON text would replace them and two values could
// then read back as one.
nlohmann::json value_json(const std::string& value) {
  if (is_valid_utf8(value)) return value;
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  for (const char c : value) {
    const auto byte = static_cast<unsigned char>(c);
    hex += kDigits[byte >> 4];
    hex += kDigits[byte & 15];
  }
  return {{"hex", hex}};
}

std::string value_from_json(const nlohmann::json& value, const std::string& file) {
  if (value.is_string()) return value.get<std::string>();
  const auto hex = value.is_object() && value.size() == 1 ? value.find("hex") : value.end();
  if (hex == value.end() || !hex->is_string() || hex->get<std::string>().size() % 2 != 0) {
    throw damaged(file, "a segment value is neither text nor {\"hex\": ...}");
  }
  const std::string& digits = hex->get_ref<const std::string&>();
  const auto nibble = [&](char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    throw damaged(file, "a segment value's hex has " + quote(std::string(1, c)));
  };
  std::string bytes;
  for (std::size_t i = 0; i < digits.size(); i += 2) {
    bytes += static_cast<char>(nibble(digits[i]) * 16 + nibble(digits[i + 1]));
  }
  return bytes;
}

void read_segments(const nlohmann::json& state, const RunSetup& setup, const RunTotals& totals, SavedState& saved,
                   const std::string& file) {
  std::vector<std::set<std::vector<std::string>>> seen(totals.breakdowns.size());
  for (const nlohmann::json& entry : state.at("segments")) {
    const std::int64_t breakdown = integer(entry.at("breakdown"));
    const std::size_t b = breakdown < 0 ? totals.breakdowns.size() : static_cast<std::size_t>(breakdown);
    std::vector<std::string> values;
    for (const nlohmann::json& value : entry.at("values")) values.push_back(value_from_json(value, file));
    const auto labels = entry.at("labels").get<std::vector<std::string>>();
    if (b >= totals.breakdowns.size() || values.size() != totals.breakdowns[b].columns.size() ||
        labels.size() != values.size()) {
      throw damaged(file, "a segment does not fit the breakdowns");
    }
    Segment segment{labels, Tally(setup.plan)};
    std::string where = "segment ";
    for (std::size_t c = 0; c < values.size(); ++c) {
      if (labels[c] != valid_utf8(values[c])) throw damaged(file, "a segment's label is not its value's");
      where += (c > 0 ? ";" : "") + totals.breakdowns[b].columns[c] + "=" + labels[c];
    }
    if (!seen[b].insert(values).second) throw damaged(file, quote(where) + " appears twice");
    segment.tally = read_tally(entry.at("tally"), setup, quote(where), file);
    if (segment.tally.rows() == 0) throw damaged(file, quote(where) + ": a segment without rows");
    saved.segments.push_back({b, {values, std::move(segment)}});
  }
}

// Every used row is in one segment of each breakdown, and every count of a
// tally is an exact integer sum: the segments of each breakdown add up to
// the whole data set, count for count.
void check_segments_add_up(const SavedState& saved, const RunTotals& totals, const std::string& file) {
  if (saved.all.rows() != saved.rows_used) {
    throw damaged(file, "the whole data set's tally has " + std::to_string(saved.all.rows()) + " rows, not the " +
                            std::to_string(saved.rows_used) + " used");
  }
  for (std::size_t b = 0; b < totals.breakdowns.size(); ++b) {
    std::vector<std::int64_t> counters(saved.all.counters().size(), 0);
    std::vector<Int128> wide(saved.all.wide().size(), 0);
    std::vector<std::int64_t> zero_weight(saved.all.zero_weight_counters().size(), 0);
    std::int64_t rows = 0;
    std::int64_t zero_weight_rows = 0;
    for (const auto& [breakdown, entry] : saved.segments) {
      if (breakdown != b) continue;
      const Tally& tally = entry.second.tally;
      rows += tally.rows();
      zero_weight_rows += tally.zero_weight_rows();
      for (std::size_t i = 0; i < counters.size(); ++i) counters[i] += tally.counters()[i];
      for (std::size_t i = 0; i < wide.size(); ++i) wide[i] += tally.wide()[i];
      for (std::size_t i = 0; i < zero_weight.size(); ++i) zero_weight[i] += tally.zero_weight_counters()[i];
    }
    if (rows != saved.all.rows() || counters != saved.all.counters() || wide != saved.all.wide() ||
        zero_weight_rows != saved.all.zero_weight_rows() || zero_weight != saved.all.zero_weight_counters()) {
      throw damaged(file, "the segments of " + totals.breakdowns[b].option() + " do not add up to the whole data set");
    }
  }
}

SavedState read_state(const nlohmann::json& state, const RunSetup& setup, const RunTotals& totals,
                      const std::string& file) {
  SavedState saved;
  read_accounting(state.at("input"), totals, saved, file);
  saved.parts = state.at("parts").get<std::vector<std::string>>();
  if (saved.parts.empty()) throw damaged(file, "it names no run it holds");
  saved.all = read_tally(state.at("all"), setup, "the whole data set", file);
  read_segments(state, setup, totals, saved, file);
  check_segments_add_up(saved, totals, file);
  return saved;
}

// A run's rows may be added once: a state given twice, or a merged state
// beside one of the states it was merged from, is refused. A state without
// rows adds nothing, and may come again.
void check_parts(const SavedState& saved, const RunTotals& totals, const std::string& file) {
  if (saved.rows_read == 0) return;
  for (const std::string& part : saved.parts) {
    const auto found = totals.parts.find(part);
    if (found == totals.parts.end()) continue;
    throw Error(ErrorKind::kInvalid, file,
                "its rows are already counted: run " + part + " is also in " + found->second +
                    " (a state given twice, or a merged state with one of its parts)");
  }
  if (totals.rows_read > kMaxRows - saved.rows_read) {
    throw Error(ErrorKind::kInvalid, file, "more rows than one run may count (2^40)");
  }
}

void add_saved(const RunSetup& setup, RunTotals& totals, SavedState& saved, const std::string& file) {
  totals.files.insert(totals.files.end(), saved.files.begin(), saved.files.end());
  totals.rows_read += saved.rows_read;
  totals.rows_used += saved.rows_used;
  for (std::size_t r = 0; r < saved.rejected.size(); ++r) totals.rejected[r] += saved.rejected[r];
  for (std::size_t s = 0; s < saved.invalid.size(); ++s) {
    for (std::size_t r = 0; r < kInvalidReasonCount; ++r) totals.invalid_counts[s][r] += saved.invalid[s][r];
  }
  if (saved.rows_read > 0) {
    for (const std::string& part : saved.parts) totals.parts.emplace(part, file);
  }
  totals.all.merge(saved.all);
  for (const auto& [b, entry] : saved.segments) {
    totals.breakdowns[b].merge_saved(entry.first, entry.second, setup.plan, setup.limit_of(), file);
  }
}

}  // namespace

std::string state_json(const RunSetup& setup, const RunTotals& totals) {
  nlohmann::json state;
  state["gapscore_state"] = kStateVersion;
  state["tool"] = {{"name", "gapscore"}, {"version", tool_version()}};
  state["fingerprint"] = state_fingerprint(setup.questionnaire.source, setup.options.breakdowns);
  state["questionnaire"] = nlohmann::json::parse(setup.questionnaire.source);
  state["breakdowns"] = setup.asked_breakdowns();
  nlohmann::json invalid = nlohmann::json::array();
  for (const auto& counts : totals.invalid_counts) invalid.push_back(counts);
  state["input"] = {{"files", totals.files},
                    {"rows_read", totals.rows_read},
                    {"rows_used", totals.rows_used},
                    {"rejected", totals.rejected},
                    {"invalid_cells", invalid}};
  state["all"] = tally_json(totals.all);
  nlohmann::json segments = nlohmann::json::array();
  for (std::size_t b = 0; b < totals.breakdowns.size(); ++b) {
    for (const auto& [values, segment] : totals.breakdowns[b].segments) {
      nlohmann::json raw = nlohmann::json::array();
      for (const std::string& value : values) raw.push_back(value_json(value));
      segments.push_back({{"breakdown", b},
                          {"values", std::move(raw)},
                          {"labels", segment.labels},
                          {"tally", tally_json(segment.tally)}});
    }
  }
  state["segments"] = std::move(segments);
  // The runs a state holds: a scoring run is one, named by its content, so
  // that the same rows scored again are the same run; a merge holds those
  // of the states it added.
  std::vector<std::string> parts;
  for (const auto& [part, file] : totals.parts) parts.push_back(part);
  if (parts.empty()) parts.push_back(hex16(fnv1a(state_text(state))));
  state["parts"] = parts;
  state["checksum"] = hex16(fnv1a(state_text(state)));
  return state_text(state) + "\n";
}

void add_state(const RunSetup& setup, RunTotals& totals, std::string_view text, const std::string& file) {
  const nlohmann::json state = parse_state(text, file);
  check_fingerprint(state, setup, file);
  try {
    SavedState saved = read_state(state, setup, totals, file);
    check_parts(saved, totals, file);
    add_saved(setup, totals, saved, file);
  } catch (const nlohmann::json::exception& e) {
    throw damaged(file, e.what());
  } catch (const NotANumber& e) {
    throw damaged(file, "a value that is not " + e.what);
  }
}

Engine::StateOrigin origin_of_state(std::string_view text, const std::string& file) {
  const nlohmann::json state = parse_state(text, file);
  try {
    Engine::StateOrigin origin{parse_questionnaire(state.at("questionnaire").dump(), file + " (its questionnaire)"),
                               state.at("breakdowns").get<std::vector<std::vector<std::string>>>()};
    return origin;
  } catch (const nlohmann::json::exception& e) {
    throw Error(ErrorKind::kInvalid, file, std::string("a damaged gapscore state: ") + e.what());
  }
}

std::string int128_text(Int128 value) {
  if (value == 0) return "0";
  const bool negative = value < 0;
  std::string digits;
  while (value != 0) {
    const auto digit = static_cast<int>(value % 10);
    digits += static_cast<char>('0' + (negative ? -digit : digit));
    value /= 10;
  }
  if (negative) digits += '-';
  return std::string(digits.rbegin(), digits.rend());
}

bool parse_int128(const std::string& text, Int128* value) {
  std::size_t i = 0;
  const bool negative = !text.empty() && text[0] == '-';
  if (negative) ++i;
  if (i == text.size() || text.size() - i > 39) return false;
  Int128 result = 0;
  for (; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    const Int128 digit = negative ? -(text[i] - '0') : (text[i] - '0');
    if (__builtin_mul_overflow(result, 10, &result) || __builtin_add_overflow(result, digit, &result)) return false;
  }
  *value = result;
  return true;
}

std::string state_fingerprint(const std::string& source, const std::vector<std::vector<std::string>>& breakdowns) {
  std::string text = source + "\n";
  for (const std::vector<std::string>& columns : breakdowns) {
    for (const std::string& column : columns) text += column + '\x1f';
    text += '\x1e';
  }
  return hex16(fnv1a(text));
}

}  // namespace gapscore
