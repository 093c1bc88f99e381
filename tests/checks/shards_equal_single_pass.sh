# States of shards, merged, give the report of one pass over all rows, for
# any way of cutting the rows (scripts/mapreduce-local cuts them at random).
q=examples/servqual22/questionnaire.json
/usr/bin/python3 scripts/generate_bank_example.py --rows 15000 --seed 9 "$WORK/big.csv"
gapscore score -q $q --by region --by channel,branch "$WORK/big.csv" -o "$WORK/single.json" 2>/dev/null
for seed in 1 2 3; do
  /usr/bin/python3 scripts/mapreduce-local -q $q --by region --by channel,branch --shards $((seed + 3)) --seed $seed \
    "$WORK/big.csv" -- -o "$WORK/merged$seed.json"
  /usr/bin/python3 tests/reference/compare_reports.py "$WORK/single.json" "$WORK/merged$seed.json"
done
