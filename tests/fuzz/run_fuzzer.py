#!/usr/bin/env python3
"""Runs one archmark fuzz harness (docs/robustness.md).

Seeds are written at test time from the spec examples (tests/spec/*.txt, cmark's 32-backtick
format), the samples (samples/*.md) and, with --spec, more example files such as the GFM spec;
saved findings in tests/fuzz/regressions/ are always added.

  --replay      run the harness once on every seed and regression (a replay build: any compiler)
  otherwise     libFuzzer for ARCHMARK_FUZZ_SECONDS seconds (default --seconds), with the
                dictionary; a finding fails the test and is kept in the work folder, to be copied
                to tests/fuzz/regressions/ once fixed.
"""
import argparse
import glob
import os
import shutil
import subprocess
import sys

FENCE = "`" * 32


def spec_examples(path):
    """The markdown of each example of a spec file (tabs are written as U+2192)."""
    examples, current, state = [], [], "outside"
    with open(path, encoding="utf-8") as f:
        for line in f.read().split("\n"):
            if state == "outside":
                if line.startswith(FENCE + " example"):
                    current, state = [], "markdown"
            elif state == "markdown":
                if line == ".":
                    examples.append("".join(l.replace("\u2192", "\t") + "\n" for l in current))
                    state = "expected"
                else:
                    current.append(line)
            elif line == FENCE:
                state = "outside"
    return examples


def write_seeds(args, folder):
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    count = 0
    spec_files = sorted(glob.glob(os.path.join(args.source, "tests", "spec", "*.txt"))) + (args.spec or [])
    for spec in spec_files:
        name = os.path.splitext(os.path.basename(spec))[0]
        for number, markdown in enumerate(spec_examples(spec), 1):
            with open(os.path.join(folder, f"{name}-{number:03}.md"), "wb") as f:
                f.write(markdown.encode("utf-8"))
            count += 1
    for extra in [os.path.join(args.source, "samples")] + (args.inputs or []):
        for path in sorted(glob.glob(os.path.join(extra, "*.md"))):
            shutil.copy(path, os.path.join(folder, os.path.basename(os.path.dirname(path)) + "-" + os.path.basename(path)))
            count += 1
    return count


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--fuzzer", required=True)
    p.add_argument("--source", required=True, help="the source tree")
    p.add_argument("--work", required=True)
    p.add_argument("--dict")
    p.add_argument("--spec", action="append", help="another spec file whose examples become seeds")
    p.add_argument("--inputs", action="append", help="another folder whose *.md files become seeds")
    p.add_argument("--seconds", type=int, default=20)
    p.add_argument("--replay", action="store_true")
    args = p.parse_args()

    seeds = os.path.join(args.work, "seeds")
    count = write_seeds(args, seeds)
    regressions = os.path.join(args.source, "tests", "fuzz", "regressions")
    saved = sorted(f for f in glob.glob(os.path.join(regressions, "*")) if os.path.isfile(f) and not f.endswith(".txt"))
    print(f"{count} seeds, {len(saved)} saved regressions")

    if args.replay:
        files = sorted(glob.glob(os.path.join(seeds, "*"))) + saved
        result = subprocess.run([args.fuzzer] + files, stderr=subprocess.PIPE, text=True, errors="replace")
        if result.returncode != 0:
            names = [l for l in result.stderr.splitlines() if l.startswith("/")]
            last = names[-1] if names else "?"
            problem = "\n".join(l for l in result.stderr.splitlines() if not l.startswith("/"))
            print(f"FAILED on {last} (exit {result.returncode}):\n{problem[-6000:]}")
            return 1
        print(f"replayed {len(files)} inputs: no finding")
        return 0

    seconds = int(os.environ.get("ARCHMARK_FUZZ_SECONDS", args.seconds))
    corpus = os.path.join(args.work, "corpus")  # new inputs go here, kept between runs
    artifacts = os.path.join(args.work, "findings") + os.sep
    os.makedirs(corpus, exist_ok=True)
    shutil.rmtree(artifacts, ignore_errors=True)
    os.makedirs(artifacts)
    command = [args.fuzzer, f"-max_total_time={seconds}", "-timeout=10", "-rss_limit_mb=4096",
               "-max_len=16384", "-print_final_stats=1", f"-artifact_prefix={artifacts}"]
    if args.dict:
        command.append(f"-dict={args.dict}")
    command += [corpus, seeds]
    if saved:
        command.append(regressions)
    print(" ".join(command), flush=True)
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace")
    lines = result.stdout.splitlines()
    stats = [l for l in lines if l.startswith("stat::number_of_executed_units") or l.startswith("stat::peak_rss_mb")]
    findings = sorted(os.listdir(artifacts))
    if result.returncode != 0 or findings:
        print("\n".join(lines[-80:]))
        for name in findings:
            path = os.path.join(artifacts, name)
            with open(path, "rb") as f:
                print(f"finding {path}: {f.read()[:400]!r}")
        print(f"FAILED: exit {result.returncode}; reproduce with: {args.fuzzer} <finding>; "
              "once fixed, copy the finding to tests/fuzz/regressions/")
        return 1
    print("\n".join(stats))
    print(f"{seconds} s of fuzzing: no finding")
    return 0


if __name__ == "__main__":
    sys.exit(main())
