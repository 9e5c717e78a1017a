#!/usr/bin/env python3
"""Command-line transcripts: exact output, exact diagnostics and exact exit codes of `archmark`."""
import argparse
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from transcript import Transcript, fresh_folder, run as run_tool  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("--archmark", required=True)
parser.add_argument("--source", required=True)
parser.add_argument("--work", required=True)
args = parser.parse_args()

ARCHMARK = args.archmark
SAMPLES = os.path.join(args.source, "samples")
WORK = fresh_folder(args.work)
t = Transcript()
check, expect = t.check, t.expect


def run(*argv, stdin=b""):
    return run_tool([ARCHMARK, *argv], stdin=stdin)


def write(name, data):
    path = os.path.join(WORK, name)
    with open(path, "wb") as fh:
        fh.write(data)
    return path


def sample(name):
    return os.path.join(SAMPLES, name)


# --- usage -------------------------------------------------------------------------------
expect("--version", run("--version"), 0, stdout="archmark 0.1.0\n")
code, out, err = run()
check("no subcommand is a usage error", code == 2 and "A subcommand is required" in err, err)
code, out, err = run("convert", "--to", "bogus")
check("unknown format is a usage error", code == 2 and "--to: bogus not in {tei,html,json,markdown,ast,none}" in err, err)
code, out, err = run("convert", "--frobnicate")
check("unknown option is a usage error", code == 2 and "--frobnicate" in err, err)
code, out, err = run("convert", "--help")
check("convert --help", code == 0 and "--no-archival" in out and "--autolink" in out, out)

# --- I/O errors --------------------------------------------------------------------------
missing = os.path.join(WORK, "missing.md")
expect("missing input", run("convert", missing), 3, stdout="",
       stderr=f"archmark: {missing}: No such file or directory\n")
# A folder is walked for *.md, *.markdown and *.txt (tests/batch); one with none of them is an error.
expect("a folder without input files", run("convert", WORK), 3, stdout="",
       stderr=f"archmark: {WORK}: no input files (*.md, *.markdown or *.txt)\n")
good = write("good.md", b"para (b)(1)\n")
expect("unwritable output folder", run("convert", "-o", "/proc/archmark-out/x.html", good), 3, stdout="")

# --- references to the noncharacters U+FFFE and U+FFFF ------------------------------------
# cmark-gfm encodes them as the lone bytes FE and FF; the tree (and every output) gets U+FFFD, and
# the text's span still covers the reference.
expect("&#xFFFE; becomes U+FFFD with its span", run("convert", "--to", "ast", stdin=b"a &#xFFFE; b\n"), 0,
       stdout='document 1:1-2:1\n  paragraph 1:1-1:13\n    text 1:1-1:13 "a \ufffd b"\n', stderr="")

# --- what a writer cannot express ---------------------------------------------------------
unsupported = write("unsupported.md", b'A <span>raw</span> [l](u "t").\n')
expect("TEI keeps raw HTML and drops a link title with a warning at each span",
       run("convert", "--to", "tei", "--fragment", unsupported), 0,
       stdout='<p>A &lt;span&gt;raw&lt;/span&gt; <ref target="u">l</ref>.</p>\n',
       stderr=f"{unsupported}:1:3: warning: raw HTML is kept as text in TEI [output.unsupported]\n"
              f"{unsupported}:1:12: warning: raw HTML is kept as text in TEI [output.unsupported]\n"
              f"{unsupported}:1:20: warning: a link title has no TEI form; the link is written without it [output.unsupported]\n")
expect("HTML shows the raw tags escaped and keeps the title: no warning", run("convert", "--to", "html", "--fragment", unsupported), 0,
       stdout='<p>A <span class="raw-html">&lt;span&gt;</span>raw<span class="raw-html">&lt;/span&gt;</span> '
              '<a href="u" title="t">l</a>.</p>\n', stderr="")

# --- input errors ------------------------------------------------------------------------
bad = write("bad.md", b"ab\xff\n")
out_file = os.path.join(WORK, "bad.html")
expect("invalid UTF-8", run("convert", "-o", out_file, bad), 1, stdout="",
       stderr=f"{bad}:1:3: error: invalid UTF-8 byte at byte offset 2 [input.utf8]\n")
check("nothing is written for rejected input", not os.path.exists(out_file))
expect("invalid UTF-8 on stdin", run("convert", stdin=b"x\n\xc0\x80"), 1, stdout="",
       stderr="<stdin>:2:1: error: invalid UTF-8 byte at byte offset 2 [input.utf8]\n")

# --- warnings do not fail ----------------------------------------------------------------
near = write("near.md", b"Withheld (b)(l).\n")
code, out, err = run("convert", "--to", "ast", near)
expect("a near miss is a warning", (code, out, err), 0,
       stderr=f"{near}:1:10: warning: (b)(l) looks like a mistyped FOIA code; kept as text [redaction.near-miss]\n")

# --- stdin, stdout, -o -------------------------------------------------------------------
expect("stdin to the AST dump", run("convert", "--to", "ast", stdin=b"x (b)(1)\n"), 0,
       stdout='document 1:1-2:1\n  paragraph 1:1-1:9\n    text 1:1-1:3 "x "\n'
              '    redaction 1:3-1:9 scheme=foia codes=["(b)(1)"]\n      text 1:3-1:9 "(b)(1)"\n', stderr="")
expect("parse only", run("convert", "--to", "none", good), 0, stdout="", stderr="")
to_stdout = run("convert", "--to", "html", "--fragment", good)
target = os.path.join(WORK, "good.html")
expect("-o writes a file", run("convert", "--to", "html", "--fragment", "-o", target, good), 0, stdout="", stderr="")
with open(target, encoding="utf-8") as fh:
    check("-o writes what stdout gets", fh.read() == to_stdout[1])
check("no temporary files are left", sorted(f for f in os.listdir(WORK) if f.startswith(".")) == [])

folder = os.path.join(WORK, "out")
expect("several inputs into a folder",
       run("convert", "--to", "json", "-o", folder, good, sample("1962-10-26-khrushchev-second-letter.md")), 0)
check("outputs are named after their inputs",
      sorted(os.listdir(folder)) == ["1962-10-26-khrushchev-second-letter.json", "good.json"], os.listdir(folder))

# --- the seeds as JSON -------------------------------------------------------------------
def nodes(tree, kind):
    found = [tree] if tree.get("type") == kind else []
    for child in tree.get("children", []):
        found += nodes(child, kind)
    return found


code, out, err = run("convert", "--to", "json", sample("1962-10-27-chronology-and-khrushchev-message.md"))
check("seed 000 converts", code == 0 and err == "", err)
try:
    doc = json.loads(out)
    found = [(r["span"]["start"]["line"], r["span"]["start"]["column"], r["codes"], r["scheme"])
             for r in nodes(doc, "redaction")]
    check("seed 000: every (b)(1) is a redaction at its line:column",
          found == [(5, 233, ["(b)(1)"], "foia"), (5, 388, ["(b)(1)"], "foia")], found)
    check("seed 000: JSON has a version", doc.get("version") == 1, doc.get("version"))
except (ValueError, KeyError, TypeError) as e:
    check("seed 000 JSON parses", False, repr(e))

code, out, err = run("convert", "--to", "json", sample("1962-10-27-kennedy-letter-with-draft.md"))
try:
    check("seed 002: (a) ... and (b) to give is no redaction", code == 0 and nodes(json.loads(out), "redaction") == [], out[:300])
except ValueError as e:
    check("seed 002 JSON parses", False, repr(e))

t.finish()
