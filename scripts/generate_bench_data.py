#!/usr/bin/env python3
"""Writes a benchmark export of N rows shaped like the 22-item SERVQUAL
example: 44 item columns (E_01, P_01, ... E_22, P_22, 1..7), nps (0..10),
csat (1..5), ces (1..7), two segment columns (region, channel), and a
free-text comment that is sometimes quoted with commas and line breaks;
about 2% of answer cells are empty. Seeded: the same N gives the same bytes.

Usage: scripts/generate_bench_data.py ROWS OUT.csv [--seed S]
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


def chunk_rows(rng, n):
    experience = rng.normal(0, 1, size=(n, 1))
    generosity = rng.normal(0, 0.5, size=(n, 1))
    expectation = np.clip(np.rint(rng.normal(EXPECTED + generosity, 0.7)), 1, 7).astype(np.int8)
    perception = np.clip(np.rint(rng.normal(6.2 + generosity - SHORTFALL + 0.8 * experience, 0.9)), 1, 7)
    perception = perception.astype(np.int8)
    items = np.empty((n, 44), dtype=np.int8)
    items[:, 0::2] = expectation
    items[:, 1::2] = perception
    mean_p = perception.mean(axis=1)
    nps = np.clip(np.rint(rng.normal(1.6 * mean_p - 0.4, 1.8)), 0, 10).astype(np.int8)
    csat = np.clip(np.rint(rng.normal(mean_p - 1.0, 0.8)), 1, 5).astype(np.int8)
    ces = np.clip(np.rint(rng.normal(mean_p - 0.3, 1.2)), 1, 7).astype(np.int8)
    answers = np.concatenate([items, nps[:, None], csat[:, None], ces[:, None]], axis=1).astype("U2")
    answers[rng.random(answers.shape) < 0.02] = ""
    region = REGIONS[rng.integers(0, len(REGIONS), n)]
    channel = CHANNELS[rng.integers(0, len(CHANNELS), n)]
    comment = COMMENTS[rng.integers(0, len(COMMENTS), n)]
    lines = []
    for r in range(n):
        lines.append(",".join(answers[r]) + "," + region[r] + "," + channel[r] + "," + comment[r])
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("rows", type=int)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    header = [f"{m}_{i:02d}" for i in range(1, 23) for m in ("E", "P")] + ["nps", "csat", "ces", "region", "channel",
                                                                          "comment"]
    with open(args.out, "w", encoding="utf-8", newline="") as out:
        out.write(",".join(header) + "\n")
        done = 0
        while done < args.rows:
            n = min(CHUNK, args.rows - done)
            out.write(chunk_rows(rng, n))
            done += n


if __name__ == "__main__":
    sys.exit(main())
