#!/usr/bin/env python3
"""The HTML pages in a real browser: headless Chromium loads each sample's page and we check what
it built and how it styled it.

For every samples/*.md (and a few crafted inputs) the page is written by `archmark convert --to
html` (or, for options the CLI lacks, by the html_page test program that calls the library),
then loaded twice in Chromium:
  - `--dump-dom` of the page with a probe script appended (the test's instrument, never part of
    the output; it removes itself before the dump). In the DOM: every redaction has a non-empty aria-label and
    title; every note call's href names an element that exists, and so does every back-link;
    each note links back to each of its calls; ids are unique; the <body> class follows --view;
    no <script> element and no on* attribute exist. From the probe: computed styles, for the
    views (deletions hidden in the reading view, struck through in the diplomatic one),
    redaction boxes, banners, page breaks and the user's stylesheet.
  - `--screenshot` under <work>/screenshots/: seed 002 (1962-10-27-kennedy-letter-with-draft.png,
    the one the issue asks for), the CIA memo (redactions) and the reading view.
Exit 77 (skipped, with a message) only when no Chromium executable can be found.
"""
import argparse
import html.parser
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile

ap = argparse.ArgumentParser()
ap.add_argument("--archmark", required=True)
ap.add_argument("--html-page", required=True, help="the html_page test program")
ap.add_argument("--samples", required=True)
ap.add_argument("--work", required=True)
a = ap.parse_args()

CANDIDATES = [os.environ.get("CHROMIUM", ""), "chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
chromium = next((shutil.which(c) for c in CANDIDATES if c and shutil.which(c)), None)
if not chromium:
    print("SKIPPED: no Chromium found (tried $CHROMIUM, chromium, chromium-browser, google-chrome); "
          "install Debian's `chromium` package to run the browser test")
    sys.exit(77)

os.makedirs(a.work, exist_ok=True)
shots = os.path.join(a.work, "screenshots")
os.makedirs(shots, exist_ok=True)
profile = tempfile.mkdtemp(prefix="archmark-chromium-")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--no-first-run", "--disable-extensions", "--disable-sync", "--mute-audio",
         "--hide-scrollbars", "--force-device-scale-factor=1", f"--user-data-dir={profile}"]
failures = []


def fail(where, message):
    failures.append(f"{where}: {message}")


def browser(args, timeout=90):
    p = subprocess.run([chromium, *FLAGS, *args], capture_output=True, text=True, timeout=timeout)
    return p


def dump_dom(path):
    p = browser(["--virtual-time-budget=3000", "--dump-dom", "file://" + os.path.abspath(path)])
    if p.returncode != 0 or "<html" not in p.stdout:
        raise RuntimeError(f"chromium --dump-dom {path} failed (exit {p.returncode}): {p.stderr[-800:]}")
    return p.stdout


