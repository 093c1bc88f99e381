#!/usr/bin/env python3
"""Writes examples/servqual22/management/: the knowledge-gap survey (gap 1 of
the gaps model) of the bank in examples/servqual22. Branch managers answer
the same 22 statements as they believe their customers would: what
customers expect of an excellent bank (E) and what customers think this
bank delivers (P). As the literature finds, managers underrate what
customers expect of reliability and responsiveness and overrate what they
deliver. Seeded; the questionnaire is the customers' SERVQUAL section with
the managers' id column and no NPS, CSAT or CES.

Usage: scripts/generate_management_example.py [--rows N] [OUT_DIR]
"""
import argparse
import csv
import json
import os
import random

UNDERRATED = {"reliability": 0.7, "responsiveness": 0.5}


def clamp(value):
    return max(1, min(7, round(value)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=80)
    parser.add_argument("out", nargs="?", default="examples/servqual22/management")
    args = parser.parse_args()
    with open("examples/servqual22/questionnaire.json", encoding="utf-8") as f:
        customers = json.load(f)
    questionnaire = {
        "gapscore": 1,
        "title": "SERVQUAL 22 - retail bank branches, managers' view of customers",
        "respondent_id": "manager_id",
        "missing": customers["missing"],
        "scales": {"agree7": customers["scales"]["agree7"]},
        "servqual": customers["servqual"],
    }
    rng = random.Random(1985)
    items = [(d["id"], item) for d in customers["servqual"]["dimensions"] for item in d["items"]]
    columns = ["manager_id", "region"]
    for _, item in items:
        columns += [item["expectation"], item["perception"]]
    rows = []
    for number in range(1, args.rows + 1):
        row = {"manager_id": f"M{number:03d}", "region": rng.choice(["East", "North", "South", "West"])}
        optimism = rng.gauss(0, 0.4)
        for dimension, item in items:
            expected = 6.2 - UNDERRATED.get(dimension, 0)
            row[item["expectation"]] = str(clamp(rng.gauss(expected, 0.8)))
            row[item["perception"]] = str(clamp(rng.gauss(6.0 + optimism, 0.8)))
            if rng.random() < 0.01:
                row[item["perception"]] = ""
        rows.append(row)
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "questionnaire.json"), "w", encoding="utf-8") as f:
        json.dump(questionnaire, f, indent=2)
        f.write("\n")
    with open(os.path.join(args.out, "responses.csv"), "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    main()
