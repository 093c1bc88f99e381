# On every bundled platform export (examples/exports/*/), the questionnaire
# `init` writes validates the data without an error and scores what the
# hand-written questionnaire beside it scores: the same item gaps (or, for
# perception-only studies, item perception means), the same metric scores,
# and the same overall gap: init's dimensions are guesses, so where it puts
# every item in one dimension the hand-written items are scored in one
# too. The hand-written questionnaire of NAME.csv is
# NAME_questionnaire.json, or questionnaire.json for responses.*.
checked=0
for data in examples/exports/*/*.csv examples/exports/*/*.txt; do
  name=$(basename "${data%.*}")
  if [[ $name == responses ]]; then bundled=${data%/*}/questionnaire.json; else bundled=${data%/*}/${name}_questionnaire.json; fi
  [[ -f $bundled ]] || { echo "$data: no hand-written questionnaire ($bundled)"; exit 1; }
  if ! gapscore init "$data" -o "$WORK/q.json" 2>"$WORK/init"; then
    echo "$data: init failed:"
    cat "$WORK/init"
    exit 1
  fi
  if ! gapscore validate -q "$WORK/q.json" "$data" 2>"$WORK/validate"; then
    echo "$data: init's questionnaire does not validate the data:"
    tail -3 "$WORK/validate"
    exit 1
  fi
  gapscore score -q "$WORK/q.json" "$data" -o "$WORK/init.json" 2>/dev/null
  # The hand-written items regrouped as init grouped them, when it made one dimension.
  /usr/bin/python3 -c 'import json, sys
init, bundled = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
dimensions = bundled.get("servqual", {}).get("dimensions", [])
if len(init.get("servqual", {}).get("dimensions", [])) == 1 and len(dimensions) > 1:
    bundled["servqual"]["dimensions"] = [{"id": "all", "items": [i for d in dimensions for i in d["items"]]}]
json.dump(bundled, open(sys.argv[3], "w"))' "$WORK/q.json" "$bundled" "$WORK/bundled_q.json"
  gapscore score -q "$WORK/bundled_q.json" "$data" -o "$WORK/bundled.json" 2>/dev/null
  /usr/bin/python3 -c 'import json, sys
def figures(path):
    result = json.load(open(path))["results"][0]
    servqual = result.get("servqual", {"items": [], "dimensions": []})
    measure = "gap" if any("gap" in item for item in servqual["items"]) else "perception"
    items = sorted(round(item[measure]["mean"], 12) for item in servqual["items"])
    metrics = {m["id"]: round(m["score"] if "score" in m else m["stats"]["mean"], 12) for m in result.get("metrics", [])}
    overall = servqual.get("overall", {}).get(measure, {}).get("mean")
    return measure, items, metrics, len(servqual["dimensions"]), None if overall is None else round(overall, 12)
init, bundled = figures(sys.argv[2]), figures(sys.argv[3])
for what, a, b in (("item " + bundled[0] + "s", init[1], bundled[1]), ("metrics", init[2], bundled[2])):
    if a != b:
        sys.exit("%s: %s differ: %s against %s" % (sys.argv[1], what, a, b))
same_grouping = init[3] == bundled[3]
if same_grouping and init[4] != bundled[4]:
    sys.exit("%s: overall %s differs: %s against %s" % (sys.argv[1], bundled[0], init[4], bundled[4]))
print("%s: %d item %ss, %d metrics equal%s" % (sys.argv[1], len(init[1]), bundled[0], len(init[2]),
      ", and the overall %s" % bundled[0] if same_grouping and init[4] is not None else ""))' "$data" "$WORK/init.json" "$WORK/bundled.json" || exit 1
  checked=$((checked + 1))
done
# A glob that matched nothing would check nothing.
[[ $checked -ge 14 ]] || { echo "only $checked exports checked"; exit 1; }
