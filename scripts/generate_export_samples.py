#!/usr/bin/env python3
"""Writes examples/exports/*/: the same 15 responses to a 5-item SERVQUAL
short form (one statement per RATER dimension, expectation and perception
on 1..7) with NPS, CSAT and CES, rendered the way each survey platform
exports them:

- qualtrics/responses.csv: three header rows (export tags; question text,
  matrix columns as "Question - Statement", a line break inside one; an
  {"ImportId": ...} object per column), numeric values, and the trailing
  empty column some exports carry.
- qualtrics/legacy.csv: the legacy two-row header (V1.. tags; question
  text) with choice-text values ("Somewhat agree").
- surveymonkey/responses.csv: two header rows (the question over its first
  column only, blank over its continuation columns; then "Response",
  "Open-Ended Response" or the matrix row), answer text for CSAT.
- limesurvey/responses.csv: every field quoted, ';' separated, UTF-8 BOM,
  CRLF line ends, array sub-question codes (EXP[SQ001]).
- googleforms/responses.csv: one header row of question titles, grid rows
  as "Title [Row]", Timestamp first.
- excel/responses.txt: Excel's "Unicode text": UTF-16 LE with BOM, tab
  separated, CRLF.

And the layouts `init` must recognise, each with its hand-written
questionnaire (NAME_questionnaire.json beside NAME.csv):

- qualtrics/insights2016.csv: the 2016 "Insights" export, its third header
  row {'ImportId': ...} in single quotes.
- qualtrics/side_by_side.csv: expectation and perception asked on one page
  as a side-by-side question, columns Q1#1_k and Q1#2_k, the question row
  "Question - Column heading - Statement".
- surveymonkey/single_column.csv: every question a single column, so the
  first header row has no blanks and the second says "Response" throughout.
- surveymonkey/checkbox_ranking.csv: a "select all" checkbox block and a
  ranking block over the same options, which are no E/P pair, with NPS and
  CSAT.
- microsoftforms/responses.csv: perception only (SERVPERF), agreement
  wordings, Microsoft Forms' first columns (ID, Start time, ...).
- googleforms/favourability.csv: perception only, favourability wordings.
- servperf/responses.csv: a 13-item 0..10 perception survey (SERVPERF).
- retail/nps.csv: a retailer's NPS dump: order, store, date, score, comment.

Seeded: the same run writes the same bytes.
Usage: scripts/generate_export_samples.py [OUT_DIR]
"""
import csv
import io
import json
import os
import random
import sys

STATEMENTS = [  # one per RATER dimension, standard order
    ("tangibles", "Modern-looking equipment"),
    ("reliability", "Does things right the first time"),
    ("responsiveness", "Gives prompt service"),
    ("assurance", "Employees are courteous"),
    ("empathy", "Gives individual attention"),
]
BRANCHES = ["Leeds", "York", "Bristol"]
COMMENTS = ["", "", "", "Quick, friendly service", "Queue was long.\nStaff apologised.",
            'Asked for "priority" help, got none', "ok", "Love the new app"]
AGREE7 = {1: "Strongly disagree", 2: "Disagree", 3: "Somewhat disagree", 4: "Neither agree nor disagree",
          5: "Somewhat agree", 6: "Agree", 7: "Strongly agree"}
SAT5 = {1: "Very dissatisfied", 2: "Dissatisfied", 3: "Neither satisfied nor dissatisfied", 4: "Satisfied",
        5: "Very satisfied"}


def responses(rng):
    out = []
    for number in range(1, 16):
        quality = rng.gauss(0, 1)
        expectation = [min(7, max(1, round(rng.gauss(6.1, 0.8)))) for _ in STATEMENTS]
        perception = [min(7, max(1, round(rng.gauss(5.2 + quality, 1.0)))) for _ in STATEMENTS]
        for values in (expectation, perception):
            if rng.random() < 0.15:
                values[rng.randrange(len(values))] = None
        out.append({
            "number": number,
            "id": f"R_{rng.getrandbits(48):012x}",
            "start": f"2026-10-{number + 3:02d} 09:{rng.randrange(60):02d}:{rng.randrange(60):02d}",
            "branch": rng.choice(BRANCHES),
            "e": expectation,
            "p": perception,
            "nps": min(10, max(0, round(rng.gauss(8 + 1.5 * quality, 1.6)))),
            "csat": None if number == 7 else min(5, max(1, round(rng.gauss(3.8 + 0.7 * quality, 0.8)))),
            "ces": min(7, max(1, round(rng.gauss(5 + quality, 1.2)))),
            "comment": rng.choice(COMMENTS),
        })
    return out


