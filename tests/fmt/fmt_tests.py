#!/usr/bin/env python3
"""`archmark fmt`: rewrites only what changes, atomically, keeping permissions and every word;
`--check` changes nothing; files with errors are never rewritten; exact exit codes (docs/cli.md)."""
import argparse
import json
import os
import re
import shutil
import stat
import sys
import time

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
    return run_tool([ARCHMARK, *argv], stdin=stdin, timeout=120)


def path(name):
    return os.path.join(WORK, name)


def write(name, data, mode=None):
    p = path(name)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "wb") as fh:
        fh.write(data)
    if mode is not None:
        os.chmod(p, mode)
    return p


def read(p):
    with open(p, "rb") as fh:
        return fh.read()


def snapshot(p):
    """Bytes, modification time (ns), inode and mode: all that a no-op must leave alone."""
    st = os.stat(p)
    return read(p), st.st_mtime_ns, st.st_ino, stat.S_IMODE(st.st_mode)


def age(p):
    """Sets the file's times in the past, so a rewrite would show in its mtime."""
    past = time.time() - 3600
    os.utime(p, (past, past))


def words(p):
    """The document's words as archmark reads them: every literal of the JSON tree in order (soft
    and hard breaks as spaces), plus the front matter, whitespace-normalized."""
    code, out, err = run("convert", "--to", "json", p)
    assert code == 0, err
    parts = []

    def walk(n):
        if n.get("type") in ("soft_break", "line_break"):
            parts.append(" ")
        if "literal" in n:
            parts.append(n["literal"])
        for c in n.get("children", []):
            walk(c)

    tree = json.loads(out)
    walk(tree)
    meta = tree.get("metadata", {})
    items = meta.items() if isinstance(meta, dict) else [tuple(x) if isinstance(x, list) else x for x in meta]
    return " ".join("".join(parts).split()), json.dumps(list(items))


def leftovers(folder):
    return [n for n in os.listdir(folder) if ".archmark-" in n]


# --- samples: fmt, then fmt --check is clean, every word kept ------------------------------
samples_dir = path("samples")
os.makedirs(samples_dir)
samples = sorted(n for n in os.listdir(SAMPLES) if n.endswith(".md") and n != "README.md")
copies = []
for name in samples:
    shutil.copyfile(os.path.join(SAMPLES, name), os.path.join(samples_dir, name))
    copies.append(os.path.join(samples_dir, name))
before = {p: words(p) for p in copies}

code, out, err = run("fmt", "--check", *copies)
listed = out.splitlines()
check("fmt --check on the samples lists only sample files", code in (0, 1) and all(p in copies for p in listed)
      and err == "", f"exit {code}\n{out}\n{err}")
check("fmt --check exits 1 exactly when it lists files", (code == 1) == bool(listed), f"exit {code}\n{out}")

expect("fmt on the samples", run("fmt", *copies), 0, stdout="", stderr="")
expect("fmt --check after fmt is clean", run("fmt", "--check", *copies), 0, stdout="", stderr="")
for p in copies:
    check(f"every word kept: {os.path.basename(p)}", words(p) == before[p],
          f"  before: {before[p][0][:300]}\n  after:  {words(p)[0][:300]}")
check("no temporary files left", leftovers(samples_dir) == [], str(leftovers(samples_dir)))

kennedy = read(os.path.join(samples_dir, "1962-10-27-kennedy-letter-with-draft.md")).decode()
check("transcribed item numbers are kept (3. then 3.)",
      "\n3. You would\n\n3. You would undertake," in kennedy, kennedy[-3000:])

# Idempotent, and a file already canonical is not touched at all (same inode, same mtime).
for p in copies:
    age(p)
snaps = {p: snapshot(p) for p in copies}
expect("fmt again", run("fmt", *copies), 0, stdout="", stderr="")
for p in copies:
    check(f"fmt leaves a canonical file alone: {os.path.basename(p)}", snapshot(p) == snaps[p])

