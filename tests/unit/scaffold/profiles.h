#pragma once

#include <string>
#include <vector>

#include "gapscore/scaffold/column_profile.h"

namespace gapscore {

/// Profiles of `rows` rows, each row a cell per column.
inline std::vector<ColumnProfile> profiles_of(std::size_t columns, const std::vector<std::vector<std::string>>& rows) {
  std::vector<ColumnProfile> profiles(columns);
  for (const auto& row : rows) {
    for (std::size_t c = 0; c < columns; ++c) profiles[c].add(row[c]);
  }
  return profiles;
}

}  // namespace gapscore
