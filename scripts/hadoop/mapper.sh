#!/usr/bin/env bash
# Hadoop Streaming mapper: each input line names one export (a local path,
# or an hdfs:// URI read with `hdfs dfs -cat`); for each, emits one line
# "all<TAB>STATE", the export's gapscore state. Whole files per mapper keep
# quoted line breaks from being cut by Hadoop's line splits.
#
# Settings (environment): GAPSCORE (the binary, default: gapscore on PATH),
# GAPSCORE_QUESTIONNAIRE (required), GAPSCORE_BY (--by specs, space separated).
set -euo pipefail
gapscore=${GAPSCORE:-gapscore}
questionnaire=${GAPSCORE_QUESTIONNAIRE:?set GAPSCORE_QUESTIONNAIRE to the questionnaire file}
by=()
for spec in ${GAPSCORE_BY:-}; do by+=(--by "$spec"); done

while IFS= read -r line || [[ -n $line ]]; do
  path=${line##*$'\t'}  # NLineInputFormat hands "offset<TAB>path"
  [[ -z $path ]] && continue
  if [[ $path == hdfs://* ]]; then
    hdfs dfs -cat "$path" | "$gapscore" score -q "$questionnaire" "${by[@]}" -j 1 --emit-state - -
  else
    "$gapscore" score -q "$questionnaire" "${by[@]}" -j 1 --emit-state - "$path"
  fi | sed 's/^/all\t/'
done
