#include "gapscore/engine/run.h"

#include <algorithm>
#include <utility>

namespace gapscore {

RunSetup::RunSetup(const Questionnaire& q, EngineOptions engine_options)
    : questionnaire(q), options(std::move(engine_options)), plan(make_plan(q)), batch_plan(plan) {
  // Slots on the same scale share one coder: a row is coded through a few
  // lookup tables instead of one per column, which keeps them in L1. The
  // reserve keeps the pointers taken below valid as coders are added.
  coders.reserve(plan.slots.size());
  for (const Plan::Slot& slot : plan.slots) {
    auto found = std::find_if(coders.begin(), coders.end(),
                              [&slot](const Coder& coder) { return coder.codes_like(slot.scale, slot.reverse); });
    if (found == coders.end()) found = coders.emplace(coders.end(), slot.scale, slot.reverse, questionnaire.missing);
    slot_coders.push_back(&*found);
  }
}

void RunSetup::report(const Diagnostic& d) const {
  if (options.on_problem) options.on_problem(d);
}

void RunSetup::warning(const std::string& file, std::uint64_t line, std::uint64_t column, std::string message) const {
  Diagnostic d;
  d.file = file;
  d.line = line;
  d.column = column;
  d.severity = Severity::kWarning;
  d.message = std::move(message);
  report(d);
}

RunTotals::RunTotals(const RunSetup& setup) : all(setup.plan) {
  invalid_counts.resize(setup.plan.slots.size());
  for (const std::vector<std::string>& columns : setup.options.breakdowns) {
    Breakdown breakdown;
    breakdown.columns = columns;
    breakdown.seen_values.resize(columns.size());
    breakdowns.push_back(std::move(breakdown));
  }
}

}  // namespace gapscore
