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
  }
  int strata = -1;
  int fpc = -1;
  int cluster = -1;
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

}  // namespace

RunDesign::RunDesign(const RunSetup& setup, const RunTotals& totals) : setup_(setup), totals_(totals) {
  const Tally& all = totals.all;
  if (setup.design_columns.empty()) {
    // Weights only: every respondent is a unit of one stratum.
    design_.strata.push_back({all.rows(), 1});
    design_.degrees_of_freedom = all.rows() - all.zero_weight_rows() - 1;
    stratum_of_key_.push_back(0);
    return;
  }
  const Questionnaire& q = setup.questionnaire;
  const DesignLayout layout(q);
  design_.clustered = layout.cluster >= 0;
  std::map<std::string, std::size_t> strata;
  std::vector<std::string> stratum_labels;
  std::vector<std::string> fpc_values;
  std::map<std::pair<std::string, std::string>, std::size_t> units;
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
    std::size_t key = h;
    if (design_.clustered) {
      key = units.emplace(std::make_pair(stratum, values[static_cast<std::size_t>(layout.cluster)]), units.size())
                .first->second;
    }
    parts_[values] = Part{key, h};
    if (stratum_of_key_.size() <= key) stratum_of_key_.resize(key + 1);
    stratum_of_key_[key] = h;
    whole_parts_.try_emplace(key, setup.plan).first->second.merge(segment.tally);
  }
  design_.strata.assign(strata.size(), Stratum{});
  std::vector<bool> weighted_stratum(strata.size(), false);
  std::int64_t weighted_units = 0;
  for (const auto& [key, part] : whole_parts_) {
    const std::size_t h = stratum_of_key_[key];
    const std::int64_t weighted_rows = part.rows() - part.zero_weight_rows();
    design_.strata[h].units += design_.clustered ? 1 : part.rows();
    weighted_units += design_.clustered ? (weighted_rows > 0 ? 1 : 0) : weighted_rows;
    if (weighted_rows > 0) weighted_stratum[h] = true;
  }
  design_.degrees_of_freedom =
      weighted_units - static_cast<std::int64_t>(std::count(weighted_stratum.begin(), weighted_stratum.end(), true));
  if (layout.fpc >= 0) {
    const std::vector<double> corrections = finite_corrections(q, stratum_labels, fpc_values, design_.strata);
    for (std::size_t h = 0; h < design_.strata.size(); ++h) design_.strata[h].finite_correction = corrections[h];
  }
}

RunDesign::Part RunDesign::part_of(const std::vector<std::string>& design_values) const {
  const auto found = parts_.find(design_values);
  if (found == parts_.end()) {
    throw Error(ErrorKind::kInvalid, setup_.questionnaire.file,
                "a segment's sample design values are not among the whole data set's: a damaged state?");
  }
  return found->second;
}

Domain RunDesign::whole() const {
  Domain domain{&totals_.all, {}, &design_};
  if (!setup_.plan.survey_weights) return domain;
  if (setup_.design_columns.empty()) {
    domain.parts.push_back({0, 0, &totals_.all});
    return domain;
  }
  for (const auto& [key, tally] : whole_parts_) domain.parts.push_back({key, stratum_of_key_[key], &tally});
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
      result.merged->merge(segment.tally);
      const Part part = part_of(std::vector<std::string>(values.end() - design_columns, values.end()));
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
    domain.parts.push_back({0, 0, domain.tally});
    return domain;
  }
  // Both lists are in key order; so is the domain's.
  auto own = segment.parts.begin();
  auto shared = segment.shared_parts.begin();
  while (own != segment.parts.end() || shared != segment.shared_parts.end()) {
    if (shared == segment.shared_parts.end() || (own != segment.parts.end() && own->first < shared->first)) {
      domain.parts.push_back({own->first, stratum_of_key_[own->first], &own->second});
      ++own;
    } else {
      domain.parts.push_back({shared->first, stratum_of_key_[shared->first], shared->second});
      ++shared;
    }
  }
  return domain;
}

DesignedSegment RunDesign::rest_of(const DesignedSegment& segment) const {
  DesignedSegment rest;
  rest.merged.emplace(totals_.all);
  rest.merged->subtract(segment.rows());
  auto inside = segment.parts.begin();
  for (const auto& [key, whole] : whole_parts_) {
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
