#pragma once

#include <string>

namespace gapscore {

/// The whole content of `path` ("-" is standard input), for documents read
/// at once (a questionnaire, a report). `what` names the document in
/// messages ("the questionnaire"); empty for none. Throws Error(kIo),
/// naming the path, when it cannot be opened or read: a folder is "cannot
/// read ...: Is a directory".
std::string read_file(const std::string& path, const std::string& what = "");

}  // namespace gapscore