class Dom(html.parser.HTMLParser):
    """The elements of a dumped DOM as (tag, attributes) in document order, with text by id."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.elements = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {k: (v or "") for k, v in attrs}))

    handle_startendtag = handle_starttag

    def with_class(self, name):
        return [(t, at) for t, at in self.elements if name in at.get("class", "").split()]


def check_structure(where, dom_text, view):
    dom = Dom(dom_text)
    ids = [at["id"] for _, at in dom.elements if "id" in at]
    for dup in sorted({i for i in ids if ids.count(i) > 1}):
        fail(where, f"id {dup!r} occurs more than once")
    idset = set(ids)
    bodies = [at for t, at in dom.elements if t == "body"]
    if not bodies or bodies[0].get("class") != f"view-{view}":
        fail(where, f"<body> class is {bodies[0].get('class') if bodies else None!r}, expected 'view-{view}'")
    for tag, at in dom.elements:
        if tag == "script":
            fail(where, "a <script> element reached the page")
        for name in at:
            if name.startswith("on"):
                fail(where, f"<{tag} {name}=…> reached the page")
    for tag, at in dom.with_class("redaction"):
        if not at.get("aria-label", "").strip() or not at.get("title", "").strip():
            fail(where, f"a redaction without aria-label or title: {at}")
        if not at.get("data-scheme"):
            fail(where, f"a redaction without data-scheme: {at}")
    # Notes both ways: call → note, back-link → call; and every note is reached by its calls.
    calls = [at for i, (t, at) in enumerate(dom.elements)
             if t == "a" and i > 0 and "note-call" in dom.elements[i - 1][1].get("class", "").split()]
    backrefs = [at for _, at in dom.with_class("note-backref")]
    call_ids = set()
    for at in calls:
        target = at.get("href", "")
        if not target.startswith("#") or target[1:] not in idset:
            fail(where, f"note call {at} links to a missing target")
        call_ids.add(at.get("id"))
    for at in backrefs:
        target = at.get("href", "")
        if not target.startswith("#") or target[1:] not in idset:
            fail(where, f"back-link {at} links to a missing target")
        elif target[1:] not in call_ids:
            fail(where, f"back-link {at} does not point at a note call")
    backref_targets = {at.get("href", "")[1:] for at in backrefs}
    for cid in call_ids:
        if cid not in backref_targets:
            fail(where, f"no back-link returns to call {cid!r}")
    return dom, len(calls), len(backrefs), len(dom.with_class("redaction"))


# The probe: computed styles the page must produce, written into the DOM for --dump-dom.
PROBE = r"""<script>
(function () {
  document.currentScript.remove();
  function style(sel, prop) {
    var e = document.querySelector(sel);
    return e ? getComputedStyle(e).getPropertyValue(prop) : null;
  }
  var out = {
    bodyClass: document.body.className,
    delDisplay: style('del.deletion', 'display'),
    delDecoration: style('del.deletion', 'text-decoration-line'),
    insVertical: style('ins.insertion.above', 'vertical-align'),
    redactionBackground: style('.redaction[data-scheme=foia], .redaction[data-scheme=eo13526], .redaction[data-scheme=generic]', 'background-color'),
    redactionColor: style('.redaction[data-scheme=foia], .redaction[data-scheme=eo13526], .redaction[data-scheme=generic]', 'color'),
    frusStyle: style('.redaction[data-scheme=frus] i', 'font-style'),
    bannerAlign: style('.classification', 'text-align'),
    bannerColor: style('.classification', 'color'),
    bannerTransform: style('.classification', 'text-transform'),
    pageBreakDisplay: style('main > .page-break, section > .page-break', 'display'),
    mainColor: style('main', 'color'),
    styleSheets: document.styleSheets.length,
    printRules: Array.prototype.some.call(document.styleSheets[0].cssRules, function (r) {
      return r.media && r.media.mediaText === 'print';
    })
  };
  var pre = document.createElement('pre');
  pre.id = 'archmark-probe';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>"""


def probe(path, where):
    """Loads a copy of the page with the probe; returns (the dumped DOM without the probe's
    report, the computed styles)."""
    with open(path, encoding="utf-8") as fh:
        page = fh.read()
    probed = path[:-5] + ".probe.html"
    with open(probed, "w", encoding="utf-8") as fh:
        fh.write(page.replace("</body>", PROBE + "\n</body>"))
    dom = dump_dom(probed)
    start = dom.find('<pre id="archmark-probe">')
    if start < 0:
        fail(where, "the probe script did not run")
        return dom, {}
    end = dom.index("</pre>", start)
    report = json.loads(html.unescape(dom[start + len('<pre id="archmark-probe">'):end]))
    return dom[:start] + dom[end + len("</pre>"):], report


def write_page(out_path, source, *args, via_cli=True):
    if via_cli:
        cmd = [a.archmark, "convert", "--to", "html", *args, source]
    else:
        cmd = [a.html_page, source, *args]
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode not in (0, 1) or not p.stdout.startswith("<!doctype html>"):
        raise RuntimeError(f"{' '.join(cmd)} failed (exit {p.returncode}): {p.stderr[-800:]}")
    with open(out_path, "w", encoding="utf-8") as fh:
        fh.write(p.stdout)


SCREENSHOTS = {"1962-10-27-kennedy-letter-with-draft", "cia-memo-with-foia-and-eo-codes"}


def screenshot(page, stem, height=1600):
    shot = os.path.join(shots, stem + ".png")
    if os.path.exists(shot):
        os.remove(shot)
    p = browser([f"--window-size=1100,{height}", f"--screenshot={shot}", "file://" + os.path.abspath(page)])
    size = png_size(shot) if os.path.exists(shot) else None
    if p.returncode != 0 or size != (1100, height):
        fail(stem, f"screenshot failed (exit {p.returncode}, size {size}): {p.stderr[-400:]}")


def png_size(path):
    with open(path, "rb") as fh:
        head = fh.read(24)
    if len(head) < 24 or head[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return struct.unpack(">II", head[16:24])


help_text = subprocess.run([a.archmark, "convert", "--help"], capture_output=True, text=True).stdout
cli_has = {flag: flag in help_text for flag in ("--view", "--css", "--css-link")}
print("CLI flags: " + ", ".join(f"{f} {'yes' if v else 'no (html_page used)'}" for f, v in cli_has.items()))

# Crafted inputs: a note called three times, every kind of hostile markup, and a reading view.
crafted_dir = os.path.join(a.work, "inputs")
os.makedirs(crafted_dir, exist_ok=True)
crafted = {
    "repeated-notes.md": "Dear Sir:\n\nFirst call[^a], second[^b], again[^a] and once more[^a].\n\n"
                         "Withheld (b)(1) and 25X1 and [1 line not declassified].\n\n"
                         "[^a]: Note A.\n[^b]: Note B.\n",
    "hostile.md": "<script>alert(1)</script>\n\n<img src=x onerror=alert(2)> and <a href=\"javascript:alert(3)\">x</a>\n\n"
                  "[click](javascript:alert(4)) [v](VBScript:x) [d](data:text/html,<b>x</b>) "
                  "![i](javascript:alert(5))\n\n<div onclick=\"alert(6)\">block</div>\n",
}
for name, text in crafted.items():
    with open(os.path.join(crafted_dir, name), "w", encoding="utf-8") as fh:
        fh.write(text)

sources = [os.path.join(a.samples, n) for n in sorted(os.listdir(a.samples)) if n.endswith(".md")]
sources += [os.path.join(crafted_dir, n) for n in sorted(crafted)]
totals = {"pages": 0, "calls": 0, "backrefs": 0, "redactions": 0}
doms = {}
try:
    for source in sources:
        stem = os.path.splitext(os.path.basename(source))[0]
        page = os.path.join(a.work, stem + ".html")
        write_page(page, source)
        dom_text, styles = probe(page, stem)
        dom, calls, backrefs, redactions = check_structure(stem, dom_text, "diplomatic")
        doms[stem] = dom
        totals["pages"] += 1
        totals["calls"] += calls
        totals["backrefs"] += backrefs
        totals["redactions"] += redactions
        if stem in SCREENSHOTS:
            screenshot(page, stem)
        if styles.get("styleSheets") != 1 or not styles.get("printRules"):
            fail(stem, f"expected one embedded stylesheet with print rules: {styles}")
        if styles.get("delDisplay") not in (None, "inline") or styles.get("delDecoration") not in (None, "line-through"):
            fail(stem, f"diplomatic view: deletions not struck through: {styles}")
        if styles.get("insVertical") not in (None,) and styles["insVertical"] == "baseline":
            fail(stem, f"diplomatic view: insertions above not raised: {styles}")
        if styles.get("redactionBackground") not in (None, "rgb(29, 27, 24)") or \
           styles.get("redactionColor") not in (None, "rgb(244, 241, 234)"):
            fail(stem, f"redactions are not light text in a black box: {styles}")
        if styles.get("frusStyle") not in (None, "italic"):
            fail(stem, f"FRUS placeholders not in italics: {styles}")
        if styles.get("bannerAlign") is not None and (styles["bannerAlign"] != "center" or
                                                       styles["bannerColor"] != "rgb(179, 18, 27)" or
                                                       styles["bannerTransform"] != "uppercase"):
            fail(stem, f"classification banners are not centred red capitals: {styles}")
        if styles.get("pageBreakDisplay") not in (None, "flex"):
            fail(stem, f"page breaks between blocks are not a rule: {styles}")

    # The expected counts prove the checks above looked at something.
    if totals["redactions"] < 10 or totals["calls"] < 5 or totals["backrefs"] < totals["calls"]:
        fail("samples", f"fewer redactions, note calls or back-links than the samples hold: {totals}")
    hrefs = [at.get("href") for t, at in doms["repeated-notes"].elements if t == "a"]
    if hrefs.count("#fn-1") != 3 or hrefs.count("#fn-2") != 1 or \
       [h for h in hrefs if h and h.startswith("#fnref-")] != ["#fnref-1", "#fnref-1-2", "#fnref-1-3", "#fnref-2"]:
        fail("repeated-notes", f"a note called three times should have three calls and three back-links: {hrefs}")

    # The views and the user's stylesheets, through the CLI when it has the flags, else html_page.
    seed = os.path.join(a.samples, "draft-letter-with-revisions.md")
    css = os.path.join(a.work, "user.css")
    with open(css, "w", encoding="utf-8") as fh:
        fh.write("main { color: rgb(1, 2, 3) } /* </style><script>alert(1)</script> */\n")
    reading = os.path.join(a.work, "reading.html")
    write_page(reading, seed, "--view", "reading", via_cli=cli_has["--view"])
    dom_text, styles = probe(reading, "reading view")
    check_structure("reading view", dom_text, "reading")
    if styles.get("delDisplay") != "none" or styles.get("insVertical") != "baseline":
        fail("reading view", f"deletions should be hidden and insertions inline: {styles}")
    screenshot(reading, "reading-view")
    diplomatic = os.path.join(a.work, "diplomatic.html")
    write_page(diplomatic, seed, "--view", "diplomatic", via_cli=cli_has["--view"])
    dom_text, styles = probe(diplomatic, "diplomatic view")
    check_structure("diplomatic view", dom_text, "diplomatic")
    if styles.get("delDisplay") != "inline" or styles.get("insVertical") == "baseline":
        fail("diplomatic view", f"deletions should show and insertions be raised: {styles}")
    user = os.path.join(a.work, "user-css.html")
    write_page(user, seed, "--css", css, via_cli=cli_has["--css"])
    dom_text, styles = probe(user, "--css")
    check_structure("--css", dom_text, "diplomatic")
    if styles.get("mainColor") != "rgb(1, 2, 3)" or styles.get("styleSheets") != 2:
        fail("--css", f"the user's sheet should follow the built-in one and win: {styles}")
    linked = os.path.join(a.work, "user-css-link.html")
    write_page(linked, seed, "--css-link", "user.css", via_cli=cli_has["--css-link"])
    _, styles = probe(linked, "--css-link")
    if styles.get("mainColor") != "rgb(1, 2, 3)" or styles.get("styleSheets") != 2:
        fail("--css-link", f"the linked sheet should load after the built-in one: {styles}")
except (RuntimeError, subprocess.TimeoutExpired) as e:
    fail("chromium", str(e))
finally:
    shutil.rmtree(profile, ignore_errors=True)

for f in failures:
    print("FAILED: " + f)
print(f"{totals['pages']} pages loaded in {os.path.basename(chromium)}: {totals['redactions']} redactions, "
      f"{totals['calls']} note calls, {totals['backrefs']} back-links checked; screenshots in {shots}")
print(f"{len(failures)} failures")
sys.exit(1 if failures else 0)
