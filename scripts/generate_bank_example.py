#!/usr/bin/env python3
"""Writes examples/servqual22/responses.csv: a realistic retail-bank export.

Seeded, so the same run gives the same bytes. About 2,000 responses to the
22-item SERVQUAL questionnaire (expectation and perception, 1..7), NPS,
CSAT and CES, with the mess real exports carry: empty and "N/A" cells,
answers written as labels in any case, "6.0" decimals, a few impossible
values, free-text comments with commas, quotes and line breaks, repeated
respondent ids and truncated rows.

Usage: scripts/generate_bank_example.py [--rows N] [--seed S] [OUT]
"""
import argparse
import csv
import math
import random
import sys

DIMENSIONS = [  # RATER dimensions in the standard order, with item counts
    ("tangibles", 4),
    ("reliability", 5),
    ("responsiveness", 4),
    ("assurance", 4),
    ("empathy", 5),
]
# How far each dimension's perceptions fall short of a typical expectation.
SHORTFALL = {"tangibles": 0.3, "reliability": 1.1, "responsiveness": 0.9, "assurance": 0.5, "empathy": 0.8}
# Customers expect most of reliability and least of tangibles.
EXPECTED = {"tangibles": 5.7, "reliability": 6.5, "responsiveness": 6.3, "assurance": 6.4, "empathy": 6.0}
REGIONS = {"North": ["Leeds", "York", "Durham"], "South": ["Brighton", "Exeter", "Dover"],
           "East": ["Norwich", "Ipswich"], "West": ["Bristol", "Bath", "Truro", "Cardiff"]}
BRANCH_EFFECT = {}
CHANNELS = [("Branch", 0.55), ("Phone", 0.2), ("Online", 0.25)]
COMMENTS = [
    "Staff were friendly, but the queue was long.",
    "Could not get an appointment for two weeks",
    'The "priority" line was anything but.',
    "Great service from Anna at the counter.\nWill come back.",
    "Card machine broken again; had to come back, twice.",
    "App crashed during transfer",
    "Mortgage advisor explained everything clearly",
    "Nobody called back as promised.\r\nVery disappointed.",
    "ok",
    "Branch is clean and modern, parking is a nightmare",
]


def clamp(value, low, high):
    return max(low, min(high, value))


def likert(rng, mean, spread):
    return int(clamp(round(rng.gauss(mean, spread)), 1, 7))


def messy(rng, value):
    """Writes an answer the way a survey platform might."""
    roll = rng.random()
    if roll < 0.02:
        return ""
    if roll < 0.023:
        return "N/A"
    if roll < 0.026 and value in (1, 7):
        label = "Strongly agree" if value == 7 else "Strongly disagree"
        return rng.choice([label, label.lower(), label.upper()])
    if roll < 0.028:
        return f"{value}.0"
    if roll < 0.0284:
        return rng.choice(["8", "0", "?", "4.5", "77"])
    return str(value)


def respondent(rng, number, region, branch):
    generosity = rng.gauss(0, 0.5)
    experience = rng.gauss(0, 1) + BRANCH_EFFECT[branch]
    row = {"resp_id": f"BR-{number:06d}", "submitted": f"2026-10-{1 + number % 28:02d}",
           "region": region, "branch": branch,
           "channel": rng.choices([c for c, _ in CHANNELS], [w for _, w in CHANNELS])[0]}
    perceptions = []
    item = 0
    for dimension, count in DIMENSIONS:
        quality = 6.2 + generosity - SHORTFALL[dimension] + 0.8 * experience + rng.gauss(0, 0.5)
        for _ in range(count):
            item += 1
            expectation = likert(rng, EXPECTED[dimension] + generosity, 0.7)
            perception = likert(rng, quality, 0.8)
            perceptions.append(perception)
            row[f"E_{item:02d}"] = messy(rng, expectation)
            row[f"P_{item:02d}"] = messy(rng, perception)
    mean_p = sum(perceptions) / len(perceptions)
    row["nps"] = str(int(clamp(round(rng.gauss(1.6 * mean_p - 0.4, 1.8)), 0, 10))) if rng.random() > 0.03 else ""
    row["csat"] = str(int(clamp(round(rng.gauss(mean_p - 1.0, 0.8)), 1, 5))) if rng.random() > 0.02 else ""
    row["ces"] = str(int(clamp(round(rng.gauss(mean_p - 0.3, 1.2)), 1, 7))) if rng.random() > 0.04 else ""
    row["comment"] = rng.choice(COMMENTS) if rng.random() < 0.3 else ""
    return row


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument("out", nargs="?", default="examples/servqual22/responses.csv")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    for branches in REGIONS.values():
        for branch in branches:
            BRANCH_EFFECT[branch] = rng.gauss(0, 0.35)

    columns = ["resp_id", "submitted", "region", "branch", "channel"]
    columns += [f"{m}_{i:02d}" for i in range(1, 23) for m in ("E", "P")]
    columns += ["nps", "csat", "ces", "comment"]
    rows = []
    for number in range(1, args.rows + 1):
        region = rng.choice(sorted(REGIONS))
        rows.append(respondent(rng, number, region, rng.choice(REGIONS[region])))
    # A platform re-sending a few responses, and a few rows cut short.
    for _ in range(3):
        again = dict(rng.choice(rows))
        again["P_01"] = str(rng.randint(1, 7))
        rows.insert(rng.randrange(len(rows)), again)
    truncated = set(rng.sample(range(len(rows)), 2))

    with open(args.out, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for index, row in enumerate(rows):
            values = [row[c] for c in columns]
            if index in truncated:
                values = values[: math.floor(len(values) * 0.6)]
            writer.writerow(values)


if __name__ == "__main__":
    sys.exit(main())
