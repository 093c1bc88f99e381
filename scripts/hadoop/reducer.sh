#!/usr/bin/env bash
# Hadoop Streaming reducer: reads the mappers' "all<TAB>STATE" lines and
# writes the report of them all (JSON; GAPSCORE_FORMAT=csv for CSV).
# GAPSCORE_MIN_N passes --min-n.
set -euo pipefail
gapscore=${GAPSCORE:-gapscore}
"$gapscore" merge - -f "${GAPSCORE_FORMAT:-json}" --min-n "${GAPSCORE_MIN_N:-0}"
