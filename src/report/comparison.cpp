#include "gapscore/report/comparison.h"

#include "gapscore/base/version.h"

#include <map>
#include <tuple>

#include "gapscore/base/diagnostic.h"
#include "gapscore/base/text.h"
#include "gapscore/metrics/significance.h"
#include "gapscore/report/report_json.h"
#include "gapscore/writers/writers.h"

namespace gapscore {

namespace {

using nlohmann::json;
using nlohmann::ordered_json;
using report_json::array_at;
using report_json::find_id;
using report_json::find_key;
using report_json::number;

ordered_json nullable(const std::optional<double>& value) {
  return value ? ordered_json(*value) : ordered_json(nullptr);
}

std::int64_t count(const json* object, const std::string& key) {
  const std::optional<double> value = number(object, key);
  return value ? static_cast<std::int64_t>(*value) : 0;
}

const json& side_result(const json& report, const std::string& file, const std::string& segment, ComparedSide& side) {
  report_json::require_report(report, file);
  const json* result = report_json::find_result(report, segment);
  if (result == nullptr) {
    std::string known;
    for (const json& candidate : array_at(report, "results")) {
      const json* label = find_key(candidate, "segment");
      if (label == nullptr) continue;
      const std::string text = report_json::segment_label(*label);
      known += (known.empty() ? "" : ", ") + (text.empty() ? std::string("(the whole data set)") : text);
    }
    throw Error(ErrorKind::kUsage, file, "no segment " + quote(segment) + " in this report; it has " + known);
  }
  if (result->value("suppressed", false)) {
    throw Error(ErrorKind::kInvalid, file,
                "segment " + quote(segment) + " is suppressed (fewer rows than the report's --min-n)");
  }
  side.file = file;
  const json* questionnaire = find_key(report, "questionnaire");
  side.title = questionnaire != nullptr ? questionnaire->value("title", "") : "";
  side.segment = ordered_json::parse(result->at("segment").dump());
  side.rows = count(result, "rows");
  return *result;
}

// A stats block as Welch's test needs it; absent figures stay null.
Stats stats_of(const json& block) {
  Stats stats;
  stats.n = count(&block, "n");
  stats.n_eff = number(&block, "n_eff");
  stats.mean = number(&block, "mean");
  stats.sd = number(&block, "sd");
  return stats;
}

// "n", then "n_eff" when the report had survey weights: the start of every summary.
ordered_json sample_size(std::int64_t n, const std::optional<double>& n_eff) {
  ordered_json out;
  out["n"] = n;
  if (n_eff) out["n_eff"] = *n_eff;
  return out;
}

ordered_json stats_summary(const Stats& stats) {
  ordered_json out = sample_size(stats.n, stats.n_eff);
  out["mean"] = nullable(stats.mean);
  out["sd"] = nullable(stats.sd);
  return out;
}

Proportion proportion_of(const json& block, const std::string& count_key) {
  Proportion proportion;
  proportion.n = count(&block, "n");
  proportion.n_eff = number(&block, "n_eff");
  proportion.count = count(&block, count_key);
  proportion.score = number(&block, "score");
  return proportion;
}

ordered_json proportion_summary(const Proportion& proportion) {
  ordered_json out = sample_size(proportion.n, proportion.n_eff);
  out["count"] = proportion.count;
  out["score"] = nullable(proportion.score);
  return out;
}

bool is_stats_block(const json& value) { return value.is_object() && value.contains("mean") && value.contains("n"); }

class Comparer {
 public:
  explicit Comparer(ReportComparison& out) : out_(out) {}

  // Every stats block the two entries share, in the report's order of
  // measures (the parsed report's own key order is alphabetical).
  void blocks(const std::string& level, const std::string& id, const std::string& dimension, const json& a,
              const json& b) {
    static const char* const kMeasures[] = {"expectation", "perception", "adequate", "desired",
                                            "gap",         "msa",        "mss",      "importance"};
    for (const char* name : kMeasures) {
      for (const std::string& measure : {std::string(name), std::string(name) + "_weighted"}) {
        const json* block = find_key(a, measure);
        const json* other = find_key(b, measure);
        if (block != nullptr && other != nullptr && is_stats_block(*block) && is_stats_block(*other)) {
          means(level, id, dimension, "", measure, *block, *other);
        }
      }
    }
  }

  void means(const std::string& level, const std::string& id, const std::string& dimension, const std::string& type,
             const std::string& measure, const json& a, const json& b) {
    const Stats sa = stats_of(a);
    const Stats sb = stats_of(b);
    add({level, id, dimension, type, measure, stats_summary(sa), stats_summary(sb), welch_test(sa, sb)});
  }

