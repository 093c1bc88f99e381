# On each bundled platform export, the questionnaire `init` writes validates
# the data without an error and gives the item gaps of the hand-written
# questionnaire (its dimensions are guesses, so overall scores may differ).
for data in examples/exports/{qualtrics,surveymonkey,googleforms,limesurvey}/responses.csv \
  examples/exports/excel/responses.txt; do
  gapscore init "$data" -o "$WORK/q.json" 2>/dev/null
  if ! gapscore validate -q "$WORK/q.json" "$data" 2>"$WORK/validate"; then
    echo "$data: init's questionnaire does not validate the data:"
    tail -3 "$WORK/validate"
    exit 1
  fi
  gapscore score -q "$WORK/q.json" "$data" -o "$WORK/init.json" 2>/dev/null
  gapscore score -q "${data%/*}/questionnaire.json" "$data" -o "$WORK/bundled.json" 2>/dev/null
  /usr/bin/python3 -c 'import json, sys
def gaps(path):
    return sorted(round(item["gap"]["mean"], 12) for item in json.load(open(path))["results"][0]["servqual"]["items"])
init, bundled = gaps(sys.argv[2]), gaps(sys.argv[3])
if init != bundled:
    sys.exit("%s: item gaps differ: %s against %s" % (sys.argv[1], init, bundled))
print("%s: %d item gaps equal" % (sys.argv[1], len(init)))' "$data" "$WORK/init.json" "$WORK/bundled.json"
done
