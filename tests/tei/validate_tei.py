#!/usr/bin/env python3
"""Converts Markdown inputs to TEI with archmark and validates every output with ONE jing call.

Usage:
    validate_tei.py --archmark PATH --schema tei_all.rng --work DIR
                    [--spec SPEC.txt ...] [--inputs DIR ...] [--random N] [--verbose]

Inputs: every example of each --spec file (cmark's format: 32 backticks + ' example', the
Markdown, '.', the HTML, 32 backticks; '→' is a tab) and every *.md file in each --inputs folder
but README.md (a missing folder counts as empty; a missing spec file is an error), and with
--random N, N documents made of random sequences of letter-structure paragraphs (headings,
datelines, salutations, closings, signatures, source notes, parts, stamps, separators, page
breaks, notes, lists), the same every run: the divisions, openers, closers and postscripts TEI
allows depend on the order of blocks. Each input is
converted three times: a whole TEI document with the archival pass on, the same with it off
(--no-archival), and --fragment (validated inside a minimal TEI document). One archmark call per
mode converts all inputs; then one call per input whose output is missing.

jing runs once over all outputs (its JVM start-up dominates a run) and reports errors as
`file:line:col: error: message`. Prints the errors per input, then `N passed, M failed` on a line
of its own; exits 1 when any output is invalid or a conversion failed, 2 on a set-up problem
(jing missing, spec file missing). Python 3 standard library only.
"""

import argparse
import collections
import concurrent.futures
import os
import random
import re
import shutil
import subprocess
import sys

FENCE = "`" * 32
# Conversion modes: output folder -> extra archmark options.
MODES = {"archival": [], "plain": ["--no-archival"], "fragment": ["--fragment"]}
# A --fragment output is the content of <body>: validated inside this skeleton (one line, so jing's
# line numbers are the fragment's).
SKELETON = ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title>'
            '</titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc>'
            '</fileDesc></teiHeader><text><body>{}</body></text></TEI>\n')
JING_ERROR = re.compile(r"^(.*?):(-?\d+):(-?\d+): (?:error|fatal|fatal error): (.*)$")


def spec_examples(path):
    """Yields (number, line, markdown) for every example of a spec file."""
    number, state, markdown, start = 0, None, [], 0
    with open(path, encoding="utf-8") as f:
        for line_number, line in enumerate(f, 1):
            if state is None:
                if line.startswith(FENCE + " example"):
                    state, markdown, start = "markdown", [], line_number
            elif line.rstrip("\n") == FENCE:
                number += 1
                yield number, start, "".join(markdown).replace("→", "\t")
                state = None
            elif state == "markdown":
                if line.rstrip("\n") == ".":
                    state = "html"
                else:
                    markdown.append(line)


# Paragraphs whose order decides the TEI divisions (conventions.md §4), for --random.
STRUCTURE_PARAGRAPHS = [
    "# Heading one", "## Heading two", "### Heading three", "Paragraph text.", "Moscow, October 27, 1962.",
    "Dear Mr. President:", "Sincerely yours,", "(s) John F. Kennedy", "Source: Department of State files.",
    "* * *", "[Page 2]", "DRAFT FOLLOWS", "TOP SECRET", "RELEASE IN FULL", "- item one\n- item two",
    "P.S. Later.", "> quoted text", "Call[^1] here.", "[^1]: The note.", "(S) Portion marked.",
    "Respectfully,", "/s/ Dean Rusk", "---", "> Dear Sir:\n>\n> (s) Quoted",
]


def random_documents(count, input_dir, inputs):
    rng = random.Random(20261123)
    for number in range(count):
        paragraphs = [rng.choice(STRUCTURE_PARAGRAPHS) for _ in range(rng.randint(1, 14))]
        name = f"random-{number:04d}.md"
        with open(os.path.join(input_dir, name), "w", encoding="utf-8") as f:
            f.write("\n\n".join(paragraphs) + "\n")
        inputs[name] = f"random document {number} ({name} in the work folder)"


def collect_inputs(args, input_dir):
    """Writes/copies every input into input_dir; returns {name: description}."""
    inputs = {}
    for spec in args.spec:
        if not os.path.isfile(spec):
            sys.exit(f"validate_tei: spec file {spec} is missing")
        stem = os.path.splitext(os.path.basename(spec))[0]
        for number, line, markdown in spec_examples(spec):
            name = f"{stem}-{number:04d}.md"
            with open(os.path.join(input_dir, name), "w", encoding="utf-8", newline="") as f:
                f.write(markdown)
            inputs[name] = f"{spec}:{line} (example {number})"
    for folder in args.inputs:
        if not os.path.isdir(folder):
            continue
        prefix = os.path.basename(os.path.normpath(folder))
        for entry in sorted(os.listdir(folder)):
            if entry.endswith(".md") and entry != "README.md":
                name = f"{prefix}-{entry}"
                shutil.copyfile(os.path.join(folder, entry), os.path.join(input_dir, name))
                inputs[name] = os.path.join(folder, entry)
    random_documents(getattr(args, "random", 0), input_dir, inputs)
    return inputs