  void proportions(const std::string& id, const std::string& type, const std::string& measure, const json& a,
                   const json& b, const std::string& count_key) {
    const Proportion pa = proportion_of(a, count_key);
    const Proportion pb = proportion_of(b, count_key);
    add({"metric", id, "", type, measure, proportion_summary(pa), proportion_summary(pb), two_proportion_test(pa, pb)});
  }

  void nps(const std::string& id, const json& a, const json& b) {
    NpsResult na;
    NpsResult nb;
    for (auto [block, nps] : {std::pair{&a, &na}, std::pair{&b, &nb}}) {
      nps->n = count(block, "n");
      nps->n_eff = number(block, "n_eff");
      nps->score = number(block, "score");
      nps->se = number(block, "se");
    }
    const auto summary = [](const NpsResult& nps) {
      ordered_json out = sample_size(nps.n, nps.n_eff);
      out["score"] = nullable(nps.score);
      out["se"] = nullable(nps.se);
      return out;
    };
    add({"metric", id, "", "nps", "score", summary(na), summary(nb), nps_difference(na, nb)});
  }

 private:
  void add(ComparedFigure figure) { out_.figures.push_back(std::move(figure)); }

  ReportComparison& out_;
};

// Entries of `key` (items, dimensions, metrics) in one report and not the other.
void unmatched(const json& a, const json& b, const std::string& key, const std::string& noun,
               std::vector<std::string>& only_in_a) {
  for (const json& entry : array_at(a, key)) {
    const std::string id = entry.value("id", "");
    if (find_id(array_at(b, key), id) == nullptr) only_in_a.push_back(noun + " " + id);
  }
}

void compare_metrics(Comparer& comparer, const json& a, const json& b, ReportComparison& out) {
  for (const json& metric : array_at(a, "metrics")) {
    const std::string id = metric.value("id", "");
    const std::string type = metric.value("type", "");
    const json* other = find_id(array_at(b, "metrics"), id);
    if (other == nullptr) continue;
    if (other->value("type", "") != type) {
      out.only_in_a.push_back("metric " + id + " (a " + type + " here)");
      out.only_in_b.push_back("metric " + id + " (a " + other->value("type", "") + " here)");
      continue;
    }
    if (type == "nps") {
      comparer.nps(id, metric, *other);
    } else if (type == "csat") {
      comparer.proportions(id, type, "score", metric, *other, "satisfied");
      const json* rating = find_key(metric, "rating");
      const json* other_rating = find_key(*other, "rating");
      if (rating != nullptr && other_rating != nullptr) {
        comparer.means("metric", id, "", type, "rating", *rating, *other_rating);
      }
    } else if (type == "ces") {
      const json* stats = find_key(metric, "stats");
      const json* other_stats = find_key(*other, "stats");
      if (stats != nullptr && other_stats != nullptr)
        comparer.means("metric", id, "", type, "stats", *stats, *other_stats);
      const json* agree = find_key(metric, "agree");
      const json* other_agree = find_key(*other, "agree");
      if (agree != nullptr && other_agree != nullptr) {
        comparer.proportions(id, type, "agree", *agree, *other_agree, "count");
      }
    }
  }
}

// Items and dimensions are families per measure (22 item gaps are 22
// tests); an overall score or a metric is a family of one.
void adjust(ReportComparison& out) {
  std::map<std::string, std::vector<Comparison*>> families;
  for (ComparedFigure& figure : out.figures) {
    const bool many = figure.level == "item" || figure.level == "dimension";
    families[figure.level + '\n' + (many ? "" : figure.id) + '\n' + figure.measure].push_back(&figure.comparison);
  }
  for (auto& [key, family] : families) holm_adjust(family);
  for (ComparedFigure& figure : out.figures) {
    const Comparison& comparison = figure.comparison;
    if (comparison.p_adjusted && *comparison.p_adjusted < 0.05 && comparison.difference) {
      figure.comparison.flag = *comparison.difference > 0 ? "above" : "below";
    }
  }
}

}  // namespace

ReportComparison compare_reports(const json& a, const std::string& a_file, const std::string& a_segment, const json& b,
                                 const std::string& b_file, const std::string& b_segment) {
  ReportComparison out;
  const json& result_a = side_result(a, a_file, a_segment, out.a);
  const json& result_b = side_result(b, b_file, b_segment, out.b);
  Comparer comparer(out);
  static const json kNone = json::object();
  const json* servqual_a = find_key(result_a, "servqual");
  const json* servqual_b = find_key(result_b, "servqual");
  const json& sa = servqual_a != nullptr ? *servqual_a : kNone;
  const json& sb = servqual_b != nullptr ? *servqual_b : kNone;
  for (const json& item : array_at(sa, "items")) {
    const json* other = find_id(array_at(sb, "items"), item.value("id", ""));
    if (other != nullptr) comparer.blocks("item", item.value("id", ""), item.value("dimension", ""), item, *other);
  }
  for (const json& dimension : array_at(sa, "dimensions")) {
    const json* other = find_id(array_at(sb, "dimensions"), dimension.value("id", ""));
    if (other != nullptr) comparer.blocks("dimension", dimension.value("id", ""), "", dimension, *other);
  }
  const json* overall_a = find_key(sa, "overall");
  const json* overall_b = find_key(sb, "overall");
  if (overall_a != nullptr && overall_b != nullptr) comparer.blocks("overall", "servqual", "", *overall_a, *overall_b);
  for (auto [one, other, only] : {std::tuple{&sa, &sb, &out.only_in_a}, std::tuple{&sb, &sa, &out.only_in_b}}) {
    unmatched(*one, *other, "items", "item", *only);
    unmatched(*one, *other, "dimensions", "dimension", *only);
  }
  compare_metrics(comparer, result_a, result_b, out);
  unmatched(result_a, result_b, "metrics", "metric", out.only_in_a);
  unmatched(result_b, result_a, "metrics", "metric", out.only_in_b);
  if (out.figures.empty()) {
    throw Error(ErrorKind::kInvalid, b_file,
                "no figure in common with " + a_file + " (no item, dimension or metric id of one is in the other)");
  }
  adjust(out);
  return out;
}

namespace {

ordered_json figure_json(const ComparedFigure& figure) {
  ordered_json out = {{"a", figure.a}, {"b", figure.b}};
  out.update(comparison_json(figure.comparison, true));
  return out;
}

ordered_json side_json(const ComparedSide& side) {
  return {{"file", side.file}, {"title", side.title}, {"segment", side.segment}, {"rows", side.rows}};
}

}  // namespace

std::string to_json(const ReportComparison& comparison) {
  ordered_json out;
  out["gapscore_comparison"] = 1;
  out["tool"] = {{"name", "gapscore"}, {"version", tool_version()}};
  out["a"] = side_json(comparison.a);
  out["b"] = side_json(comparison.b);
  ordered_json items = ordered_json::array();
  ordered_json dimensions = ordered_json::array();
  ordered_json overall = ordered_json::object();
  ordered_json metrics = ordered_json::array();
  for (const ComparedFigure& figure : comparison.figures) {
    ordered_json* entry = nullptr;
    if (figure.level == "overall") {
      entry = &overall;
    } else {
      ordered_json& list = figure.level == "item" ? items : figure.level == "dimension" ? dimensions : metrics;
      if (list.empty() || list.back()["id"] != figure.id) {
        ordered_json fresh = {{"id", figure.id}};
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
  out["only_in_a"] = comparison.only_in_a;
  out["only_in_b"] = comparison.only_in_b;
  return out.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

std::string to_csv(const ReportComparison& comparison) {
  std::string out = "level,id,measure,stat,value\n";
  for (const ComparedFigure& figure : comparison.figures) {
    const std::string prefix = figure.level + ',' + csv_field(figure.id) + ',' + csv_field(figure.measure) + ',';
    const auto row = [&](const std::string& stat, const ordered_json& value) {
      out += prefix + stat + ',';
      if (value.is_number_integer()) {
        out += std::to_string(value.get<std::int64_t>());
      } else if (value.is_number()) {
        out += format_number(value.get<double>());
      }
      out += '\n';
    };
    for (const auto& [key, value] : figure.a.items()) row("a_" + key, value);
    for (const auto& [key, value] : figure.b.items()) row("b_" + key, value);
    const Comparison& tested = figure.comparison;
    row("difference", nullable(tested.difference));
    row(tested.test == "welch" ? "t" : "z", nullable(tested.statistic));
    if (tested.test == "welch") row("df", nullable(tested.df));
    if (tested.test == "z") row("se", nullable(tested.se));
    row("p", nullable(tested.p));
    row("p_holm", nullable(tested.p_adjusted));
    out += prefix + "flag," + (tested.flag.empty() ? "0" : tested.flag == "above" ? "1" : "-1") + '\n';
  }
  return out;
}

}  // namespace gapscore
