#!/usr/bin/env python3
"""Output safety (docs/robustness.md): every input we have (the samples, the spec examples, the GFM
conformance examples, the TEI test inputs and a set of hostile Markdown) gives well-formed TEI, whole
and as a fragment, with and without the archival pass; HTML in the default mode holds no script,
event handler or scriptable URL; and `convert -o FOLDER` writes nowhere but into FOLDER."""
import argparse
import glob
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "support"))
sys.path.insert(0, os.path.join(HERE, "..", "fuzz"))
from run_fuzzer import spec_examples  # noqa: E402
from safety_checks import html_problems, xml_problem  # noqa: E402
from transcript import Transcript, fresh_folder, run as run_tool  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("--archmark", required=True)
parser.add_argument("--source", required=True)
parser.add_argument("--work", required=True)
args = parser.parse_args()

WORK = fresh_folder(args.work)
t = Transcript()
check = t.check


def run(*argv, stdin=b"", cwd=None):
    return run_tool([args.archmark, *argv], stdin=stdin, cwd=cwd, timeout=600)


# Markdown written to get script into the output, in the ways cmark's and md4c's safe modes guard.
HOSTILE = [
    "<script>alert(1)</script>\n",
    "text <script>alert(1)</script> inline\n",
    "<SCRIPT SRC=//x.example/x.js></SCRIPT>\n",
    "<img src=x onerror=alert(1)>\n",
    "para <img src=x onerror=alert(1)> inline\n",
    '<a href="javascript:alert(1)">x</a>\n',
    "[x](javascript:alert(1))\n",
    "[x](JaVaScRiPt:alert(1))\n",
    "[x](javascript&#58;alert(1))\n",
    "[x](&#106;avascript:alert(1))\n",
    "[x]( javascript:alert(1))\n",
    "[x](vbscript:msgbox(1))\n",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)\n",
    "![x](javascript:alert(1))\n",
    "<javascript:alert(1)>\n",
    "[x]\n\n[x]: javascript:alert(1)\n",
    "[x](<javascript:alert(1)>)\n",
    "<iframe src=//x.example></iframe>\n",
    "<style>body{background:url(javascript:alert(1))}</style>\n",
    "<div onmouseover=alert(1)>x</div>\n",
    "<svg><script>alert(1)</script></svg>\n",
    "<!-- --><script>alert(1)</script> -->\n",
    "`<script>` and <sup><script>alert(1)</script></sup>\n",
    "<del>x<script>alert(1)</script></del> and <ins onclick=alert(1)>y</ins>\n",
    "a[^1]\n\n[^1]: <script>alert(1)</script>\n",
    "[REDACTED <script>alert(1)</script>]\n",
    "---\ntitle: \"<script>alert(1)</script>\"\n---\n\n# x\n",
    "# <script>alert(1)</script>\n",
    "| a | b |\n|---|---|\n| <script>alert(1)</script> | <img src=x onerror=alert(1)> |\n",
    "Dear Sir <script>alert(1)</script>:\n\nSincerely,\n\n/s/ <img src=x onerror=alert(1)>\n",
    "x\x01y\x0bz\x7f \ufffe \uffff &#1; &#0; &#xD800; &#x110000; &#x1FFFE;\n",
    # cmark-gfm encodes these two as the lone bytes FE and FF; the parser makes them U+FFFD.
    "&#xFFFE; &#xFFFF; &#65534; [x](&#xFFFF;) ~~&#xFFFE;~~\n",
    "]]> <![CDATA[ x ]]> &amp; &bogus; &#x;\n",
]


def collect_inputs(folder):
    """Writes every input to `folder`, one file each, and returns how many."""
    count = 0

    def put(name, text):
        nonlocal count
        with open(os.path.join(folder, name), "wb") as f:
            f.write(text.encode("utf-8"))
        count += 1

    for spec in sorted(glob.glob(os.path.join(args.source, "tests", "spec", "*.txt"))) + [
            os.path.join(args.source, "tests", "conformance", "gfm-spec.txt"),
            os.path.join(args.source, "tests", "conformance", "gfm-extensions.txt")]:
        family = os.path.splitext(os.path.basename(spec))[0]
        for number, markdown in enumerate(spec_examples(spec), 1):
            put(f"{family}-{number:03}.md", markdown)
    for extra in ("samples", os.path.join("tests", "tei", "inputs")):
        for path in sorted(glob.glob(os.path.join(args.source, extra, "*.md"))):
            with open(path, encoding="utf-8") as f:
                put(f"{extra.replace(os.sep, '-')}-{os.path.basename(path)}", f.read())
    for number, markdown in enumerate(HOSTILE, 1):
        put(f"hostile-{number:02}.md", markdown)
    # Small pathological shapes (the large ones are checked by pathological.py).
    put("patho-brackets.md", "[" * 3000 + "\n")
    put("patho-sup.md", "<sup>" * 1000 + "x" + "</sup>" * 1000 + "\n")
    put("patho-strike.md", "~~a " * 500 + "b" + " a~~" * 500 + "\n")
    put("patho-quotes.md", ">" * 1000 + " deep\n")
    put("patho-foia.md", "(b)(" * 3000 + "\n")
    put("patho-calls.md", "".join(f"x[^{i}] " for i in range(3000)) + "\n")
    return count


inputs = os.path.join(WORK, "inputs")
os.makedirs(inputs)
count = collect_inputs(inputs)
files = sorted(glob.glob(os.path.join(inputs, "*.md")))
print(f"{count} inputs")


