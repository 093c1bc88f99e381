#include "gapscore/report/report.h"

#include <algorithm>

namespace gapscore {

std::vector<const OverallResult*> in_report_order(const std::vector<OverallResult>& overall) {
  std::vector<const OverallResult*> ordered;
  for (const Measure measure :
       {Measure::kGap, Measure::kExpectation, Measure::kPerception, Measure::kMsa, Measure::kMss}) {
    for (const OverallResult& result : overall) {
      if (result.measure == measure) ordered.push_back(&result);
    }
  }
  return ordered;
}

std::string segment_label(const SegmentValues& segment) {
  std::string label;
  for (const auto& [column, value] : segment) {
    if (!label.empty()) label += ';';
    label += column + '=' + value;
  }
  return label;
}

bool names_segment(std::string_view label, const SegmentValues& segment) {
  if (label == segment_label(segment)) return true;
  // A value may itself hold ';', which only the exact label above reads
  // right; parts in another order are compared as written.
  std::vector<std::string> wanted;
  std::size_t begin = 0;
  for (;;) {
    const std::size_t end = label.find(';', begin);
    wanted.emplace_back(label.substr(begin, end == std::string_view::npos ? std::string_view::npos : end - begin));
    if (end == std::string_view::npos) break;
    begin = end + 1;
  }
  std::vector<std::string> parts;
  for (const auto& [column, value] : segment) parts.push_back(column + '=' + value);
  if (wanted.size() != parts.size() || segment.empty()) return false;
  std::sort(wanted.begin(), wanted.end());
  std::sort(parts.begin(), parts.end());
  return wanted == parts;
}

const SegmentResult* find_result(const Report& report, std::string_view label) {
  for (const SegmentResult& result : report.results) {
    if (names_segment(label, result.segment)) return &result;
  }
  return nullptr;
}

}  // namespace gapscore
