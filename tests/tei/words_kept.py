#!/usr/bin/env python3
"""No words lost: for every input, the words of the document's text (from `--to json`, notes
aside) appear in the same order in the text of the TEI <body> (notes and the header aside).

Usage: words_kept.py --archmark PATH --work DIR [--spec SPEC.txt ...] [--inputs DIR ...]

The inputs are those of validate_tei.py (the spec examples and the *.md files of each folder).
Words are runs of letters and digits. TEI adds words of its own (the exemption codes of a
<desc>, a portion mark's marking), so the check is that the source's words are found in order
in the TEI text, not that the two are equal. Prints each input that loses a word, with the word
and its neighbourhood, then `N passed, M failed`; exits 1 when any input fails.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from validate_tei import collect_inputs  # noqa: E402  (the same inputs)

TEI = "{http://www.tei-c.org/ns/1.0}"
WORD = re.compile(r"\w+")
# AST kinds whose text TEI writes as a <note>, which the TEI side leaves out.
NOTE_KINDS = {"note", "footnote_definition", "editorial_note", "source_note"}
LITERAL_KINDS = {"text", "code", "code_block", "html_inline", "html_block"}


def ast_words(node, out):
    kind = node.get("type")
    if kind in NOTE_KINDS:
        return
    if kind in LITERAL_KINDS:
        out.extend(WORD.findall(node.get("literal", "")))
    for child in node.get("children", []):
        ast_words(child, out)


def tei_text(element, out):
    """The text of `element` without <note>s (their tails are kept: they belong to the parent)."""
    if element.text:
        out.append(element.text)
    for child in element:
        if child.tag != TEI + "note":
            tei_text(child, out)
        if child.tail:
            out.append(child.tail)


def check(json_path, tei_path):
    with open(json_path, encoding="utf-8") as f:
        words = []
        ast_words(json.load(f), words)
    body = ET.parse(tei_path).getroot().find(f"{TEI}text/{TEI}body")
    parts = []
    tei_text(body, parts)
    # Words inside one element may be split across elements ("foo<hi>bar</hi>"): search each
    # source word in the TEI word characters joined without separators.
    stream = "".join(WORD.findall("".join(parts)))
    at = 0
    for i, word in enumerate(words):
        found = stream.find(word, at)
        if found < 0:
            context = " ".join(words[max(0, i - 5):i + 5])
            return f"word {i + 1} {word!r} is missing (near: {context!r})"
        at = found + len(word)
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--archmark", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--spec", action="append", default=[])
    parser.add_argument("--inputs", action="append", default=[])
    args = parser.parse_args()
    work = os.path.abspath(args.work)
    input_dir = os.path.join(work, "in")
    for d in ("in", "json", "tei"):
        os.makedirs(os.path.join(work, d), exist_ok=True)
        for entry in os.listdir(os.path.join(work, d)):
            os.remove(os.path.join(work, d, entry))
    inputs = collect_inputs(args, input_dir)
    sources = [os.path.join(input_dir, name) for name in inputs]
    for fmt, folder in (("json", "json"), ("tei", "tei")):
        run = subprocess.run([args.archmark, "convert", "--to", fmt, "-o", os.path.join(work, folder) + os.sep,
                              *sources], capture_output=True, text=True)
        if run.returncode not in (0, 1):
            print(f"words_kept: archmark --to {fmt} exited with {run.returncode}: {run.stderr[-1000:]}")
            return 2
    failed = 0
    for name in sorted(inputs):
        stem = os.path.splitext(name)[0]
        problem = check(os.path.join(work, "json", stem + ".json"), os.path.join(work, "tei", stem + ".xml"))
        if problem:
            failed += 1
            print(f"FAIL {inputs[name]}: {problem}")
    print(f"{len(inputs) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
