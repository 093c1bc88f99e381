#!/usr/bin/env python3
"""Writes a benchmark export of N rows shaped like the 22-item SERVQUAL
example: 44 item columns (E_01, P_01, ... E_22, P_22, 1..7), nps (0..10),
csat (1..5), ces (1..7), two segment columns (region, channel), and a
free-text comment that is sometimes quoted with commas and line breaks;
about 2% of answer cells are empty. Seeded: the same N gives the same bytes.

The shapes of scripts/bench's matrix, on the same answers:
  --ids     a first column `respondent`, unique ids as platforms write them
            (R_ and 15 characters)
  --weights a last-but-one column `weight`, survey weights in 0.2..3.0
  --zot     zone of tolerance: A_01, D_01, P_01 (adequate, desired,
            perceived) per item instead of E_01, P_01
  --slider  items on 0..100 sliders instead of 1..7

Usage: scripts/generate_bench_data.py ROWS OUT.csv [--seed S] [--ids] [--weights] [--zot] [--slider]
"""
import argparse
import sys

import numpy as np

REGIONS = np.array(["North", "South", "East", "West", "Central"])
CHANNELS = np.array(["Branch", "Phone", "Online"])
COMMENTS = np.array([
    "", "", "", "", "", "", "",
    "ok",
    "Friendly staff",
    '"Queue was long, but staff were kind"',
    '"Could not log in.\nCalled twice, nobody answered."',
    '"The ""express"" desk was closed"',
    "Great app",
])
SHORTFALL = np.array([0.3] * 4 + [1.1] * 5 + [0.9] * 4 + [0.5] * 4 + [0.8] * 5)
EXPECTED = np.array([5.7] * 4 + [6.5] * 5 + [6.3] * 4 + [6.4] * 4 + [6.0] * 5)
CHUNK = 100_000


def respondent_ids(first, n):
    """Unique ids: the row number scrambled by an odd multiplier modulo 2^60, as 15 hex digits."""
    numbers = (np.arange(first, first + n, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)) & np.uint64((1 << 60) - 1)
    return np.char.add("R_", np.array([f"{int(x):015x}" for x in numbers]))


def chunk_rows(rng, n, first, args):
    experience = rng.normal(0, 1, size=(n, 1))
    generosity = rng.normal(0, 0.5, size=(n, 1))
    expectation = np.clip(np.rint(rng.normal(EXPECTED + generosity, 0.7)), 1, 7).astype(np.int16)
    perception = np.clip(np.rint(rng.normal(6.2 + generosity - SHORTFALL + 0.8 * experience, 0.9)), 1, 7)
    perception = perception.astype(np.int16)
    mean_p = perception.mean(axis=1)
    if args.slider:
        expectation = np.clip(np.rint((expectation - 1) * 100 / 6 + rng.normal(0, 4, expectation.shape)), 0, 100)
        perception = np.clip(np.rint((perception - 1) * 100 / 6 + rng.normal(0, 4, perception.shape)), 0, 100)
    if args.zot:
        adequate = np.clip(expectation - 1 - rng.integers(0, 2, expectation.shape), 1, 7)
        columns = [adequate, expectation, perception]
    else:
        columns = [expectation, perception]
    items = np.empty((n, 22 * len(columns)), dtype=np.int16)
    for k, values in enumerate(columns):
        items[:, k::len(columns)] = values
    nps = np.clip(np.rint(rng.normal(1.6 * mean_p - 0.4, 1.8)), 0, 10).astype(np.int16)
    csat = np.clip(np.rint(rng.normal(mean_p - 1.0, 0.8)), 1, 5).astype(np.int16)
    ces = np.clip(np.rint(rng.normal(mean_p - 0.3, 1.2)), 1, 7).astype(np.int16)
    answers = np.concatenate([items, nps[:, None], csat[:, None], ces[:, None]], axis=1).astype("U3")
    answers[rng.random(answers.shape) < 0.02] = ""
    region = REGIONS[rng.integers(0, len(REGIONS), n)]
    channel = CHANNELS[rng.integers(0, len(CHANNELS), n)]
    comment = COMMENTS[rng.integers(0, len(COMMENTS), n)]
    ids = respondent_ids(first, n) if args.ids else None
    weights = np.char.mod("%.3f", rng.uniform(0.2, 3.0, n)) if args.weights else None
    lines = []
    for r in range(n):
        line = (ids[r] + "," if args.ids else "") + ",".join(answers[r]) + "," + region[r] + "," + channel[r]
        lines.append(line + ("," + weights[r] if args.weights else "") + "," + comment[r])
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("rows", type=int)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=5)
    for shape in ("ids", "weights", "zot", "slider"):
        parser.add_argument(f"--{shape}", action="store_true")
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    measures = ("A", "D", "P") if args.zot else ("E", "P")
    header = (["respondent"] if args.ids else []) + [f"{m}_{i:02d}" for i in range(1, 23) for m in measures]
    header += ["nps", "csat", "ces", "region", "channel"] + (["weight"] if args.weights else []) + ["comment"]
    with open(args.out, "w", encoding="utf-8", newline="") as out:
        out.write(",".join(header) + "\n")
        done = 0
        while done < args.rows:
            n = min(CHUNK, args.rows - done)
            out.write(chunk_rows(rng, n, done, args))
            done += n


if __name__ == "__main__":
    sys.exit(main())
