#include "gapscore/questionnaire/load_state.h"

#include "gapscore/base/text.h"

namespace gapscore {

void LoadState::use_column(const std::string& column, const std::string& pointer) {
  const auto [it, inserted] = columns.emplace(column, pointer);
  if (!inserted) {
    check.problem(pointer, "column " + quote(column) + " is already used at " + it->second);
  }
}

}  // namespace gapscore
