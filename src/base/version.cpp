#include "gapscore/base/version.h"

namespace gapscore {

const char* tool_version() { return GAPSCORE_VERSION; }

}  // namespace gapscore
