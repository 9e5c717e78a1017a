#!/usr/bin/env python3
"""Batch conversion benchmark (issue 8): the corpus's 10,000 small files to TEI in one archmark run
with -j 1 and -j 2, next to cmark-gfm given all files at once, one cmark-gfm process per file, and
pandoc (one process per file) on the 200-file subset. Reports median wall time, files/s, peak
memory (max RSS of the process tree) and the ratios the issue sets targets for. No assertions.

Usage: bench/batch.py [--runs N] [--corpus DIR] [--out DIR]
--out puts archmark's output trees in DIR (default: a temporary folder in $TMPDIR). Creating
10,000 files costs the file system as much as converting them (ext4 here: about 1 s of system
time), while cmark-gfm writes one stream to /dev/null; `--out /dev/shm` (tmpfs) measures the
converter with a cheap file system, the default with the disk's.
The corpus is made by bench/make-corpus.sh through bench/bench.py's ensure_corpus if DIR has none.
"""
import argparse
import filecmp
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import ARCHMARK, CMARK, ensure_corpus  # noqa: E402


def run_once(argv, cwd=None):
    """Wall seconds, CPU seconds (user + system, the process and its children) and max RSS (KiB)
    of one run. On a loaded machine CPU time is the steadier figure: wall time there measures
    the scheduler as much as the tool."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as null:
        p = subprocess.Popen(argv, stdout=null, stderr=null, cwd=cwd)
        _, status, usage = os.wait4(p.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"bench: {' '.join(argv[:6])} ... failed with {status}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def dir_diff(a, b):
    """Files that differ between two trees (names or bytes)."""
    cmp = filecmp.dircmp(a, b)
    bad = cmp.left_only + cmp.right_only + cmp.funny_files
    _, mismatch, errors = filecmp.cmpfiles(a, b, cmp.common_files, shallow=False)
    bad += mismatch + errors
    for sub in cmp.common_dirs:
        bad += [os.path.join(sub, f) for f in dir_diff(os.path.join(a, sub), os.path.join(b, sub))]
    return bad


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--corpus", default=os.environ.get("CORPUS_DIR", "/tmp/archbench"))
    ap.add_argument("--out", help="folder for archmark's output trees (default: a temporary folder)")
    a = ap.parse_args()
    ensure_corpus(a.corpus)
    small = os.path.join(a.corpus, "small")
    small200 = os.path.join(a.corpus, "small200")
    files = sorted(os.path.join(small, f) for f in os.listdir(small))
    files200 = sorted(os.path.join(small200, f) for f in os.listdir(small200))
    size = sum(os.path.getsize(f) for f in files)
    size200 = sum(os.path.getsize(f) for f in files200)
    work = tempfile.mkdtemp(prefix="archmark-batch-bench-", dir=a.out)
    kept = {}

    def archmark(jobs, source, name):
        def argv():
            out = os.path.join(work, f"{name}-{time.monotonic_ns()}")
            kept.setdefault(name, out)
            return [ARCHMARK, "convert", "--to", "tei", "-q", "-j", str(jobs), "-o", out, source]
        return argv

    per_file = ["sh", "-c", 'for f in "$@"; do "$0" --unsafe -e table -e strikethrough -e footnotes "$f"; done',
                CMARK[0]]
    contenders = [
        ("archmark -j 1 (10,000 files)", archmark(1, small, "j1"), size, len(files)),
        ("archmark -j 2 (10,000 files)", archmark(2, small, "j2"), size, len(files)),
        ("cmark-gfm, all files at once", lambda: CMARK + files, size, len(files)),
        ("cmark-gfm, one process per file", lambda: per_file + files, size, len(files)),
        ("archmark -j 1 (200 files)", archmark(1, small200, "j1-200"), size200, len(files200)),
    ]
    if shutil.which("pandoc"):
        contenders.append(("pandoc -t tei, one process per file (200)",
                           lambda: ["sh", "-c", 'for f in "$@"; do pandoc -f markdown -t tei "$f"; done', "sh"]
                           + files200, size200, len(files200)))
    times = {c[0]: [] for c in contenders}
    cpu = {c[0]: [] for c in contenders}
    rss = {c[0]: 0 for c in contenders}
    for _ in range(a.runs):
        for name, argv, _, _ in contenders:
            t, c, m = run_once(argv())
            times[name].append(t)
            cpu[name].append(c)
            rss[name] = max(rss[name], m)
    print(f"\n## 10,000 small files to TEI ({size / 1e6:.1f} MB; 200-file subset {size200 / 1e6:.2f} MB; "
          f"{a.runs} alternating runs; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; "
          f"output in {work})")
    print(f"{'tool':<44} {'median s':>9} {'CPU s':>7} {'files/s':>9} {'MB/s':>7} {'max RSS MiB':>12}")
    med, med_cpu = {}, {}
    for name, _, sz, n in contenders:
        med[name] = statistics.median(times[name])
        med_cpu[name] = statistics.median(cpu[name])
        print(f"{name:<44} {med[name]:>9.2f} {med_cpu[name]:>7.2f} {n / med[name]:>9.0f} {sz / 1e6 / med[name]:>7.1f} "
              f"{rss[name] / 1024:>12.1f}")
    j1, j2 = med["archmark -j 1 (10,000 files)"], med["archmark -j 2 (10,000 files)"]
    print(f"\narchmark -j 1 / cmark-gfm all at once:          {j1 / med['cmark-gfm, all files at once']:.2f}  (target <= 1.5)")
    print(f"  same in CPU time:                             "
          f"{med_cpu['archmark -j 1 (10,000 files)'] / med_cpu['cmark-gfm, all files at once']:.2f}")
    print(f"cmark-gfm per file / archmark -j 1:             {med['cmark-gfm, one process per file'] / j1:.1f}  (target >= 15)")
    print(f"  same in CPU time:                             "
          f"{med_cpu['cmark-gfm, one process per file'] / med_cpu['archmark -j 1 (10,000 files)']:.1f}")
    print(f"archmark -j 1 / -j 2:                           {j1 / j2:.2f}  (target >= 1.7; meaningless when the "
          f"load average exceeds the cores)")
    if "pandoc -t tei, one process per file (200)" in med:
        print(f"pandoc per file / archmark -j 1 (200 files):   "
              f"{med['pandoc -t tei, one process per file (200)'] / med['archmark -j 1 (200 files)']:.0f}")
    print(f"peak memory archmark -j 1 / -j 2 (MiB):         {rss['archmark -j 1 (10,000 files)'] / 1024:.1f} / "
          f"{rss['archmark -j 2 (10,000 files)'] / 1024:.1f}  (target < 50)")
    different = dir_diff(kept["j1"], kept["j2"])
    print(f"-j 1 and -j 2 output trees identical:            {'yes' if not different else 'NO: ' + ', '.join(different[:5])}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
