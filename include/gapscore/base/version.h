#pragma once

namespace gapscore {

/// gapscore's version, "MAJOR.MINOR.PATCH".
const char* tool_version();

}  // namespace gapscore
