#!/usr/bin/env python3
"""Golden files: every samples/*.md against samples/expected/<name>.<format>.

For `ast` the golden file is the AST dump followed by the diagnostics (without the file name).
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
ap.add_argument("--format", action="append", default=None)
ap.add_argument("--update", action="store_true")
a = ap.parse_args()
formats = a.format or ["ast"]
expected_dir = os.path.join(a.samples, "expected")
passed = failed = 0
for name in sorted(f for f in os.listdir(a.samples) if f.endswith(".md")):
    path = os.path.join(a.samples, name)
    for fmt in formats:
        p = subprocess.run([a.archmark, "convert", "--to", fmt, path], capture_output=True, text=True)
        if p.returncode not in (0, 1):
            print(f"FAILED: {name} --to {fmt}: exit {p.returncode}\n{p.stderr}")
            failed += 1
            continue
        actual = p.stdout
        if fmt == "ast":
            actual += "".join(line[len(path) + 1:] + "\n" for line in p.stderr.splitlines())
        golden = os.path.join(expected_dir, os.path.splitext(name)[0] + "." + fmt)
        if a.update:
            with open(golden, "w", encoding="utf-8") as fh:
                fh.write(actual)
            continue
        try:
            with open(golden, encoding="utf-8") as fh:
                expected = fh.read()
        except FileNotFoundError:
            expected = None
        if actual == expected:
            passed += 1
        else:
            failed += 1
            diff = difflib.unified_diff((expected or "").splitlines(), actual.splitlines(), golden, "actual", lineterm="")
            print(f"FAILED: {name} --to {fmt}\n" + "\n".join(list(diff)[:60]))
if not a.update:
    print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
