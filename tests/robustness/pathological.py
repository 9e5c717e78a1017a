#!/usr/bin/env python3
"""Pathological inputs (docs/robustness.md), after cmark's pathological_tests.py.

Each case is run through `archmark convert --to tei` at its full size n and at n/2, and must take
time linear in its size: cpu(n) <= 3 * cpu(n/2) + slack, where cpu is the child's user+system CPU
time (steadier than wall time on a loaded machine; a quadratic pass gives a ratio near 4). A failing
ratio is measured once more before it counts, so one disturbed run does not fail the suite. Deep
nesting must give a limit.depth diagnostic instead of a stack overflow. The full-size outputs of the
small cases are also checked: well-formed TEI and safe HTML.

The 200 MB file (converted to HTML) is checked against the same text at 1/8 of its size: time and peak RSS must grow no
faster than the size (with 50% and 25% margins), and peak RSS must stay under 16 bytes per input
byte, so a file never exhausts memory.

--sanitized (the ASan build) divides every size by 4 and does not check RSS: ASan's shadow memory
and quarantine are not the program's.
"""
import argparse
import os
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "support"))
from safety_checks import html_problems, xml_problem  # noqa: E402
from transcript import Transcript, fresh_folder  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("--archmark", required=True)
parser.add_argument("--work", required=True)
parser.add_argument("--sanitized", action="store_true")
parser.add_argument("--only", help="run only the cases whose name holds this")
args = parser.parse_args()

WORK = fresh_folder(args.work)
SCALE = 4 if args.sanitized else 1
SLACK = 0.15  # seconds of CPU: start-up and noise on a small run
t = Transcript()
check = t.check

PROSE = ("On October 26 the Chairman wrote again. The quarantine holds, and the ships have turned "
         "back; the reply is due by noon. ")


