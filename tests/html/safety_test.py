#!/usr/bin/env python3
"""Safety: script, event-handler attributes and javascript:/vbscript:/data: URLs in the input never
reach the default HTML output (archival and --no-archival, page and --fragment), over the samples
and crafted hostile inputs. The same inputs with --unsafe must let them through: that proves the
detector below sees them, so the test can fail.
"""
import argparse
import html.parser
import os
import re
import subprocess
import sys

ap = argparse.ArgumentParser()
ap.add_argument("--archmark", required=True)
ap.add_argument("--samples", required=True)
ap.add_argument("--work", required=True)
a = ap.parse_args()

HOSTILE = {
    "script-block": "<script>alert(1)</script>\n",
    "script-inline": "Text <script>alert(1)</script> more, and <SCRIPT src=//x></SCRIPT>.\n",
    "onerror": "<img src=x onerror=alert(1)>\n\nInline <img src=x onerror=\"alert(1)\"> and <b onmouseover=alert(1)>b</b>.\n",
    "handler-block": "<div onclick=\"alert(1)\">\nblock\n</div>\n",
    "javascript-links": "[a](javascript:alert(1)) [b](JAVASCRIPT:alert(1)) [c](  javascript:alert(1) )\n\n"
                        "[d]: javascript:alert(1)\n\n[d] <javascript:alert(1)> ![e](javascript:alert(1))\n",
    "raw-javascript": "<a href=\"javascript:alert(1)\">x</a> <iframe src=\"javascript:alert(1)\"></iframe>\n",
    "other-schemes": "[v](vbscript:msgbox(1)) [d](data:text/html;base64,PHNjcmlwdD4=) [D](DATA:text/html,x)\n",
    "in-archival": "~~<script>alert(1)</script>~~ <sup>[x](javascript:alert(1))</sup> "
                   "(b)(1) <del onclick=alert(1)>x</del> [^1]\n\n[^1]: <img src=x onerror=alert(1)> "
                   "[n](javascript:alert(1))\n",
    "front-matter": "---\ntitle: \"</title><script>alert(1)</script>\"\ndate: \"<img src=x onerror=alert(1)>\"\n---\n\nText\n",
    "svg": "<svg><script>alert(1)</script></svg> <math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>\n",
}
DANGEROUS_URL = re.compile(r"^\s*(javascript|vbscript|data(?!:image/(png|gif|jpeg|webp)))\s*:", re.I)


class Finder(html.parser.HTMLParser):
    """What an HTML parser finds: script elements, on* attributes, dangerous URLs in attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "iframe", "object", "embed"):
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=>")
            if value and DANGEROUS_URL.match(value) and name in ("href", "src", "xlink:href", "action", "formaction"):
                self.found.append(f"<{tag} {name}={value!r}>")

    handle_startendtag = handle_starttag


def findings(out):
    f = Finder()
    f.feed(out)
    f.close()
    # A raw-text check too, independent of the parser: no `<script` outside escaped text.
    if re.search(r"<script", out, re.I):
        f.found.append("the bytes <script")
    return f.found


os.makedirs(a.work, exist_ok=True)
inputs = []
for name, text in HOSTILE.items():
    path = os.path.join(a.work, name + ".md")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
    inputs.append(path)
samples = [os.path.join(a.samples, n) for n in sorted(os.listdir(a.samples)) if n.endswith(".md")]

failed = checked = 0
modes = [[], ["--fragment"], ["--no-archival"], ["--no-archival", "--fragment"]]
for path in inputs + samples:
    for mode in modes:
        p = subprocess.run([a.archmark, "convert", "--to", "html", *mode, path], capture_output=True, text=True)
        if p.returncode not in (0, 1):
            print(f"FAILED: {path} {mode}: exit {p.returncode}: {p.stderr[-400:]}")
            failed += 1
            continue
        checked += 1
        bad = findings(p.stdout)
        if bad:
            failed += 1
            print(f"FAILED: {os.path.basename(path)} {' '.join(mode) or '(default)'}: {sorted(set(bad))}")

# The detector sees what --unsafe lets through.
for name in ("onerror", "handler-block", "javascript-links", "other-schemes"):
    path = os.path.join(a.work, name + ".md")
    p = subprocess.run([a.archmark, "convert", "--to", "html", "--unsafe", path], capture_output=True, text=True)
    if not findings(p.stdout):
        failed += 1
        print(f"FAILED: {name} --unsafe: expected the hostile markup to pass, the detector found nothing")

print(f"{checked} outputs checked, {failed} failed")
sys.exit(1 if failed else 0)
