#!/usr/bin/env python3
"""Batch conversion and statistics (docs/cli.md, docs/scaling.md): whole output trees, exact
diagnostics and exit codes, a SIGKILL in the middle of a run, shards, --incremental, the manifest
and `archmark stats` on the samples."""
import argparse
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from transcript import Transcript, fresh_folder, run as run_tool  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("--archmark", required=True)
parser.add_argument("--source", required=True)
parser.add_argument("--work", required=True)
args = parser.parse_args()

ARCHMARK = os.path.abspath(args.archmark)
SOURCE = os.path.abspath(args.source)
SAMPLES = os.path.join(SOURCE, "samples")
WORK = fresh_folder(args.work)
t = Transcript()
check, expect = t.check, t.expect
SAMPLE_NAMES = sorted(f for f in os.listdir(SAMPLES) if f.endswith(".md"))
# The summary line; its seconds vary, so tests match them with a pattern.
SECONDS = r"\d+\.\d\d s"


def run(*argv, stdin=b"", cwd=None):
    return run_tool([ARCHMARK, *argv], stdin=stdin, cwd=cwd, timeout=300)


def path(*parts):
    return os.path.join(WORK, *parts)


def write(name, data):
    p = path(name)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "wb") as fh:
        fh.write(data)
    return p


def read(p):
    with open(p, "rb") as fh:
        return fh.read()


def sample_bytes(name):
    return read(os.path.join(SAMPLES, name))


def tree(root):
    """{relative path: bytes} of every file under root (hidden ones included)."""
    found = {}
    for folder, _, files in os.walk(root):
        for f in files:
            p = os.path.join(folder, f)
            found[os.path.relpath(p, root)] = read(p)
    return found


def make_corpus(root):
    """The samples at three depths, a .txt and a .markdown copy; returns the relative input paths."""
    rel = []
    for i, name in enumerate(SAMPLE_NAMES):
        for sub in ("", "volume-1", os.path.join("volume-2", "part-a")):
            r = os.path.join(sub, name)
            write(os.path.join(root, r), sample_bytes(name))
            rel.append(r)
    write(os.path.join(root, "notes.txt"), b"A note (b)(6) in a text file.\n")
    write(os.path.join(root, "extra", "memo.markdown"), b"# Memo\n\nWithheld (b)(1).\n")
    write(os.path.join(root, "README.rst"), b"not a transcription\n")
    write(os.path.join(root, ".hidden", "skip.md"), b"hidden\n")
    return sorted(rel + ["notes.txt", os.path.join("extra", "memo.markdown")])


def with_ext(rel, ext):
    return os.path.splitext(rel)[0] + ext


# --- several formats, folders walked, output identical for -j1 and -j2 ----------------------
corpus = path("corpus")
inputs = make_corpus(corpus)
formats = {"tei": ".xml", "html": ".html", "json": ".json"}
r1 = run("convert", "--to", "tei,html,json", "-q", "-j", "1", "-o", path("out-j1"), corpus)
r2 = run("convert", "--to", "tei,html,json", "-q", "-j", "2", "-o", path("out-j2"), corpus)
check("-j1 converts the corpus", r1[0] == 0, r1)
check("-j2 converts the corpus", r2[0] == 0, r2)
check("-j1 and -j2 print the same diagnostics, in input order", r1[2] == r2[2], f"{r1[2]!r}\n{r2[2]!r}")
t1, t2 = tree(path("out-j1")), tree(path("out-j2"))
want_files = sorted(with_ext(r, ext) for r in inputs for ext in formats.values())
check("the output mirrors the input tree, one file per format beside each other",
      sorted(t1) == want_files, sorted(t1))
check("-j1 and -j2 write byte-identical trees", t1 == t2,
      [k for k in set(t1) | set(t2) if t1.get(k) != t2.get(k)][:5])
# Each output is what converting that file alone gives.
one = run("convert", "--to", "tei", os.path.join(corpus, "volume-1", SAMPLE_NAMES[0]))
check("a batch output equals the single-file output",
      t1.get(with_ext(os.path.join("volume-1", SAMPLE_NAMES[0]), ".xml")) == one[1].encode(), one[2])