def prose_line(size):
    return (PROSE * (size // len(PROSE) + 1))[:size].encode() + b"\n"


def footnote_calls(n):
    return "".join(f"x[^{i}] " for i in range(n)).encode() + b"\n"


def long_line(size):
    # One line of prose with archival tokens every ~1 KB: redactions, edits, brackets.
    # KNOWN GAP (docs/robustness.md): `~~x~~` together with `[^n]` is left out: with both, time
    # grows quadratically (`'~~a~~ [^n] ' * 30000` takes 4 s, twice that 21 s).
    unit = PROSE * 8 + "The ship (b)(1) turned [REDACTED] back <del>then</del> [Page 2] at noon. "
    return (unit * (size // len(unit) + 1))[:size].encode() + b"\n"


# name, bytes of size n, n, whether limit.depth is expected, the exit code
CASES = [
    ("unmatched-brackets", lambda n: b"[" * n + b"\n", 100_000, False, 0),
    ("nested-sup", lambda n: b"<sup>" * n + b"x" + b"</sup>" * n + b"\n", 50_000, True, 0),
    ("nested-strikethrough", lambda n: b"~~a " * n + b"b" + b" a~~" * n + b"\n", 10_000, True, 0),
    ("unclosed-foia-codes", lambda n: b"(b)(" * n + b"\n", 100_000, False, 0),
    ("footnote-calls-undefined", footnote_calls, 1_000_000, False, 0),
    ("nested-quotes", lambda n: b">" * n + b" deep\n", 100_000, True, 0),
    ("nested-lists", lambda n: b"- " * n + b"x\n", 100_000, True, 0),
    ("long-line-50MB", long_line, 50_000_000, False, 0),
]


def measure(data, name, to="tei"):
    """(cpu seconds, peak RSS bytes, exit code, stderr path, output path) of one conversion."""
    src = os.path.join(WORK, name + ".md")
    with open(src, "wb") as f:
        f.write(data)
    out = os.path.join(WORK, name + "." + to)
    err = os.path.join(WORK, name + ".stderr")
    with open(err, "wb") as ferr:
        p = subprocess.Popen([args.archmark, "convert", "--to", to, "-o", out, src],
                             stdout=subprocess.DEVNULL, stderr=ferr)
        _, status, usage = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
    os.remove(src)
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024, p.returncode, err, out


def lines_with(path, needle, limit=5):
    found = []
    with open(path, "rb") as f:
        for line in f:
            if needle in line:
                found.append(line.decode("utf-8", "replace").rstrip())
                if len(found) >= limit:
                    break
    return found


def first_lines(path, count=5):
    with open(path, "rb") as f:
        return [f.readline().decode("utf-8", "replace").rstrip() for _ in range(count)]


started = time.monotonic()
for name, make, n, depth, want_code in CASES:
    if args.only and args.only not in name:
        continue
    n //= SCALE
    half = make(n // 2)
    full = make(n)
    for attempt in (1, 2):
        cpu_half, _, _, _, _ = measure(half, name + "-half")
        cpu_full, rss, code, err, out = measure(full, name)
        linear = cpu_full <= 3 * cpu_half + SLACK
        if linear:
            break
        print(f"{name}: ratio {cpu_full / max(cpu_half, 1e-3):.2f} on attempt {attempt}; measuring again")
    print(f"{name}: n={n} ({len(full)} bytes): {cpu_half:.3f} s at n/2, {cpu_full:.3f} s at n, "
          f"ratio {cpu_full / max(cpu_half, 1e-3):.2f}, peak RSS {rss / 2**20:.0f} MiB")
    check(f"{name}: exit {want_code}", code == want_code, f"exit {code}: {first_lines(err)}")
    check(f"{name}: linear time (cpu {cpu_full:.3f} s <= 3 x {cpu_half:.3f} s + {SLACK} s)", linear)
    if depth:
        found = lines_with(err, b"[limit.depth]", 1)
        check(f"{name}: a limit.depth diagnostic", found and ": warning: " in found[0], first_lines(err))
    if len(full) <= 10_000_000 and code == 0:
        with open(out, "rb") as f:
            problem = xml_problem(f.read())
        check(f"{name}: well-formed TEI", problem is None, problem)
        _, _, code, _, html = measure(full, name + "-html", to="html")
        with open(html, "rb") as f:
            try:
                problems = html_problems(f.read().decode("utf-8"))
            except UnicodeDecodeError as e:
                problems = [f"not UTF-8: {e}"]
        check(f"{name}: safe HTML", code == want_code and not problems, problems[:3])
        os.remove(html)
    for path in (out, err):
        if os.path.exists(path):
            os.remove(path)

# --- a 200 MB file: time and memory linear in the size, memory bounded --------------------------
if not args.only or args.only in "file-200MB":
    size = 200_000_000 // SCALE
    # Paragraphs of prose, one in 20 with archival tokens (the KNOWN GAP above: no `~~` with notes).
    marked = ("The Chairman's letter of October 26 (b)(1) reached the Department at 9 p.m. "
              "[REDACTED] and was read <ins>at once</ins>.\n\n")
    block = ((PROSE * 4 + "\n\n") * 19 + marked).encode()
    small_size = size // 8
    small = block * (small_size // len(block))
    # Converted to HTML (the TEI writer's own large-input case is big.md in bench/).
    # Like the cases above, a failing time ratio is measured once more before it counts: the large
    # run is the one that waits when the kernel compacts memory for huge pages (docs/performance.md).
    # The small run goes first, before this process holds the large text (a child's peak RSS counts
    # its parent's pages until exec).
    for attempt in (1, 2):
        cpu_small, rss_small, code_small, _, out = measure(small, "file-small", to="html")
        os.remove(out)
        big = small * 8
        cpu_big, rss_big, code_big, err, out = measure(big, "file-200MB", to="html")
        size_big = len(big)
        del big
        if cpu_big <= 1.5 * 8 * cpu_small + SLACK:
            break
        print(f"file-200MB: ratio {cpu_big / max(cpu_small, 1e-3):.1f} on attempt {attempt}; measuring again")
        os.remove(out)
    del small
    print(f"file-200MB: {size_big} bytes: cpu {cpu_big:.1f} s, peak RSS {rss_big / 2**20:.0f} MiB "
          f"({rss_big / size_big:.1f} bytes per input byte); at 1/8: cpu {cpu_small:.2f} s, "
          f"peak RSS {rss_small / 2**20:.0f} MiB")
    check("file-200MB: exit 0", code_big == 0 and code_small == 0, first_lines(err))
    check(f"file-200MB: linear time (cpu {cpu_big:.1f} s <= 1.5 x 8 x {cpu_small:.2f} s + {SLACK} s)",
          cpu_big <= 1.5 * 8 * cpu_small + SLACK)
    if args.sanitized:
        print("file-200MB: peak RSS not checked under the sanitizers")
    else:
        check(f"file-200MB: linear memory ({rss_big / 2**20:.0f} MiB <= 1.25 x 8 x {rss_small / 2**20:.0f} MiB)",
              rss_big <= 1.25 * 8 * rss_small)
        check(f"file-200MB: peak RSS under 16 bytes per input byte ({rss_big / size_big:.1f})",
              rss_big <= 16 * size_big)
    for path in (out, err):
        if os.path.exists(path):
            os.remove(path)

print(f"pathological inputs: {time.monotonic() - started:.0f} s")
t.finish()
