#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "gapscore/report/report.h"

namespace gapscore {

/// One result of one JSON report: the population a comparison speaks of.
struct ComparedSide {
  std::string file;
  std::string title;
  nlohmann::ordered_json segment;  ///< as in the report: {} for the whole data set
  std::int64_t rows = 0;
};

/// One figure of both populations and the test of their difference, A - B.
struct ComparedFigure {
  std::string level;         ///< "item", "dimension", "overall" or "metric"
  std::string id;            ///< the item's, dimension's or metric's id; "servqual" for overall
  std::string dimension;     ///< an item's dimension
  std::string type;          ///< a metric's type
  std::string measure;       ///< the block's key in the report: "gap", "perception", "score", "agree", ...
  nlohmann::ordered_json a;  ///< the figures tested, e.g. {"n", "mean", "sd"}
  nlohmann::ordered_json b;
  Comparison comparison;
};

/// Two populations side by side (METHODS.md, comparing two populations).
struct ReportComparison {
  ComparedSide a;
  ComparedSide b;
  std::vector<ComparedFigure> figures;  ///< A's order: items, dimensions, overall, metrics
  std::vector<std::string> only_in_a;   ///< "item T5", "metric nps", ...: not compared
  std::vector<std::string> only_in_b;
};

/// Compares the result for `a_segment` of report `a` with that for
/// `b_segment` of report `b` (segments written `col=value;col=value`, empty
/// for the whole data set), item by item. Throws Error(kInvalid) naming the
/// file when one is not a gapscore report or its segment is suppressed,
/// Error(kUsage) when a segment is not in its report.
ReportComparison compare_reports(const nlohmann::json& a, const std::string& a_file, const std::string& a_segment,
                                 const nlohmann::json& b, const std::string& b_file, const std::string& b_segment);

/// The comparison as FORMATS.md's JSON, indented by two spaces.
std::string to_json(const ReportComparison& comparison);

/// The comparison as tidy CSV: `level,id,measure,stat,value`.
std::string to_csv(const ReportComparison& comparison);

}  // namespace gapscore
