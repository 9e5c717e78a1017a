#!/usr/bin/env python3
"""Runs the examples of a CommonMark/GFM spec file against an HTML converter.

Usage:
    spec_tests.py --spec gfm-spec.txt [--pattern SECTION] [--number N] [--min-pass N]
                  [--verbose] -- PROGRAM [ARG ...]
    spec_tests.py --spec gfm-spec.txt --program "PROGRAM ARG ..."

Each example's Markdown goes to the program on standard input; its standard output is compared
with the expected HTML after both are normalized (see normalize_html), so that insignificant
differences (whitespace between blocks, attribute order, entity spelling) do not count.
Prints `N passed, M failed` on a line of its own and exits 1 when fewer than --min-pass pass.
Python 3 standard library only.
"""

import argparse
import concurrent.futures
import html
import html.parser
import os
import re
import shlex
import subprocess
import sys

FENCE = "`" * 32


def read_examples(path):
    """Yields dicts (number, section, markdown, html, line) from cmark's spec format: a line of
    32 backticks + ' example', the Markdown, a line '.', the HTML, 32 backticks. '→' is a tab."""
    examples = []
    section = ""
    state = None  # None, "markdown" or "html"
    markdown, expected, start = [], [], 0
    with open(path, encoding="utf-8") as f:
        for line_number, line in enumerate(f, 1):
            if state is None:
                if line.startswith(FENCE + " example"):
                    state, markdown, expected, start = "markdown", [], [], line_number
                elif line.startswith("#"):
                    section = line.lstrip("#").strip()
            elif line.rstrip("\n") == FENCE:
                examples.append({
                    "number": len(examples) + 1,
                    "section": section,
                    "markdown": "".join(markdown).replace("→", "\t"),
                    "html": "".join(expected).replace("→", "\t"),
                    "line": start,
                })
                state = None
            elif state == "markdown" and line.rstrip("\n") == ".":
                state = "html"
            else:
                (markdown if state == "markdown" else expected).append(line)
    return examples


# Elements around which whitespace is insignificant for this comparison.
BLOCK_TAGS = frozenset("""
    address article aside blockquote body caption center col colgroup dd details dialog dir div
    dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr
    html iframe legend li link main menu menuitem meta nav noframes ol optgroup option p param
    pre section source summary table tbody td tfoot th thead title tr track ul
""".split())

WHITESPACE = re.compile(r"[ \t\n\r\f]+")


class _Normalizer(html.parser.HTMLParser):
    """Re-serializes HTML in one canonical spelling: tags lowercased, attributes sorted and
    double-quoted (a bare attribute equals one with an empty value), character references
    resolved and only & < > " escaped, whitespace runs collapsed to one space outside <pre>,
    and no whitespace next to block-level tags."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []
        self.pre_depth = 0
        self.after_block = True

    def _trim_trailing_space(self):
        while self.out and self.out[-1].endswith(" ") and not self.out[-1].startswith("<"):
            self.out[-1] = self.out[-1].rstrip(" ")
            if self.out[-1]:
                break
            self.out.pop()

    def _tag(self, text, block):
        if block:
            self._trim_trailing_space()
        self.out.append(text)
        self.after_block = block

    @staticmethod
    def _attributes(attrs):
        parts = []
        for name, value in sorted(attrs, key=lambda a: a[0]):
            parts.append(' %s="%s"' % (name, html.escape(value or "", quote=True)))
        return "".join(parts)

    def handle_starttag(self, tag, attrs):
        if tag == "pre":
            self.pre_depth += 1
        self._tag("<%s%s>" % (tag, self._attributes(attrs)), tag in BLOCK_TAGS)

    def handle_startendtag(self, tag, attrs):
        self._tag("<%s%s>" % (tag, self._attributes(attrs)), tag in BLOCK_TAGS)

    def handle_endtag(self, tag):
        if tag == "pre" and self.pre_depth:
            self.pre_depth -= 1
        self._tag("</%s>" % tag, tag in BLOCK_TAGS)

    def handle_data(self, data):
        if not self.pre_depth:
            data = WHITESPACE.sub(" ", data)
            if self.after_block:
                data = data.lstrip(" ")
        if data:
            self.out.append(html.escape(data, quote=False))
            self.after_block = False

    # Comments, declarations and processing instructions are kept as written; like block tags,
    # they usually stand on lines of their own.
    def handle_comment(self, data):
        self._tag("<!--%s-->" % data, True)

    def handle_decl(self, decl):
        self._tag("<!%s>" % decl, True)

    def unknown_decl(self, data):
        self._tag("<![%s]>" % data, True)

    def handle_pi(self, data):
        self._tag("<?%s>" % data, True)


def normalize_html(text):
    normalizer = _Normalizer()
    normalizer.feed(text)
    normalizer.close()
    normalizer._trim_trailing_space()
    return "".join(normalizer.out).strip()


def run_example(command, example, timeout):
    """Returns (passed, actual output or error text)."""
    try:
        result = subprocess.run(command, input=example["markdown"].encode("utf-8"),
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        return False, "(timed out after %gs)" % timeout
    except OSError as e:
        return False, "(cannot run %s: %s)" % (command[0], e)
    actual = result.stdout.decode("utf-8", errors="replace")
    if result.returncode < 0:
        return False, actual + "(killed by signal %d)" % -result.returncode
    return normalize_html(actual) == normalize_html(example["html"]), actual


def main(argv):
    command = []
    if "--" in argv:
        split = argv.index("--")
        argv, command = argv[:split], argv[split + 1:]
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--spec", required=True, help="the spec file")
    parser.add_argument("--program", help="the command to test, as one shell-quoted string "
                        "(or give it after --)")
    parser.add_argument("--pattern", help="only examples whose section contains this text")
    parser.add_argument("--number", type=int, help="only the example with this number")
    parser.add_argument("--min-pass", type=int, default=0,
                        help="exit 1 when fewer examples pass")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per example")
    parser.add_argument("--verbose", action="store_true",
                        help="show input, expected and actual output of each failure")
    args = parser.parse_args(argv)
    if args.program:
        command = shlex.split(args.program) + command
    if not command:
        parser.error("no program: give --program or the command after --")

    examples = [e for e in read_examples(args.spec)
                if (args.pattern is None or args.pattern.lower() in e["section"].lower())
                and (args.number is None or e["number"] == args.number)]
    workers = min(32, (os.cpu_count() or 2) * 2)
    with concurrent.futures.ThreadPoolExecutor(workers) as pool:
        results = list(pool.map(lambda e: run_example(command, e, args.timeout), examples))

    passed = 0
    for example, (ok, actual) in zip(examples, results):
        if ok:
            passed += 1
            continue
        print("FAIL example %d (line %d, %s)" % (example["number"], example["line"], example["section"]))
        if args.verbose:
            print("-- markdown:\n%s-- expected:\n%s-- actual:\n%s" % (example["markdown"], example["html"], actual))
    print("%d passed, %d failed" % (passed, len(examples) - passed))
    if passed < args.min_pass:
        print("fewer than the required %d passed" % args.min_pass)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
