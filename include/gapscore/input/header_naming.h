#pragma once

namespace gapscore {

/// Where column names come from when there are several header rows.
struct HeaderNaming {
  bool joined = false;  ///< all header rows joined (SurveyMonkey's two rows)
  int row = 1;          ///< otherwise this header row (1-based)
};

}  // namespace gapscore
