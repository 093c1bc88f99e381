#pragma once

// Each result's rows as a domain of the sample design (METHODS.md, "Sample
// designs"): the design read off what the run counted, and each result's
// rows split into the design's parts for its standard errors.

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "gapscore/engine/run.h"
#include "gapscore/report/assemble.h"

namespace gapscore {

/// A result of a breakdown: its labels and its rows, split into the
/// design's parts when the design has columns.
struct DesignedSegment {
  std::vector<std::string> labels;
  const Tally* breakdown_tally = nullptr;            ///< the breakdown's own, when not merged
  std::optional<Tally> merged;                       ///< its parts added up
  std::vector<std::pair<std::size_t, Tally>> parts;  ///< by part key, ascending
  /// The rest of the data's parts that are the whole data set's own (those
  /// the segment has no rows in), by key, ascending: not copied.
  std::vector<std::pair<std::size_t, const Tally*>> shared_parts;

  const Tally& rows() const { return merged ? *merged : *breakdown_tally; }
};

/// The sample design of a run and the parts of its whole data set.
class RunDesign {
 public:
  /// Throws Error(kInvalid) when the fpc column does not hold one usable
  /// number per stratum, or when `with_raking` and the data cannot be raked
  /// to the questionnaire's margins (without, the weights are not raked).
  RunDesign(const RunSetup& setup, const RunTotals& totals, bool with_raking = true);

  const SampleDesign& design() const { return design_; }
  /// With raking: how it went.
  const std::optional<RakingSummary>& raking() const { return raking_outcome_; }
  /// The whole data set as a domain.
  Domain whole() const;
  /// The results of breakdown `b`, one asked for, in the order of their labels.
  std::vector<DesignedSegment> segments(std::size_t b) const;
  /// A segment as a domain; it must outlive the domain.
  Domain domain_of(const DesignedSegment& segment) const;
  /// The rest of the data set beside `segment`: the whole minus it, part by part.
  DesignedSegment rest_of(const DesignedSegment& segment) const;

 private:
  struct Part {
    std::size_t key = 0;
    std::size_t unit = 0;
    std::size_t stratum = 0;
    std::size_t cell = 0;
  };
  void count_units(std::size_t strata);
  Part part_of(const std::vector<std::string>& design_values) const;
  DomainPart domain_part(std::size_t key, const Tally* tally) const;
  double factor_of(const Part& part) const { return design_.raking ? design_.raking->cells[part.cell].factor : 1; }
  /// The whole data set: with raking, its rows with the raked weights.
  const Tally& whole_tally() const { return raked_whole_ ? *raked_whole_ : totals_.all; }

  const RunSetup& setup_;
  const RunTotals& totals_;
  SampleDesign design_;
  /// By a design breakdown segment's values: its part.
  std::map<std::vector<std::string>, Part> parts_;
  /// By key: the part, and the whole data set's tally of it.
  std::map<std::size_t, std::pair<Part, Tally>> whole_parts_;
  std::optional<Tally> raked_whole_;
  std::optional<RakingSummary> raking_outcome_;
};

}  // namespace gapscore