def text(value):
    return "" if value is None else str(value)


def write_csv(path, rows, delimiter=",", quoting=csv.QUOTE_MINIMAL, terminator="\n", encoding="utf-8"):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, quoting=quoting, lineterminator=terminator)
    writer.writerows(rows)
    with open(path, "w", encoding=encoding, newline="") as out:
        out.write(buffer.getvalue())


def write_json(path, document):
    with open(path, "w", encoding="utf-8") as out:
        out.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")


def questionnaire(title, columns, header_rows=1, header_names=None, labels=None, csat_labels=False,
                  respondent_id=None):
    """columns: e(i), p(i), nps, csat, ces -> column reference."""
    agree7 = {"min": 1, "max": 7}
    if labels:
        agree7["labels"] = labels
    sat5 = {"min": 1, "max": 5}
    if csat_labels:
        sat5["labels"] = {v: k for k, v in SAT5.items()}
    document = {"gapscore": 1, "title": title}
    if respondent_id:
        document["respondent_id"] = respondent_id
    document["header_rows"] = header_rows
    if header_names:
        document["header_names"] = header_names
    document["scales"] = {"agree7": agree7, "nps": {"min": 0, "max": 10}, "sat5": sat5, "ces7": {"min": 1, "max": 7}}
    document["servqual"] = {"scale": "agree7", "dimensions": [
        {"id": dimension, "items": [{"id": dimension[:3].upper(), "text": statement,
                                     "expectation": columns["e"](i), "perception": columns["p"](i)}]}
        for i, (dimension, statement) in enumerate(STATEMENTS)]}
    document["metrics"] = [
        {"id": "nps", "type": "nps", "column": columns["nps"], "scale": "nps"},
        {"id": "csat", "type": "csat", "column": columns["csat"], "scale": "sat5"},
        {"id": "ces", "type": "ces", "column": columns["ces"], "scale": "ces7"},
    ]
    return document


