#pragma once

#include <nlohmann/json_fwd.hpp>

#include "gapscore/scaffold/guesswork.h"

namespace gapscore::scaffold {

/// The Kano features: unused columns paired by a shared stem and the
/// suffixes of a functional ("has", "with", "functional", "func") and a
/// dysfunctional ("lacks", "without", "dysfunctional", "dysf") question,
/// as app_has/app_lacks. Notes them and marks their columns used; an empty
/// array when there are none.
nlohmann::ordered_json guess_kano_features(Guesswork& work);

}  // namespace gapscore::scaffold