# --- --check changes nothing and lists the files that would change ----------------------------
messy = b"# Title #\n\n* one\n* two\n\nA line with a hard break  \nand __strong__ text.\n\n\\*\\*\\*\\*\\*\n"
needs = write("check/needs.md", messy)
clean = write("check/clean.md", b"# Title\n\n- one\n- two\n")
age(needs)
needs_before = snapshot(needs)
expect("--check lists the file that would change", run("fmt", "--check", needs, clean), 1,
       stdout=needs + "\n", stderr="")
check("--check leaves bytes, mtime and inode alone", snapshot(needs) == needs_before)
expect("--check on a canonical file", run("fmt", "--check", clean), 0, stdout="", stderr="")

# --- in place: only when changed, atomically, permissions kept --------------------------------
perms = write("perms/odd-mode.md", messy, mode=0o640)
age(perms)
inode = os.stat(perms).st_ino
expect("fmt rewrites a file that changes", run("fmt", perms), 0, stdout="", stderr="")
check("the rewritten file is canonical", run("fmt", "--check", perms)[0] == 0)
check("permissions kept (0640)", stat.S_IMODE(os.stat(perms).st_mode) == 0o640, oct(os.stat(perms).st_mode))
check("replaced by rename (new inode), not rewritten in place", os.stat(perms).st_ino != inode)
check("no temporary files left beside it", leftovers(path("perms")) == [], str(leftovers(path("perms"))))
got = read(perms).decode()
check("hard break written as a backslash, bullets as -, strong as **",
      "hard break\\\nand **strong** text." in got and "- one\n- two" in got, got)
executable = write("perms/executable.md", messy, mode=0o755)
expect("fmt a 0755 file", run("fmt", executable), 0)
check("permissions kept (0755)", stat.S_IMODE(os.stat(executable).st_mode) == 0o755)

# Through a symbolic link the target is rewritten and the link stays a link.
target = write("link/target.md", messy)
link = path("link/link.md")
os.symlink("target.md", link)
expect("fmt through a symlink", run("fmt", link), 0, stdout="", stderr="")
check("the link is still a link", os.path.islink(link))
check("its target was formatted", run("fmt", "--check", target)[0] == 0)

# --- files with errors are never rewritten -----------------------------------------------------
bad_utf8 = write("errors/latin1.md", b"Caf\xe9 au lait.\n")
age(bad_utf8)
snap = snapshot(bad_utf8)
expect("invalid UTF-8: exit 1 and its diagnostic", run("fmt", bad_utf8), 1, stdout="",
       stderr=re.compile(re.escape(bad_utf8) + r":1:4: error: [^\n]*byte offset 3[^\n]* \[input\.utf8\]\n"))
check("invalid UTF-8: not rewritten", snapshot(bad_utf8) == snap)
expect("invalid UTF-8 with --check: exit 1, not listed", run("fmt", "--check", bad_utf8), 1, stdout="")

unclosed = write("errors/unclosed.md", b"Some  <del>struck text\n\n* item\n")
age(unclosed)
snap = snapshot(unclosed)
expect("a parse error: exit 1, `file:line:col: error: message [rule]`", run("fmt", unclosed), 1, stdout="",
       stderr=re.compile(re.escape(unclosed) + r":1:7: error: [^\n]+ \[syntax\.unclosed\]\n"))
check("a parse error: not rewritten", snapshot(unclosed) == snap)

# Several files: the good ones are formatted, the bad one left, exit 1.
good = write("errors/good.md", messy)
expect("mixed inputs: worst exit code", run("fmt", good, unclosed), 1, stdout="")
check("mixed inputs: the good file was formatted", run("fmt", "--check", good)[0] == 0)
check("mixed inputs: the bad file was not", snapshot(unclosed) == snap)

# --- standard input to standard output -----------------------------------------------------
code, out, err = run("fmt", "-", stdin=messy)
check("fmt - writes the canonical text", code == 0 and err == "" and out == read(perms).decode(),
      f"exit {code}\n{out!r}\n{err!r}")
expect("fmt - on canonical text echoes it", run("fmt", "-", stdin=read(clean)), 0, stdout=read(clean).decode())
expect("fmt - with an error echoes the input unchanged and reports it", run("fmt", "-", stdin=b"a <del>b\n"), 1,
       stdout="a <del>b\n", stderr=re.compile(r"<stdin>:1:3: error: [^\n]+ \[syntax\.unclosed\]\n"))