def qualtrics(out_dir, data):
    folder = os.path.join(out_dir, "qualtrics")
    os.makedirs(folder, exist_ok=True)
    meta = [("StartDate", "Start Date", '{"ImportId":"startDate","timeZone":"Europe/London"}'),
            ("EndDate", "End Date", '{"ImportId":"endDate","timeZone":"Europe/London"}'),
            ("Status", "Response Type", '{"ImportId":"status"}'),
            ("Progress", "Progress", '{"ImportId":"progress"}'),
            ("Finished", "Finished", '{"ImportId":"finished"}'),
            ("ResponseId", "Response ID", '{"ImportId":"_recordId"}'),
            ("DistributionChannel", "Distribution Channel", '{"ImportId":"distributionChannel"}'),
            ("UserLanguage", "User Language", '{"ImportId":"userLanguage"}')]
    tags = [m[0] for m in meta]
    texts = [m[1] for m in meta]
    imports = [m[2] for m in meta]
    for block, qid, stem in (("Q1", "QID1", "Thinking of an excellent bank, how far do you agree?"),
                             ("Q2", "QID2", "Thinking of Acme Bank, how far do you agree?")):
        for i, (_, statement) in enumerate(STATEMENTS, 1):
            tags.append(f"{block}_{i}")
            texts.append(f"{stem} - {statement}")
            imports.append(f'{{"ImportId":"{qid}_{i}"}}')
    tags += ["Q3_NPS_GROUP", "Q3", "Q4", "Q5", "Q6", "Q7"]
    texts += ["How likely are you to recommend Acme Bank\nto a friend or colleague? - Group",
              "How likely are you to recommend Acme Bank\nto a friend or colleague?",
              "Overall, how satisfied are you with Acme Bank?",
              "Acme Bank made it easy to handle my request.", "Which branch did you visit?",
              "Anything else you would like to tell us?"]
    imports += ['{"ImportId":"QID3_NPS_GROUP"}', '{"ImportId":"QID3"}', '{"ImportId":"QID4"}',
                '{"ImportId":"QID5"}', '{"ImportId":"QID6"}', '{"ImportId":"QID7_TEXT"}']
    rows = [tags + [""], texts + [""], imports + [""]]
    for r in data:
        group = "3" if r["nps"] >= 9 else ("2" if r["nps"] >= 7 else "1")
        rows.append([r["start"], r["start"].replace(" 09:", " 10:"), "IP Address", "100", "True", r["id"],
                     "anonymous", "EN"] + [text(v) for v in r["e"]] + [text(v) for v in r["p"]] +
                    [group, str(r["nps"]), text(r["csat"]), str(r["ces"]), r["branch"], r["comment"], ""])
    write_csv(os.path.join(folder, "responses.csv"), rows)
    write_json(os.path.join(folder, "questionnaire.json"), questionnaire(
        "SERVQUAL short form - Qualtrics export",
        {"e": lambda i: f"Q1_{i + 1}", "p": lambda i: f"Q2_{i + 1}", "nps": "Q3", "csat": "Q4", "ces": "Q5"},
        header_rows=3, respondent_id="ResponseId"))

    legacy = [["V1", "V2", "V5", "V8", "V9", "V10"] + [f"Q1_{i}" for i in range(1, 6)] +
              [f"Q2_{i}" for i in range(1, 6)] + ["Q3", "Q4", "Q5", "Q6"],
              ["ResponseID", "ResponseSet", "Name", "StartDate", "EndDate", "Finished"] +
              [f"Thinking of an excellent bank, how far do you agree?-{s}" for _, s in STATEMENTS] +
              [f"Thinking of Acme Bank, how far do you agree?-{s}" for _, s in STATEMENTS] +
              ["How likely are you to recommend Acme Bank to a friend or colleague?",
               "Overall, how satisfied are you with Acme Bank?", "Acme Bank made it easy to handle my request.",
               "Which branch did you visit?"]]
    for r in data:
        legacy.append([r["id"], "Default Response Set", "Anonymous", r["start"], r["start"].replace(" 09:", " 10:"),
                       "1"] + [AGREE7[v] if v else "" for v in r["e"]] + [AGREE7[v] if v else "" for v in r["p"]] +
                      [str(r["nps"]), SAT5[r["csat"]] if r["csat"] else "", str(r["ces"]), r["branch"]])
    write_csv(os.path.join(folder, "legacy.csv"), legacy)
    write_json(os.path.join(folder, "legacy_questionnaire.json"), questionnaire(
        "SERVQUAL short form - legacy Qualtrics export, choice text",
        {"e": lambda i: f"Q1_{i + 1}", "p": lambda i: f"Q2_{i + 1}", "nps": "Q3", "csat": "Q4", "ces": "Q5"},
        header_rows=2, labels={v: k for k, v in AGREE7.items()}, csat_labels=True, respondent_id="V1"))


def surveymonkey(out_dir, data):
    folder = os.path.join(out_dir, "surveymonkey")
    os.makedirs(folder, exist_ok=True)
    first = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address",
             "First Name", "Last Name", "Custom Data 1",
             "An excellent bank will have these. How far do you agree?", "", "", "", "",
             "Acme Bank has these. How far do you agree?", "", "", "", "",
             "How likely is it that you would recommend Acme Bank to a friend or colleague?",
             "Overall, how satisfied or dissatisfied are you with Acme Bank?",
             "Acme Bank made it easy for me to handle my issue.", "Which branch do you usually visit?",
             "Is there anything else you would like to share?"]
    second = [""] * 9 + [s for _, s in STATEMENTS] * 2 + ["Response", "Response", "Response", "Response",
                                                           "Open-Ended Response"]
    rows = [first, second]
    for r in data:
        def answer(v):
            return "" if v is None else (AGREE7[v] if v in (1, 7) else str(v))
        day, time = r["start"][8:10], r["start"][11:]
        rows.append([str(114000000000 + r["number"] * 7919), "431234567", f"10/{day}/2026 {time} AM",
                     f"10/{day}/2026 {time.replace('09:', '10:', 1)} AM", "", "", "", "", ""] + [answer(v) for v in r["e"]] + [answer(v) for v in r["p"]] +
                    [str(r["nps"]), SAT5[r["csat"]] if r["csat"] else "", str(r["ces"]), r["branch"], r["comment"]])
    write_csv(os.path.join(folder, "responses.csv"), rows)
    write_json(os.path.join(folder, "questionnaire.json"), questionnaire(
        "SERVQUAL short form - SurveyMonkey export",
        {"e": lambda i: f"An excellent bank*/ {STATEMENTS[i][1]}",
         "p": lambda i: f"Acme Bank has*/ {STATEMENTS[i][1]}",
         "nps": "*recommend*", "csat": "#21", "ces": "*easy for me*"},
        header_rows=2, header_names="joined", labels={"Strongly disagree": 1, "Strongly agree": 7},
        csat_labels=True, respondent_id="Respondent ID"))