def check_outputs(to, extension, modes, problems_of, promise):
    """Converts every input to `to` in each mode (label, options) and checks each output file with
    problems_of(bytes, options) -> list of problems."""
    for label, options in modes:
        out = os.path.join(WORK, label)
        code, _, stderr = run("convert", "-q", "--to", to, *options, "-o", out + "/", *files)
        check(f"{label}: convert exits 0 or 1", code in (0, 1), f"exit {code}\n{stderr[-3000:]}")
        bad = []
        for path in files:
            output = os.path.join(out, os.path.basename(path)[:-3] + extension)
            if not os.path.exists(output):
                bad.append(f"{os.path.basename(path)}: no output")
                continue
            with open(output, "rb") as f:
                problems = problems_of(f.read(), options)
            if problems:
                bad.append(f"{os.path.basename(path)}: {'; '.join(problems[:3])}")
        check(f"{label}: {len(files)} outputs {promise}", not bad, "\n".join(bad[:40]))


def xml_problems(data, options):
    if options == ["--fragment"]:
        data = b"<body>" + data + b"</body>"
    problem = xml_problem(data)
    return [problem] if problem else []


def html_problems_of(data, options):
    try:
        return html_problems(data.decode("utf-8"))
    except UnicodeDecodeError as e:
        return [f"not UTF-8: {e}"]


# --- TEI: well-formed XML for every input, every mode --------------------------------------
check_outputs("tei", ".xml", [("tei", []), ("tei-fragment", ["--fragment"]), ("tei-gfm", ["--no-archival"])],
              xml_problems, "are well-formed XML")

# --- HTML: default (safe) output holds nothing that runs -----------------------------------
check_outputs("html", ".html",
              [("html", []), ("html-fragment", ["--fragment"]), ("html-gfm", ["--no-archival", "--autolink"])],
              html_problems_of, "hold no script, handler or scriptable URL")

# The checker itself must see what --unsafe lets through, or the checks above prove nothing.
code, stdout, _ = run("convert", "--to", "html", "--unsafe", "--fragment", stdin=HOSTILE[3].encode())
check("the HTML check catches an event handler in --unsafe output",
      code == 0 and any("event handler onerror" in p for p in html_problems(stdout)), stdout)
check("the HTML check catches <script>", html_problems("<p>x</p><script>alert(1)</script>") == ["<script> element"])
code, stdout, _ = run("convert", "--to", "html", "--unsafe", "--fragment", stdin=HOSTILE[6].encode())
check("the HTML check catches a javascript: link in --unsafe output",
      code == 0 and any("scriptable URL" in p for p in html_problems(stdout)), stdout)
check("the XML check catches a control character", xml_problem(b"<a>\x01</a>") is not None)

# --- output paths: nothing outside the -o folder -------------------------------------------
paths = os.path.join(WORK, "paths")
src = os.path.join(paths, "src", "deep")
os.makedirs(src)
outside = os.path.join(paths, "outside.xml")
with open(outside, "w") as f:
    f.write("untouched\n")
names = ["plain.md", "..md", ".hidden.md", "-dash.md", "two words.md", "new\nline.md", "no-extension",
         "dots...md", "link.md", "back\\slash.md"]
for name in names:
    with open(os.path.join(src, name), "w") as f:
        f.write("# Title\n\nText (b)(1).\n")
out = os.path.join(paths, "out")
os.makedirs(out)
# A symlink in the output folder pointing outside it: that output is refused (docs/cli.md).
os.symlink(outside, os.path.join(out, "link.xml"))
inputs = [os.path.join("src", "deep", "..", "deep", n) for n in names] + [os.path.join("src", "..", "src", "deep", "plain.md")]
before = {os.path.join(d, f) for d, _, fs in os.walk(paths) for f in fs}
code, _, stderr = run("convert", "-q", "--to", "tei", "-o", "out", *inputs, cwd=paths)
link_input = os.path.join("src", "deep", "..", "deep", "link.md")
plain_input = os.path.join("src", "deep", "..", "deep", "plain.md")
check("odd input names: exit 3, the output through the symbolic link and the second plain.xml refused",
      code == 3 and stderr == f"archmark: {link_input}: refused: out/link.xml is a symbolic link\n"
      f"archmark: {inputs[-1]}: refused: its output would overwrite that of {plain_input}\n", f"exit {code} {stderr!r}")
after = {os.path.join(d, f) for d, _, fs in os.walk(paths) for f in fs}
new = sorted(after - before)
strays = [p for p in new if os.path.dirname(p) != out]
check("odd input names: every output lands directly in the -o folder", not strays and new, f"outside: {strays}\nnew: {new}")
with open(outside) as f:
    check("a symlink in the -o folder is left alone, its target outside untouched",
          f.read() == "untouched\n" and os.path.islink(os.path.join(out, "link.xml")), os.listdir(out))
check("no temporary files left", not [n for n in os.listdir(out) if ".archmark-" in n], os.listdir(out))
expected = {"plain.xml", "..xml", ".hidden.xml", "-dash.xml", "two words.xml", "new\nline.xml", "no-extension.xml",
            "dots...xml", "link.xml", "back\\slash.xml"}  # link.xml: the symbolic link, kept
check("outputs are named after their inputs", set(os.listdir(out)) == expected, sorted(os.listdir(out)))
code, _, _ = run("convert", "-q", "--to", "html", "-o", "out/", "-", stdin=b"# x\n", cwd=paths)
check("standard input goes to OUT/stdin.html", code == 0 and os.path.isfile(os.path.join(out, "stdin.html")),
      os.listdir(out))

t.finish()
