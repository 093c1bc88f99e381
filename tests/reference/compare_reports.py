#!/usr/bin/env python3
"""Compares two JSON reports: counts (integers) exactly, other numbers to
1e-9 relative, everything else exactly, ignoring input.files.

Usage: compare_reports.py A.json B.json
"""
import json
import math
import sys


def compare(a, b, path, problems):
    if isinstance(a, dict) and isinstance(b, dict):
        if set(a) != set(b):
            problems.append(f"{path}: keys differ")
        for key in set(a) & set(b):
            if path == "/input" and key == "files":
                continue
            compare(a[key], b[key], f"{path}/{key}", problems)
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            problems.append(f"{path}: {len(a)} entries against {len(b)}")
        for i, (x, y) in enumerate(zip(a, b)):
            compare(x, y, f"{path}/{i}", problems)
    elif isinstance(a, int) and isinstance(b, int) and not isinstance(a, bool):
        if a != b:
            problems.append(f"{path}: {a} against {b}")
    elif isinstance(a, float) or isinstance(b, float):
        if not (isinstance(a, (int, float)) and isinstance(b, (int, float)) and
                math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)):
            problems.append(f"{path}: {a!r} against {b!r}")
    elif a != b:
        problems.append(f"{path}: {a!r} against {b!r}")


def main():
    with open(sys.argv[1]) as first, open(sys.argv[2]) as second:
        problems = []
        compare(json.load(first), json.load(second), "", problems)
    for problem in problems[:20]:
        print(problem)
    print("reports agree" if not problems else f"{len(problems)} differences")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
