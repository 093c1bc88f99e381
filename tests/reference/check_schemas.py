#!/usr/bin/env python3
"""Validates every bundled questionnaire, the questionnaires `gapscore
init` writes, every bundled JSON report and reports gapscore writes now
(segments, suppression, baselines, survey weights, zone of tolerance,
Kano) against the published JSON Schemas (draft 2020-12), with the
`jsonschema` package; and checks that the schemas refuse a few wrong
documents, so that a schema accepting anything cannot pass.

Usage: check_schemas.py GAPSCORE      (from the repository root)
"""
import copy
import glob
import json
import subprocess
import sys

from jsonschema import Draft202012Validator

GAPSCORE = sys.argv[1]


def load(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def run(*args):
    return subprocess.run([GAPSCORE, *args], check=True, capture_output=True).stdout


def main():
    validators = {}
    for name in ("questionnaire", "report"):
        schema = load(f"docs/schemas/{name}.schema.json")
        Draft202012Validator.check_schema(schema)
        validators[name] = Draft202012Validator(schema)
    problems = []
    counts = {"questionnaire": 0, "report": 0}

    def check(kind, document, where):
        counts[kind] += 1
        for error in validators[kind].iter_errors(document):
            problems.append(f"{where}: /{'/'.join(str(p) for p in error.absolute_path)}: {error.message[:200]}")

    questionnaires = sorted(glob.glob("examples/**/*questionnaire*.json", recursive=True))
    for path in questionnaires:
        check("questionnaire", load(path), path)
    for data in ["examples/servqual22/responses.csv", "examples/zot/responses.csv", "examples/kano/responses.csv",
                 "examples/weighted/responses.csv", "examples/exports/qualtrics/responses.csv"]:
        check("questionnaire", json.loads(run("init", data)), f"init {data}")

    for path in sorted(glob.glob("examples/**/*.json", recursive=True)):
        document = load(path)
        if "gapscore_report" in document:
            check("report", document, path)
    runs = [
        ["-q", "examples/servqual22/questionnaire.json", "examples/servqual22/responses.csv", "--by", "region",
         "--by", "channel,region", "--min-n", "40", "--baseline", "examples/servqual22/previous/report_by_region.json"],
        ["-q", "examples/weighted/questionnaire.json", "examples/weighted/responses.csv", "--by", "age_group",
         "--baseline", "examples/weighted/expected/report.json"],
        ["-q", "examples/zot/questionnaire.json", "examples/zot/responses.csv", "--by", "user_group"],
        ["-q", "examples/kano/questionnaire.json", "examples/kano/responses.csv", "--by", "age_band"],
        ["-q", "examples/tiny/questionnaire.json", "examples/tiny/responses.csv", "--by", "region", "--min-n", "4"],
        ["-q", "examples/exports/surveymonkey/questionnaire.json", "examples/exports/surveymonkey/responses.csv"],
    ]
    for args in runs:
        check("report", json.loads(run("score", *args)), "score " + " ".join(args))

    # The schemas must refuse what gapscore refuses or never writes.
    questionnaire = load("examples/tiny/questionnaire.json")
    report = load("examples/servqual22/expected/report.json")
    wrong = {
        "questionnaire with an unknown key": ("questionnaire", {**questionnaire, "colour": "blue"}),
        "questionnaire of format 2": ("questionnaire", {**questionnaire, "gapscore": 2}),
        "questionnaire with nothing to score": ("questionnaire", {"gapscore": 1}),
        "report without results": ("report", {k: v for k, v in report.items() if k != "results"}),
    }
    text_mean = copy.deepcopy(report)
    text_mean["results"][0]["servqual"]["items"][0]["gap"]["mean"] = "-0.9"
    wrong["report with a mean as text"] = ("report", text_mean)
    odd_reason = copy.deepcopy(report)
    odd_reason["input"]["rejected"][0]["reason"] = "too_long"
    wrong["report with an unknown reject reason"] = ("report", odd_reason)
    for what, (kind, document) in wrong.items():
        if validators[kind].is_valid(document):
            problems.append(f"the {kind} schema accepts a {what}")

    for problem in problems[:40]:
        print(problem)
    if problems:
        print(f"{len(problems)} problems")
        return 1
    print(f"{counts['questionnaire']} questionnaires and {counts['report']} reports valid; "
          f"{len(wrong)} wrong documents refused")
    return 0


if __name__ == "__main__":
    sys.exit(main())
