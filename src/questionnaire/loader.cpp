#include "gapscore/questionnaire/loader.h"

#include <cmath>
#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "gapscore/base/diagnostic.h"
#include "gapscore/base/text.h"
#include "gapscore/questionnaire/kano_section.h"
#include "gapscore/questionnaire/load_state.h"
#include "gapscore/questionnaire/metrics_section.h"
#include "gapscore/questionnaire/servqual_section.h"

namespace gapscore {

namespace {

using nlohmann::json;

void read_version(const json& root, Checker& check) {
  const auto found = root.find("gapscore");
  if (found == root.end()) {
    check.problem("", "missing required key \"gapscore\" (the format version, 1)");
    return;
  }
  if (!found->is_number_integer() || found->get<long long>() != 1) {
    check.problem("/gapscore", "unsupported format version " + found->dump() + ", this gapscore reads version 1");
  }
}

// The respondent id and the survey weight: columns outside every section.
void read_row_columns(const json& root, LoadState& state) {
  if (auto id = state.check.column_at(root, "respondent_id", "", false)) {
    state.questionnaire.respondent_id = *id;
    state.use_column(*id, "/respondent_id");
  }
  if (auto weight = state.check.column_at(root, "weight_column", "", false)) {
    state.questionnaire.weight_column = *weight;
    state.use_column(*weight, "/weight_column");
  }
  for (const auto& [key, column] :
       {std::pair<const char*, std::string*>{"strata_column", &state.questionnaire.strata_column},
        {"cluster_column", &state.questionnaire.cluster_column},
        {"fpc_column", &state.questionnaire.fpc_column}}) {
    if (auto found = state.check.column_at(root, key, "", false)) {
      *column = *found;
      state.use_column(*found, std::string("/") + key);
    }
  }
}

// A positive finite number under `key`, or nothing (a problem if present and not one).
std::optional<double> positive_number_at(const json& object, const std::string& key, const std::string& pointer,
                                         Checker& check) {
  const auto found = object.find(key);
  if (found == object.end()) return std::nullopt;
  if (!found->is_number() || !(found->get<double>() > 0) || !std::isfinite(found->get<double>())) {
    check.problem(pointer + "/" + key, "expected a positive number, found " + found->dump());
    return std::nullopt;
  }
  return found->get<double>();
}

void read_raking(const json& root, LoadState& state) {
  const auto found = root.find("raking");
  if (found == root.end()) return;
  Checker& check = state.check;
  if (!check.expect_object(*found, "/raking")) return;
  check.allow_keys(*found, "/raking", {"margins", "max_iterations", "tolerance", "cap"});
  Raking raking;
  const auto margins = found->find("margins");
  if (margins == found->end() || !margins->is_object() || margins->empty()) {
    check.problem("/raking", "expected \"margins\": an object of columns, each an object of values and their shares");
    return;
  }
  for (const auto& [column, shares] : margins->items()) {
    const std::string pointer = "/raking/margins/" + escape_pointer_token(column);
    if (column.empty()) {
      check.problem(pointer, "a margin's column name is empty");
      continue;
    }
    state.use_column(column, pointer);
    if (!shares.is_object() || shares.empty()) {
      check.problem(pointer, "expected an object of the column's values and their population shares");
      continue;
    }
    RakingMargin margin;
    margin.column = column;
    double total = 0;
    for (const auto& [value, share] : shares.items()) {
      if (value.empty()) {
        check.problem(pointer + "/", "an empty cell is the value \"(missing)\": give its share under that name");
        continue;
      }
      if (!share.is_number() || !(share.get<double>() >= 0) || !(share.get<double>() <= 1)) {
        check.problem(pointer + "/" + escape_pointer_token(value),
                      "expected a population share from 0 to 1, found " + share.dump());
        continue;
      }
      margin.shares.emplace_back(value, share.get<double>());
      total += share.get<double>();
    }
    if (std::abs(total - 1) > 1e-6) {
      check.problem(pointer, "the shares add up to " + format_number(total) + ", not 1");
    }
    raking.margins.push_back(std::move(margin));
  }
  if (const auto iterations = found->find("max_iterations"); iterations != found->end()) {
    const bool sweeps =
        iterations->is_number_integer() && iterations->get<long long>() >= 1 && iterations->get<long long>() <= 10000;
    if (sweeps) {
      raking.max_iterations = iterations->get<int>();
    } else {
      check.problem("/raking/max_iterations",
                    "expected an integer number of sweeps from 1 to 10000, found " + iterations->dump());
    }
  }
  if (auto tolerance = positive_number_at(*found, "tolerance", "/raking", check)) {
    if (*tolerance >= 1) {
      check.problem("/raking/tolerance",
                    "expected a share of the total weight below 1, found " + format_number(*tolerance));
    } else {
      raking.tolerance = *tolerance;
    }
  }
  if (auto cap = positive_number_at(*found, "cap", "/raking", check)) {
    if (*cap <= 1) {
      check.problem("/raking/cap", "a cap on raked / base weight must be above 1, found " + format_number(*cap));
    } else {
      raking.cap = *cap;
    }
  }
  state.questionnaire.raking = std::move(raking);
}

void read_header_rows(const json& root, LoadState& state) {
  if (auto rows = state.check.integer_at(root, "header_rows", "", false)) {
    if (*rows < 1 || *rows > 100) {
      state.check.problem("/header_rows", "header_rows must be between 1 and 100, found " + std::to_string(*rows));
    } else {
      state.questionnaire.header_rows = *rows;
    }
  }
}

// After read_header_rows: "last" and row numbers depend on header_rows.
void read_header_names(const json& root, LoadState& state) {
  const auto found = root.find("header_names");
  if (found == root.end()) return;
  const int header_rows = state.questionnaire.header_rows;
  HeaderNaming& naming = state.questionnaire.header_names;
  if (found->is_string() && found->get<std::string>() == "joined") {
    naming.joined = true;
  } else if (found->is_string() && found->get<std::string>() == "first") {
    naming.row = 1;
  } else if (found->is_string() && found->get<std::string>() == "last") {
    naming.row = header_rows;
  } else if (found->is_number_integer() && found->get<long long>() >= 1 && found->get<long long>() <= header_rows) {
    naming.row = found->get<int>();
  } else {
    state.check.problem("/header_names", "expected \"first\", \"last\", \"joined\" or a header row number from 1 to " +
                                             std::to_string(header_rows) + ", found " + found->dump());
  }
}

void read_missing(const json& root, LoadState& state) {
  const auto found = root.find("missing");
  std::vector<std::string>& missing = state.questionnaire.missing;
  if (found == root.end()) {
    missing = {"", "NA", "N/A"};
    return;
  }
  if (!found->is_array()) {
    state.check.problem("/missing", "expected an array of strings, found " + type_name(*found));
    return;
  }
  for (std::size_t i = 0; i < found->size(); ++i) {
    const json& token = (*found)[i];
    if (!token.is_string()) {
      state.check.problem(child("/missing", i), "expected a string, found " + type_name(token));
      continue;
    }
    missing.push_back(std::string(trim(token.get<std::string>())));
  }
}

// After read_servqual and read_metrics: the outcome is one of the metrics,
// and key drivers need a SERVQUAL section.
void read_drivers(const json& root, LoadState& state) {
  const auto found = root.find("drivers");
  if (found == root.end()) return;
  const std::string pointer = "/drivers";
  Checker& check = state.check;
  Questionnaire& questionnaire = state.questionnaire;
  if (!check.expect_object(*found, pointer)) return;
  check.allow_keys(*found, pointer, {"outcome"});
  const std::optional<std::string> outcome = check.string_at(*found, "outcome", pointer, true);
  if (!outcome) return;
  std::vector<std::string> ids;
  for (std::size_t m = 0; m < questionnaire.metrics.size(); ++m) {
    ids.push_back(questionnaire.metrics[m].id);
    if (questionnaire.metrics[m].id == *outcome) questionnaire.driver_outcome = static_cast<int>(m);
  }
  if (questionnaire.driver_outcome < 0) {
    check.problem(child(pointer, "outcome"), "no metric " + quote(*outcome) + did_you_mean(*outcome, ids) +
                                                 "; the outcome is the id of an nps or csat metric");
  } else if (questionnaire.metrics[static_cast<std::size_t>(questionnaire.driver_outcome)].type == MetricType::kCes) {
    check.problem(child(pointer, "outcome"), "the outcome of key drivers is an nps or csat metric");
  }
  if (!questionnaire.has_servqual) check.problem(pointer, "key drivers need a \"servqual\" section");
}

}  // namespace

Questionnaire questionnaire_from_json(const json& root, const std::string& file) {
  LoadState state(file);
  state.questionnaire.file = file;
  state.questionnaire.source = root.dump();
  Checker& check = state.check;
  if (!check.expect_object(root, "")) throw Error(ErrorKind::kInvalid, check.problems());
  check.allow_keys(root, "",
                   {"$schema", "gapscore", "title", "respondent_id", "weight_column", "strata_column", "cluster_column",
                    "fpc_column", "raking", "header_rows", "header_names", "missing", "scales", "servqual", "metrics",
                    "kano", "drivers"});
  read_version(root, check);
  state.questionnaire.title = check.string_at(root, "title", "", false).value_or("");
  read_row_columns(root, state);
  read_raking(root, state);
  read_header_rows(root, state);
  read_header_names(root, state);
  read_missing(root, state);
  state.scales.read(check, root);
  read_servqual(root, state);
  read_metrics(root, state);
  read_kano(root, state);
  read_drivers(root, state);
  if (!root.contains("servqual") && !root.contains("metrics") && !root.contains("kano")) {
    check.problem("", "nothing to score: give a \"servqual\" section, \"metrics\" or \"kano\"");
  }
  state.scales.check_labels_against_missing(check, state.questionnaire.missing);
  if (!check.problems().empty()) throw Error(ErrorKind::kInvalid, check.problems());
  return std::move(state.questionnaire);
}

}  // namespace gapscore