expect("fmt --check - lists <stdin>", run("fmt", "--check", "-", stdin=messy), 1, stdout="<stdin>\n", stderr="")
expect("fmt --check - on canonical text", run("fmt", "--check", "-", stdin=read(clean)), 0, stdout="", stderr="")
expect("fmt - on empty input", run("fmt", "-", stdin=b""), 0, stdout="", stderr="")

# --- spellings that once did not read back (fuzz_markdown, tests/fuzz/regressions/) ------------
# A bullet list after an ordered list, before an indented code block: its markers were indented,
# which put it inside item 8.
list_after_list = b"8) eight\n\n- a\n-\n\n    code\n"
expect("a list after a list is not indented into it", run("fmt", "-", stdin=list_after_list), 0,
       stdout="8) eight\n\n-    a\n-\n\n    code\n", stderr="")
expect("and that spelling is canonical", run("fmt", "--check", "-", stdin=b"8) eight\n\n-    a\n-\n\n    code\n"), 0,
       stdout="", stderr="")
# A bracketed note [1] and a GFM note [^1] were both written [^1] (a note.duplicate error).
# convert writes the second [^1-2]; fmt leaves the text as it is, since [^1-2] reads back as
# another label (docs/markdown.md).
collision = b"Text [1].\n\n## Notes\n\n[1] One.\n\n\n[^1]: a]"
expect("colliding note labels: convert gives the second its own", run("convert", "--to", "markdown", "-",
       stdin=collision), 0, stdout="Text [^1].\n\n## Notes\n\n[^1]: One.\n\n[^1-2]: a]\n",
       stderr=re.compile(r"<stdin>:8:1: warning: [^\n]+ \[note\.unused\]\n"))
expect("colliding note labels: fmt leaves the text as it is", run("fmt", "-", stdin=collision), 1,
       stdout=collision.decode(),
       stderr="archmark: <stdin>:8:1: not formatted: notes of two styles share the label `1`; canonical Markdown"
              " writes every note as `[^label]`, so one would be renamed: give one of them another label\n")

# --- front matter ------------------------------------------------------------------------------
front = write("front/matter.md", b"---\ntitle: 'Note: a memo'\ndate: 1962-10-27\ntags: [cuba, missiles]\nempty:\n---\nText.\n")
expect("fmt a file with front matter", run("fmt", front), 0, stdout="", stderr="")
check("front matter re-emitted, quoted where needed",
      read(front) == b'---\ntitle: "Note: a memo"\ndate: 1962-10-27\ntags: [cuba, missiles]\nempty: ""\n---\n\nText.\n',
      repr(read(front)))

# --- usage and I/O errors: exact exit codes -------------------------------------------------
code, out, err = run("fmt")
check("no file is a usage error (2)", code == 2 and "files is required" in err, f"{code} {err}")
code, out, err = run("fmt", "--bogus", clean)
check("an unknown option is a usage error (2)", code == 2 and "--bogus" in err, f"{code} {err}")
code, out, err = run("fmt", "--help")
check("fmt --help", code == 0 and "--check" in out, out)
missing = path("missing.md")
expect("a missing file is an I/O error (3)", run("fmt", missing), 3, stdout="",
       stderr=f"archmark: {missing}: No such file or directory\n")
expect("a folder is an I/O error (3)", run("fmt", path("check")), 3, stdout="",
       stderr=f"archmark: {path('check')}: is a directory\n")
expect("--check: I/O error outranks a file that would change", run("fmt", "--check", needs, missing), 3,
       stdout=needs + "\n")
if os.geteuid() != 0:
    locked_dir = path("locked")
    locked = write("locked/file.md", messy)
    os.chmod(locked_dir, 0o555)
    try:
        code, out, err = run("fmt", locked)
        check("an unwritable folder is an I/O error (3)", code == 3 and err.startswith(f"archmark: {locked}: "),
              f"{code} {err}")
        check("the file in it is unchanged", read(locked) == messy)
    finally:
        os.chmod(locked_dir, 0o755)

t.finish()
