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
  /// number per stratum.
  RunDesign(const RunSetup& setup, const RunTotals& totals);

  const SampleDesign& design() const { return design_; }
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
    std::size_t stratum = 0;
  };
  Part part_of(const std::vector<std::string>& design_values) const;

  const RunSetup& setup_;
  const RunTotals& totals_;
  SampleDesign design_;
  /// By a design breakdown segment's values: its part.
  std::map<std::vector<std::string>, Part> parts_;
  std::vector<std::size_t> stratum_of_key_;
  /// The whole data set's part tallies, by key.
  std::map<std::size_t, Tally> whole_parts_;
};

}  // namespace gapscore
