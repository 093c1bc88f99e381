#!/usr/bin/env bash
# Runs one golden case (tests/cli/README.md says what a case holds).
#
#   run_case.sh GAPSCORE CASE_DIR           check
#   run_case.sh GAPSCORE CASE_DIR --update  rewrite the expected files; review with git diff
set -uo pipefail
binary=$1
case_dir=$(cd "$2" && pwd)
mode=${3:-check}
root=$(pwd)
PATH="$(cd "$(dirname "$binary")" && pwd):$PATH"
work=$(mktemp -d)
out=$(mktemp -d)
trap 'rm -rf "$work" "$out"' EXIT
export PATH CASEDIR="$case_dir" WORK="$work"

if [[ -f $case_dir/setup ]] && ! bash -euo pipefail "$case_dir/setup" >"$out/setup" 2>&1; then
  echo "setup failed:"
  cat "$out/setup"
  exit 1
fi
bash -o pipefail "$case_dir/cmd" >"$out/stdout" 2>"$out/stderr"
status=$?
cd "$root" || exit 1

# Outputs, and the files a case expects in $WORK, name the scratch and case
# folders as ${WORK} and ${CASEDIR}, so that expected files do not depend on
# where the case ran; `normalize`, a sed script, evens out what varies from
# run to run (a rate, a time).
normalized() {
  sed -e "s#$work#\${WORK}#g" -e "s#$case_dir#\${CASEDIR}#g" "$1" |
    if [[ -f $case_dir/normalize ]]; then sed -E -f "$case_dir/normalize"; else cat; fi
}
normalized "$out/stdout" >"$out/stdout.normal"
normalized "$out/stderr" >"$out/stderr.normal"
# The files left in the scratch folder, as `ls -F` marks them: a folder
# ends in /, a named pipe in |.
(cd "$work" && find . -mindepth 1 -printf '%P %y\n' | sed -e 's/ d$/\//' -e 's/ p$/|/' -e 's/ f$//' | LC_ALL=C sort) \
  >"$out/files"

if [[ $mode == --update ]]; then
  cp "$out/stdout.normal" "$case_dir/expout"
  cp "$out/stderr.normal" "$case_dir/experr"
  if [[ $status -eq 0 ]]; then rm -f "$case_dir/status"; else echo "$status" >"$case_dir/status"; fi
  [[ -f $case_dir/expfiles ]] && cp "$out/files" "$case_dir/expfiles"
  if [[ -d $case_dir/expwork ]]; then
    for expected in "$case_dir"/expwork/*; do normalized "$work/${expected##*/}" >"$expected"; done
  fi
  exit 0
fi

failed=0
expected_status=0
[[ -f $case_dir/status ]] && expected_status=$(cat "$case_dir/status")
if [[ $status -ne $expected_status ]]; then
  echo "exit status $status, expected $expected_status"
  failed=1
fi
compare() {
  if ! diff -u "$1" "$2" >"$out/diff"; then
    echo "$3 differs:"
    head -50 "$out/diff"
    failed=1
  fi
}
compare "$case_dir/expout" "$out/stdout.normal" stdout
compare "$case_dir/experr" "$out/stderr.normal" stderr
[[ -f $case_dir/expfiles ]] && compare "$case_dir/expfiles" "$out/files" "the files left in \${WORK}"
if [[ -d $case_dir/expwork ]]; then
  for expected in "$case_dir"/expwork/*; do
    name=${expected##*/}
    if [[ ! -f $work/$name ]]; then
      echo "\${WORK}/$name was not written"
      failed=1
    else
      normalized "$work/$name" >"$out/file"
      compare "$expected" "$out/file" "\${WORK}/$name"
    fi
  done
fi
exit $failed
