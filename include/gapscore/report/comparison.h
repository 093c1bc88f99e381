#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "gapscore/report/report.h"

namespace gapscore {

/// One result of one report: the population a comparison speaks of.
struct ComparedSide {
  std::string file;
  std::string title;
  SegmentValues segment;  ///< empty for the whole data set
  std::int64_t rows = 0;
};

/// Which test a compared figure had, and so which of its values count.
enum class ComparedKind : std::uint8_t {
  kMeans,       ///< Welch's t of n, mean and sd
  kProportion,  ///< two proportions of n, count and score
  kNps,         ///< z of the scores and their standard errors
};

/// The figures of one population that the test used: n and n_eff always;
/// mean and sd for means; count and score for proportions; score and se
/// for NPS.
struct ComparedValues {
  std::int64_t n = 0;
  Figure n_eff;  ///< with survey weights
  Figure mean;
  Figure sd;
  std::int64_t count = 0;
  Figure score;
  Figure se;
};

/// One figure of both populations and the test of their difference, A - B.
struct ComparedFigure {
  std::string level;      ///< "item", "dimension", "overall" or "metric"
  std::string id;         ///< the item's, dimension's or metric's id; "servqual" for overall
  std::string dimension;  ///< an item's dimension
  std::string type;       ///< a metric's type
  std::string measure;    ///< the block's key in the report: "gap", "perception", "score", "agree", ...
  ComparedKind kind = ComparedKind::kMeans;
  ComparedValues a;
  ComparedValues b;
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

/// Compares the result for `a_segment` of report `a` (read from `a_file`)
/// with that for `b_segment` of report `b`, item by item; a segment is
/// named as names_segment() reads it, empty for the whole data set. Throws
/// Error(kUsage), naming the file, when a segment is not in its report,
/// Error(kInvalid) when it is suppressed or the two results have no figure
/// in common.
ReportComparison compare_reports(const Report& a, const std::string& a_file, const std::string& a_segment,
                                 const Report& b, const std::string& b_file, const std::string& b_segment);

}  // namespace gapscore
