# A segment's figures, and the whole data set's, are the same bytes whatever
# other breakdowns the run asks for: a batch counts each row once into the
# cell of all the breakdowns' columns and adds cells up into segments, or
# counts rows into each breakdown when its cells are too many (docs/
# METHODS.md, "Rules gapscore settles"), and neither may show. Many batches,
# with survey, importance or no weights, on one thread and on three.
/usr/bin/python3 scripts/generate_bank_example.py --rows 8000 --seed 9 "$WORK/bank.csv"
/usr/bin/python3 scripts/generate_weighted_example.py --rows 1500 "$WORK/weighted"
/usr/bin/python3 scripts/generate_zot_example.py --rows 1500 "$WORK/zot"
cat > "$WORK/compare.py" <<'PY'
import json, sys

def segments(path):
    """The whole data set's results and each segment's, by its column values."""
    with open(path, encoding="utf-8") as handle:
        report = json.load(handle)
    found = {}
    for result in report["results"]:
        found[tuple(sorted(result.get("segment", {}).items()))] = result
    return found

alone, together = segments(sys.argv[1]), segments(sys.argv[2])
missing = [key for key in alone if key not in together]
if missing:
    sys.exit(f"{sys.argv[2]} lacks the segments {missing[:3]}")
differ = [key for key in alone if json.dumps(alone[key], sort_keys=True) != json.dumps(together[key], sort_keys=True)]
if differ:
    sys.exit(f"{sys.argv[1]} and {sys.argv[2]} differ in the segments {differ[:3]}")
print(len(alone))
PY
check() {  # questionnaire data label: the single breakdowns against the combinations
  local q=$1 data=$2 label=$3
  shift 3
  for j in 1 3; do
    gapscore score -q "$q" "$data" -j $j --max-segments 5000 "$@" -o "$WORK/together.json"
    for by in "$@"; do
      [ "$by" = --by ] && continue
      gapscore score -q "$q" "$data" -j $j --max-segments 5000 --by "$by" -o "$WORK/alone.json"
      count=$(/usr/bin/python3 "$WORK/compare.py" "$WORK/alone.json" "$WORK/together.json")
      [ "$count" -gt 1 ] || { echo "$label: --by $by found no segments"; exit 1; }
    done
  done
}
bank=examples/servqual22/questionnaire.json
weighted=$WORK/weighted/questionnaire.json
# Few cells, one breakdown with all the columns: grouped.
check $bank "$WORK/bank.csv" bank --by region --by channel --by region,channel
# Few cells, no breakdown with all the columns: grouped, then counted per breakdown once there are too many.
check $bank "$WORK/bank.csv" bank --by region --by channel --by branch
# Many cells: counted per breakdown from early in each batch.
check $bank "$WORK/bank.csv" bank --by channel --by submitted
# A column twice in one breakdown, and a breakdown twice.
check $bank "$WORK/bank.csv" bank --by channel,channel --by region --by region
# Importance weights (their moments added row by row), zones of tolerance.
zot=$WORK/zot/questionnaire.json
check $zot "$WORK/zot/responses.csv" zot --by user_group --by imp_tangibles --by user_group,imp_tangibles
check $zot "$WORK/zot/responses.csv" zot --by user_group --by nps
check $weighted "$WORK/weighted/responses.csv" weighted --by region --by age_group --by age_group,region
check $weighted "$WORK/weighted/responses.csv" weighted --by region --by age_group
head -n 401 "$WORK/weighted/responses.csv" >"$WORK/weighted/first.csv"
check $weighted "$WORK/weighted/first.csv" weighted --by age_group --by respondent
echo "segments and the whole data set identical alone and beside other breakdowns, with survey, importance or no weights, -j 1 and 3"
