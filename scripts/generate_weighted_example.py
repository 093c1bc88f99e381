#!/usr/bin/env python3
"""Writes examples/weighted/: a mobile operator's store survey with survey
weights. The sample over-represents older customers and the North (they
answer more often), so each respondent carries a post-stratification
weight: the population share of their age group and region over the
sample's share, in a `weight` column. Younger customers rate the stores
lower, so the weighted figures fall below the unweighted ones.

It exercises every weighted figure: items with E and P (and the zone of
tolerance for reliability and responsiveness), fixed dimension weights,
NPS, CSAT and CES, key drivers and two Kano features; and the row checks:
a few weights are empty, "NA", negative or not a number (rejected as
bad_weight), a few are 0 (used, with no influence on weighted figures),
and one rejected row's id comes back with a good weight (used).

Seeded. Usage: scripts/generate_weighted_example.py [--rows N] [OUT_DIR]
"""
import argparse
import csv
import json
import os
import random

DIMENSIONS = [("tangibles", 0.10), ("reliability", 0.30), ("responsiveness", 0.25), ("assurance", 0.20),
              ("empathy", 0.15)]
ZONE = {"reliability", "responsiveness"}
AGES = {"18-34": (0.35, 0.20), "35-54": (0.35, 0.35), "55+": (0.30, 0.45)}  # population, sample share
REGIONS = {"North": (0.40, 0.55), "South": (0.60, 0.45)}
AGE_SHIFT = {"18-34": -0.9, "35-54": -0.2, "55+": 0.4}
KANO = ["I like it", "I expect it", "I am neutral", "I can live with it", "I dislike it"]


def clamp(value, low=1, high=7):
    return max(low, min(high, round(value)))


def pick(rng, shares):
    return rng.choices(list(shares), weights=[s[1] for s in shares.values()])[0]


def questionnaire():
    dimensions = []
    for dimension, weight in DIMENSIONS:
        items = []
        for number in (1, 2):
            code = f"{dimension[:3].upper()}{number}"
            item = {"id": code, "expectation": f"{code}_E", "perception": f"{code}_P"}
            if dimension in ZONE:
                item.update({"adequate": f"{code}_min", "desired": f"{code}_des"})
            items.append(item)
        dimensions.append({"id": dimension, "weight": weight, "items": items})
    return {
        "gapscore": 1,
        "title": "Mobile operator stores - weighted to the customer base",
        "respondent_id": "respondent",
        "weight_column": "weight",
        "missing": ["", "NA"],
        "scales": {"agree7": {"min": 1, "max": 7}},
        "servqual": {"scale": "agree7", "dimensions": dimensions},
        "metrics": [{"type": "nps", "column": "recommend"}, {"type": "csat", "column": "satisfied"},
                    {"type": "ces", "column": "effort"}],
        "drivers": {"outcome": "nps"},
        "kano": {"features": [{"id": "esim", "functional": "esim_has", "dysfunctional": "esim_lacks"},
                              {"id": "queue", "functional": "queue_has", "dysfunctional": "queue_lacks"}]},
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=500)
    parser.add_argument("out", nargs="?", default="examples/weighted")
    args = parser.parse_args()
    q = questionnaire()
    rng = random.Random(2026)
    items = [(d["id"], item) for d in q["servqual"]["dimensions"] for item in d["items"]]
    columns = ["respondent", "age_group", "region", "weight"]
    for _, item in items:
        columns += [item[key] for key in ("expectation", "adequate", "desired", "perception") if key in item]
    columns += ["recommend", "satisfied", "effort", "esim_has", "esim_lacks", "queue_has", "queue_lacks"]
    rows = []
    for number in range(1, args.rows + 1):
        age, region = pick(rng, AGES), pick(rng, REGIONS)
        weight = AGES[age][0] / AGES[age][1] * REGIONS[region][0] / REGIONS[region][1] * rng.uniform(0.9, 1.1)
        row = {"respondent": f"R{number:04d}", "age_group": age, "region": region, "weight": f"{weight:.4f}"}
        mood = AGE_SHIFT[age] + rng.gauss(0, 0.6)
        for dimension, item in items:
            expected = clamp(rng.gauss(6.0, 0.7))
            row[item["expectation"]] = str(expected)
            if "adequate" in item:
                adequate = clamp(rng.gauss(4.5, 0.8))
                row[item["adequate"]] = str(adequate)
                row[item["desired"]] = str(clamp(max(adequate, rng.gauss(6.2, 0.6))))
            row[item["perception"]] = str(clamp(rng.gauss(5.0 + mood - (0.4 if dimension in ZONE else 0), 1.0)))
            if rng.random() < 0.02:
                row[item["perception"]] = ""
        row["recommend"] = str(clamp(rng.gauss(7.2 + 1.5 * mood, 1.8), 0, 10))
        row["satisfied"] = str(clamp(rng.gauss(3.8 + 0.8 * mood, 0.8), 1, 5))
        row["effort"] = str(clamp(rng.gauss(5.0 + 0.5 * mood, 1.2)))
        for feature, young_like in (("esim", 0.6), ("queue", 0.2)):
            likes = rng.random() < (young_like if age == "18-34" else 0.25)
            row[f"{feature}_has"] = KANO[0] if likes else rng.choice(KANO[1:3])
            row[f"{feature}_lacks"] = rng.choice(KANO[2:4]) if likes else rng.choice(KANO[3:])
        rows.append(row)
    # Rows whose weight cannot be used, and zero weights, at fixed places.
    for index, bad in ((40, ""), (90, "NA"), (150, "-1.2"), (260, "heavy")):
        rows[index]["weight"] = bad
    for index in (75, 310):
        rows[index]["weight"] = "0"
    # A respondent whose first row lacked a weight answers again with one.
    again = dict(rows[40])
    again["weight"] = "1.0000"
    rows.insert(400, again)

    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "questionnaire.json"), "w", encoding="utf-8") as f:
        json.dump(q, f, indent=2)
        f.write("\n")
    with open(os.path.join(args.out, "responses.csv"), "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    main()
