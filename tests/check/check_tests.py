#!/usr/bin/env python3
"""`archmark check` transcripts: exact diagnostics in every format, exit codes, rule levels,
`.archmark.yaml` discovery, colour and caret alignment. Inputs are written to --work and checked
from there, so file names in the output are short and stable."""
import argparse
import json
import os
import pty
import re
import subprocess
import sys

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


def clean_env(**extra):
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env.update(extra)
    return env


def run(*argv, stdin=b"", cwd=WORK, env=None):
    return run_tool([ARCHMARK, "check", *argv], stdin=stdin, cwd=cwd, env=env or clean_env())


def run_tty(*argv, env):
    """Runs with standard output on a pseudo-terminal; returns (exit code, output)."""
    master, slave = pty.openpty()
    p = subprocess.Popen([ARCHMARK, "check", *argv], stdout=slave, stderr=subprocess.DEVNULL,
                         stdin=subprocess.DEVNULL, cwd=WORK, env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    return p.wait(timeout=60), b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n")




def write(name, data):
    path = os.path.join(WORK, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as fh:
        fh.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    return name


def ids_in(output):
    return re.findall(r"\[([a-z0-9]+\.[a-z0-9-]+)\]$", output, re.M)


# The closed list of rule ids and default severities, read from the header that defines them.
with open(os.path.join(SOURCE, "src/include/archmark/diagnostic.hpp"), encoding="utf-8") as fh:
    header = fh.read()
RULES = re.findall(r"^\s+\w+,\s+//\s*([a-z0-9]+\.[a-z0-9-]+):", header, re.M)
check("the rule ids are read from diagnostic.hpp", len(RULES) >= 18 and "input.utf8" in RULES, RULES)

# --- usage -------------------------------------------------------------------------------
code, out, err = run("--help")
check("check --help", code == 0 and all(o in out for o in ("--format", "--fail-on", "--rule", "--color",
                                                          "--list-rules")), out)
code, out, err = run("--list-rules")
listed = {}
for line in out.splitlines():
    parts = line.split(None, 2)
    if len(parts) == 3:
        listed[parts[0]] = (parts[1], parts[2])
check("--list-rules lists every rule once", code == 0 and sorted(listed) == sorted(RULES) and
      len(out.splitlines()) == len(RULES), out)
check("--list-rules gives the default severities",
      listed.get("input.utf8", ("",))[0] == "error" and listed.get("redaction.near-miss", ("",))[0] == "warning"
      and listed.get("redaction.possible", ("",))[0] == "note"
      and listed.get("structure.duplicate-passage", ("",))[0] == "warning", out)
check("--list-rules: `id  severity  description` in aligned columns",
      "structure.duplicate-passage  warning  a paragraph that repeats an earlier one word for word\n" in out and
      "input.utf8                   error    the input is not valid UTF-8\n" in out, out)

code, out, err = run("--rule", "redaction.nearmiss=off", "x.md")
check("an unknown rule id is a usage error naming it", code == 2 and "`redaction.nearmiss`" in err and out == "", err)
code, out, err = run("--rule", "redaction.near-miss=loud", "x.md")
check("an unknown level is a usage error", code == 2 and "`loud`" in err, err)
code, out, err = run("--rule", "redaction.near-miss", "x.md")
check("--rule without =LEVEL is a usage error", code == 2 and "ID=LEVEL" in err, err)
code, out, err = run("--format", "xml", "x.md")
check("an unknown format is a usage error", code == 2 and "--format" in err, err)
code, out, err = run("--fail-on", "fatal", "x.md")
check("an unknown --fail-on is a usage error", code == 2 and "--fail-on" in err, err)
code, out, err = run("--frobnicate")
check("an unknown option is a usage error", code == 2 and "--frobnicate" in err, err)

# --- every rule: a bad input with its exact report, a good input with none -----------------
near = write("near.md", "Withheld (b)(l).\n")
expect("redaction.near-miss", run(near), 0, stderr="", stdout=(
    "near.md:1:10: warning: (b)(l) looks like a mistyped FOIA code; kept as text [redaction.near-miss]\n"
    "Withheld (b)(l).\n"
    "         ^~~~~~\n"
    "help: did you mean `(b)(1)`?\n"))
expect("redaction.near-miss: good", run(write("near-good.md", "Withheld (b)(1).\n")), 0, stdout="", stderr="")

possible = write("possible.md", "Name: XXXX was there.\n")
expect("redaction.possible", run(possible), 0, stdout=(
    "possible.md:1:7: note: XXXX may mark withheld text; kept as text [redaction.possible]\n"
    "Name: XXXX was there.\n"
    "      ^~~~\n"
    "help: if it is a redaction, write `[REDACTED]`\n"))
expect("redaction.possible: good", run(write("possible-good.md", "Name: [REDACTED] was there.\n")), 0, stdout="")

citation = write("citation.md", "Under 5 U.S.C. 552(b)(1) the agency withheld it.\n")
expect("redaction.citation", run(citation), 0, stdout=(
    "citation.md:1:19: note: (b)(1) reads as a legal citation, not as withheld text [redaction.citation]\n"
    "Under 5 U.S.C. 552(b)(1) the agency withheld it.\n"
    "                  ^~~~~~\n"
    "help: if it marks withheld text, separate it from the citation\n"))
expect("redaction.citation: good", run(write("citation-good.md", "The agency withheld it: (b)(1).\n")), 0, stdout="")

unknown = write("unknown.md", "Withheld under (b)(10).\n")
expect("redaction.unknown-code", run(unknown), 0, stdout=(
    "unknown.md:1:16: warning: (b)(10) is not a FOIA exemption code; kept as text [redaction.unknown-code]\n"
    "Withheld under (b)(10).\n"
    "               ^~~~~~~\n"
    "help: FOIA codes are (b)(1) to (b)(9), and (b)(7)(A) to (b)(7)(F)\n"))
expect("redaction.unknown-code: good", run(write("unknown-good.md", "Withheld under (b)(7)(C).\n")), 0, stdout="")

utf8 = write("utf8.md", b"ab\xff\n")
expect("input.utf8 (a bad byte shown as U+FFFD)", run(utf8), 1, stdout=(
    "utf8.md:1:3: error: invalid UTF-8 byte at byte offset 2 [input.utf8]\n"
    "ab\ufffd\n"
    "  ^\n"))
expect("input.utf8: good", run(write("utf8-good.md", "ab\u00e9\n")), 0, stdout="")

nul = write("nul.md", b"a\x00b\n")
code, out, err = run(nul)
check("input.nul (the NUL shown as U+2400)",
      code == 1 and out.startswith("nul.md:1:2: error: NUL byte at byte offset 1") and
      out.splitlines()[0].endswith("[input.nul]") and out.splitlines()[1:3] == ["a\u2400b", " ^"], out)

para = "I have read your letter of October 26th with great care and welcomed the statement."
duplicate = write("duplicate.md", f"{para}\n\nSomething else, said in more than eight words of its own.\n\n{para}\n")
expect("structure.duplicate-passage", run(duplicate), 0, stdout=(
    "duplicate.md:5:1: warning: this paragraph repeats the one on line 1 word for word [structure.duplicate-passage]\n"
    f"{para}\n"
    "^" + "~" * (len(para) - 1) + "\n"
    "help: if the original repeats it, keep it and silence the rule for this file; otherwise delete the copy\n"))
expect("structure.duplicate-passage: good",
       run(write("duplicate-good.md", f"{para}\n\nDear Mr. Chairman:\n\nDear Mr. Chairman:\n")), 0, stdout="")

abandoned = write("abandoned.md", "1. You would cease work.\n\n3. You would\n\n3. You would undertake, with safeguards.\n")
expect("structure.abandoned-item", run(abandoned), 0, stdout=(
    "abandoned.md:3:1: warning: item 3 is repeated and continued by the next item, on line 5; it looks "
    "abandoned [structure.abandoned-item]\n"
    "3. You would\n"
    "^~~~~~~~~~~~\n"
    "help: if the original shows the abandoned start, keep it and silence the rule for this file; "
    "otherwise delete it\n"))
expect("structure.abandoned-item: `3)` then `3.` (two lists)",
       run("--format", "gcc", write("abandoned2.md", "3) You would\n\n3. You would undertake it.\n")), 0, stdout=(
           "abandoned2.md:1:1: warning: item 3 is repeated and continued by the next item, on line 3; it looks "
           "abandoned [structure.abandoned-item]\n"))
expect("structure.abandoned-item: good",
       run(write("abandoned-good.md", "3. You would\n\n4. You would undertake it.\n")), 0, stdout="")

# The letter pass recognizes signatures and may report this rule itself: what is fixed is that
# it is reported once, on the paragraph after the signature.
long = "This paragraph says a great deal more than a signer's title or a place would ever say."
after = write("after.md", f"Dear Sir:\n\n{long} One.\n\nSincerely yours,\n\n(s) John Doe\n\nSpecial Assistant\n\n"
                          f"{long} Two.\n\n{long} Three.\n")
code, out, err = run("--format", "gcc", after)
check("structure.after-signature: reported once, after the signature",
      code == 0 and ids_in(out) == ["structure.after-signature"] and out.startswith("after.md:11:"), out)
after_good = write("after-good.md", f"Dear Sir:\n\n{long}\n\nSincerely yours,\n\n(s) John Doe\n\n* * *\n\n"
                                    f"DRAFT FOLLOWS\n\n{long} Again.\n")
expect("structure.after-signature: good (a draft follows)", run(after_good), 0, stdout="")

# The rules the parser passes report, whose messages other work may still change: the id is
# reported for a bad input, and not for a good one.
def reported(name, rule, bad, good):
    code, out, err = run("--format", "gcc", write(name + ".md", bad))
    check(f"{rule} is reported", rule in ids_in(out), out)
    code, out, err = run("--format", "gcc", write(name + "-good.md", good))
    check(f"{rule}: good input", rule not in ids_in(out), out)


reported("unclosed", "syntax.unclosed", "x <del>a\n", "x <del>a</del>\n")
reported("stray", "syntax.stray-close", "x </ins> y\n", "x <ins>a</ins> y\n")
reported("undefined", "note.undefined", "Text.[^1]\n", "Text.[^1]\n\n[^1]: The note.\n")
reported("unused", "note.unused", "Text.\n\n[^1]: The note.\n", "Text.[^1]\n\n[^1]: The note.\n")
reported("duplicate-note", "note.duplicate", "Text.[^1]\n\n[^1]: One.\n[^1]: Two.\n", "Text.[^1]\n\n[^1]: One.\n")
reported("metadata", "metadata.invalid", "---\n- a\n---\n\nText.\n", "---\ntitle: A letter\n---\n\nText.\n")
reported("empty", "edit.empty", "x <s></s> y\n", "x <s>a</s> y\n")
reported("depth", "limit.depth", ">" * 300 + " x\n", ">" * 5 + " x\n")

# Every rule id has a page in docs/diagnostics.md.
with open(os.path.join(SOURCE, "docs/diagnostics.md"), encoding="utf-8") as fh:
    docs = fh.read()
for rule in RULES:
    check(f"{rule} is documented", re.search(r"^## `?" + re.escape(rule) + r"`?\s*$", docs, re.M) is not None)

# --- formats -----------------------------------------------------------------------------
expect("gcc: the first line only", run("--format", "gcc", near, possible), 0, stdout=(
    "near.md:1:10: warning: (b)(l) looks like a mistyped FOIA code; kept as text [redaction.near-miss]\n"
    "possible.md:1:7: note: XXXX may mark withheld text; kept as text [redaction.possible]\n"))

code, out, err = run("--format", "json", near, utf8)
try:
    objects = [json.loads(line) for line in out.splitlines()]
    check("json: one object a line", code == 1 and len(objects) == 2, out)
    check("json: the fields, in order", list(objects[0]) == ["id", "severity", "message", "file", "line", "column",
                                                             "end_line", "end_column", "help"], objects[0])
    check("json: values", objects[0] == {
        "id": "redaction.near-miss", "severity": "warning",
        "message": "(b)(l) looks like a mistyped FOIA code; kept as text", "file": "near.md", "line": 1,
        "column": 10, "end_line": 1, "end_column": 16, "help": "did you mean `(b)(1)`?"}, objects[0])
    check("json: no help when there is none", "help" not in objects[1] and objects[1]["id"] == "input.utf8",
          objects[1])
except ValueError as e:
    check("json lines parse", False, f"{e!r}\n{out}")

code, out, err = run("--format", "sarif", near, possible, utf8)
try:
    sarif = json.loads(out)
    check("sarif: version and schema", sarif.get("version") == "2.1.0" and
          sarif.get("$schema") == "https://json.schemastore.org/sarif-2.1.0.json", str(sarif)[:300])
    run0 = sarif["runs"][0]
    driver = run0["tool"]["driver"]
    check("sarif: the driver", driver["name"] == "archmark" and re.match(r"^\d+\.\d+\.\d+", driver["version"])
          and driver["informationUri"].startswith("https://"), driver)
    rule_ids = [r["id"] for r in driver["rules"]]
    check("sarif: every rule in driver.rules, once", sorted(rule_ids) == sorted(RULES) and
          len(rule_ids) == len(set(rule_ids)), rule_ids)
    check("sarif: each rule fully described",
          all(r["shortDescription"]["text"] and r["fullDescription"]["text"] and r["help"]["text"] and
              r["defaultConfiguration"]["level"] in ("error", "warning", "note") for r in driver["rules"]),
          driver["rules"])
    defaults = {r["id"]: r["defaultConfiguration"]["level"] for r in driver["rules"]}
    check("sarif: default levels agree with --list-rules",
          all(defaults[k] == v[0] for k, v in listed.items()), defaults)
    results = run0["results"]
    check("sarif: the results", [r["ruleId"] for r in results] ==
          ["redaction.near-miss", "redaction.possible", "input.utf8"], results)
    check("sarif: ruleIndex points at the rule", all(driver["rules"][r["ruleIndex"]]["id"] == r["ruleId"]
                                                     for r in results), results)
    check("sarif: levels and messages", [r["level"] for r in results] == ["warning", "note", "error"] and
          results[0]["message"]["text"] == "(b)(l) looks like a mistyped FOIA code; kept as text", results)
    loc = results[0]["locations"][0]["physicalLocation"]
    check("sarif: the location", loc == {"artifactLocation": {"uri": "near.md"},
                                         "region": {"startLine": 1, "startColumn": 10, "endLine": 1,
                                                    "endColumn": 16}}, loc)
    check("sarif: columns are code points", run0.get("columnKind") == "unicodeCodePoints", run0.get("columnKind"))
    check("sarif: exit code as for the other formats", code == 1, code)
except (ValueError, KeyError, IndexError, TypeError) as e:
    check("sarif parses", False, f"{e!r}\n{out[:2000]}")

code, out, err = run("--format", "sarif", write("clean.md", "Nothing to report.\n"))
try:
    sarif = json.loads(out)
    check("sarif: a clean run has an empty result list", code == 0 and sarif["runs"][0]["results"] == [], out[:300])
except (ValueError, KeyError, IndexError) as e:
    check("clean sarif parses", False, repr(e))

# --- exit codes --------------------------------------------------------------------------
clean = "clean.md"
expect("clean: exit 0", run(clean), 0, stdout="", stderr="")
expect("warnings do not fail by default", run(near), 0)
expect("--fail-on warning", run("--fail-on", "warning", near), 1)
expect("--fail-on warning: notes do not fail", run("--fail-on", "warning", possible), 0)
expect("--fail-on note", run("--fail-on", "note", possible), 1)
expect("--fail-on error: an error fails", run(utf8), 1)
code, out, err = run("missing.md")
check("a missing input: exit 3", code == 3 and err == "archmark: missing.md: No such file or directory\n", err)
os.makedirs(os.path.join(WORK, "folder.md"), exist_ok=True)
code, out, err = run("folder.md")
check("a folder as input: exit 3", code == 3 and err == "archmark: folder.md: is a directory\n", err)
code, out, err = run("--format", "gcc", "missing.md", near, utf8)
check("every input is checked even when one fails; I/O wins",
      code == 3 and ids_in(out) == ["redaction.near-miss", "input.utf8"], f"{code}\n{out}\n{err}")
code, out, err = run("--format", "sarif", "missing.md", near)
try:
    inv = json.loads(out)["runs"][0]["invocations"][0]
    check("sarif: an unreadable input is a tool notification",
          code == 3 and inv["executionSuccessful"] is False and
          "missing.md" in inv["toolExecutionNotifications"][0]["message"]["text"], inv)
except (ValueError, KeyError, IndexError) as e:
    check("sarif with a missing input parses", False, repr(e))
expect("standard input", run("--format", "gcc", stdin=b"Withheld (b)(l).\n"), 0, stdout=(
    "<stdin>:1:10: warning: (b)(l) looks like a mistyped FOIA code; kept as text [redaction.near-miss]\n"))
expect("standard input as -", run("--format", "gcc", "-", stdin=b"XXXX\n"), 0, stdout=(
    "<stdin>:1:1: note: XXXX may mark withheld text; kept as text [redaction.possible]\n"))

# --- rule levels -------------------------------------------------------------------------
expect("--rule X=off drops its findings", run("--rule", "redaction.near-miss=off", near, possible), 0,
       stdout=run(possible)[1])
expect("--rule X=error raises one, and fails", run("--format", "gcc", "--rule", "redaction.possible=error", possible),
       1, stdout="possible.md:1:7: error: XXXX may mark withheld text; kept as text [redaction.possible]\n")
expect("--rule X=note lowers one", run("--format", "gcc", "--rule", "input.utf8=note", utf8), 0,
       stdout="utf8.md:1:3: note: invalid UTF-8 byte at byte offset 2 [input.utf8]\n")
expect("--rule: the last one wins", run("--format", "gcc", "--rule", "redaction.possible=off",
                                        "--rule", "redaction.possible=warning", possible), 0,
       stdout="possible.md:1:7: warning: XXXX may mark withheld text; kept as text [redaction.possible]\n")

# --- .archmark.yaml ----------------------------------------------------------------------
body = "XXXX and (b)(l)\n"
write("proj/.archmark.yaml", 'rules:\n  redaction.possible: off\n  redaction.near-miss: error\n'
                             'ignore: [drafts/**, "*.tmp.md"]\n')
top = write("proj/a.md", body)
deep = write("proj/sub/deeper/b.md", body)
write("proj/drafts/x/c.md", body)
write("proj/d.tmp.md", body)
expect("the config is found by walking up, and its rules apply",
       run("--format", "gcc", top, deep), 1, stdout=(
           "proj/a.md:1:10: error: (b)(l) looks like a mistyped FOIA code; kept as text [redaction.near-miss]\n"
           "proj/sub/deeper/b.md:1:10: error: (b)(l) looks like a mistyped FOIA code; kept as text "
           "[redaction.near-miss]\n"))
expect("ignored files are skipped", run("--format", "gcc", "proj/drafts/x/c.md", "proj/d.tmp.md"), 0, stdout="",
       stderr="")
expect("the config applies from another working folder",
       run("--format", "gcc", "deeper/b.md", cwd=os.path.join(WORK, "proj/sub")), 1, stdout=(
           "deeper/b.md:1:10: error: (b)(l) looks like a mistyped FOIA code; kept as text [redaction.near-miss]\n"))
expect("--rule wins over the file", run("--format", "gcc", "--rule", "redaction.near-miss=off",
                                        "--rule", "redaction.possible=warning", top), 0,
       stdout="proj/a.md:1:1: warning: XXXX may mark withheld text; kept as text [redaction.possible]\n")
write("proj/inner/.archmark.yaml", "rules:\n  redaction.near-miss: note\n")
inner = write("proj/inner/e.md", body)
expect("the nearest config wins (no merging with the one above)", run("--format", "gcc", inner), 0, stdout=(
    "proj/inner/e.md:1:1: note: XXXX may mark withheld text; kept as text [redaction.possible]\n"
    "proj/inner/e.md:1:10: note: (b)(l) looks like a mistyped FOIA code; kept as text [redaction.near-miss]\n"))
write("empty/.archmark.yaml", "# nothing configured\n")
expect("an empty config changes nothing", run("--format", "gcc", write("empty/f.md", body)), 0, stdout=(
    "empty/f.md:1:1: note: XXXX may mark withheld text; kept as text [redaction.possible]\n"
    "empty/f.md:1:10: warning: (b)(l) looks like a mistyped FOIA code; kept as text [redaction.near-miss]\n"))

broken_cases = [
    ("rules:\n  redaction.possible: of\n", "2:23: error: the level of redaction.possible must be off, note, "
                                           "warning or error"),
    ("rules:\n  redaction.nearmiss: off\n", "2:3: error: unknown rule id `redaction.nearmiss`"),
    ("rule:\n  redaction.possible: off\n", "1:1: error: unknown key `rule` (expected `rules` or `ignore`)"),
    ("ignore: {a: b}\n", "1:9: error: `ignore` must be a list of glob patterns"),
    ("rules: [a\n", "2:1: error: "),
]
for i, (config, message) in enumerate(broken_cases):
    write(f"broken{i}/.archmark.yaml", config)
    target = write(f"broken{i}/g.md", body)
    code, out, err = run(target, near)
    check(f"a broken config is an error naming file, line and column ({config!r})",
          code == 2 and out == "" and err.startswith(f"broken{i}/.archmark.yaml:{message}") and
          err.count("\n") == 1, f"{code}\n{out}\n{err}")

# --- colour ------------------------------------------------------------------------------
code, out, err = run(near)
check("no colour when standard output is not a terminal", "\x1b[" not in out, out)
code, out, err = run("--color", "always", near)
check("--color always", out.startswith("\x1b[1mnear.md:1:10:\x1b[0m \x1b[1;33mwarning:\x1b[0m \x1b[1m(b)(l)")
      and "\x1b[1;33m         ^~~~~~\x1b[0m\n" in out and "\x1b[1mhelp:\x1b[0m did you mean" in out, repr(out))
code, out, err = run("--color", "always", "--format", "gcc", near)
check("never colour in gcc format", "\x1b[" not in out, repr(out))
code, out = run_tty(near, env=clean_env())
check("colour on a terminal", "\x1b[1;33mwarning:" in out, repr(out))
code, out = run_tty(near, env=clean_env(NO_COLOR="1"))
check("NO_COLOR turns it off", "\x1b[" not in out and "warning: (b)(l)" in out, repr(out))
code, out = run_tty("--color", "never", near, env=clean_env())
check("--color never on a terminal", "\x1b[" not in out and "warning: (b)(l)" in out, repr(out))
code, out = run_tty("--color", "always", near, env=clean_env(NO_COLOR="1"))
check("--color always beats NO_COLOR", "\x1b[1;33mwarning:" in out, repr(out))
code, out, err = run("--color", "always", utf8)
check("errors are red", "\x1b[1;31merror:\x1b[0m" in out, repr(out))
code, out, err = run("--color", "always", possible)
check("notes are cyan", "\x1b[1;36mnote:\x1b[0m" in out, repr(out))

# --- caret alignment ---------------------------------------------------------------------
expect("a tab before the column: expanded to the next multiple of 8 in both lines",
       run(write("tabs.md", "1234567\t(b)(l)\n")), 0, stdout=(
           "tabs.md:1:9: warning: (b)(l) looks like a mistyped FOIA code; kept as text [redaction.near-miss]\n"
           "1234567 (b)(l)\n"
           "        ^~~~~~\n"
           "help: did you mean `(b)(1)`?\n"))
expect("tabs and non-ASCII before the column", run(write("mixed.md", "Nom\t«é»\tcode (b)(l) ici.\n")), 0, stdout=(
    "mixed.md:1:14: warning: (b)(l) looks like a mistyped FOIA code; kept as text [redaction.near-miss]\n"
    "Nom     «é»     code (b)(l) ici.\n"
    "                     ^~~~~~\n"
    "help: did you mean `(b)(1)`?\n"))
expect("non-ASCII counts one column per code point, astral ones too",
       run(write("unicode.md", "Ünïcödé — “quoted” 😀 (b)(l)\n")), 0, stdout=(
           "unicode.md:1:22: warning: (b)(l) looks like a mistyped FOIA code; kept as text [redaction.near-miss]\n"
           "Ünïcödé — “quoted” 😀 (b)(l)\n"
           "                     ^~~~~~\n"
           "help: did you mean `(b)(1)`?\n"))
expect("a BOM is not shown and does not shift the caret", run(write("bom.md", b"\xef\xbb\xbfWithheld (b)(l).\n")), 0,
       stdout=run(near)[1].replace("near.md", "bom.md"))
expect("CRLF line ends", run("--format", "human", write("crlf.md", b"One.\r\nWithheld (b)(l).\r\n")), 0, stdout=(
    "crlf.md:2:10: warning: (b)(l) looks like a mistyped FOIA code; kept as text [redaction.near-miss]\n"
    "Withheld (b)(l).\n"
    "         ^~~~~~\n"
    "help: did you mean `(b)(1)`?\n"))
code, out, err = run("--format", "human", write("longline.md", "word " * 2000 + "(b)(l) " + "word " * 2000 + "\n"))
lines = out.splitlines()
check("a very long line is shown as a window around the column",
      code == 0 and len(lines) == 4 and lines[1].startswith("…") and lines[1].endswith("…") and
      len(lines[1]) < 300 and lines[2].index("^") == lines[1].index("(b)(l)"), repr(out[:1000]))

# --- the seeds ---------------------------------------------------------------------------
code, out, err = run("--format", "gcc", os.path.join(SAMPLES, "1962-10-27-kennedy-letter-with-draft.md"))
seed002 = [re.sub(r"^.*?\.md:", "", line) for line in out.splitlines()]
check("seed 002: the repeated letter and the abandoned `3. You would`", code == 0 and [
    "32:1: warning: this paragraph repeats the one on line 16 word for word [structure.duplicate-passage]",
    "34:1: warning: this paragraph repeats the one on line 18 word for word [structure.duplicate-passage]",
    "36:4: warning: this paragraph repeats the one on line 20 word for word [structure.duplicate-passage]",
    "38:4: warning: this paragraph repeats the one on line 22 word for word [structure.duplicate-passage]",
    "40:1: warning: this paragraph repeats the one on line 24 word for word [structure.duplicate-passage]",
    "60:1: warning: item 3 is repeated and continued by the next item, on line 62; it looks abandoned "
    "[structure.abandoned-item]"] == [line for line in seed002 if "[structure." in line], out)
for seed in ("1962-10-27-chronology-and-khrushchev-message.md", "1962-10-26-khrushchev-second-letter.md"):
    code, out, err = run("--format", "gcc", os.path.join(SAMPLES, seed))
    check(f"{seed}: no structure finding", code == 0 and not any(i.startswith("structure.") for i in ids_in(out)), out)

t.finish()