def limesurvey(out_dir, data):
    folder = os.path.join(out_dir, "limesurvey")
    os.makedirs(folder, exist_ok=True)
    header = ["id", "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp"]
    header += [f"EXP[SQ00{i}]" for i in range(1, 6)] + [f"PER[SQ00{i}]" for i in range(1, 6)]
    header += ["NPS", "CSAT", "CES", "BRANCH", "COMMENT"]
    rows = [header]
    for r in data:
        finished = r["number"] != 11
        rows.append([str(r["number"]), r["start"] if finished else "", "3" if finished else "2", "en",
                     str(1000000 + r["number"]), r["start"], r["start"]] + [text(v) for v in r["e"]] +
                    [text(v) for v in r["p"]] + [str(r["nps"]), text(r["csat"]), str(r["ces"]), r["branch"],
                                                 r["comment"]])
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n").writerows(rows)
    with open(os.path.join(folder, "responses.csv"), "w", encoding="utf-8-sig", newline="") as out:
        out.write(buffer.getvalue())
    write_json(os.path.join(folder, "questionnaire.json"), questionnaire(
        "SERVQUAL short form - LimeSurvey export",
        {"e": lambda i: f"EXP[SQ00{i + 1}]", "p": lambda i: f"PER[SQ00{i + 1}]", "nps": "NPS", "csat": "CSAT",
         "ces": "CES"}, respondent_id="id"))


def googleforms(out_dir, data):
    folder = os.path.join(out_dir, "googleforms")
    os.makedirs(folder, exist_ok=True)
    header = ["Timestamp"]
    header += [f"An excellent bank... [{s}]" for _, s in STATEMENTS]
    header += [f"Acme Bank... [{s}]" for _, s in STATEMENTS]
    header += ["How likely are you to recommend Acme Bank to a friend or colleague?",
               "How satisfied are you with Acme Bank overall?", "Acme Bank made it easy to handle my request",
               "Branch", "Anything else?"]
    rows = [header]
    for r in data:
        stamp = r["start"].replace("-", "/") + " GMT+1"
        rows.append([stamp] + [text(v) for v in r["e"]] + [text(v) for v in r["p"]] +
                    [str(r["nps"]), text(r["csat"]), str(r["ces"]), r["branch"], r["comment"]])
    write_csv(os.path.join(folder, "responses.csv"), rows, quoting=csv.QUOTE_ALL)
    write_json(os.path.join(folder, "questionnaire.json"), questionnaire(
        "SERVQUAL short form - Google Forms export",
        {"e": lambda i: f"An excellent bank... [{STATEMENTS[i][1]}]", "p": lambda i: f"Acme Bank... [{STATEMENTS[i][1]}]",
         "nps": "*recommend*", "csat": "*satisfied*", "ces": "*made it easy*"}))


