#!/usr/bin/env python3
"""Checks that the man page and the bash completion know every command
and option that `gapscore --help` lists, that the man page has no groff
warnings, and that the completion completes commands, options and
formats.

Usage: check_docs.py GAPSCORE     (from the repository root)
"""
import re
import shutil
import subprocess
import sys

GAPSCORE = sys.argv[1]
COMMANDS = ["score", "validate", "merge", "compare", "init"]


def options_of(command):
    text = subprocess.run([GAPSCORE, command, "--help"], check=True, capture_output=True, text=True).stdout
    found = set()
    for line in text.split("\n"):
        match = re.match(r"^\s+((?:-[A-Za-z],)?--[a-z-]+)", line)
        if match:
            found.update(match.group(1).split(","))
    return found


def complete(words):
    """COMPREPLY of the completion for the command line `words`, the last being completed."""
    script = (f"source docs/gapscore.bash; COMP_WORDS=({' '.join(repr(w) for w in words)}); "
              f"COMP_CWORD={len(words) - 1}; _gapscore; printf '%s\\n' \"${{COMPREPLY[@]}}\"")
    output = subprocess.run(["bash", "-c", script], check=True, capture_output=True, text=True).stdout
    return set(output.split())


def main():
    problems = []
    with open("docs/gapscore.1", encoding="utf-8") as handle:
        manual = handle.read().replace("\\-", "-")
    with open("docs/gapscore.bash", encoding="utf-8") as handle:
        completion = handle.read()
    top = subprocess.run([GAPSCORE, "--help"], check=True, capture_output=True, text=True).stdout
    for command in COMMANDS:
        if not re.search(rf"^\s+{command}\s", top, re.MULTILINE):
            problems.append(f"--help does not list {command}")
        if f".B {command}" not in manual and f".B gapscore {command}" not in manual:
            problems.append(f"the man page does not describe {command}")
        options = options_of(command)
        for option in sorted(options):
            if option not in manual:
                problems.append(f"the man page lacks {command} {option}")
            if option not in completion:
                problems.append(f"the completion lacks {command} {option}")
        offered = complete(["gapscore", command, "-"])
        for option in sorted(options):
            if option not in offered:
                problems.append(f"completing '{command} -' does not offer {option}")
    if complete(["gapscore", "sc"]) != {"score"}:
        problems.append("completing 'sc' does not give score")
    if complete(["gapscore", "score", "-f", ""]) != {"json", "csv", "html"}:
        problems.append("completing 'score -f' does not give json csv html")
    if complete(["gapscore", "compare", "--format", ""]) != {"json", "csv"}:
        problems.append("completing 'compare --format' does not give json csv")
    version = subprocess.run([GAPSCORE, "--version"], check=True, capture_output=True, text=True).stdout.strip()
    if not re.fullmatch(r"gapscore \d+\.\d+\.\d+", version) or version.split()[1] not in manual:
        problems.append(f"--version prints {version!r}, which the man page's header does not name")
    if shutil.which("groff"):
        lint = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-z", "docs/gapscore.1"], capture_output=True, text=True)
        if lint.returncode != 0 or lint.stderr:
            problems.append(f"groff warns: {lint.stderr.strip()[:300]}")
    else:
        problems.append("groff is not installed (scripts/setup --test installs groff-base)")
    for problem in problems:
        print(problem)
    if problems:
        return 1
    print("the man page and the completion know every command and option")
    return 0


if __name__ == "__main__":
    sys.exit(main())
