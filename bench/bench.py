#!/usr/bin/env python3
"""archmark benchmarks: archmark next to cmark-gfm (and pandoc) on the same input, in one run.

Runs the tools alternately (A B A B ...) so that machine noise hits both alike, and reports
median wall time, throughput, peak memory (max RSS) and the median ratio. No assertions: the
figures go in the closing notes of the issues.

Usage: bench/bench.py [--runs N] [--corpus DIR] [parse] [tei] [pandoc]
The corpus is made by bench/make-corpus.sh (see bench/README.md) if DIR has none.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ARCHMARK = os.environ.get("ARCHMARK", os.path.join(ROOT, "build", "archmark"))
CMARK = ["cmark-gfm", "--unsafe", "-e", "table", "-e", "strikethrough", "-e", "footnotes"]
# The corpus script reads the seeds by their original names (their order decides the corpus).
SEEDS = {
    "000_64b7254c5597ddd5.txt": "1962-10-27-chronology-and-khrushchev-message.md",
    "002_2b07bd2ff0119797.txt": "1962-10-27-kennedy-letter-with-draft.md",
    "004_79bce8b67316e627.txt": "1962-10-26-khrushchev-second-letter.md",
}


def ensure_corpus(corpus):
    if os.path.exists(os.path.join(corpus, "MANIFEST")) and \
            len(os.listdir(os.path.join(corpus, "small"))) == 10000:
        return
    with tempfile.TemporaryDirectory() as seeds:
        for seed, sample in SEEDS.items():
            shutil.copyfile(os.path.join(ROOT, "samples", sample), os.path.join(seeds, seed))
        subprocess.run(["bash", os.path.join(ROOT, "bench", "make-corpus.sh"), seeds, corpus], check=True,
                       stdout=subprocess.DEVNULL)


def run_once(argv):
    """Wall seconds and max RSS (KiB) of one run, output discarded."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as null:
        p = subprocess.Popen(argv, stdout=null, stderr=null)
        _, status, usage = os.wait4(p.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"bench: {' '.join(argv)} failed with {status}")
    return elapsed, usage.ru_maxrss


def compare(title, size, runs, contenders):
    """contenders: list of (name, argv). Prints a table and returns the medians."""
    times = {name: [] for name, _ in contenders}
    rss = {name: 0 for name, _ in contenders}
    for _ in range(runs):
        for name, argv in contenders:
            t, m = run_once(argv)
            times[name].append(t)
            rss[name] = max(rss[name], m)
    print(f"\n## {title} ({size / 1e6:.1f} MB, {runs} alternating runs)")
    print(f"{'tool':<34} {'median s':>9} {'MB/s':>8} {'max RSS MiB':>12}")
    medians = {}
    for name, _ in contenders:
        med = statistics.median(times[name])
        medians[name] = med
        print(f"{name:<34} {med:>9.3f} {size / 1e6 / med:>8.1f} {rss[name] / 1024:>12.1f}")
    return medians, rss


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--corpus", default=os.environ.get("CORPUS_DIR", "/tmp/archbench"))
    ap.add_argument("what", nargs="*", default=["parse", "tei"])
    a = ap.parse_args()
    ensure_corpus(a.corpus)
    big = os.path.join(a.corpus, "big.md")
    size = os.path.getsize(big)

    if "parse" in a.what:
        med, _ = compare("parse only: archmark --to none vs cmark-gfm md->HTML", size, a.runs, [
            ("archmark convert --to none", [ARCHMARK, "convert", "--to", "none", big]),
            ("cmark-gfm (table, strike, footnotes)", CMARK + [big]),
        ])
        plain, _ = compare("the archival pass: archmark with and without it", size, a.runs, [
            ("archmark --to none", [ARCHMARK, "convert", "--to", "none", big]),
            ("archmark --to none --no-archival", [ARCHMARK, "convert", "--to", "none", "--no-archival", big]),
        ])
        print(f"\nratio archmark parse / cmark-gfm: {med['archmark convert --to none'] / med['cmark-gfm (table, strike, footnotes)']:.2f}")
        print(f"ratio with / without the archival pass: {plain['archmark --to none'] / plain['archmark --to none --no-archival']:.2f}")

    if "tei" in a.what:
        med, rss = compare("TEI: archmark --to tei vs cmark-gfm md->HTML", size, a.runs, [
            ("archmark convert --to tei", [ARCHMARK, "convert", "--to", "tei", big]),
            ("cmark-gfm (table, strike, footnotes)", CMARK + [big]),
        ])
        print(f"\nratio archmark TEI / cmark-gfm HTML: {med['archmark convert --to tei'] / med['cmark-gfm (table, strike, footnotes)']:.2f}")
        print(f"archmark TEI peak memory / input size: {rss['archmark convert --to tei'] * 1024 / size:.1f}x")

    if "pandoc" in a.what and shutil.which("pandoc"):
        slice2 = os.path.join(a.corpus, "slice-2m.md")
        s2 = os.path.getsize(slice2)
        med, _ = compare("TEI on the 2 MB slice: archmark vs pandoc -t tei", s2, max(1, a.runs // 2), [
            ("archmark convert --to tei", [ARCHMARK, "convert", "--to", "tei", slice2]),
            ("pandoc -f markdown -t tei", ["pandoc", "-f", "markdown", "-t", "tei", slice2]),
        ])
        print(f"\nthroughput archmark / pandoc: {med['pandoc -f markdown -t tei'] / med['archmark convert --to tei']:.0f}x")


if __name__ == "__main__":
    main()
