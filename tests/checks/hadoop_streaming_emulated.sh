# docs/SCALE-OUT.md's Hadoop Streaming mapper and reducer, run as Hadoop
# would run them (sorted mapper output into the reducer), give the report of
# one pass.
q=examples/servqual22/questionnaire.json
/usr/bin/python3 scripts/mapreduce-local -q $q --shards 3 --keep "$WORK/shards" examples/servqual22/responses.csv -- -o /dev/null
ls "$WORK"/shards/*.csv | GAPSCORE_QUESTIONNAIRE=$q GAPSCORE_BY="region" scripts/hadoop/mapper.sh | sort |
  GAPSCORE_FORMAT=json scripts/hadoop/reducer.sh >"$WORK/hadoop.json"
gapscore score -q $q --by region examples/servqual22/responses.csv -o "$WORK/single.json" 2>/dev/null
/usr/bin/python3 tests/reference/compare_reports.py "$WORK/single.json" "$WORK/hadoop.json"
