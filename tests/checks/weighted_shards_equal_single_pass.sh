# The same with survey weights: shards agree with one pass to about 1e-15.
/usr/bin/python3 scripts/generate_weighted_example.py --rows 3000 "$WORK"
gapscore score -q "$WORK/questionnaire.json" --by region --by age_group "$WORK/responses.csv" -o "$WORK/single.json" 2>/dev/null
for seed in 1 2; do
  /usr/bin/python3 scripts/mapreduce-local -q "$WORK/questionnaire.json" --by region --by age_group \
    --shards $((seed + 3)) --seed $seed "$WORK/responses.csv" -- -o "$WORK/merged$seed.json"
  /usr/bin/python3 tests/reference/compare_reports.py "$WORK/single.json" "$WORK/merged$seed.json"
done
