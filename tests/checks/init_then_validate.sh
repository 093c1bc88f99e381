# init never writes a questionnaire that the same data rejects: on each of
# these small exports (the shapes a red-team pass found breaking that rule)
# either init writes one that validate accepts without an error and that
# score reports with, or it exits 1 and writes nothing. Where the guess
# itself matters, the questionnaire is checked for it too.
checked=0
case_of() {  # NAME EXPECTATION: the export is in $WORK/NAME.csv
  local name=$1 expect=$2 data="$WORK/$1.csv" q="$WORK/$1.json"
  if gapscore init "$data" -o "$q" 2>"$WORK/init"; then
    gapscore validate -q "$q" "$data" 2>"$WORK/validate" || { echo "$name: validate rejects init's questionnaire:"; tail -3 "$WORK/validate"; exit 1; }
    gapscore score -q "$q" "$data" >/dev/null 2>"$WORK/score" || { echo "$name: score fails on init's questionnaire:"; cat "$WORK/score"; exit 1; }
  else
    [[ ! -e $q ]] || { echo "$name: init failed but wrote $q"; exit 1; }
    echo "{}" >"$q"
  fi
  /usr/bin/python3 -c 'import json, sys
q = json.load(open(sys.argv[1]))
items = [i for d in q.get("servqual", {}).get("dimensions", []) for i in d["items"]]
columns = sorted(c for i in items for m in ("expectation", "perception", "adequate", "desired") for c in [i.get(m)] if c)
metrics = {m["type"]: m["column"] for m in q.get("metrics", [])}
if not eval(sys.argv[2]):
    sys.exit("%s: expected %s; items %s, metrics %s, header_rows %s" % (sys.argv[3], sys.argv[2], columns, metrics, q.get("header_rows")))' \
    "$q" "$expect" "$name"
  checked=$((checked + 1))
}
w() { printf "$2" >"$WORK/$1.csv"; }

# A name the header repeats is no item.
w repeated 'Q1,Q2,Q1\n5,4,3\n4,5,2\n1,2,5\n'
case_of repeated 'q == {} or "Q1" not in columns'
w repeated_pair 'E_01,P_01,E_01,P_01,E_02,P_02\n1,2,3,4,5,5\n3,4,5,5,4,4\n2,2,2,2,3,3\n'
case_of repeated_pair 'columns == ["E_02", "P_02"]'
# Made-up ids do not meet ids taken from names.
w ids_meet 'Q 1,item1,Q 3\n5,4,3\n4,5,2\n1,2,5\n'
case_of ids_meet 'len(items) == 3 and len({i["id"] for i in items}) == 3'
w dimensions_meet 'all_1,all_2,X,Y\n5,4,3,1\n4,5,2,2\n1,2,5,3\n'
case_of dimensions_meet 'len({d["id"] for d in q["servqual"]["dimensions"]}) == len(q["servqual"]["dimensions"])'
# A column of NA, a column of nan, Kano columns without Kano answers.
w only_na 'E_01,P_01,E_02,P_02\n5,4,3,NA\n4,5,2,NA\n1,2,5,N/A\n'
case_of only_na 'columns == ["E_01", "P_01"]'
w nan 'E_01,P_01,E_02,P_02\n5,4,3,nan\n4,5,2,nan\n1,2,5,inf\n'
case_of nan 'columns == ["E_01", "P_01"]'
w kano_empty 'id,Wifi_has,Wifi_lacks,Q1,Q2\n1,,,5,4\n2,,,4,4\n3,NA,NA,3,5\n'
case_of kano_empty '"kano" not in q'
# Whole numbers written as decimals are integers: a 1..7 scale.
w decimals 'E_01,P_01,E_02,P_02\n7.0,6.0,5.0,6.0\n6.0,7.0,7.0,6.0\n1.0,2.0,6.0,7.0\n'
case_of decimals 'q["scales"][q["servqual"]["scale"]]["max"] == 7 and len(columns) == 4'
# Two blocks on scales of one name keep each its own labels.
w two_wordings 'Q1_1,Q1_2,Q2_1,Q2_2\nAgree,Disagree,Satisfied,Dissatisfied\nNeutral,Agree,Very satisfied,Satisfied\nDisagree,Agree,Satisfied,Very satisfied\n'
case_of two_wordings 'len(columns) == 4'
# Expectations and perceptions in different words are no pair.
w mixed_words 'E_01,P_01,E_02,P_02\nVery important,Very satisfied,Very important,Satisfied\nExtremely important,Dissatisfied,Very important,Very satisfied\nExtremely important,Satisfied,Slightly important,Very satisfied\n'
case_of mixed_words 'not any(i.get("expectation") for i in items)'
# Codes that classify respondents and rankings are no ratings.
w classifying 'Gender,AgeGroup,Q1,Q2,Q3\n1,1,5,4,3\n2,3,4,5,2\n3,5,1,2,5\n1,2,3,3,4\n2,4,2,1,1\n'
case_of classifying 'columns == ["Q1", "Q2", "Q3"]'
w rankings 'PriceRank,ServiceRank,SpeedRank,Q7_rank_1,Q7_rank_2\n1,2,3,1,2\n3,1,2,2,1\n2,3,1,1,2\n'
case_of rankings 'columns == []'
# R's V1, V2, ... over data are one header row.
w r_names 'V1,V2,V3,V4\n5,4,3,4\n4,5,2,3\n1,2,5,5\n2,3,4,1\n'
case_of r_names '"header_rows" not in q'
# A matrix question's statement is no metric.
w matrix_csat 'Timestamp,How satisfied are you with the following? [Staff],How satisfied are you with the following? [Wait],Rate us [Friendly staff],Rate us [Easy to reach]\nt,5,4,3,4\nt,4,5,2,5\nt,2,3,5,4\n'
case_of matrix_csat 'metrics == {}'
# A column with no answer on the items' scale leaves its item out.
# (P_03's one answer, 9, is under 1% of the answers: a stray, outside 1..5.)
rows=$(for i in $(seq 1 120); do printf '%d,%d,%d,%d,%d,%s\\n' $((i % 5 + 1)) $((i % 4 + 1)) $((i % 3 + 2)) \
  $((i % 5 + 1)) $((i % 2 + 3)) "$([[ $i == 7 ]] && echo 9)"; done)
w off_scale "E_01,P_01,E_02,P_02,E_03,P_03\n$rows"
case_of off_scale '"P_03" not in columns and len(columns) == 4'
# More than 30 items in a dimension are cut into dimensions of 30.
header=$(for i in $(seq 1 40); do printf 'P_%02d,' "$i"; done)
row=$(for i in $(seq 1 40); do printf '%d,' $((i % 5 + 1)); done)
w many_items "${header%,}\n${row%,}\n${row%,}\n"
case_of many_items 'len(columns) == 40 and all(len(d["items"]) <= 30 for d in q["servqual"]["dimensions"])'
echo "$checked exports: init's questionnaire validates and scores, or init writes nothing"
