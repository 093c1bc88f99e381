# Segment values that are not UTF-8 (two Latin-1 bytes that would both read
# back as U+FFFD from JSON text) stay two segments through a saved state:
# merging the state gives the single pass's report.
printf 'id,shop,P1\n1,\xfe,4\n2,\xfe,5\n3,\xff,2\n4,\xff,3\n5,ok,4\n' > "$WORK/export.csv"
cat > "$WORK/q.json" <<'JSON'
{"gapscore": 1, "respondent_id": "id", "scales": {"five": {"min": 1, "max": 5}},
 "servqual": {"scale": "five", "dimensions": [{"id": "reliability", "items": [{"id": "R1", "perception": "P1"}]}]}}
JSON
gapscore score -q "$WORK/q.json" "$WORK/export.csv" --by shop --quiet -o "$WORK/single.json" --emit-state "$WORK/part.state"
gapscore merge "$WORK/part.state" -o "$WORK/merged.json"
/usr/bin/python3 -c 'import json, sys
single, merged = (json.load(open(f)) for f in sys.argv[1:])
sys.exit(0 if single["results"] == merged["results"] and len(single["results"]) == 4 else "the merged state lost a segment")' "$WORK/single.json" "$WORK/merged.json"
echo "segment values that are not UTF-8 keep their segments through a state"