# Diagnostics are in input order: the order of the files, sorted by relative path.
named = [line.split(":")[0] for line in r1[2].splitlines() if re.match(r"^\S+:\d+:\d+: ", line)]
order = [os.path.join(corpus, r) for r in inputs]
check("diagnostics follow the input order", named == sorted(named, key=order.index) and len(named) > 0, named)
code, out, err = run("convert", "--to", "tei,html", corpus)
expect("several formats need -o", (code, out, err), 2, stdout="", stderr="archmark: several formats need -o OUTDIR\n")
expect("an unknown format in a list is a usage error", run("convert", "--to", "tei,bogus", "-o", path("x"), corpus), 2,
       stdout="", stderr=re.compile(r".*--to: bogus not in \{tei,html,json,markdown,ast,none\}.*", re.S))

# cmark-gfm keeps its extensions' special characters in one global table (src/parse/cmark_driver.cpp):
# many tiny files on several threads would lose `~~` now and then if the library did not guard it.
for i in range(4000):
    write(f"tiny/{i:04d}.md", b"~~gone~~ kept\n")
code, out, err = run("convert", "--to", "ast", "-q", "-j", "4", "-o", path("tiny-out"), path("tiny"))
lost = [f for f, data in tree(path("tiny-out")).items() if b"deletion" not in data]
check("strikethrough survives parsing on 4 threads", code == 0 and len(tree(path("tiny-out"))) == 4000 and lost == [],
      (code, err[:300], lost[:5]))

# --glob, --files-from, folders without input files
code, out, err = run("convert", "--to", "ast", "-q", "--glob", "*.rst", "-o", path("out-rst"), corpus)
check("--glob picks the files taken from folders", code == 0 and sorted(tree(path("out-rst"))) == ["README.ast"],
      (code, err, sorted(tree(path("out-rst")))))
listed = "volume-1/" + SAMPLE_NAMES[1] + "\n./extra/memo.markdown\n\nvolume-2\n"
code, out, err = run("convert", "--to", "ast", "-q", "--files-from", "-", "-o", path("out-list"),
                     stdin=listed.encode(), cwd=corpus)
check("--files-from - keeps each listed path's place in the tree, folders walked",
      code == 0 and sorted(tree(path("out-list"))) ==
      sorted([with_ext("volume-1/" + SAMPLE_NAMES[1], ".ast"), "extra/memo.ast"] +
             [with_ext(os.path.join("volume-2", "part-a", n), ".ast") for n in SAMPLE_NAMES]),
      (code, err, sorted(tree(path("out-list")))))
empty = path("empty")
os.makedirs(empty)
expect("a folder with no input files is an I/O error", run("convert", "-q", "-o", path("out-empty"), empty), 3,
       stdout="", stderr=f"archmark: {empty}: no input files (*.md, *.markdown or *.txt)\n")

# HTML options are handed to the writer; here only their errors (the writer's use is tested with it).
missing_css = path("missing.css")
expect("--css names a file that must exist", run("convert", "--css", missing_css, path("mixed-none.md")), 3, stdout="",
       stderr=f"archmark: --css: {missing_css}: No such file or directory\n")
code, out, err = run("convert", "--view", "bogus", path("x.md"))
check("--view takes diplomatic or reading", code == 2 and "--view: bogus not in {diplomatic,reading}" in err, err)

# --- one bad file among good ones ------------------------------------------------------------
mixed = path("mixed")
write("mixed/a.md", b"Good (b)(1).\n")
write("mixed/b.md", b"ab\xff\n")
write("mixed/c.md", b"Also good.\n")
code, out, err = run("convert", "--to", "tei", "-o", path("out-mixed"), mixed)
expect("one bad file: exit 1, reported at line:column, with the summary", (code, out, err), 1, stdout="",
       stderr=re.compile(re.escape(f"{mixed}/b.md:1:3: error: invalid UTF-8 byte at byte offset 2 [input.utf8]\n"
                                   "archmark: 3 files, 28 bytes, 1 error, 0 warnings, ") + SECONDS + "\n"))
