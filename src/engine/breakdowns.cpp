#include "gapscore/engine/breakdowns.h"

#include <tuple>

#include "gapscore/base/diagnostic.h"
#include "gapscore/engine/batch.h"
#include "gapscore/input/record.h"
#include "gapscore/input/record_parser.h"

namespace gapscore {

std::string Breakdown::option() const {
  if (!described.empty()) return described;
  std::string text;
  for (const std::string& column : columns) text += (text.empty() ? "" : ",") + column;
  return "--by " + text;
}

void Breakdown::merge(const BatchResult& result, std::size_t b, const Plan& plan, const SegmentLimit& limit) {
  const LocalBreakdown& local = result.breakdowns[b];
  for (const LocalBreakdown::Segment& segment : local.segments) {
    std::vector<std::string> values;
    std::vector<std::string> labels;
    for (std::size_t c = 0; c < columns.size(); ++c) {
      values.push_back(local.crossing.dictionaries[c].value(segment.values[c]));
      labels.push_back(local.crossing.dictionaries[c].label(segment.values[c]));
    }
    Segment* found = find_or_add(values, labels, plan, limit.most);
    if (found == nullptr) {
      // The batch keeps its text, not its records: the segment's first row
      // is split again for its position.
      const Binding& binding = *result.binding;
      Record record;
      RecordParser parser(binding.delimiter);
      parser.parse(result.batch.record(segment.first_row), result.batch.lines[segment.first_row], record);
      Diagnostic d;
      d.file = binding.file;
      std::tie(d.line, d.column) = record.position(binding.breakdown_fields[b].back());
      d.message = option() + " makes more than " + std::to_string(limit.most) + " segments; " + limit.advice;
      throw Error(ErrorKind::kUsage, std::move(d));
    }
    found->tally.merge(segment.tally);
  }
}

void Breakdown::merge_saved(const std::vector<std::string>& values, const Segment& segment, const Plan& plan,
                            const SegmentLimit& limit, const std::string& file) {
  Segment* found = find_or_add(values, segment.labels, plan, limit.most);
  if (found == nullptr) {
    throw Error(ErrorKind::kUsage, file,
                option() + " makes more than " + std::to_string(limit.most) + " segments; " + limit.advice);
  }
  found->tally.merge(segment.tally);
}

Segment* Breakdown::find_or_add(const std::vector<std::string>& values, const std::vector<std::string>& labels,
                                const Plan& plan, std::size_t max_segments) {
  auto found = segments.find(values);
  if (found == segments.end()) {
    if (segments.size() == max_segments) return nullptr;
    found = segments.emplace(values, Segment{labels, Tally(plan)}).first;
  }
  return &found->second;
}

}  // namespace gapscore
