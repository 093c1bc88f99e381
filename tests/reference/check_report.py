#!/usr/bin/env python3
"""Runs gapscore and checks every figure of its JSON and CSV reports
against the independent implementation in reference.py.

Usage: check_report.py GAPSCORE -q QUESTIONNAIRE [--by SPEC]... [--min-n K] INPUT...
Exit 0 when every figure agrees (relative 1e-9), 1 with the differences.
"""
import argparse
import csv
import io
import json
import math
import subprocess
import sys

import reference

TOLERANCE = 1e-9


def close(a, b):
    if isinstance(a, bool) or isinstance(b, bool):
        return a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(a, b, rel_tol=TOLERANCE, abs_tol=1e-12)
    return a == b


def compare(expected, actual, path, problems):
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            problems.append(f"{path}: expected an object, found {actual!r}")
            return
        if set(expected) != set(actual):
            problems.append(f"{path}: keys differ: missing {sorted(set(expected) - set(actual))}, "
                            f"unexpected {sorted(set(actual) - set(expected))}")
        for key in expected:
            if key in actual:
                compare(expected[key], actual[key], f"{path}/{key}", problems)
    elif isinstance(expected, list):
        if not isinstance(actual, list) or len(expected) != len(actual):
            problems.append(f"{path}: expected {len(expected)} entries, found {actual!r:.200}")
            return
        for i, (e, a) in enumerate(zip(expected, actual)):
            compare(e, a, f"{path}/{i}", problems)
    elif not close(expected, actual):
        problems.append(f"{path}: expected {expected!r}, found {actual!r}")


def parse_value(text):
    if text == "":
        return None
    try:
        return int(text)
    except ValueError:
        return float(text)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("gapscore")
    parser.add_argument("-q", required=True)
    parser.add_argument("--by", action="append", default=[])
    parser.add_argument("--min-n", type=int, default=0)
    parser.add_argument("--baseline")
    parser.add_argument("inputs", nargs="+")
    args = parser.parse_args()

    command = [args.gapscore, "score", "-q", args.q, *args.inputs, "--min-n", str(args.min_n)]
    for spec in args.by:
        command += ["--by", spec]
    baseline = None
    if args.baseline:
        command += ["--baseline", args.baseline]
        with open(args.baseline) as handle:
            baseline = json.load(handle)
    actual_json = json.loads(subprocess.run(command, check=True, capture_output=True).stdout)
    actual_csv = subprocess.run(command + ["-f", "csv"], check=True, capture_output=True).stdout.decode("utf-8")
    expected = reference.compute_report(args.q, args.inputs, args.by, args.min_n, baseline)

    problems = []
    actual_json.pop("tool", None)
    compare(expected, actual_json, "", problems)

    lines = list(csv.reader(io.StringIO(actual_csv)))
    if lines[0] != ["segment", "level", "id", "measure", "stat", "value"]:
        problems.append(f"csv: unexpected header {lines[0]}")
    actual_rows = {}
    for line in lines[1:]:
        key = tuple(line[:5])
        if key in actual_rows:
            problems.append(f"csv: row {key} appears twice")
        actual_rows[key] = parse_value(line[5])
    expected_rows = reference.tidy_rows(expected)
    for key in sorted(set(expected_rows) - set(actual_rows)):
        problems.append(f"csv: missing row {key}")
    for key in sorted(set(actual_rows) - set(expected_rows)):
        problems.append(f"csv: unexpected row {key}")
    for key in sorted(set(expected_rows) & set(actual_rows)):
        if not close(expected_rows[key], actual_rows[key]):
            problems.append(f"csv: {key}: expected {expected_rows[key]!r}, found {actual_rows[key]!r}")

    for problem in problems[:50]:
        print(problem)
    if problems:
        print(f"{len(problems)} differences")
        return 1
    print(f"every figure agrees: {len(expected_rows)} tidy rows, {len(expected['results'])} result blocks")
    return 0


if __name__ == "__main__":
    sys.exit(main())
