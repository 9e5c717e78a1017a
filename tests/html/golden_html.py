#!/usr/bin/env python3
"""Golden HTML: `archmark convert --to html` of every samples/*.md against
tests/html/expected/<name>.html, byte for byte: the standalone page, whose embedded stylesheet is
compared once, against tests/html/expected/style.css (every page embeds the same sheet; the
page's golden file holds a placeholder in its place).

--update rewrites the golden files from the current output: review the diff before committing.
"""
import argparse
import difflib
import os
import re
import subprocess
import sys

ap = argparse.ArgumentParser()
ap.add_argument("--archmark", required=True)
ap.add_argument("--samples", required=True)
ap.add_argument("--expected", required=True)
ap.add_argument("--update", action="store_true")
a = ap.parse_args()

STYLE = re.compile(rb"<style>\n(.*?)</style>", re.S)
PLACEHOLDER = b"/* tests/html/expected/style.css */\n"
SHEET = os.path.join(a.expected, "style.css")


def read(path):
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except FileNotFoundError:
        return None


def report(name, golden, expected, actual):
    if expected is None:
        print(f"FAILED: {name}: no golden file {golden} (run with --update)")
        return
    diff = difflib.unified_diff(expected.decode(errors="replace").splitlines(),
                                actual.decode(errors="replace").splitlines(), golden, "actual", lineterm="")
    print(f"FAILED: {name}\n" + "\n".join(list(diff)[:80]))


os.makedirs(a.expected, exist_ok=True)
names = sorted(f for f in os.listdir(a.samples) if f.endswith(".md"))
passed = failed = 0
sheets = set()
for name in names:
    path = os.path.join(a.samples, name)
    p = subprocess.run([a.archmark, "convert", "--to", "html", path], capture_output=True)
    if p.returncode not in (0, 1):
        print(f"FAILED: {name}: exit {p.returncode}\n{p.stderr.decode(errors='replace')}")
        failed += 1
        continue
    m = STYLE.search(p.stdout)
    if not m:
        print(f"FAILED: {name}: the page embeds no stylesheet")
        failed += 1
        continue
    sheets.add(m.group(1))
    page = p.stdout[:m.start(1)] + PLACEHOLDER + p.stdout[m.end(1):]
    golden = os.path.join(a.expected, os.path.splitext(name)[0] + ".html")
    if a.update:
        with open(golden, "wb") as fh:
            fh.write(page)
        print(f"updated {golden}")
        continue
    expected = read(golden)
    if page == expected:
        passed += 1
    else:
        failed += 1
        report(name, golden, expected, page)
# The stylesheet: one for every page, as in style.css.
if len(sheets) > 1:
    print(f"FAILED: the pages embed {len(sheets)} different stylesheets")
    failed += 1
elif sheets and a.update:
    with open(SHEET, "wb") as fh:
        fh.write(sheets.pop())
    print(f"updated {SHEET}")
elif sheets:
    sheet, expected = sheets.pop(), read(SHEET)
    if sheet == expected:
        passed += 1
    else:
        failed += 1
        report("the stylesheet", SHEET, expected, sheet)
# A golden file whose sample is gone is stale.
for stale in sorted(set(os.listdir(a.expected)) - {os.path.splitext(n)[0] + ".html" for n in names} - {"style.css"}):
    print(f"FAILED: {stale} has no sample" if not a.update else f"note: {stale} has no sample")
    failed += 0 if a.update else 1
if not a.update:
    print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
