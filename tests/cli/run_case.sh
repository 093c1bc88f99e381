#!/usr/bin/env bash
# Runs one golden case: `cmd` (a shell command line, run from the
# repository root with the built gapscore first on PATH) must print
# `expout` on stdout, `experr` on stderr, and exit with `status` (0 when
# the file is absent).
#
#   run_case.sh GAPSCORE CASE_DIR           check
#   run_case.sh GAPSCORE CASE_DIR --update  rewrite the expected files; review with git diff
set -uo pipefail
binary=$1
case_dir=$2
mode=${3:-check}
PATH="$(cd "$(dirname "$binary")" && pwd):$PATH"
export PATH
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CASE="$case_dir" WORK="$work"

bash -c "$(cat "$case_dir/cmd")" >"$work/stdout" 2>"$work/stderr"
status=$?

if [[ $mode == --update ]]; then
  cp "$work/stdout" "$case_dir/expout"
  cp "$work/stderr" "$case_dir/experr"
  if [[ $status -eq 0 ]]; then rm -f "$case_dir/status"; else echo "$status" >"$case_dir/status"; fi
  exit 0
fi

expected_status=0
[[ -f $case_dir/status ]] && expected_status=$(cat "$case_dir/status")
failed=0
if [[ $status -ne $expected_status ]]; then
  echo "exit status $status, expected $expected_status"
  failed=1
fi
if ! diff -u "$case_dir/expout" "$work/stdout" >"$work/diff"; then
  echo "stdout differs:"; head -50 "$work/diff"; failed=1
fi
if ! diff -u "$case_dir/experr" "$work/stderr" >"$work/diff"; then
  echo "stderr differs:"; head -50 "$work/diff"; failed=1
fi
exit $failed
