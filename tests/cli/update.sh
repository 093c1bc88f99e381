#!/usr/bin/env bash
# Regenerates every golden case's expected files from the built binary, for
# review with `git diff`:  tests/cli/update.sh build/release/gapscore
set -euo pipefail
binary=$(realpath "$1")
cd "$(dirname "$0")/../.."
for case_dir in tests/cli/*/*/; do
  [[ -f $case_dir/cmd ]] && bash tests/cli/run_case.sh "$binary" "${case_dir%/}" --update
done
