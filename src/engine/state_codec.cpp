#include "gapscore/engine/state_codec.h"

#include <cstdint>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <utility>

#include "gapscore/base/diagnostic.h"
#include "gapscore/base/version.h"
#include "gapscore/coding/coder.h"
#include "gapscore/engine/run.h"

namespace gapscore {

namespace {

// Saved states: the format's version, bumped whenever the layout of a
// tally or the meaning of a field changes.
constexpr int kStateVersion = 2;

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
            {"wide", tally.weighted_wide()}}}};
}

// Reads `values` into `into` when the sizes agree.
template <typename T>
bool read_array(const nlohmann::json& values, std::vector<T>& into) {
  if (!values.is_array() || values.size() != into.size()) return false;
  for (std::size_t i = 0; i < values.size(); ++i) into[i] = values[i].get<T>();
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
      !read_array(weights.at("wide"), tally.weighted_wide())) {
    return false;
  }
  tally.row_count() = saved.at("rows").get<std::int64_t>();
  tally.raw_weight_sum() = weights.at("sum").get<double>();
  tally.raw_weight_squares() = weights.at("squares").get<double>();
  for (std::size_t i = 0; i < wide.size(); ++i) {
    if (!parse_int128(wide[i].get<std::string>(), &tally.wide()[i])) return false;
  }
  for (std::size_t i = 0; i < importance.size(); ++i) {
    const nlohmann::json& saved_moments = importance[i];
    if (!saved_moments.is_array() || saved_moments.size() != 5) return false;
    tally.importance()[i] = {saved_moments[0].get<std::int64_t>(), saved_moments[1].get<double>(),
                             saved_moments[2].get<double>(), saved_moments[3].get<double>(),
                             saved_moments[4].get<double>()};
  }
  return true;
}

// The JSON of a state, once its version is known to be this one.
nlohmann::json parse_state(std::string_view text, const std::string& file) {
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
  return state;
}

Error damaged(const std::string& file, const std::string& what) {
  return Error(ErrorKind::kInvalid, file, "a damaged gapscore state: " + what);
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

// A state's segments: per segment, its breakdown, its values and the segment.
using SavedSegments = std::vector<std::pair<std::size_t, std::pair<std::vector<std::string>, Segment>>>;

SavedSegments read_segments(const nlohmann::json& state, const RunSetup& setup, const RunTotals& totals,
                            const std::string& file) {
  SavedSegments segments;
  for (const nlohmann::json& saved : state.at("segments")) {
    const auto b = saved.at("breakdown").get<std::size_t>();
    Segment segment{saved.at("labels").get<std::vector<std::string>>(), Tally(setup.plan)};
    const auto values = saved.at("values").get<std::vector<std::string>>();
    if (b >= totals.breakdowns.size() || values.size() != totals.breakdowns[b].columns.size() ||
        segment.labels.size() != values.size() || !tally_from_json(saved.at("tally"), segment.tally)) {
      throw damaged(file, "a segment does not fit the breakdowns");
    }
    segments.push_back({b, {values, std::move(segment)}});
  }
  return segments;
}

}  // namespace

std::string state_json(const RunSetup& setup, const RunTotals& totals) {
  nlohmann::json state;
  state["gapscore_state"] = kStateVersion;
  state["tool"] = {{"name", "gapscore"}, {"version", tool_version()}};
  state["fingerprint"] = state_fingerprint(setup.questionnaire.source, setup.options.breakdowns);
  state["questionnaire"] = nlohmann::json::parse(setup.questionnaire.source);
  state["breakdowns"] = setup.options.breakdowns;
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
      segments.push_back(
          {{"breakdown", b}, {"values", values}, {"labels", segment.labels}, {"tally", tally_json(segment.tally)}});
    }
  }
  state["segments"] = std::move(segments);
  return state.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

void add_state(const RunSetup& setup, RunTotals& totals, std::string_view text, const std::string& file) {
  const nlohmann::json state = parse_state(text, file);
  check_fingerprint(state, setup, file);
  try {
    const nlohmann::json& input = state.at("input");
    const auto rejected = input.at("rejected").get<std::vector<std::int64_t>>();
    const auto& invalid = input.at("invalid_cells");
    if (rejected.size() != totals.rejected.size() || invalid.size() != totals.invalid_counts.size()) {
      throw damaged(file, "its row accounting does not fit the questionnaire");
    }
    Tally all(setup.plan);
    if (!tally_from_json(state.at("all"), all)) throw damaged(file, "its tally does not fit the questionnaire");
    const SavedSegments segments = read_segments(state, setup, totals, file);
    // Everything is read and checked: now add it.
    for (const nlohmann::json& name : input.at("files")) totals.files.push_back(name.get<std::string>());
    totals.rows_read += input.at("rows_read").get<std::int64_t>();
    totals.rows_used += input.at("rows_used").get<std::int64_t>();
    for (std::size_t r = 0; r < rejected.size(); ++r) totals.rejected[r] += rejected[r];
    for (std::size_t s = 0; s < invalid.size(); ++s) {
      const auto counts = invalid[s].get<std::vector<std::int64_t>>();
      if (counts.size() != kInvalidReasonCount) throw damaged(file, "its invalid cells do not fit");
      for (std::size_t r = 0; r < kInvalidReasonCount; ++r) totals.invalid_counts[s][r] += counts[r];
    }
    totals.all.merge(all);
    for (const auto& [b, entry] : segments) {
      totals.breakdowns[b].merge_saved(entry.first, entry.second, setup.plan, setup.options.max_segments, file);
    }
  } catch (const nlohmann::json::exception& e) {
    throw damaged(file, e.what());
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
    result = result * 10 + (negative ? -(text[i] - '0') : (text[i] - '0'));
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
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return hex;
}

}  // namespace gapscore
