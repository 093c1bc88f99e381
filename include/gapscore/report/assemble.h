#pragma once

#include "gapscore/metrics/design.h"
#include "gapscore/questionnaire/questionnaire.h"
#include "gapscore/report/report.h"
#include "gapscore/tally/plan.h"
#include "gapscore/tally/tally.h"

namespace gapscore {

/// One part of a result's rows, for survey-weighted standard errors: a
/// primary sampling unit (clustered designs) or the rows in one stratum;
/// with raking, their rows in one raking cell.
struct DomainPart {
  std::size_t key = 0;   ///< the part's number in the design
  std::size_t unit = 0;  ///< its unit's or stratum's number
  std::size_t stratum = 0;
  /// The result's rows in the part, with base weights; none when it has none
  /// there (with raking, every part of the data set is one of every domain).
  const Tally* tally = nullptr;
  std::size_t cell = 0;        ///< with raking: the part's cell
  const Tally* all = nullptr;  ///< with raking: all the data set's rows in the part
};

/// A result's rows as a domain of the sample design: its tally (the sum of
/// its parts) and its parts; with survey weights, the design.
struct Domain {
  const Tally* tally = nullptr;
  std::vector<DomainPart> parts;
  const SampleDesign* design = nullptr;
};

/// The figures of one domain, by METHODS.md's definitions.
SegmentResult segment_result(const Questionnaire& questionnaire, const Plan& plan, const Domain& domain);

}  // namespace gapscore
