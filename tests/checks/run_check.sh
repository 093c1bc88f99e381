#!/usr/bin/env bash
# Runs one scripted check (tests/checks/README.md): SCRIPT runs from the
# repository root with the built gapscore first on PATH and an empty
# scratch folder in $WORK, under `set -euo pipefail`; it fails by exiting
# non-zero, after saying what differs.
#
#   run_check.sh GAPSCORE SCRIPT
set -uo pipefail
PATH="$(cd "$(dirname "$1")" && pwd):$PATH"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export PATH WORK
bash -euo pipefail "$2"
