#include "gapscore/engine/domains.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>
#include <string_view>

#include "gapscore/base/diagnostic.h"
#include "gapscore/base/text.h"

namespace gapscore {

namespace {

// Where each design column sits in the design's values: strata, fpc,
// cluster, those the questionnaire names, in that order.
struct DesignLayout {
  explicit DesignLayout(const Questionnaire& q) {
    int column = 0;
    if (!q.strata_column.empty()) strata = column++;
    if (!q.fpc_column.empty()) fpc = column++;
    if (!q.cluster_column.empty()) cluster = column++;
    if (q.raking) margins = column;
  }
  int strata = -1;
  int fpc = -1;
  int cluster = -1;
  int margins = -1;  ///< where the raking's margin columns begin
};

// A raking cell's rows in the whole data set.
struct CellTotals {
  std::int64_t rows = 0;
  std::int64_t zero_weight_rows = 0;
  double weight = 0;
};

// The fpc of one stratum as a number: decimal, as weights are read.
std::optional<double> fpc_number(std::string_view text) {
  text = trim(text);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

// 1 - f per stratum of `units[h]` units. As svydesign, every fpc is a
// sampling fraction when all are at most 1, else a population of units
// when all are at least 1; a mix of the two is a mistake in the data.
std::vector<double> finite_corrections(const Questionnaire& q, const std::vector<std::string>& strata,
                                       const std::vector<std::string>& texts, const std::vector<Stratum>& units) {
  const auto refuse = [&](std::size_t h, const std::string& why) {
    return Error(
        ErrorKind::kInvalid, q.file,
        "fpc_column " + quote(q.fpc_column) + ": stratum " + quote(strata[h]) + " has " + quote(texts[h]) + ", " + why);
  };
  std::vector<double> values;
  for (std::size_t h = 0; h < texts.size(); ++h) {
    const std::optional<double> value = fpc_number(texts[h]);
    if (!value || !(*value > 0)) {
      throw refuse(h, "expected a positive number (a population size, or a sampling fraction of at most 1)");
    }
    values.push_back(*value);
  }
  const bool fractions = std::all_of(values.begin(), values.end(), [](double v) { return v <= 1; });
  const auto fraction = std::find_if(values.begin(), values.end(), [](double v) { return v < 1; });
  if (!fractions && fraction != values.end()) {
    const auto population = std::find_if(values.begin(), values.end(), [](double v) { return v > 1; });
    throw refuse(static_cast<std::size_t>(fraction - values.begin()),
                 "a sampling fraction, and stratum " +
                     quote(strata[static_cast<std::size_t>(population - values.begin())]) + " a population size (" +
                     quote(texts[static_cast<std::size_t>(population - values.begin())]) +
                     "); give every stratum the one or the other");
  }
  std::vector<double> corrections;
  for (std::size_t h = 0; h < values.size(); ++h) {
    const auto sampled = static_cast<double>(units[h].units);
    if (fractions) {
      corrections.push_back(1 - values[h]);
    } else if (values[h] < sampled) {
      throw refuse(h, "a population smaller than the " + std::to_string(units[h].units) + " units sampled in it");
    } else {
      corrections.push_back(1 - sampled / values[h]);
    }
  }
  return corrections;
}

std::string counted(std::int64_t count, const char* one, const char* many) {
  return std::to_string(count) + " " + (count == 1 ? one : many);
}

// Adds `part`'s rows to `into` with their weights times `factor`.
void merge_scaled(Tally& into, const Tally& part, double factor) {
  Tally scaled = part;
  scaled.scale_weights(factor);
  into.merge(scaled);
}

struct Raked {
  RakingAdjustment adjustment;
  RakingSummary outcome;
};

// Each margin's population totals, its shares of `total`; fills in each
// cell's value of every margin and the rows with each value. Throws
// Error(kInvalid), listing each, when the data has values without a share,
// or shares' values have no rows, or rows have a share of 0.
std::vector<std::vector<double>> margin_targets(const Questionnaire& q,
                                                const std::vector<std::vector<std::string>>& cell_values,
                                                const std::vector<CellTotals>& cells, double total,
                                                RakingAdjustment& adjustment) {
  std::vector<Diagnostic> problems;
  const auto refuse = [&](const RakingMargin& margin, const std::string& why) {
    Diagnostic problem;
    problem.file = q.file;
    problem.message = "raking margin " + quote(margin.column) + ": " + why;
    problems.push_back(std::move(problem));
  };
  const Raking& raking = *q.raking;
  std::vector<std::vector<double>> targets;
  for (std::size_t j = 0; j < raking.margins.size(); ++j) {
    const RakingMargin& margin = raking.margins[j];
    std::vector<std::int64_t> rows(margin.shares.size(), 0);
    std::map<std::string, std::int64_t> unshared;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const std::string& value = cell_values[c][j];
      const auto found = std::find_if(margin.shares.begin(), margin.shares.end(),
                                      [&value](const auto& share) { return share.first == value; });
      if (found == margin.shares.end()) {
        unshared[value] += cells[c].rows;
        adjustment.cells[c].category.push_back(0);
        continue;
      }
      const auto m = static_cast<std::size_t>(found - margin.shares.begin());
      adjustment.cells[c].category.push_back(m);
      rows[m] += cells[c].rows;
    }
    for (const auto& [value, count] : unshared) {
      refuse(margin, "the column has the value " + quote(value) + " in " + counted(count, "row", "rows") +
                         ", and the margin gives it no share");
    }
    std::vector<double> totals;
    for (std::size_t m = 0; m < rows.size(); ++m) {
      const auto& [value, share] = margin.shares[m];
      if (rows[m] == 0 && share > 0) {
        refuse(margin, quote(value) + " has a population share of " + format_number(share) +
                           " but no respondents in the data: nothing to weight up to it");
      }
      if (rows[m] > 0 && !(share > 0)) {
        refuse(margin, quote(value) + " has " + counted(rows[m], "respondent", "respondents") +
                           " but a population share of 0: give it a share, or leave them out");
      }
      totals.push_back(share * total);
    }
    adjustment.category_rows.push_back(std::move(rows));
    targets.push_back(std::move(totals));
  }
  if (!problems.empty()) throw Error(ErrorKind::kInvalid, std::move(problems));
  return targets;
}

// Margin j's weighted total of each of its `values`, the cells weighted by
// `factors`.
std::vector<double> margin_sums(std::size_t j, std::size_t values, const RakingAdjustment& adjustment,
                                const std::vector<double>& factors, const std::vector<CellTotals>& cells) {
  std::vector<double> sums(values, 0);
  for (std::size_t c = 0; c < cells.size(); ++c) sums[adjustment.cells[c].category[j]] += factors[c] * cells[c].weight;
  return sums;
}

// The largest difference between a margin value's share of the raked
// weights and its population share.
double largest_margin_miss(const std::vector<std::vector<double>>& targets, const RakingAdjustment& adjustment,
                           const std::vector<double>& factors, const std::vector<CellTotals>& cells, double total) {
  double miss = 0;
  for (std::size_t j = 0; j < targets.size(); ++j) {
    const std::vector<double> sums = margin_sums(j, targets[j].size(), adjustment, factors, cells);
    for (std::size_t m = 0; m < sums.size(); ++m) miss = std::max(miss, std::abs(sums[m] - targets[j][m]) / total);
  }
  return miss;
}

// Iterative proportional fitting as R's survey::rake: each sweep
// post-stratifies to every margin in turn, until no cell's weight total
// moves by `tolerance` of the whole. Throws Error(kInvalid) when the data
// cannot be raked to the margins.
Raked rake(const Questionnaire& q, const std::vector<std::vector<std::string>>& cell_values,
           const std::vector<CellTotals>& cells) {
  const Raking& raking = *q.raking;
  Raked raked;
  RakingAdjustment& adjustment = raked.adjustment;
  adjustment.cells.resize(cells.size());
  double total = 0;
  std::int64_t weightless = 0;
  for (const CellTotals& cell : cells) weightless += cell.zero_weight_rows;
  if (weightless > 0) {
    throw Error(ErrorKind::kInvalid, q.file,
                "raking: " + counted(weightless, "row has", "rows have") +
                    " weight 0, which raking's standard errors cannot take (R's are NaN); leave them out of "
                    "the export, or give them a weight");
  }
  for (std::size_t c = 0; c < cells.size(); ++c) {
    adjustment.cells[c].rows = cells[c].rows;
    adjustment.cells[c].step_ratio.assign(raking.margins.size(), 1);
    total += cells[c].weight;
  }
  const std::vector<std::vector<double>> targets = margin_targets(q, cell_values, cells, total, adjustment);
  std::vector<double> factors(cells.size(), 1);
  std::vector<double> previous(cells.size());
  for (std::size_t c = 0; c < cells.size(); ++c) previous[c] = cells[c].weight;
  std::vector<std::vector<double>> steps(raking.margins.size(), std::vector<double>(cells.size()));
  RakingSummary& outcome = raked.outcome;
  for (int sweep = 1; sweep <= raking.max_iterations; ++sweep) {
    for (std::size_t j = 0; j < raking.margins.size(); ++j) {
      const std::vector<double> sums = margin_sums(j, targets[j].size(), adjustment, factors, cells);
      for (std::size_t c = 0; c < cells.size(); ++c) {
        const std::size_t m = adjustment.cells[c].category[j];
        factors[c] *= targets[j][m] / sums[m];
        if (raking.cap > 0) factors[c] = std::min(factors[c], raking.cap);
        steps[j][c] = factors[c];
      }
    }
    double moved = 0;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const double now = factors[c] * cells[c].weight;
      moved = std::max(moved, std::abs(now - previous[c]));
      previous[c] = now;
    }
    outcome.iterations = sweep;
    if (moved < raking.tolerance * total) {
      outcome.converged = true;
      break;
    }
  }
  outcome.capped_cells = raking.cap > 0 ? std::count(factors.begin(), factors.end(), raking.cap) : 0;
  // Margins that cannot all be met stop the weights moving too (R then
  // reports convergence): say whether they were.
  outcome.largest_margin_miss = largest_margin_miss(targets, adjustment, factors, cells, total);
  outcome.smallest_factor = *std::min_element(factors.begin(), factors.end());
  outcome.largest_factor = *std::max_element(factors.begin(), factors.end());
  for (std::size_t c = 0; c < cells.size(); ++c) {
    RakingCell& cell = adjustment.cells[c];
    cell.factor = factors[c];
    for (std::size_t j = 0; j < raking.margins.size(); ++j) cell.step_ratio[j] = steps[j][c] / factors[c];
  }
  return raked;
}

}  // namespace

