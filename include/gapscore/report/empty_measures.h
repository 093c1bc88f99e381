#pragma once

#include <vector>

#include "gapscore/base/diagnostic.h"
#include "gapscore/questionnaire/questionnaire.h"
#include "gapscore/report/report.h"

namespace gapscore {

/// The measures the questionnaire declares, not marked "optional", of which
/// no row of the whole data set has a valid value: an item's column, a
/// metric, a Kano feature's pair of answers. One diagnostic each, at the
/// questionnaire's pointer, naming the column and its invalid cells; one
/// diagnostic in all when no row was used. Empty when every declared
/// measure has a value.
std::vector<Diagnostic> empty_measures(const Report& report, const Questionnaire& questionnaire);

}  // namespace gapscore
