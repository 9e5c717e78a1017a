#!/usr/bin/env python3
"""Golden HTML: `archmark convert --to html` of every samples/*.md against
tests/html/expected/<name>.html, byte for byte (the standalone page, stylesheet included).

--update rewrites the golden files from the current output: review the diff before committing.
"""
import argparse
import difflib
import os
import subprocess
import sys

ap = argparse.ArgumentParser()
ap.add_argument("--archmark", required=True)
ap.add_argument("--samples", required=True)
ap.add_argument("--expected", required=True)
ap.add_argument("--update", action="store_true")
a = ap.parse_args()

os.makedirs(a.expected, exist_ok=True)
names = sorted(f for f in os.listdir(a.samples) if f.endswith(".md"))
passed = failed = 0
for name in names:
    path = os.path.join(a.samples, name)
    p = subprocess.run([a.archmark, "convert", "--to", "html", path], capture_output=True)
    if p.returncode not in (0, 1):
        print(f"FAILED: {name}: exit {p.returncode}\n{p.stderr.decode(errors='replace')}")
        failed += 1
        continue
    golden = os.path.join(a.expected, os.path.splitext(name)[0] + ".html")
    if a.update:
        with open(golden, "wb") as fh:
            fh.write(p.stdout)
        print(f"updated {golden}")
        continue
    try:
        with open(golden, "rb") as fh:
            expected = fh.read()
    except FileNotFoundError:
        expected = None
    if p.stdout == expected:
        passed += 1
        continue
    failed += 1
    if expected is None:
        print(f"FAILED: {name}: no golden file {golden} (run with --update)")
        continue
    diff = difflib.unified_diff(expected.decode(errors="replace").splitlines(),
                                p.stdout.decode(errors="replace").splitlines(), golden, "actual", lineterm="")
    print(f"FAILED: {name}\n" + "\n".join(list(diff)[:80]))
# A golden file whose sample is gone is stale.
for stale in sorted(set(os.listdir(a.expected)) - {os.path.splitext(n)[0] + ".html" for n in names}):
    print(f"FAILED: {stale} has no sample" if not a.update else f"note: {stale} has no sample")
    failed += 0 if a.update else 1
if not a.update:
    print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