RunDesign::RunDesign(const RunSetup& setup, const RunTotals& totals, bool with_raking)
    : setup_(setup), totals_(totals) {
  const Tally& all = totals.all;
  if (setup.design_columns.empty()) {
    // Weights only: every respondent is a unit of one stratum.
    design_.strata.push_back({all.rows(), 1});
    design_.degrees_of_freedom = all.rows() - all.zero_weight_rows() - 1;
    return;
  }
  const Questionnaire& q = setup.questionnaire;
  const DesignLayout layout(q);
  design_.clustered = layout.cluster >= 0;
  std::map<std::string, std::size_t> strata;
  std::vector<std::string> stratum_labels;
  std::vector<std::string> fpc_values;
  std::map<std::pair<std::string, std::string>, std::size_t> units;
  std::map<std::vector<std::string>, std::size_t> cells;
  std::vector<std::vector<std::string>> cell_values;
  for (const auto& [values, segment] : totals.breakdowns.back().segments) {
    const std::string stratum = layout.strata >= 0 ? values[static_cast<std::size_t>(layout.strata)] : "";
    const auto [found, added] = strata.emplace(stratum, strata.size());
    const std::size_t h = found->second;
    const std::string fpc = layout.fpc >= 0 ? values[static_cast<std::size_t>(layout.fpc)] : "";
    if (added) {
      stratum_labels.push_back(layout.strata >= 0 ? segment.labels[static_cast<std::size_t>(layout.strata)] : "");
      fpc_values.push_back(fpc);
    } else if (fpc != fpc_values[h]) {
      throw Error(ErrorKind::kInvalid, q.file,
                  "fpc_column " + quote(q.fpc_column) + ": stratum " + quote(stratum_labels[h]) + " has " +
                      quote(fpc_values[h]) + " and " + quote(fpc) +
                      "; the finite population correction is one number per stratum");
    }
    Part part{0, h, h, 0};
    if (design_.clustered) {
      part.unit = units.emplace(std::make_pair(stratum, values[static_cast<std::size_t>(layout.cluster)]), units.size())
                      .first->second;
    }
    if (layout.margins >= 0) {
      std::vector<std::string> margin_values(values.begin() + layout.margins, values.end());
      const auto [cell, new_cell] = cells.emplace(margin_values, cells.size());
      if (new_cell) cell_values.push_back(std::move(margin_values));
      part.cell = cell->second;
    }
    parts_[values] = part;
  }
  // Keys by unit, then cell: a unit's parts are adjacent in key order.
  const std::size_t cell_count = std::max<std::size_t>(1, cells.size());
  std::vector<CellTotals> cell_totals(cells.size());
  for (auto& [values, part] : parts_) {
    part.key = part.unit * cell_count + part.cell;
    const Tally& rows = totals.breakdowns.back().segments.at(values).tally;
    whole_parts_.try_emplace(part.key, part, setup.plan).first->second.second.merge(rows);
    if (!cells.empty()) {
      CellTotals& cell = cell_totals[part.cell];
      cell.rows += rows.rows();
      cell.zero_weight_rows += rows.zero_weight_rows();
      cell.weight += rows.weight_sum();
    }
  }
  count_units(strata.size());
  if (layout.fpc >= 0) {
    const std::vector<double> corrections = finite_corrections(q, stratum_labels, fpc_values, design_.strata);
    for (std::size_t h = 0; h < design_.strata.size(); ++h) design_.strata[h].finite_correction = corrections[h];
  }
  if (cells.empty() || !with_raking) return;
  Raked raked = rake(q, cell_values, cell_totals);
  design_.raking = std::move(raked.adjustment);
  raking_outcome_ = raked.outcome;
  raked_whole_.emplace(setup.plan);
  for (const auto& [key, entry] : whole_parts_) merge_scaled(*raked_whole_, entry.second, factor_of(entry.first));
}