check("the good files are converted, the bad one is not", sorted(tree(path("out-mixed"))) == ["a.xml", "c.xml"],
      sorted(tree(path("out-mixed"))))
write("mixed/d.md", b"see (b)(l)\n")
code, out, err = run("convert", "--to", "tei", "-q", "-o", path("out-mixed"), mixed, path("missing.md"))
expect("an unreadable input is exit 3 (worse than 1), the rest go on, -q leaves out the summary", (code, out, err), 3,
       stdout="",
       stderr=f"{mixed}/b.md:1:3: error: invalid UTF-8 byte at byte offset 2 [input.utf8]\n"
              f"{mixed}/d.md:1:5: warning: (b)(l) looks like a mistyped FOIA code; kept as text [redaction.near-miss]\n"
              f"archmark: {path('missing.md')}: No such file or directory\n")
check("d.md converted despite its warning", os.path.exists(path("out-mixed", "d.xml")))

code, out, err = run("convert", "--to", "none", "-o", path("out-none"), mixed)
expect("--to none over a folder: diagnostics and summary, nothing written", (code, out, err), 1, stdout="",
       stderr=re.compile(re.escape(f"{mixed}/b.md:1:3: error: invalid UTF-8 byte at byte offset 2 [input.utf8]\n"
                                   f"{mixed}/d.md:1:5: warning: (b)(l) looks like a mistyped FOIA code; kept as text "
                                   "[redaction.near-miss]\n"
                                   "archmark: 4 files, 39 bytes, 1 error, 1 warning, ") + SECONDS + "\n"))
check("--to none writes nothing", tree(path("out-none")) == {})

# --- output paths never leave OUTDIR -------------------------------------------------------
write("escape/in/good.md", b"good\n")
write("escape/outside.md", b"outside\n")
listed = "good.md\n../outside.md\n" + path("escape", "outside.md") + "\n"
code, out, err = run("convert", "--to", "tei", "-q", "--files-from", "-", "-o", path("escape", "out"),
                     stdin=listed.encode(), cwd=path("escape", "in"))
expect("'..' and absolute paths in a list are refused, the rest converted", (code, out, err), 3, stdout="",
       stderr=f"archmark: ../outside.md: refused: its output would be outside {path('escape', 'out')} "
              "(an absolute path or '..')\n"
              f"archmark: {path('escape', 'outside.md')}: refused: its output would be outside "
              f"{path('escape', 'out')} (an absolute path or '..')\n")
check("only the good file is written", sorted(tree(path("escape"))) ==
      ["in/good.md", "out/good.xml", "outside.md"], sorted(tree(path("escape"))))
# A symbolic link inside OUTDIR that points elsewhere is never written through.
write("linked/in/sub/a.md", b"a\n")
write("linked/in/b.md", b"b\n")
os.makedirs(path("linked", "elsewhere"))
os.makedirs(path("linked", "out"))
os.symlink(path("linked", "elsewhere"), path("linked", "out", "sub"))
code, out, err = run("convert", "--to", "tei", "-q", "-o", path("linked", "out"), path("linked", "in"))
expect("a symbolic link in OUTDIR is refused", (code, out, err), 3, stdout="",
       stderr=f"archmark: {path('linked', 'in', 'sub', 'a.md')}: refused: {path('linked', 'out', 'sub')} "
              "is a symbolic link\n")
check("nothing is written through the link, the rest is converted",
      os.listdir(path("linked", "elsewhere")) == [] and os.path.exists(path("linked", "out", "b.xml")))
# Two inputs with one output name: the first keeps it.
write("clash/a.md", b"one\n")
write("clash/a.txt", b"two\n")
code, out, err = run("convert", "--to", "tei", "-q", "-o", path("clash-out"), path("clash"))
expect("two inputs with one output are refused, the first converted", (code, out, err), 3, stdout="",
       stderr=f"archmark: {path('clash', 'a.txt')}: refused: its output would overwrite that of "
              f"{path('clash', 'a.md')}\n")
check("the first input owns the output", b"one" in read(path("clash-out", "a.xml")))

