#!/usr/bin/env python3
"""Writes examples/stores/responses.csv: a stratified, clustered survey of a
retail chain's stores.

Seeded, so the same run gives the same bytes. The chain's stores are in
four regions (the strata); in each region a few stores were drawn (the
primary sampling units) and customers interviewed in them. Customers of
one store share its staff and its queues, so their answers move together:
the design effect that a simple random sample's standard errors ignore.
Each row carries its region, store, the region's number of stores (the
finite population correction; also as the share of its stores drawn),
the customer's age group (a breakdown
that cuts across stores) and a weight (the inverse of the chance of
drawing the store, times the store's customers over those interviewed).
Eight SERVQUAL items (E and P, 1..7), NPS, CSAT and CES.

Usage: scripts/generate_store_example.py [--seed S] [OUT]
"""
import argparse
import csv
import random
import sys

# Region: (stores in the region, stores drawn).
REGIONS = {"Central": (18, 5), "Coast": (12, 4), "Hills": (8, 3), "Metro": (30, 6)}
DIMENSIONS = [("tangibles", 1), ("reliability", 2), ("responsiveness", 2), ("assurance", 1), ("empathy", 2)]
EXPECTED = {"tangibles": 5.6, "reliability": 6.4, "responsiveness": 6.2, "assurance": 6.3, "empathy": 5.9}
SHORTFALL = {"tangibles": 0.4, "reliability": 1.0, "responsiveness": 1.2, "assurance": 0.5, "empathy": 0.7}


def clip(value, low, high):
    return max(low, min(high, int(round(value))))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("out", nargs="?", default="examples/stores/responses.csv")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    items = [f"{d[:3].upper()}{i + 1}" for d, k in DIMENSIONS for i in range(k)]
    header = ["respondent", "region", "store", "region_stores", "sampled_share", "weight", "age_group"]
    for item in items:
        header += [item + "_E", item + "_P"]
    header += ["recommend", "satisfied", "effort"]
    rows = []
    number = 0
    for region, (stores, drawn) in REGIONS.items():
        for s in rng.sample(range(1, stores + 1), drawn):
            store = f"{region[:2].upper()}-{s:02d}"
            # The store's own level: the source of the clustering.
            effect = rng.gauss(0, 0.6)
            customers = rng.randint(800, 4000)
            interviewed = rng.randint(12, 45)
            weight = round(stores / drawn * customers / interviewed, 3)
            for _ in range(interviewed):
                number += 1
                person = rng.gauss(0, 0.5)
                age = rng.choice(["18-34", "35-54", "55+"])
                row = [f"C{number:05d}", region, store, str(stores), f"{drawn / stores:.6f}", f"{weight:.3f}", age]
                for dimension, count in DIMENSIONS:
                    for _ in range(count):
                        e = clip(EXPECTED[dimension] + rng.gauss(0, 0.7), 1, 7)
                        p = clip(EXPECTED[dimension] - SHORTFALL[dimension] + effect + person + rng.gauss(0, 0.9), 1, 7)
                        row += [str(e) if rng.random() > 0.02 else "", str(p) if rng.random() > 0.02 else ""]
                mood = effect + person
                row.append(str(clip(7.5 + 2.2 * mood + rng.gauss(0, 1.6), 0, 10)))
                row.append(str(clip(3.9 + mood + rng.gauss(0, 0.8), 1, 5)))
                row.append(str(clip(4.8 + mood + rng.gauss(0, 1.1), 1, 7)) if rng.random() > 0.05 else "")
                rows.append(row)
    with open(args.out, "w", newline="") if args.out != "-" else sys.stdout as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


if __name__ == "__main__":
    main()