// Units per stratum, and R's degf: units with a row of nonzero weight,
// minus the strata that have one.
void RunDesign::count_units(std::size_t strata) {
  design_.strata.assign(strata, Stratum{});
  std::vector<bool> weighted_stratum(strata, false);
  std::map<std::size_t, std::int64_t> weighted_rows_of_unit;
  std::int64_t weighted_units = 0;
  for (const auto& [key, entry] : whole_parts_) {
    const auto& [part, tally] = entry;
    const std::int64_t weighted_rows = tally.rows() - tally.zero_weight_rows();
    if (design_.clustered) {
      const auto [unit, first] = weighted_rows_of_unit.try_emplace(part.unit, 0);
      if (first) design_.strata[part.stratum].units += 1;
      if (weighted_rows > 0 && unit->second == 0) ++weighted_units;
      unit->second += weighted_rows;
    } else {
      design_.strata[part.stratum].units += tally.rows();
      weighted_units += weighted_rows;
    }
    if (weighted_rows > 0) weighted_stratum[part.stratum] = true;
  }
  design_.degrees_of_freedom =
      weighted_units - static_cast<std::int64_t>(std::count(weighted_stratum.begin(), weighted_stratum.end(), true));
}

RunDesign::Part RunDesign::part_of(const std::vector<std::string>& design_values) const {
  const auto found = parts_.find(design_values);
  if (found == parts_.end()) {
    throw Error(ErrorKind::kInvalid, setup_.questionnaire.file,
                "a segment's sample design values are not among the whole data set's: a damaged state?");
  }
  return found->second;
}

