#!/usr/bin/env python3
"""The figures gapscore computes for the benchmark shape, with pandas: item
expectation, perception and gap means and SDs; dimension scores (mean of
a respondent's valid items, at least min_items of them); NPS, CSAT and CES;
overall and by one segment column. Prints one JSON list of figure rows,
each with its segment as `column=value` ("" for all rows).

Usage: bench_pandas.py QUESTIONNAIRE.json DATA.csv SEGMENT
"""
import json
import math
import sys

import pandas as pd


def figures(frame, q):
    out = {}
    for dimension in q["servqual"]["dimensions"]:
        k = len(dimension["items"])
        need = q["servqual"].get("min_items", math.ceil(k / 2))
        e = frame[[item["expectation"] for item in dimension["items"]]].to_numpy(dtype=float)
        p = frame[[item["perception"] for item in dimension["items"]]].to_numpy(dtype=float)
        for measure, values in (("e", e), ("p", p), ("g", p - e)):
            valid = (~pd.isna(values)).sum(axis=1)
            score = pd.Series(pd.DataFrame(values).mean(axis=1).where(valid >= need))
            out[f"{dimension['id']}_{measure}_mean"] = score.mean()
            out[f"{dimension['id']}_{measure}_sd"] = score.std()
        for item in dimension["items"]:
            ev, pv = frame[item["expectation"]], frame[item["perception"]]
            for measure, series in (("e", ev), ("p", pv), ("g", pv - ev)):
                out[f"{item['id']}_{measure}_mean"] = series.mean()
                out[f"{item['id']}_{measure}_sd"] = series.std()
    nps = frame["nps"].dropna()
    out["nps_score"] = 100.0 * ((nps >= 9).sum() - (nps <= 6).sum()) / len(nps)
    csat = frame["csat"].dropna()
    out["csat_score"] = 100.0 * (csat >= 4).sum() / len(csat)
    ces = frame["ces"].dropna()
    out["ces_mean"] = ces.mean()
    out["ces_agree"] = 100.0 * (ces >= 5).sum() / len(ces)
    out["rows"] = len(frame)
    return out


def main():
    questionnaire_path, data_path, segment = sys.argv[1:4]
    with open(questionnaire_path, encoding="utf-8") as handle:
        q = json.load(handle)
    numeric = {c: "float64" for d in q["servqual"]["dimensions"] for i in d["items"]
               for c in (i["expectation"], i["perception"])}
    numeric.update({"nps": "float64", "csat": "float64", "ces": "float64"})
    frame = pd.read_csv(data_path, dtype=numeric)
    rows = [dict(segment="", **figures(frame, q))]
    for value, group in sorted(frame.groupby(segment), key=lambda pair: pair[0]):
        rows.append(dict(segment=f"{segment}={value}", **figures(group, q)))
    print(json.dumps(rows, default=float))


if __name__ == "__main__":
    main()
