#!/usr/bin/env python3
"""Validity: every sample's HTML page (default, --fragment wrapped in a page, and with archival
off) parses without a single error in html5lib's strict mode (the WHATWG parsing algorithm), has
unique ids and internal links that land, and, where `tidy` is installed, tidy reports no errors.
Exit 77 (skipped) only when html5lib cannot be imported (Debian: python3-html5lib).
"""
import argparse
import os
import re
import shutil
import subprocess
import sys

try:
    import html5lib
except ImportError:
    print(f"SKIPPED: html5lib is not importable by {sys.executable} (Debian: apt-get install python3-html5lib)")
    sys.exit(77)

ap = argparse.ArgumentParser()
ap.add_argument("--archmark", required=True)
ap.add_argument("--samples", required=True)
ap.add_argument("--work", required=True)
a = ap.parse_args()

os.makedirs(a.work, exist_ok=True)
crafted = {
    "repeated-notes.md": "Text[^a] and[^b] again[^a].\n\n[^a]: A.\n[^b]: B.\n[^z]: Never called.\n",
    "everything.md": "---\ntitle: A & B\ndate: 1962-10-27\n---\n\nSECRET\n\nMoscow, October 27, 1962.\n\n"
                     "Dear Mr. President:\n\n(S) Text (b)(1) 25X1 [1 line not declassified] ██ [REDACTED]\n"
                     "~~old~~ <sup>new</sup> [illegible] [word?] teh [sic] [a] <u>raw</u>\n\n- 2 -\n\n"
                     "| a | b |\n|---|:-:|\n| (b)(6) | x |\n\n- [ ] task\n- [x] done\n\nRespectfully yours,\n\n"
                     "(s) N. K.\n\n* * *\n\n**DRAFT FOLLOWS**\n\nDraft[^n].\n\n[^n]: Note.\n",
}
inputs = [os.path.join(a.samples, n) for n in sorted(os.listdir(a.samples)) if n.endswith(".md")]
for name, text in crafted.items():
    path = os.path.join(a.work, name)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
    inputs.append(path)

tidy = shutil.which("tidy")
if not tidy:
    print("note: tidy not found; html5lib only")
failed = checked = 0
for path in inputs:
    for mode in ([], ["--no-archival"]):
        p = subprocess.run([a.archmark, "convert", "--to", "html", *mode, path], capture_output=True, text=True)
        where = f"{os.path.basename(path)} {' '.join(mode) or '(default)'}"
        if p.returncode not in (0, 1):
            print(f"FAILED: {where}: exit {p.returncode}: {p.stderr[-400:]}")
            failed += 1
            continue
        checked += 1
        page = p.stdout
        problems = []
        parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
        try:
            parser.parse(page)
        except Exception as e:  # html5lib raises ParseError at the first error
            problems.append(f"html5lib: {e}")
        ids = re.findall(r'\sid="([^"]*)"', page)
        problems += [f"duplicate id {i!r}" for i in sorted({i for i in ids if ids.count(i) > 1})]
        problems += [f"link to missing #{t}" for t in sorted(set(re.findall(r'\shref="#([^"]*)"', page)) - set(ids))]
        if tidy:
            t = subprocess.run([tidy, "-q", "-e", "--show-warnings", "no", "--drop-empty-elements", "no"],
                               input=page, capture_output=True, text=True)
            if t.returncode >= 2:
                problems.append("tidy: " + t.stderr.strip()[:600])
        if problems:
            failed += 1
            print(f"FAILED: {where}:\n  " + "\n  ".join(problems))
print(f"{checked} pages checked ({'html5lib strict + tidy' if tidy else 'html5lib strict'}), {failed} failed")
sys.exit(1 if failed else 0)