# --- shards: the union of 3 shards is the single run ---------------------------------------
full = tree(path("out-j1"))
seen = []
for k in (1, 2, 3):
    code, out, err = run("convert", "--to", "tei,html,json", "-q", "--shard", f"{k}/3", "--manifest",
                         path(f"shard-{k}.jsonl"), "-o", path("out-shards"), corpus)
    check(f"shard {k}/3 runs", code == 0, err)
    with open(path(f"shard-{k}.jsonl")) as fh:
        seen.append([json.loads(line)["path"] for line in fh])
check("every shard has a part", all(seen), [len(s) for s in seen])
check("shards are disjoint and together hold every input",
      sorted(p for s in seen for p in s) == sorted(os.path.join(corpus, r) for r in inputs), seen)
check("3 shards write the tree of a single run", tree(path("out-shards")) == full)
code, out, err = run("convert", "--to", "tei", "--shard", "4/3", "-o", path("x"), corpus)
expect("--shard 4/3 is a usage error", (code, out, err), 2, stdout="",
       stderr="archmark: --shard: 4/3 is not K/N with 1 <= K <= N\n")
# The partition hangs on the relative path, not on the order of the inputs or the folder's name.
shutil.copytree(corpus, path("corpus-copy"))
code, out, err = run("convert", "--to", "tei", "-q", "--shard", "2/3", "--manifest", "-", "-o", path("out-copy"),
                     path("corpus-copy"))
again = [json.loads(line)["path"].replace(path("corpus-copy"), corpus) for line in out.splitlines()]
check("a shard holds the same files wherever the corpus is", again == seen[1], (again, seen[1]))

# --- --incremental ---------------------------------------------------------------------------
inc = path("inc")
for name in ("a.md", "b.md", "c.md"):
    write(f"inc/{name}", f"{name} withheld (b)(1).\n".encode())
write("inc/bad.md", b"\xff\n")


def incremental(*extra):
    code, out, err = run("convert", "--to", "tei,html", "--incremental", "--manifest", "-", "-o", path("inc-out"),
                         *extra, inc)
    status = {os.path.basename(json.loads(line)["path"]): json.loads(line)["status"] for line in out.splitlines()}
    return code, err, status


code, err, status = incremental()
check("first incremental run converts everything",
      code == 1 and status == {"a.md": "ok", "b.md": "ok", "c.md": "ok", "bad.md": "failed"} and
      re.fullmatch(".*archmark: 4 files, 68 bytes, 1 error, 0 warnings, " + SECONDS + "\n", err, re.S), (code, err, status))
mtimes = {f: os.stat(path("inc-out", f)).st_mtime_ns for f in os.listdir(path("inc-out")) if not f.startswith(".")}
code, err, status = incremental()
check("second run converts nothing but the failed file",
      code == 1 and status == {"a.md": "up-to-date", "b.md": "up-to-date", "c.md": "up-to-date", "bad.md": "failed"}
      and re.fullmatch(".*archmark: 4 files \\(3 up to date\\), 2 bytes, 1 error, 0 warnings, " + SECONDS + "\n",
                       err, re.S), (code, err, status))
check("up-to-date outputs are not rewritten",
      all(os.stat(path("inc-out", f)).st_mtime_ns == m for f, m in mtimes.items()))
future = time.time() + 5
os.utime(path("inc", "b.md"), (future, future))
code, err, status = incremental()
check("touching one input reconverts exactly it",
      status == {"a.md": "up-to-date", "b.md": "ok", "c.md": "up-to-date", "bad.md": "failed"}, status)
code, err, status = incremental("--fragment")
check("changing an option reconverts everything",
      status == {"a.md": "ok", "b.md": "ok", "c.md": "ok", "bad.md": "failed"}, status)
check("the state is one line per converted input after an unsharded run",
      len(read(path("inc-out", ".archmark-state.jsonl")).splitlines()) == 3)