DomainPart RunDesign::domain_part(std::size_t key, const Tally* tally) const {
  const auto& [part, all] = whole_parts_.at(key);
  return DomainPart{key, part.unit, part.stratum, tally, part.cell, &all};
}

Domain RunDesign::whole() const {
  Domain domain{&whole_tally(), {}, &design_};
  if (!setup_.plan.survey_weights) return domain;
  if (setup_.design_columns.empty()) {
    domain.parts.push_back({0, 0, 0, &totals_.all});
    return domain;
  }
  for (const auto& [key, entry] : whole_parts_) domain.parts.push_back(domain_part(key, &entry.second));
  return domain;
}

std::vector<DesignedSegment> RunDesign::segments(std::size_t b) const {
  const Breakdown& breakdown = totals_.breakdowns[b];
  const auto design_columns = static_cast<std::ptrdiff_t>(setup_.design_columns.size());
  std::vector<DesignedSegment> results;
  if (design_columns == 0) {
    for (const auto& [values, segment] : breakdown.segments) {
      DesignedSegment result;
      result.labels = segment.labels;
      result.breakdown_tally = &segment.tally;
      results.push_back(std::move(result));
    }
  } else {
    std::map<std::vector<std::string>, DesignedSegment> grouped;
    for (const auto& [values, segment] : breakdown.segments) {
      const auto [found, added] =
          grouped.try_emplace(std::vector<std::string>(values.begin(), values.end() - design_columns));
      DesignedSegment& result = found->second;
      if (added) {
        result.labels.assign(segment.labels.begin(), segment.labels.end() - design_columns);
        result.merged.emplace(setup_.plan);
      }
      const Part part = part_of(std::vector<std::string>(values.end() - design_columns, values.end()));
      if (design_.raking) {
        merge_scaled(*result.merged, segment.tally, factor_of(part));
      } else {
        result.merged->merge(segment.tally);
      }
      const auto at = std::lower_bound(result.parts.begin(), result.parts.end(), part.key,
                                       [](const auto& entry, std::size_t key) { return entry.first < key; });
      if (at != result.parts.end() && at->first == part.key) {
        at->second.merge(segment.tally);
      } else {
        result.parts.insert(at, {part.key, segment.tally});
      }
    }
    for (auto& [values, result] : grouped) results.push_back(std::move(result));
  }
  std::stable_sort(results.begin(), results.end(),
                   [](const DesignedSegment& a, const DesignedSegment& c) { return a.labels < c.labels; });
  return results;
}

