#include "gapscore/questionnaire/questionnaire.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <tuple>

#include "gapscore/base/diagnostic.h"
#include "gapscore/base/json_text.h"
#include "gapscore/base/read_file.h"
#include "gapscore/questionnaire/json_checks.h"
#include "gapscore/questionnaire/loader.h"

namespace gapscore {

namespace {

using nlohmann::json;

Diagnostic syntax_error(std::string_view json_text, const json::parse_error& e, const std::string& file_name) {
  Diagnostic d;
  d.file = file_name;
  // e.byte is just past the last character read, the end of the
  // unexpected token; point at its start instead.
  std::size_t offset = std::min(e.byte > 0 ? e.byte - 1 : 0, json_text.size());
  if (offset < json_text.size() && json_text[offset] == '"') {
    const std::size_t open = json_text.rfind('"', offset > 0 ? offset - 1 : 0);
    if (open != std::string_view::npos && open < offset) offset = open;
  } else {
    const auto is_word = [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '+';
    };
    while (offset > 0 && offset < json_text.size() && is_word(json_text[offset]) && is_word(json_text[offset - 1]))
      --offset;
  }
  std::tie(d.line, d.column) = line_and_column(json_text, offset);
  std::string message = e.what();
  const std::size_t detail = message.find("syntax error");
  d.message = "not valid JSON: " + (detail == std::string::npos ? message : message.substr(detail));
  return d;
}

// A number too large for a double ("2e7777"): nlohmann names the literal
// but not its place, so find it in the text.
Diagnostic number_overflow(std::string_view json_text, const json::out_of_range& e, const std::string& file_name) {
  const std::string message = e.what();
  const std::size_t quote_open = message.find('\'');
  const std::size_t quote_close = message.rfind('\'');
  std::size_t offset = 0;
  if (quote_open != std::string::npos && quote_close > quote_open) {
    offset = json_text.find(message.substr(quote_open + 1, quote_close - quote_open - 1));
    if (offset == std::string_view::npos) offset = 0;
  }
  Diagnostic d;
  d.file = file_name;
  std::tie(d.line, d.column) = line_and_column(json_text, offset);
  const std::size_t detail = message.find("number overflow");
  d.message = "not valid JSON: " + (detail == std::string::npos ? message : message.substr(detail));
  return d;
}

}  // namespace

Questionnaire parse_questionnaire(std::string_view json_text, const std::string& file_name) {
  if (const std::optional<std::size_t> deep = too_deep(json_text)) {
    Diagnostic d;
    d.file = file_name;
    std::tie(d.line, d.column) = line_and_column(json_text, *deep);
    d.message =
        "nested more than " + std::to_string(kMaxJsonDepth) + " levels deep here; a questionnaire needs fewer than ten";
    throw Error(ErrorKind::kInvalid, d);
  }
  json root;
  try {
    root = json::parse(json_text.begin(), json_text.end());
  } catch (const json::parse_error& e) {
    throw Error(ErrorKind::kInvalid, syntax_error(json_text, e, file_name));
  } catch (const json::out_of_range& e) {
    throw Error(ErrorKind::kInvalid, number_overflow(json_text, e, file_name));
  }
  return questionnaire_from_json(root, file_name);
}

Questionnaire load_questionnaire(const std::string& path) {
  return parse_questionnaire(read_file(path, "the questionnaire"), path);
}

std::vector<ColumnUse> column_uses(const Questionnaire& questionnaire) {
  std::vector<ColumnUse> uses;
  if (!questionnaire.respondent_id.empty()) {
    uses.push_back({questionnaire.respondent_id, "the respondent id", "/respondent_id"});
  }
  if (!questionnaire.weight_column.empty()) {
    uses.push_back({questionnaire.weight_column, "the survey weight", "/weight_column"});
  }
  if (!questionnaire.strata_column.empty()) {
    uses.push_back({questionnaire.strata_column, "the sampling strata", "/strata_column"});
  }
  if (!questionnaire.cluster_column.empty()) {
    uses.push_back({questionnaire.cluster_column, "the primary sampling units", "/cluster_column"});
  }
  if (!questionnaire.fpc_column.empty()) {
    uses.push_back({questionnaire.fpc_column, "the finite population correction", "/fpc_column"});
  }
  if (questionnaire.raking) {
    for (const RakingMargin& margin : questionnaire.raking->margins) {
      uses.push_back({margin.column, "a raking margin", "/raking/margins/" + escape_pointer_token(margin.column)});
    }
  }
  for (std::size_t d = 0; d < questionnaire.dimensions.size(); ++d) {
    const Dimension& dimension = questionnaire.dimensions[d];
    for (std::size_t i = 0; i < dimension.items.size(); ++i) {
      const Item& item = questionnaire.items[dimension.items[i]];
      const std::string pointer = "/servqual/dimensions/" + std::to_string(d) + "/items/" + std::to_string(i);
      for (const auto& [measure, column] :
           {std::pair<const char*, const std::string*>{"expectation", &item.expectation},
            {"perception", &item.perception},
            {"adequate", &item.adequate},
            {"desired", &item.desired}}) {
        if (!column->empty()) {
          uses.push_back({*column, "item " + item.id + " " + measure, pointer + "/" + measure});
        }
      }
    }
  }
  for (const Dimension& dimension : questionnaire.dimensions) {
    if (!dimension.importance_column.empty()) {
      uses.push_back({dimension.importance_column, "importance of " + dimension.id,
                      "/servqual/importance/" + escape_pointer_token(dimension.id)});
    }
  }
  for (std::size_t m = 0; m < questionnaire.metrics.size(); ++m) {
    const Metric& metric = questionnaire.metrics[m];
    uses.push_back({metric.column, "metric " + metric.id, "/metrics/" + std::to_string(m) + "/column"});
  }
  for (std::size_t f = 0; f < questionnaire.kano.size(); ++f) {
    const KanoFeature& feature = questionnaire.kano[f];
    const std::string pointer = "/kano/features/" + std::to_string(f);
    uses.push_back({feature.functional, "Kano feature " + feature.id + " functional", pointer + "/functional"});
    uses.push_back(
        {feature.dysfunctional, "Kano feature " + feature.id + " dysfunctional", pointer + "/dysfunctional"});
  }
  return uses;
}

}  // namespace gapscore
