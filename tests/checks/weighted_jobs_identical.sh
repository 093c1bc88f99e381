# With survey weights (floating-point sums, added in input order) any number
# of threads gives the same bytes, and the whole data set's figures do not
# change with --by.
/usr/bin/python3 scripts/generate_weighted_example.py --rows 12000 "$WORK"
cd "$WORK"
for j in 1 2 3; do
  gapscore score -q questionnaire.json responses.csv -j $j -o report$j.json 2>/dev/null
  gapscore score -q questionnaire.json responses.csv --by region --by age_group,region -j $j -o by$j.json 2>/dev/null
done
for j in 2 3; do
  cmp report1.json report$j.json || { echo "-j $j: the weighted report differs from -j 1"; exit 1; }
  cmp by1.json by$j.json || { echo "-j $j: the weighted report by region differs from -j 1"; exit 1; }
done
/usr/bin/python3 -c 'import json, sys
whole = [json.load(open(f))["results"][0] for f in sys.argv[1:]]
sys.exit(0 if whole[0] == whole[1] else "the whole data set differs with --by")' report1.json by1.json
echo "weighted reports identical for -j 1, 2 and 3, and with and without --by"