Domain RunDesign::domain_of(const DesignedSegment& segment) const {
  Domain domain{&segment.rows(), {}, &design_};
  if (!setup_.plan.survey_weights) return domain;
  if (setup_.design_columns.empty()) {
    domain.parts.push_back({0, 0, 0, domain.tally});
    return domain;
  }
  // Both lists are in key order; so is the domain's. With raking every part
  // of the data set is one of the domain's: its influence is nonzero
  // outside it.
  auto own = segment.parts.begin();
  auto shared = segment.shared_parts.begin();
  for (const auto& [key, entry] : whole_parts_) {
    if (own != segment.parts.end() && own->first == key) {
      domain.parts.push_back(domain_part(key, &own->second));
      ++own;
    } else if (shared != segment.shared_parts.end() && shared->first == key) {
      domain.parts.push_back(domain_part(key, shared->second));
      ++shared;
    } else if (design_.raking) {
      domain.parts.push_back(domain_part(key, nullptr));
    }
  }
  return domain;
}

DesignedSegment RunDesign::rest_of(const DesignedSegment& segment) const {
  DesignedSegment rest;
  rest.merged.emplace(whole_tally());
  rest.merged->subtract(segment.rows());
  auto inside = segment.parts.begin();
  for (const auto& [key, entry] : whole_parts_) {
    const Tally& whole = entry.second;
    while (inside != segment.parts.end() && inside->first < key) ++inside;
    if (inside != segment.parts.end() && inside->first == key) {
      Tally part = whole;
      part.subtract(inside->second);
      rest.parts.emplace_back(key, std::move(part));
    } else {
      rest.shared_parts.emplace_back(key, &whole);
    }
  }
  return rest;
}

}  // namespace gapscore