def excel(out_dir, data):
    folder = os.path.join(out_dir, "excel")
    os.makedirs(folder, exist_ok=True)
    header = ["Response", "Branch"] + [f"E{i}" for i in range(1, 6)] + [f"P{i}" for i in range(1, 6)]
    header += ["NPS", "CSAT", "CES", "Comment"]
    rows = [header]
    branch_names = {"Leeds": "Leeds", "York": "York", "Bristol": "Bristol Crème"}
    for r in data:
        rows.append([str(r["number"]), branch_names[r["branch"]]] + [text(v) for v in r["e"]] +
                    [text(v) for v in r["p"]] + [str(r["nps"]), text(r["csat"]), str(r["ces"]),
                                                 r["comment"].replace("app", "app \U0001F4F1")])
    # Python's "utf-16" codec writes the BOM in the machine's order: LE here.
    write_csv(os.path.join(folder, "responses.txt"), rows, delimiter="\t", terminator="\r\n", encoding="utf-16-le")
    path = os.path.join(folder, "responses.txt")
    with open(path, "rb") as handle:
        body = handle.read()
    with open(path, "wb") as handle:
        handle.write(b"\xff\xfe" + body)
    write_json(os.path.join(folder, "questionnaire.json"), questionnaire(
        "SERVQUAL short form - Excel Unicode text",
        {"e": lambda i: f"E{i + 1}", "p": lambda i: f"P{i + 1}", "nps": "NPS", "csat": "CSAT", "ces": "CES"},
        respondent_id="Response"))


AGREE5 = {1: "Strongly disagree", 2: "Disagree", 3: "Neither agree nor disagree", 4: "Agree", 5: "Strongly agree"}
FAVOUR5 = {1: "Very unfavorable", 2: "Somewhat unfavorable", 3: "Neither favorable nor unfavorable",
           4: "Somewhat favorable", 5: "Very favorable"}


def five_point(value):
    """A 1..7 answer on a 1..5 scale."""
    return None if value is None else min(5, max(1, round((value - 1) * 4 / 6) + 1))


def perception_only(title, columns, scale, respondent_id=None, header_rows=1, extra_scales=None, metrics=()):
    document = {"gapscore": 1, "title": title}
    if respondent_id:
        document["respondent_id"] = respondent_id
    document["header_rows"] = header_rows
    document["scales"] = {"ratings": scale, **(extra_scales or {})}
    document["servqual"] = {"scale": "ratings", "dimensions": [{"id": "all", "items": [
        {"id": f"item{i + 1}", "perception": column} for i, column in enumerate(columns)]}]}
    if metrics:
        document["metrics"] = list(metrics)
    return document


def one_dimension(document):
    """The hand-written questionnaire with its items in one dimension, as init groups them."""
    items = [item for dimension in document["servqual"]["dimensions"] for item in dimension["items"]]
    document["servqual"]["dimensions"] = [{"id": "all", "items": items}]
    return document


def qualtrics_layouts(out_dir, data):
    folder = os.path.join(out_dir, "qualtrics")
    meta = [("ResponseId", "Response ID", "_recordId"), ("Finished", "Finished", "finished")]
    for name, heading, stem in (("insights2016", None, None), ("side_by_side", "Rate Acme Bank", None)):
        tags = [m[0] for m in meta]
        texts = [m[1] for m in meta]
        imports = [m[2] for m in meta]
        if name == "insights2016":
            for block, qid, question in (("Q1", "QID1", "Thinking of an excellent bank, how far do you agree?"),
                                         ("Q2", "QID2", "Thinking of Acme Bank, how far do you agree?")):
                for i, (_, statement) in enumerate(STATEMENTS, 1):
                    tags.append(f"{block}_{i}")
                    texts.append(f"{question} - {statement}")
                    imports.append(f"{qid}_{i}")
            expectation, perception = (lambda i: f"Q1_{i + 1}"), (lambda i: f"Q2_{i + 1}")
        else:
            for part, column_heading in ((1, "Expected service"), (2, "Perceived service")):
                for i, (_, statement) in enumerate(STATEMENTS, 1):
                    tags.append(f"Q1#{part}_{i}")
                    texts.append(f"{heading} - {column_heading} - {statement}")
                    imports.append(f"QID1#{part}_{i}")
            expectation, perception = (lambda i: f"Q1#1_{i + 1}"), (lambda i: f"Q1#2_{i + 1}")
        tags += ["Q3", "Q4", "Q5", "Q6"]
        texts += ["How likely are you to recommend Acme Bank to a friend or colleague?",
                  "Overall, how satisfied are you with Acme Bank?", "Acme Bank made it easy to handle my request.",
                  "Which branch did you visit?"]
        imports += ["QID3", "QID4", "QID5", "QID6"]
        if name == "insights2016":
            imports = [f"{{'ImportId': '{i}'}}" for i in imports]
        else:
            imports = [f'{{"ImportId":"{i}"}}' for i in imports]
        rows = [tags, texts, imports]
        for r in data:
            rows.append([r["id"], "1"] + [text(v) for v in r["e"]] + [text(v) for v in r["p"]] +
                        [str(r["nps"]), text(r["csat"]), str(r["ces"]), r["branch"]])
        write_csv(os.path.join(folder, f"{name}.csv"), rows)
        document = questionnaire(f"SERVQUAL short form - Qualtrics {name.replace('_', '-')} export",
                                 {"e": expectation, "p": perception, "nps": "Q3", "csat": "Q4", "ces": "Q5"},
                                 header_rows=3, respondent_id="ResponseId")
        write_json(os.path.join(folder, f"{name}_questionnaire.json"),
                   one_dimension(document) if name == "side_by_side" else document)


