#!/usr/bin/env python3
"""Writes examples/zot/: a zone-of-tolerance survey of a library service in
the three-column format (minimum adequate, desired and perceived level of
each of the 22 SERVQUAL statements, 1..9 as in LibQUAL+), with each
respondent allocating 100 points of importance over the five dimensions,
and NPS. Seeded; a few respondents give an adequate level above their
desired one, as real respondents do.

Usage: scripts/generate_zot_example.py [--rows N] [OUT_DIR]
"""
import argparse
import csv
import json
import os
import random

DIMENSIONS = [("tangibles", 4), ("reliability", 5), ("responsiveness", 4), ("assurance", 4), ("empathy", 5)]
PREFIX = {"tangibles": "T", "reliability": "RL", "responsiveness": "RS", "assurance": "AS", "empathy": "EM"}


def clamp(value):
    return max(1, min(9, round(value)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=400)
    parser.add_argument("out", nargs="?", default="examples/zot")
    args = parser.parse_args()
    rng = random.Random(1994)
    columns = ["id", "user_group"]
    items = []
    for dimension, count in DIMENSIONS:
        for k in range(1, count + 1):
            item = f"{PREFIX[dimension]}{k}"
            items.append((dimension, item))
            columns += [f"{item}_min", f"{item}_des", f"{item}_per"]
    columns += [f"imp_{d}" for d, _ in DIMENSIONS] + ["nps"]
    rows = []
    for number in range(1, args.rows + 1):
        group = rng.choice(["Undergraduate", "Postgraduate", "Faculty", "Staff"])
        quality = rng.gauss(0, 1)
        row = {"id": f"L{number:04d}", "user_group": group}
        for dimension, item in items:
            desired = clamp(rng.gauss(7.8, 0.9))
            adequate = clamp(desired - abs(rng.gauss(1.8, 1.0)))
            if rng.random() < 0.03:
                adequate, desired = desired, adequate  # an inverted zone
            perceived = clamp(rng.gauss(6.6 + 0.9 * quality - (0.4 if dimension == "reliability" else 0), 1.1))
            for suffix, value in (("min", adequate), ("des", desired), ("per", perceived)):
                row[f"{item}_{suffix}"] = "" if rng.random() < 0.015 else str(value)
        weights = [rng.gammavariate(2.0 + (2 if d == "reliability" else 0), 1.0) for d, _ in DIMENSIONS]
        points = [round(100 * w / sum(weights)) for w in weights]
        points[0] += 100 - sum(points)
        for (dimension, _), value in zip(DIMENSIONS, points):
            row[f"imp_{dimension}"] = str(max(0, value))
        if rng.random() < 0.02:
            row["imp_empathy"] = ""
        row["nps"] = str(max(0, min(10, round(rng.gauss(7.5 + 1.6 * quality, 1.5)))))
        rows.append(row)
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "responses.csv"), "w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    questionnaire = {
        "gapscore": 1,
        "title": "Library service quality - zone of tolerance",
        "respondent_id": "id",
        "scales": {"nine": {"min": 1, "max": 9}, "nps": {"min": 0, "max": 10}},
        "servqual": {
            "scale": "nine",
            "importance": {d: f"imp_{d}" for d, _ in DIMENSIONS},
            "dimensions": [
                {"id": dimension, "items": [
                    {"id": item, "adequate": f"{item}_min", "desired": f"{item}_des", "perception": f"{item}_per"}
                    for d, item in items if d == dimension]}
                for dimension, _ in DIMENSIONS]},
        "metrics": [{"id": "nps", "type": "nps", "column": "nps", "scale": "nps"}],
    }
    with open(os.path.join(args.out, "questionnaire.json"), "w", encoding="utf-8") as out:
        out.write(json.dumps(questionnaire, indent=2) + "\n")


if __name__ == "__main__":
    main()
