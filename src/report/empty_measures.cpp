#include "gapscore/report/empty_measures.h"

#include <algorithm>
#include <cstdint>
#include <string>

#include "gapscore/base/text.h"

namespace gapscore {

namespace {

// How many of the rows used had an invalid cell in `column`; the rest of
// them had it empty or missing.
std::int64_t invalid_cells(const InputSummary& input, const std::string& column) {
  std::int64_t invalid = 0;
  for (const InvalidCellCount& cell : input.invalid_cells) {
    if (cell.column == column) invalid += cell.count;
  }
  return invalid;
}

std::string count_of(std::int64_t count, const char* one, const char* many) {
  return std::to_string(count) + " " + (count == 1 ? one : many);
}

struct EmptyMeasureFinder {
  const Report& report;
  const Questionnaire& questionnaire;
  std::vector<Diagnostic> found;

  void add(const std::string& pointer, const std::string& what, const std::vector<std::string>& columns) {
    std::string cells;
    for (const std::string& column : columns) {
      if (!cells.empty()) cells += ", ";
      cells += "column " + quote(column) + ": " +
               count_of(invalid_cells(report.input, column), "invalid cell", "invalid cells");
    }
    found.push_back(Diagnostic{questionnaire.file,
                               0,
                               0,
                               pointer,
                               true,
                               Severity::kError,
                               what + " has no valid value in any of the " +
                                   count_of(report.input.rows_used, "row", "rows") + " used (" + cells +
                                   "; the rest empty or missing): check its column and scale, or mark it "
                                   "\"optional\": true, or pass --allow-empty",
                               {}});
  }

  void items(const SegmentResult& whole) {
    for (std::size_t d = 0; d < questionnaire.dimensions.size(); ++d) {
      const Dimension& dimension = questionnaire.dimensions[d];
      for (std::size_t i = 0; i < dimension.items.size(); ++i) {
        const Item& item = questionnaire.items[dimension.items[i]];
        const auto result = std::find_if(whole.items.begin(), whole.items.end(),
                                         [&item](const ItemResult& candidate) { return candidate.id == item.id; });
        if (item.optional || result == whole.items.end()) continue;
        const std::string pointer = "/servqual/dimensions/" + std::to_string(d) + "/items/" + std::to_string(i);
        for (const auto& [measure, column, figures] :
             {std::tuple{"expectation", &item.expectation, &result->expectation},
              std::tuple{"perception", &item.perception, &result->perception},
              std::tuple{"adequate", &item.adequate, &result->adequate},
              std::tuple{"desired", &item.desired, &result->desired}}) {
          if (!column->empty() && (!figures->has_value() || (*figures)->stats.n == 0)) {
            add(pointer + "/" + measure, "item " + quote(item.id) + " " + measure, {*column});
          }
        }
      }
    }
  }

  void metrics(const SegmentResult& whole) {
    for (std::size_t m = 0; m < questionnaire.metrics.size(); ++m) {
      const Metric& metric = questionnaire.metrics[m];
      const auto result = std::find_if(whole.metrics.begin(), whole.metrics.end(),
                                       [&metric](const MetricResult& candidate) { return candidate.id == metric.id; });
      if (metric.optional || result == whole.metrics.end()) continue;
      const std::int64_t n = metric.type == MetricType::kNps    ? result->nps.n
                             : metric.type == MetricType::kCsat ? result->satisfied.n
                                                                : result->agree.n;
      if (n == 0) add("/metrics/" + std::to_string(m), "metric " + quote(metric.id), {metric.column});
    }
  }

  void kano(const SegmentResult& whole) {
    for (std::size_t f = 0; f < questionnaire.kano.size(); ++f) {
      const KanoFeature& feature = questionnaire.kano[f];
      const auto result = std::find_if(whole.kano.begin(), whole.kano.end(),
                                       [&feature](const KanoResult& candidate) { return candidate.id == feature.id; });
      if (feature.optional || result == whole.kano.end() || result->n > 0) continue;
      add("/kano/features/" + std::to_string(f), "Kano feature " + quote(feature.id) + " (a valid pair of answers)",
          {feature.functional, feature.dysfunctional});
    }
  }
};

bool any_required(const Questionnaire& questionnaire) {
  return std::any_of(questionnaire.items.begin(), questionnaire.items.end(),
                     [](const Item& item) { return !item.optional; }) ||
         std::any_of(questionnaire.metrics.begin(), questionnaire.metrics.end(),
                     [](const Metric& metric) { return !metric.optional; }) ||
         std::any_of(questionnaire.kano.begin(), questionnaire.kano.end(),
                     [](const KanoFeature& feature) { return !feature.optional; });
}

}  // namespace

std::vector<Diagnostic> empty_measures(const Report& report, const Questionnaire& questionnaire) {
  const auto whole = std::find_if(report.results.begin(), report.results.end(),
                                  [](const SegmentResult& result) { return result.segment.empty(); });
  if (whole == report.results.end()) return {};
  if (report.input.rows_used == 0) {
    if (!any_required(questionnaire)) return {};
    return {Diagnostic{report.input.files.empty() ? questionnaire.file : report.input.files.front(),
                       0,
                       0,
                       {},
                       false,
                       Severity::kError,
                       std::string(report.input.rows_read == 0
                                       ? "the data has no rows"
                                       : "no row was used: " + count_of(report.input.rows_read, "row", "rows") +
                                             " read, every one rejected") +
                           ", so every figure would be empty; pass --allow-empty to write the empty report",
                       {}}};
  }
  EmptyMeasureFinder finder{report, questionnaire, {}};
  finder.items(*whole);
  finder.metrics(*whole);
  finder.kano(*whole);
  return finder.found;
}

}  // namespace gapscore
