#!/usr/bin/env python3
"""Writes examples/kano/: a Kano survey of six features of a bank's app,
answered in the wordings survey tools use ("I like it", "It must be that
way", ...), with each feature leaning towards one category, and a segment
column. Seeded.

Usage: scripts/generate_kano_example.py [--rows N] [OUT_DIR]
"""
import argparse
import csv
import json
import os
import random

ANSWERS = ["I like it", "It must be that way", "I am neutral", "I can live with it", "I dislike it"]
# feature: (text, its usual (functional, dysfunctional) answers and their weights)
FEATURES = {
    "login": ("Log in with a fingerprint", [((1, 5), 0.2), ((2, 5), 0.55), ((3, 5), 0.15), ((3, 3), 0.1)]),
    "transfer": ("Instant transfers to any bank", [((1, 5), 0.6), ((1, 4), 0.15), ((2, 5), 0.15), ((3, 3), 0.1)]),
    "budget": ("Spending insights by category", [((1, 3), 0.45), ((1, 4), 0.2), ((3, 3), 0.3), ((1, 5), 0.05)]),
    "chat": ("Chat with an adviser in the app", [((1, 3), 0.3), ((3, 3), 0.35), ((1, 5), 0.3), ((2, 5), 0.05)]),
    "theme": ("A dark colour theme", [((3, 3), 0.55), ((1, 3), 0.25), ((4, 3), 0.15), ((5, 1), 0.05)]),
    "ads": ("Offers from partner shops", [((5, 1), 0.45), ((5, 3), 0.25), ((3, 3), 0.25), ((1, 1), 0.05)]),
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=240)
    parser.add_argument("out", nargs="?", default="examples/kano")
    args = parser.parse_args()
    rng = random.Random(1993)
    columns = ["respondent", "age_band"]
    for feature in FEATURES:
        columns += [f"{feature}_has", f"{feature}_lacks"]
    rows = []
    for number in range(1, args.rows + 1):
        row = {"respondent": str(number), "age_band": rng.choice(["18-34", "35-54", "55+"])}
        for feature, (_, pairs) in FEATURES.items():
            (functional, dysfunctional), = rng.choices([p for p, _ in pairs], [w for _, w in pairs])
            if rng.random() < 0.08:  # a stray answer
                functional, dysfunctional = rng.randint(1, 5), rng.randint(1, 5)
            row[f"{feature}_has"] = ANSWERS[functional - 1] if rng.random() > 0.02 else ""
            row[f"{feature}_lacks"] = ANSWERS[dysfunctional - 1]
        rows.append(row)
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "responses.csv"), "w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    questionnaire = {
        "gapscore": 1,
        "title": "Mobile banking app - Kano survey",
        "respondent_id": "respondent",
        "kano": {"features": [{"id": f, "text": text, "functional": f"{f}_has", "dysfunctional": f"{f}_lacks"}
                              for f, (text, _) in FEATURES.items()]},
    }
    with open(os.path.join(args.out, "questionnaire.json"), "w", encoding="utf-8") as out:
        out.write(json.dumps(questionnaire, indent=2) + "\n")


if __name__ == "__main__":
    main()
