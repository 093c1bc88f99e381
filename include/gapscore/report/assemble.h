#pragma once

#include "gapscore/metrics/design.h"
#include "gapscore/questionnaire/questionnaire.h"
#include "gapscore/report/report.h"
#include "gapscore/tally/plan.h"
#include "gapscore/tally/tally.h"

namespace gapscore {

/// One part of a result's rows, for survey-weighted standard errors: a
/// primary sampling unit (clustered designs) or the rows in one stratum.
struct DomainPart {
  std::size_t key = 0;  ///< the unit's or stratum's number in the design
  std::size_t stratum = 0;
  const Tally* tally = nullptr;
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