def convert(archmark, sources, target, mode):
    """Runs archmark on `sources`, writing to the file or folder `target`. Returns None when it ran
    (exit 1 means the input had errors; the output is still written), else the failure."""
    command = [archmark, "convert", "--to", "tei", *MODES[mode], "-o", target, *sources]
    try:
        run = subprocess.run(command, capture_output=True, timeout=60 + len(sources))
    except subprocess.TimeoutExpired:
        return "archmark timed out"
    if run.returncode not in (0, 1):
        stderr = run.stderr.decode("utf-8", "replace").strip()
        return f"archmark exited with {run.returncode}: {stderr[-500:]}"
    return None


def convert_all(archmark, input_dir, jobs):
    """Converts every job's input: one archmark call per mode over all inputs, then one call per
    input for any output still missing (so a crash is blamed on its input). Returns the failures."""
    failures = collections.defaultdict(list)
    for mode in MODES:
        mode_jobs = {out: name for out, (name, m) in jobs.items() if m == mode}
        if not mode_jobs:
            continue
        folder = os.path.dirname(next(iter(mode_jobs))) + os.sep
        convert(archmark, [os.path.join(input_dir, name) for name in mode_jobs.values()], folder, mode)
        missing = {out: name for out, name in mode_jobs.items() if not os.path.isfile(out)}
        with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            futures = {pool.submit(convert, archmark, [os.path.join(input_dir, name)], out, mode): out
                       for out, name in missing.items()}
            for future in concurrent.futures.as_completed(futures):
                out = futures[future]
                problem = future.result()
                if problem or not os.path.isfile(out):
                    failures[out].append(problem or "archmark wrote no output")
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--archmark", required=True)
    parser.add_argument("--schema", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--spec", action="append", default=[])
    parser.add_argument("--inputs", action="append", default=[])
    parser.add_argument("--random", type=int, default=0)
    parser.add_argument("--jing", default=shutil.which("jing"))
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()

    if not args.jing:
        print("validate_tei: jing is not installed (apt-get install jing); cannot validate TEI",
              file=sys.stderr)
        return 2
    if not os.path.isfile(args.schema):
        print(f"validate_tei: schema {args.schema} is missing", file=sys.stderr)
        return 2

    args.work = os.path.abspath(args.work)
    shutil.rmtree(args.work, ignore_errors=True)
    input_dir, output_dir = os.path.join(args.work, "in"), os.path.join(args.work, "out")
    os.makedirs(input_dir)
    os.makedirs(output_dir)
    inputs = collect_inputs(args, input_dir)

    jobs = {}  # output file -> (input name, mode); one folder per mode
    for mode in MODES:
        folder = os.path.join(output_dir, mode)
        os.makedirs(folder)
        for name in inputs:
            jobs[os.path.join(folder, os.path.splitext(name)[0] + ".xml")] = (name, mode)

    failures = convert_all(args.archmark, input_dir, jobs)
    for out, (name, mode) in jobs.items():
        if mode == "fragment" and out not in failures:
            with open(out, encoding="utf-8", errors="replace") as f:
                content = f.read()
            with open(out, "w", encoding="utf-8") as f:
                f.write(SKELETON.format(content))
    outputs = sorted(out for out in jobs if out not in failures)
    if outputs:
        run = subprocess.run([args.jing, args.schema, *outputs], capture_output=True, text=True)
        unparsed = []
        for line in run.stdout.splitlines():
            match = JING_ERROR.match(line)
            if match and os.path.abspath(match.group(1)) in jobs:
                out = os.path.abspath(match.group(1))
                failures[out].append(f"{match.group(2)}:{match.group(3)}: {match.group(4)}")
            elif line.strip():
                unparsed.append(line)
        if run.returncode not in (0, 1) or (run.returncode == 1 and not failures) or unparsed:
            print(f"validate_tei: jing exited with {run.returncode}:", file=sys.stderr)
            print("\n".join(unparsed + [run.stderr[-2000:]]), file=sys.stderr)
            return 2

    for out in sorted(failures):
        name, mode = jobs[out]
        print(f"FAIL {inputs[name]} ({mode}) -> {out}")
        for message in failures[out][: (None if args.verbose else 3)]:
            print(f"  {message if args.verbose or len(message) < 300 else message[:300] + ' …'}")
        if args.verbose:
            with open(os.path.join(input_dir, name), encoding="utf-8", errors="replace") as f:
                print("  input: " + repr(f.read()[:400]))
    print(f"{len(jobs) - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