def surveymonkey_layouts(out_dir, data):
    folder = os.path.join(out_dir, "surveymonkey")
    first = ["Respondent ID", "Collector ID", "Start Date", "End Date"]
    first += [f"Expectation: {s}" for _, s in STATEMENTS] + [f"Perception: {s}" for _, s in STATEMENTS]
    first += ["How likely is it that you would recommend Acme Bank to a friend or colleague?",
              "Which branch do you usually visit?"]
    second = ["", "", "", ""] + ["Response"] * 11 + ["Open-Ended Response"]
    rows = [first, second]
    for r in data:
        day, time = r["start"][8:10], r["start"][11:]
        rows.append([str(114000000000 + r["number"] * 7919), "431234567", f"10/{day}/2026 {time} AM",
                     f"10/{day}/2026 {time} AM"] + [text(v) for v in r["e"]] + [text(v) for v in r["p"]] +
                    [str(r["nps"]), r["branch"]])
    write_csv(os.path.join(folder, "single_column.csv"), rows)
    document = questionnaire("SERVQUAL short form - SurveyMonkey, single-column questions",
                             {"e": lambda i: f"Expectation: {STATEMENTS[i][1]} / Response",
                              "p": lambda i: f"Perception: {STATEMENTS[i][1]} / Response",
                              "nps": "*recommend*", "csat": None, "ces": None},
                             header_rows=2, header_names="joined", respondent_id="Respondent ID")
    document["metrics"] = document["metrics"][:1]
    write_json(os.path.join(folder, "single_column_questionnaire.json"), document)

    options = [s for _, s in STATEMENTS] + ["Parking"]
    first = ["Respondent ID", "Collector ID",
             "Which of these have you seen at Acme Bank? Select all that apply."] + [""] * (len(options) - 1)
    first += ["Rank these by how much they matter to you."] + [""] * (len(options) - 1)
    first += ["How likely is it that you would recommend Acme Bank to a friend or colleague?",
              "Overall, how satisfied or dissatisfied are you with Acme Bank?"]
    second = ["", ""] + options + options + ["Response", "Response"]
    rows = [first, second]
    rng = random.Random(1117)
    for r in data:
        seen = [option if rng.random() < 0.5 else "" for option in options]
        ranks = list(range(1, len(options) + 1))
        rng.shuffle(ranks)
        rows.append([str(114000000000 + r["number"] * 7919), "431234567"] + seen + [str(k) for k in ranks] +
                    [str(r["nps"]), SAT5[r["csat"]] if r["csat"] else ""])
    write_csv(os.path.join(folder, "checkbox_ranking.csv"), rows)
    write_json(os.path.join(folder, "checkbox_ranking_questionnaire.json"), {
        "gapscore": 1, "title": "Checkboxes and a ranking - SurveyMonkey", "respondent_id": "Respondent ID",
        "header_rows": 2, "header_names": "joined",
        "scales": {"nps": {"min": 0, "max": 10},
                   "sat5": {"min": 1, "max": 5, "labels": {v: k for k, v in SAT5.items()}}},
        "metrics": [{"id": "nps", "type": "nps", "column": "*recommend*", "scale": "nps"},
                    {"id": "csat", "type": "csat", "column": "*satisfied*", "scale": "sat5"}]})


