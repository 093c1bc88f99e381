#!/usr/bin/env python3
"""Runs `gapscore compare` on two JSON reports and checks every figure of its
JSON and CSV output against METHODS.md ("Comparing two populations"),
computed here from the two reports with scipy.

Usage: check_compare.py GAPSCORE A.json B.json [--segment-a SEG] [--segment-b SEG]
Exit 0 when every figure agrees (relative 1e-9), 1 with the differences.
"""
import argparse
import csv
import io
import json
import math
import subprocess
import sys

from scipy import stats as scipy_stats

from check_report import compare, parse_value

MEASURES = ["expectation", "perception", "adequate", "desired", "gap", "msa", "mss", "importance"]


def label(segment):
    return ";".join(f"{column}={value}" for column, value in segment.items())


def result_of(report, segment):
    return next(r for r in report["results"] if label(r["segment"]) == segment)


def summarized(block, keys):
    """The block's figures as a comparison shows them; n_eff after n when
    the report had survey weights."""
    out = {}
    for key in keys:
        out[key] = block[key]
        if key == "n" and "n_eff" in block:
            out["n_eff"] = block["n_eff"]
    return out


def size(block):
    """n, or with survey weights Kish's n_eff, which takes n's place."""
    return block.get("n_eff", block["n"])


def means(a, b):
    summary = lambda block: summarized(block, ("n", "mean", "sd"))
    out = {"a": summary(a), "b": summary(b), "test": "welch", "difference": None, "t": None, "df": None,
           "p": None, "p_holm": None, "flag": None}
    if a["mean"] is not None and b["mean"] is not None:
        out["difference"] = a["mean"] - b["mean"]
    if "df" in a and "df" in b:
        # Survey-weighted blocks: their linearised se, the smaller design df.
        out["test"] = "design_t"
        if out["difference"] is None or a["se"] is None or b["se"] is None or a["se"] ** 2 + b["se"] ** 2 == 0:
            return out
        t = out["difference"] / math.hypot(a["se"], b["se"])
        df = min(a["df"], b["df"])
        out.update({"t": t, "df": df, "p": float(2 * scipy_stats.t.sf(abs(t), df))})
        return out
    na, nb = size(a), size(b)
    if a["sd"] is None or b["sd"] is None or a["n"] < 2 or b["n"] < 2 or na <= 1 or nb <= 1:
        return out
    va, vb = a["sd"] ** 2 / na, b["sd"] ** 2 / nb
    if va + vb == 0:
        return out
    t, p = scipy_stats.ttest_ind_from_stats(a["mean"], a["sd"], na, b["mean"], b["sd"], nb, equal_var=False)
    out.update({"t": float(t), "df": (va + vb) ** 2 / (va ** 2 / (na - 1) + vb ** 2 / (nb - 1)), "p": float(p)})
    return out


def nps(a, b):
    summary = lambda block: summarized(block, ("n", "score", "se"))
    out = {"a": summary(a), "b": summary(b), "test": "z", "difference": None, "z": None, "se": None, "p": None,
           "p_holm": None, "flag": None}
    if a["score"] is not None and b["score"] is not None:
        out["difference"] = a["score"] - b["score"]
    if a["se"] is not None and b["se"] is not None:
        out["se"] = math.hypot(a["se"], b["se"])
        if out["se"] > 0:
            out["z"] = out["difference"] / out["se"]
            out["p"] = float(2 * scipy_stats.norm.sf(abs(out["z"])))
    return out


def proportions(a, b, count_key):
    summary = lambda block: summarized({**block, "count": block[count_key]}, ("n", "count", "score"))
    sa, sb = summary(a), summary(b)
    out = {"a": sa, "b": sb, "test": "two_proportion", "difference": None, "z": None, "p": None, "p_holm": None,
           "flag": None}
    weighted = "n_eff" in sa
    if sa["n"] and sb["n"] and (not weighted or (sa["score"] is not None and sb["score"] is not None)):
        if weighted:
            # Weighted shares over Kish's effective sizes.
            pa, pb, na, nb = sa["score"] / 100, sb["score"] / 100, sa["n_eff"], sb["n_eff"]
            pooled = (pa * na + pb * nb) / (na + nb)
        else:
            pa, pb, na, nb = sa["count"] / sa["n"], sb["count"] / sb["n"], sa["n"], sb["n"]
            pooled = (sa["count"] + sb["count"]) / (sa["n"] + sb["n"])
        out["difference"] = 100 * (pa - pb)
        se = math.sqrt(pooled * (1 - pooled) * (1 / na + 1 / nb))
        if se > 0:
            out["z"] = (pa - pb) / se
            out["p"] = float(2 * scipy_stats.norm.sf(abs(out["z"])))
    return out


def holm(family):
    tested = sorted((c for c in family if c["p"] is not None), key=lambda c: c["p"])
    running = 0.0
    for i, comparison in enumerate(tested):
        running = max(running, min(1.0, (len(tested) - i) * comparison["p"]))
        comparison["p_holm"] = running
        if running < 0.05:
            comparison["flag"] = "above" if comparison["difference"] > 0 else "below"