os.remove(path("inc-out", "c.html"))
code, err, status = incremental("--fragment")
check("a missing output is made again", status["c.md"] == "ok" and status["a.md"] == "up-to-date", status)
expect("--incremental needs a folder", run("convert", "--incremental", path("inc", "a.md")), 2, stdout="",
       stderr="archmark: --incremental needs -o OUTDIR\n")

# --- the manifest --------------------------------------------------------------------------


def kinds_in_dump(name):
    """Node counts from the expected AST dump of a sample (one node a line, kind first)."""
    counts = {}
    with open(os.path.join(SAMPLES, "expected", name.replace(".md", ".ast")), encoding="utf-8") as fh:
        for line in fh:
            kind = line.split()[0]
            if re.fullmatch("[a-z_]+", kind):  # the dump's node lines; its diagnostics follow them
                counts[kind] = counts.get(kind, 0) + 1
    return counts


code, out, err = run("convert", "--to", "tei", "-q", "--manifest", path("manifest.jsonl"), "-o", path("out-manifest"),
                     *[os.path.join(SAMPLES, n) for n in SAMPLE_NAMES])
check("manifest run", code == 0 and out == "", err)
lines = [json.loads(line) for line in read(path("manifest.jsonl")).decode().splitlines()]
check("one manifest line per input, in input order",
      [entry["path"] for entry in lines] == [os.path.join(SAMPLES, n) for n in SAMPLE_NAMES], lines)
for entry, name in zip(lines, SAMPLE_NAMES):
    data = sample_bytes(name)
    warnings = run("convert", "--to", "none", os.path.join(SAMPLES, name))[2].count("\n")
    check(f"manifest of {name}",
          list(entry) == ["path", "outputs", "status", "sha256", "bytes", "nodes", "diagnostics", "errors", "warnings",
                          "ms"] and
          entry["outputs"] == [path("out-manifest", name.replace(".md", ".xml"))] and entry["status"] == "ok" and
          entry["sha256"] == hashlib.sha256(data).hexdigest() and entry["bytes"] == len(data) and
          entry["nodes"] == kinds_in_dump(name) and entry["diagnostics"] == warnings and entry["errors"] == 0 and
          isinstance(entry["ms"], (int, float)) and entry["ms"] >= 0, entry)

# --- stopped by SIGKILL: every output there is whole ----------------------------------------
kill = path("kill")
body = b"".join(b"Paragraph %d: withheld (b)(1) and ~~struck~~ <ins>added</ins> words.\n\n" % j for j in range(1000))
for i in range(300):
    write(f"kill/{i // 100}/{i:04d}.md", body + f"\nFile {i} (b)(1).\n".encode())