def perception_layouts(out_dir, data):
    folder = os.path.join(out_dir, "microsoftforms")
    os.makedirs(folder, exist_ok=True)
    header = ["ID", "Start time", "Completion time", "Email", "Name"] + [s for _, s in STATEMENTS]
    header += ["How likely are you to recommend Acme Bank to a friend or colleague?", "Which branch?"]
    rows = [header]
    for r in data:
        stamp = r["start"].replace("2026-10-", "10/").replace(" ", "/26 ")
        rows.append([str(r["number"]), stamp, stamp, "anonymous", ""] +
                    [AGREE5[five_point(v)] if v else "" for v in r["p"]] + [str(r["nps"]), r["branch"]])
    write_csv(os.path.join(folder, "responses.csv"), rows)
    write_json(os.path.join(folder, "questionnaire.json"), perception_only(
        "SERVPERF short form - Microsoft Forms", [s for _, s in STATEMENTS],
        {"min": 1, "max": 5, "labels": {v: k for k, v in AGREE5.items()}}, respondent_id="ID",
        extra_scales={"nps": {"min": 0, "max": 10}},
        metrics=[{"id": "nps", "type": "nps", "column": "*recommend*", "scale": "nps"}]))

    folder = os.path.join(out_dir, "googleforms")
    header = ["Timestamp"] + [f"How do you feel about Acme Bank's... [{s}]" for _, s in STATEMENTS] + ["Branch"]
    rows = [header]
    for r in data:
        rows.append([r["start"].replace("-", "/") + " GMT+1"] +
                    [FAVOUR5[five_point(v)] if v else "" for v in r["p"]] + [r["branch"]])
    write_csv(os.path.join(folder, "favourability.csv"), rows, quoting=csv.QUOTE_ALL)
    write_json(os.path.join(folder, "favourability_questionnaire.json"), perception_only(
        "Favourability - Google Forms", [f"How do you feel about Acme Bank's... [{s}]" for _, s in STATEMENTS],
        {"min": 1, "max": 5, "labels": {v: k for k, v in FAVOUR5.items()}}))

    folder = os.path.join(out_dir, "servperf")
    os.makedirs(folder, exist_ok=True)
    rng = random.Random(1313)
    header = ["Respondent ID", "Ward"] + [f"Q{i}" for i in range(1, 14)]
    rows = [header]
    for number in range(1, 31):
        quality = rng.gauss(0, 1)
        rows.append([f"H{number:04d}", rng.choice(["Maternity", "Surgery", "Outpatients"])] +
                    ["" if rng.random() < 0.05 else str(min(10, max(0, round(rng.gauss(7 + 1.5 * quality, 1.5)))))
                     for _ in range(13)])
    write_csv(os.path.join(folder, "responses.csv"), rows)
    write_json(os.path.join(folder, "questionnaire.json"), perception_only(
        "SERVPERF, 13 items on 0..10 - hospital", [f"Q{i}" for i in range(1, 14)], {"min": 0, "max": 10},
        respondent_id="Respondent ID"))

    folder = os.path.join(out_dir, "retail")
    os.makedirs(folder, exist_ok=True)
    rows = [["order_id", "store", "purchase_date", "nps_score", "comment"]]
    for r in data:
        rows.append([f"ORD-{90000 + r['number']}", r["branch"], r["start"][:10], str(r["nps"]), r["comment"]])
    write_csv(os.path.join(folder, "nps.csv"), rows)
    write_json(os.path.join(folder, "nps_questionnaire.json"), {
        "gapscore": 1, "title": "NPS - a retailer's dump", "respondent_id": "order_id",
        "scales": {"nps": {"min": 0, "max": 10}},
        "metrics": [{"id": "nps", "type": "nps", "column": "nps_score", "scale": "nps"}]})


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else "examples/exports"
    data = responses(random.Random(4180))
    for render in (qualtrics, surveymonkey, limesurvey, googleforms, excel, qualtrics_layouts,
                   surveymonkey_layouts, perception_layouts):
        render(out_dir, data)


if __name__ == "__main__":
    sys.exit(main())