def expected_comparison(a_report, a_file, a_segment, b_report, b_file, b_segment):
    ra, rb = result_of(a_report, a_segment), result_of(b_report, b_segment)
    families = {}

    def blocks(level, key_id, x, y):
        out = {}
        for name in MEASURES:
            for measure in (name, name + "_weighted"):
                if measure in x and measure in y:
                    out[measure] = means(x[measure], y[measure])
                    families.setdefault((level, key_id, measure), []).append(out[measure])
        return out

    sa, sb = ra.get("servqual", {}), rb.get("servqual", {})
    by_id = lambda entries: {entry["id"]: entry for entry in entries}
    items, dimensions = [], []
    only_a, only_b = [], []
    for level, key, listing in (("item", "items", items), ("dimension", "dimensions", dimensions)):
        xs, ys = by_id(sa.get(key, [])), by_id(sb.get(key, []))
        for entry in sa.get(key, []):
            if entry["id"] in ys:
                head = {"id": entry["id"]}
                if level == "item":
                    head["dimension"] = entry["dimension"]
                listing.append({**head, **blocks(level, "", entry, ys[entry["id"]])})
            else:
                only_a.append(f"{level} {entry['id']}")
        only_b += [f"{level} {entry['id']}" for entry in sb.get(key, []) if entry["id"] not in xs]
    overall = blocks("overall", "servqual", sa["overall"], sb["overall"]) if "overall" in sa and "overall" in sb else {}
    metrics = []
    ys = by_id(rb.get("metrics", []))
    for metric in ra.get("metrics", []):
        other = ys.get(metric["id"])
        if other is None:
            only_a.append(f"metric {metric['id']}")
            continue
        entry = {"id": metric["id"], "type": metric["type"]}
        if metric["type"] == "nps":
            entry["score"] = nps(metric, other)
        elif metric["type"] == "csat":
            entry["score"] = proportions(metric, other, "satisfied")
            entry["rating"] = means(metric["rating"], other["rating"])
        else:
            entry["stats"] = means(metric["stats"], other["stats"])
            entry["agree"] = proportions(metric["agree"], other["agree"], "count")
        for measure, comparison in entry.items():
            if isinstance(comparison, dict):
                families.setdefault(("metric", metric["id"], measure), []).append(comparison)
        metrics.append(entry)
    xs = by_id(ra.get("metrics", []))
    only_b += [f"metric {m['id']}" for m in rb.get("metrics", []) if m["id"] not in xs]
    for family in families.values():
        holm(family)

    def side(report, file, result):
        return {"file": file, "title": report["questionnaire"]["title"], "segment": result["segment"],
                "rows": result["rows"]}

    return {"gapscore_comparison": 1, "tool": a_report["tool"], "a": side(a_report, a_file, ra),
            "b": side(b_report, b_file, rb), "items": items, "dimensions": dimensions, "overall": overall,
            "metrics": metrics, "only_in_a": only_a, "only_in_b": only_b}


def csv_rows(expected):
    """The tidy rows FORMATS.md defines, from the expected JSON."""
    rows = []

    def add(level, entry_id, measure, comparison):
        for side in ("a", "b"):
            rows.extend((level, entry_id, measure, f"{side}_{k}", v) for k, v in comparison[side].items())
        for stat in ("difference", "t", "df", "z", "se", "p", "p_holm"):
            if stat in comparison:
                rows.append((level, entry_id, measure, stat, comparison[stat]))
        flag = {"above": 1, "below": -1}.get(comparison["flag"], 0)
        rows.append((level, entry_id, measure, "flag", flag))

    for level, listing in (("item", expected["items"]), ("dimension", expected["dimensions"])):
        for entry in listing:
            for measure, comparison in entry.items():
                if isinstance(comparison, dict):
                    add(level, entry["id"], measure, comparison)
    for measure, comparison in expected["overall"].items():
        add("overall", "servqual", measure, comparison)
    for entry in expected["metrics"]:
        for measure, comparison in entry.items():
            if isinstance(comparison, dict):
                add("metric", entry["id"], measure, comparison)
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("gapscore")
    parser.add_argument("a")
    parser.add_argument("b")
    parser.add_argument("--segment-a", default="")
    parser.add_argument("--segment-b", default="")
    args = parser.parse_args()
    reports = []
    for path in (args.a, args.b):
        with open(path, encoding="utf-8") as f:
            reports.append(json.load(f))
    expected = expected_comparison(reports[0], args.a, args.segment_a, reports[1], args.b, args.segment_b)
    command = [args.gapscore, "compare", args.a, args.b, "--segment-a", args.segment_a, "--segment-b", args.segment_b]
    problems = []
    actual = json.loads(subprocess.run(command, check=True, capture_output=True).stdout)
    compare(expected, actual, "", problems)
    text = subprocess.run(command + ["-f", "csv"], check=True, capture_output=True, text=True).stdout
    table = list(csv.reader(io.StringIO(text)))
    if table[0] != ["level", "id", "measure", "stat", "value"]:
        problems.append(f"csv header {table[0]}")
    rows = [(level, entry_id, measure, stat, parse_value(value)) for level, entry_id, measure, stat, value in table[1:]]
    wanted = csv_rows(expected)
    if len(rows) != len(wanted):
        problems.append(f"csv: expected {len(wanted)} rows, found {len(rows)}")
    for want, got in zip(wanted, rows):
        compare(list(want), list(got), "csv", problems)
    for problem in problems[:30]:
        print(problem)
    print(f"{len(wanted)} figures compared, {len(problems)} differences")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
