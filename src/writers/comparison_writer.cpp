#include "gapscore/writers/comparison_writer.h"

#include <nlohmann/json.hpp>

#include "gapscore/base/text.h"
#include "gapscore/base/version.h"
#include "gapscore/writers/csv_writer.h"
#include "gapscore/writers/json_writer.h"

namespace gapscore {

namespace {

using Json = nlohmann::ordered_json;

Json nullable(const Figure& value) { return value ? Json(*value) : Json(nullptr); }

// The figures a test used, in the order FORMATS.md lists them: n (and
// n_eff with survey weights), then mean and sd, count and score, or score
// and se.
Json values_json(ComparedKind kind, const ComparedValues& values) {
  Json out;
  out["n"] = values.n;
  if (values.n_eff) out["n_eff"] = *values.n_eff;
  switch (kind) {
    case ComparedKind::kMeans:
      out["mean"] = nullable(values.mean);
      out["sd"] = nullable(values.sd);
      break;
    case ComparedKind::kProportion:
      out["count"] = values.count;
      out["score"] = nullable(values.score);
      break;
    case ComparedKind::kNps:
      out["score"] = nullable(values.score);
      out["se"] = nullable(values.se);
      break;
  }
  return out;
}

Json figure_json(const ComparedFigure& figure) {
  Json out = {{"a", values_json(figure.kind, figure.a)}, {"b", values_json(figure.kind, figure.b)}};
  out.update(comparison_json(figure.comparison, true));
  return out;
}

Json side_json(const ComparedSide& side) {
  Json segment = Json::object();
  for (const auto& [column, value] : side.segment) segment[column] = value;
  return {{"file", side.file}, {"title", side.title}, {"segment", std::move(segment)}, {"rows", side.rows}};
}

// Figures grouped by entry, as in the report: each item, dimension and
// metric once with its measures; the overall scores in one object.
void add_figures(const ReportComparison& comparison, Json& out) {
  Json items = Json::array();
  Json dimensions = Json::array();
  Json overall = Json::object();
  Json metrics = Json::array();
  for (const ComparedFigure& figure : comparison.figures) {
    Json* entry = &overall;
    if (figure.level != "overall") {
      Json& list = figure.level == "item" ? items : figure.level == "dimension" ? dimensions : metrics;
      if (list.empty() || list.back()["id"] != figure.id) {
        Json fresh = {{"id", figure.id}};
        if (figure.level == "item") fresh["dimension"] = figure.dimension;
        if (figure.level == "metric") fresh["type"] = figure.type;
        list.push_back(std::move(fresh));
      }
      entry = &list.back();
    }
    (*entry)[figure.measure] = figure_json(figure);
  }
  out["items"] = std::move(items);
  out["dimensions"] = std::move(dimensions);
  out["overall"] = std::move(overall);
  out["metrics"] = std::move(metrics);
}

}  // namespace

std::string comparison_to_json(const ReportComparison& comparison) {
  Json out;
  out["gapscore_comparison"] = 1;
  out["tool"] = {{"name", "gapscore"}, {"version", tool_version()}};
  out["a"] = side_json(comparison.a);
  out["b"] = side_json(comparison.b);
  add_figures(comparison, out);
  out["only_in_a"] = comparison.only_in_a;
  out["only_in_b"] = comparison.only_in_b;
  return json_text(out);
}

std::string comparison_to_csv(const ReportComparison& comparison) {
  std::string out = "level,id,measure,stat,value\n";
  for (const ComparedFigure& figure : comparison.figures) {
    const std::string prefix = figure.level + ',' + csv_field(figure.id) + ',' + csv_field(figure.measure) + ',';
    const auto row = [&](const std::string& stat, const Json& value) {
      out += prefix + stat + ',';
      if (value.is_number_integer()) {
        out += std::to_string(value.get<std::int64_t>());
      } else if (value.is_number()) {
        out += format_number(value.get<double>());
      }
      out += '\n';
    };
    const Json a = values_json(figure.kind, figure.a);
    const Json b = values_json(figure.kind, figure.b);
    for (const auto& [key, value] : a.items()) row("a_" + key, value);
    for (const auto& [key, value] : b.items()) row("b_" + key, value);
    const Comparison& tested = figure.comparison;
    row("difference", nullable(tested.difference));
    row(tested.is_t() ? "t" : "z", nullable(tested.statistic));
    if (tested.is_t()) row("df", nullable(tested.df));
    if (tested.test == "z") row("se", nullable(tested.se));
    row("p", nullable(tested.p));
    row("p_holm", nullable(tested.p_adjusted));
    out += prefix + "flag," + (tested.flag.empty() ? "0" : tested.flag == "above" ? "1" : "-1") + '\n';
  }
  return out;
}

}  // namespace gapscore
