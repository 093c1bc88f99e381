#include "gapscore/questionnaire/loader.h"

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
  check.allow_keys(
      root, "",
      {"$schema", "gapscore", "title", "respondent_id", "weight_column", "strata_column", "cluster_column",
       "fpc_column", "header_rows", "header_names", "missing", "scales", "servqual", "metrics", "kano", "drivers"});
  read_version(root, check);
  state.questionnaire.title = check.string_at(root, "title", "", false).value_or("");
  read_row_columns(root, state);
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
