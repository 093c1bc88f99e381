# The reports bundled with the examples are what this build writes.
same() {
  local expected=$1
  shift
  if ! gapscore "$@" 2>/dev/null | cmp - "$expected"; then
    echo "gapscore $* no longer writes $expected: regenerate it and review the difference"
    exit 1
  fi
}
q=examples/servqual22/questionnaire.json
data=examples/servqual22/responses.csv
out=examples/servqual22/expected
same $out/report.json score -q $q $data
same $out/report.csv score -q $q $data -f csv
same $out/report_by_region.json score -q $q $data --by region
m=examples/servqual22/management
same $m/expected/report.json score -q $m/questionnaire.json $m/responses.csv
same $m/expected/knowledge_gap.json compare $m/expected/report.json $out/report.json
w=examples/weighted
same $w/expected/report.json score -q $w/questionnaire.json $w/responses.csv
same $w/expected/report.csv score -q $w/questionnaire.json $w/responses.csv -f csv
same $w/expected/report_by_region.json score -q $w/questionnaire.json $w/responses.csv --by region
s=examples/stores
same $s/expected/report.json score -q $s/questionnaire.json $s/responses.csv
same $s/expected/report_by_region.json score -q $s/questionnaire.json $s/responses.csv --by region
echo "the bundled reports are current"