want = {}
proc = subprocess.Popen([ARCHMARK, "convert", "--to", "tei", "-q", "-j", "2", "-o", path("kill-out"), kill],
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
deadline = time.time() + 120
while time.time() < deadline and proc.poll() is None:
    if os.path.isdir(path("kill-out")) and sum(len(f) for _, _, f in os.walk(path("kill-out"))) >= 10:
        break
    time.sleep(0.002)
proc.send_signal(signal.SIGKILL)
proc.wait()
check("the batch was killed mid-run", proc.returncode == -signal.SIGKILL, proc.returncode)
left = tree(path("kill-out"))
check("the kill came before the end", 0 < len(left) < 300, len(left))
bad = []
for rel, data in left.items():
    if not rel.endswith(".xml") or os.path.basename(rel).startswith("."):
        bad.append((rel, "not a final name"))
        continue
    try:
        ET.fromstring(data)
    except ET.ParseError as e:
        bad.append((rel, str(e)))
        continue
    n = int(os.path.basename(rel)[:4])
    if f"File {n}".encode() not in data:
        bad.append((rel, "not its input"))
check("every file left by the kill is a whole TEI document under its final name, no temporary file", bad == [],
      bad[:5])
code, out, err = run("convert", "--to", "tei", "-q", "-o", path("kill-out"), kill)
check("a rerun completes the batch", code == 0 and len(tree(path("kill-out"))) == 300, (code, err))

# --- stats on the samples ------------------------------------------------------------------
# The table shown in docs/cli.md; the JSON's totals are checked against the samples' expected AST
# dumps, which are written independently of `stats`.
STATS_TABLE = """samples: 8 files, 26738 bytes
  redactions                      13
    foia                           6
      (b)(1)                       5
      (b)(3)                       2
      (b)(6)                       1
      50X1-HUM                     1
    eo13526                        1
      25X1                         1
    frus                           4
    generic                        1
      (b)(6)                       1
    bars                           1
  deletions                        8
  insertions                       5
  substitutions                    5
  notes                            5
  signatures                       4
  pages                           10
"""
sample_args = [os.path.join("samples", n) for n in SAMPLE_NAMES]
expect("stats on the samples (table)", run("stats", *sample_args, cwd=SOURCE), 0, stdout=STATS_TABLE, stderr="")
for i, name in enumerate(SAMPLE_NAMES):
    write(os.path.join("stats-folder", "sub" if i % 2 else "", name), sample_bytes(name))
expect("stats walks a folder, one collection, whatever -j", run("stats", "-j", "2", path("stats-folder")), 0,
       stdout=STATS_TABLE.replace("samples:", path("stats-folder") + ":"), stderr="")
code, out, err = run("stats", "--format", "json", "--per-file", *sample_args, cwd=SOURCE)
try:
    stats = json.loads(out)
    dumped = {}
    for name in SAMPLE_NAMES:
        for kind, n in kinds_in_dump(name).items():
            dumped[kind] = dumped.get(kind, 0) + n
    total = stats["total"]
    check("stats JSON totals agree with the expected AST dumps",
          code == 0 and total["redactions"]["total"] == dumped["redaction"] and
          total["deletions"] == dumped["deletion"] and total["insertions"] == dumped["insertion"] and
          total["substitutions"] == dumped["substitution"] and total["notes"] == dumped["note"] and
          total["signatures"] == dumped["signature"] and
          total["pages"] == len(SAMPLE_NAMES) + dumped["page_break"], total)
    per_file = stats["collections"][0]["per_file"]
    memo = next(f for f in per_file if f["path"].endswith("cia-memo-with-foia-and-eo-codes.md"))
    check("stats JSON per file: the CIA memo's redactions by scheme and code",
          memo["redactions"] == {"total": 6, "by_scheme": {
              "foia": {"total": 3, "codes": {"(b)(1)": 2, "(b)(3)": 2, "(b)(6)": 1, "50X1-HUM": 1}},
              "eo13526": {"total": 1, "codes": {"25X1": 1}},
              "generic": {"total": 1, "codes": {"(b)(6)": 1}},
              "bars": {"total": 1, "codes": {}}}} and [f["path"] for f in per_file] == sample_args, memo)
except (ValueError, KeyError, StopIteration, IndexError) as e:
    check("stats JSON", False, repr(e) + out[:500])
code, out, err = run("stats", "--format", "csv", os.path.join("samples", "cia-memo-with-foia-and-eo-codes.md"),
                     cwd=SOURCE)
expect("stats CSV: one tidy row per count", (code, out, err), 0, stderr="", stdout="""collection,file,measure,scheme,code,count
samples,,files,,,1
samples,,bytes,,,971
samples,,redactions,,,6
samples,,redactions,foia,,3
samples,,redactions,foia,(b)(1),2
samples,,redactions,foia,(b)(3),2
samples,,redactions,foia,(b)(6),1
samples,,redactions,foia,50X1-HUM,1
samples,,redactions,eo13526,,1
samples,,redactions,eo13526,25X1,1
samples,,redactions,generic,,1
samples,,redactions,generic,(b)(6),1
samples,,redactions,bars,,1
samples,,deletions,,,0
samples,,insertions,,,0
samples,,substitutions,,,0
samples,,notes,,,0
samples,,signatures,,,1
samples,,pages,,,1
""")
code, out, err = run("stats", path("mixed"))
check("stats reports a bad file and exits 1", code == 1 and
      err == f"{path('mixed')}/b.md:1:3: error: invalid UTF-8 byte at byte offset 2 [input.utf8]\n" and
      out.startswith(f"{path('mixed')}: 4 files, "), (code, out, err))

t.finish()
