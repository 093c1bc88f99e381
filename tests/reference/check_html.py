#!/usr/bin/env python3
"""Runs `gapscore score -f html` and checks the page's structure, and that
its tables show the JSON report's figures.

Usage: check_html.py GAPSCORE -q QUESTIONNAIRE [--by SPEC]... INPUT...

Checks: one well-nested HTML document; nothing that runs or is fetched
(no script, iframe, object, embed, link, img, no url() or @import in CSS,
no event-handler attribute, no http(s) reference); every <svg> has
role="img", is labelled by its <title> and <desc>, and every mark (rect,
circle, whisker line) has a <title>; every table has a caption and column
headers; the summary and tables show the report's overall gap, dimension
gaps, item gaps and NPS rounded as the page rounds them; a section per
part the report has. Exit 0 when all hold, 1 with the problems.
"""
import argparse
import json
import re
import subprocess
import sys
from html.parser import HTMLParser

VOID = {"meta", "br", "hr", "input", "img", "link", "area", "base", "col", "embed", "source", "track", "wbr"}
FORBIDDEN = {"script", "iframe", "object", "embed", "link", "img", "frame", "base", "form", "video", "audio"}
MARKS = {"rect", "circle"}


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.problems = [], []
        self.svgs, self.tables, self.sections, self.texts = [], [], [], []
        self.doctype = False

    def handle_decl(self, decl):
        self.doctype = self.doctype or decl.lower() == "doctype html"

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in FORBIDDEN:
            self.problems.append(f"forbidden element <{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event handler {name} on <{tag}>")
            if value and re.search(r"https?:|url\(|javascript:", value):
                self.problems.append(f"<{tag} {name}={value!r}> refers outside the page")
        if tag == "svg":
            self.svgs.append({"attrs": attributes, "title": False, "desc": False, "marks": 0, "titled_marks": 0})
        if tag == "table":
            self.tables.append({"caption": False, "th_col": 0})
        if tag == "section":
            self.sections.append(attributes.get("id"))
        if tag == "caption" and self.tables:
            self.tables[-1]["caption"] = True
        if tag == "th" and attributes.get("scope") == "col" and self.tables:
            self.tables[-1]["th_col"] += 1
        if tag == "title" and self.stack and self.stack[-1][0] == "svg":
            self.svgs[-1]["title"] = attributes.get("id") in self.svgs[-1]["attrs"].get("aria-labelledby", "").split()
        if tag == "desc" and self.stack and self.stack[-1][0] == "svg":
            self.svgs[-1]["desc"] = attributes.get("id") in self.svgs[-1]["attrs"].get("aria-labelledby", "").split()
        if tag == "title" and self.stack and self.stack[-1][0] in MARKS | {"line"}:
            self.svgs[-1]["titled_marks"] += 1
        if tag in MARKS or (tag == "line" and attributes.get("class") == "whisker"):
            self.svgs[-1]["marks"] += 1
        if tag not in VOID:
            self.stack.append((tag, self.getpos()))

    def handle_startendtag(self, tag, attrs):
        if tag in VOID:
            self.handle_starttag(tag, attrs)
            return
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.problems.append(f"</{tag}> at {self.getpos()} closes {self.stack[-1] if self.stack else 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data):
        if self.stack and self.stack[-1][0] == "style" and re.search(r"url\(|@import|https?:", data):
            self.problems.append("the style sheet refers outside the page")
        self.texts.append(data)


def rounded(value, digits):
    text = f"{value:.{digits}f}"
    return text[1:] if re.fullmatch(r"-0\.?0*", text) else text


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("gapscore")
    parser.add_argument("-q", required=True)
    parser.add_argument("--by", action="append", default=[])
    parser.add_argument("inputs", nargs="+")
    args = parser.parse_args()
    command = [args.gapscore, "score", "-q", args.q, *args.inputs]
    for spec in args.by:
        command += ["--by", spec]
    html = subprocess.run(command + ["-f", "html"], check=True, capture_output=True).stdout.decode("utf-8")
    report = json.loads(subprocess.run(command, check=True, capture_output=True).stdout)

    page = Page()
    page.feed(html)
    page.close()
    problems = list(page.problems)
    if not page.doctype:
        problems.append("no <!DOCTYPE html>")
    if page.stack:
        problems.append(f"unclosed elements: {page.stack}")
    for i, svg in enumerate(page.svgs):
        if svg["attrs"].get("role") != "img" or not svg["title"] or not svg["desc"]:
            problems.append(f"chart {i + 1} is not an image labelled by its title and description")
        if svg["marks"] == 0 or svg["titled_marks"] < svg["marks"]:
            problems.append(f"chart {i + 1}: {svg['marks'] - svg['titled_marks']} of {svg['marks']} marks lack a title")
    for i, table in enumerate(page.tables):
        if not table["caption"] or table["th_col"] == 0:
            problems.append(f"table {i + 1} lacks a caption or column headers")

    cells = [text.strip() for text in page.texts]
    text = " ".join(cells)
    whole = report["results"][0]
    expected_sections = ["summary", "input"]
    sq = whole.get("servqual")
    if sq:
        expected_sections += ["dimensions", "items"]
        if any("zone" in item for item in sq["items"]):
            expected_sections.append("zone")
        gap = sq["overall"].get("gap")
        if gap and gap["mean"] is not None and rounded(gap["mean"], 2) not in cells:
            problems.append(f"the overall gap {rounded(gap['mean'], 2)} is not shown")
        for dimension in sq["dimensions"]:
            if "gap" in dimension and dimension["gap"]["mean"] is not None:
                if rounded(dimension["gap"]["mean"], 2) not in cells:
                    problems.append(f"dimension {dimension['id']}: gap {rounded(dimension['gap']['mean'], 2)} not shown")
        for item in sq["items"]:
            if "gap" in item and item["gap"]["mean"] is not None and rounded(item["gap"]["mean"], 2) not in cells:
                problems.append(f"item {item['id']}: gap {rounded(item['gap']['mean'], 2)} not shown")
    for metric in whole["metrics"]:
        if metric["type"] == "nps":
            expected_sections.append("nps")
            if metric["score"] is not None and f"NPS {rounded(metric['score'], 1)}" not in text:
                problems.append(f"NPS {rounded(metric['score'], 1)} not shown")
    if len(report["results"]) > 1:
        expected_sections.append("segments")
        for result in report["results"][1:]:
            label = ", ".join(result["segment"].values())
            if label not in cells:
                problems.append(f"segment {label} not in the segment table")
    if "drivers" in whole:
        expected_sections.append("drivers")
    if whole.get("kano"):
        expected_sections.append("kano")
    for section in expected_sections:
        if section not in page.sections:
            problems.append(f"no section {section}")
    if report["questionnaire"]["title"] and report["questionnaire"]["title"] not in cells:
        problems.append("the title is not shown")

    for problem in problems[:50]:
        print(problem)
    if problems:
        print(f"{len(problems)} problems")
        return 1
    print(f"structure holds: {len(page.svgs)} charts, {len(page.tables)} tables, sections {', '.join(page.sections)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
