# Any number of threads gives the same report and the same diagnostics, in
# the same order, on an export of many batches with problems in it.
q=examples/servqual22/questionnaire.json
/usr/bin/python3 scripts/generate_bank_example.py --rows 15000 --seed 9 "$WORK/big.csv"
for j in 1 2 3; do
  gapscore score -q $q "$WORK/big.csv" --by region --by channel,branch -j $j -f csv -o "$WORK/report$j" 2>"$WORK/err$j"
  gapscore validate -q $q "$WORK/big.csv" -j $j 2>"$WORK/validate$j" || true
  gapscore score -q $q "$WORK/big.csv" --strict -j $j -o /dev/null 2>"$WORK/strict$j" || true
done
for j in 2 3; do
  for what in report err validate strict; do
    cmp "$WORK/${what}1" "$WORK/$what$j" || { echo "-j $j: $what differs from -j 1"; exit 1; }
  done
done
grep -q 'rows_rejected,5$' "$WORK/report1" || { echo "expected 5 rejected rows in the generated export"; exit 1; }
echo "reports and diagnostics identical for -j 1, 2 and 3"
