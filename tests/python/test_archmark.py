"""Tests of the Python module `archmark` (python/archmark_module.cpp); see docs/python.md.

Run by CTest (test `python`) with the module just built on PYTHONPATH.
"""
import gc
import json
import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import archmark

SOURCE_DIR = Path(os.environ.get("ARCHMARK_SOURCE_DIR", Path(__file__).resolve().parents[2]))
MEMO = "# Memorandum\n\nThe source (b)(1) reported the sites [REDACTED (b)(6)].\n"


def test_version_and_kinds():
    assert archmark.__version__.count(".") == 2
    assert archmark.NODE_KINDS[:3] == ("document", "heading", "paragraph")
    assert "redaction" in archmark.NODE_KINDS and "editorial_note" in archmark.NODE_KINDS


def test_parse_tree_kinds_spans_and_attributes():
    doc = archmark.parse(MEMO)
    assert isinstance(doc, archmark.Document) and isinstance(doc, archmark.Node)
    assert doc.ok and doc.diagnostics == [] and doc.title == "Memorandum" and doc.metadata == {}
    assert [(n.kind, n.span.line, n.span.column, n.span.end_line, n.span.end_column) for n in doc.walk()] == [
        ("document", 1, 1, 4, 1),
        ("heading", 1, 1, 1, 13),
        ("text", 1, 3, 1, 13),
        ("paragraph", 3, 1, 3, 56),
        ("text", 3, 1, 3, 12),
        ("redaction", 3, 12, 3, 18),
        ("text", 3, 12, 3, 18),
        ("text", 3, 18, 3, 38),
        ("redaction", 3, 38, 3, 55),
        ("text", 3, 38, 3, 55),
        ("text", 3, 55, 3, 56),
    ]
    heading, paragraph = doc.children
    assert len(doc) == 2 and doc[0].kind == "heading" and doc[-1].kind == "paragraph"
    assert heading.attributes == {"level": 1}
    assert heading[0].attributes == {"literal": "Memorandum"}
    assert paragraph.attributes == {}
    first, second = doc.find_all("redaction")
    assert first.attributes == {"scheme": "foia", "codes": ["(b)(1)"], "statute": None, "quantity": None, "unit": None}
    assert second.attributes["scheme"] == "generic" and second.attributes["codes"] == ["(b)(6)"]
    assert (first.span.begin, first.span.end) == (25, 31)
    assert first.source == "(b)(1)" and second.source == "[REDACTED (b)(6)]"
    assert paragraph.text == "The source (b)(1) reported the sites [REDACTED (b)(6)]."
    assert repr(first) == "<Node redaction 3:12-3:18>"
    assert repr(first.span) == "<Span 3:12-3:18 bytes 25-31>"
    assert first.span == archmark.parse(MEMO).find_all("redaction")[0].span
    with pytest.raises(IndexError):
        doc[2]


def test_spans_are_bytes_and_columns_are_code_points():
    doc = archmark.parse("Zürich (b)(1)\n")
    (redaction,) = doc.find_all("redaction")
    assert (redaction.span.begin, redaction.span.column) == (8, 8)
    assert redaction.source == "(b)(1)"


def test_attributes_of_structure_and_front_matter():
    text = (
        "---\ntitle: Telegram 1234\nfrom: Moscow\n---\n\n"
        "1. [Less than 1 line not declassified]\n2. [2 lines not declassified]\n"
    )
    doc = archmark.parse(text)
    assert doc.metadata == {"title": "Telegram 1234", "from": "Moscow"}
    assert doc.title == "Telegram 1234"
    (lst,) = doc.find_all("list")
    assert lst.attributes == {"list_type": "ordered", "start": 1, "delimiter": "period", "tight": True}
    redactions = [n.attributes for n in doc.find_all("redaction")]
    assert redactions == [
        {"scheme": "frus", "codes": None, "statute": None, "quantity": 1, "unit": "line", "at_most": True},
        {"scheme": "frus", "codes": None, "statute": None, "quantity": 2, "unit": "line"},
    ]


def test_attributes_match_the_json_writer():
    # Every node's attributes are the JSON node's members besides type, span and children.
    def flatten(node):
        yield node
        for child in node.get("children", []):
            yield from flatten(child)

    kinds = set()
    for path in sorted((SOURCE_DIR / "samples").glob("*.md")):
        doc = archmark.parse(path.read_text(encoding="utf-8"))
        json_nodes = list(flatten(json.loads(archmark.to_json(doc))))
        nodes = list(doc.walk())
        assert len(nodes) == len(json_nodes), path.name
        for n, j in zip(nodes, json_nodes):
            members = {k: v for k, v in j.items() if k not in ("type", "span", "children", "version", "diagnostics")}
            assert (n.kind, n.attributes) == (j["type"], members), path.name
            assert (n.span.begin, n.span.end) == (j["span"]["start"]["offset"], j["span"]["end"]["offset"])
            kinds.add(n.kind)
    assert len(kinds) > 25


def test_writers_exact_output():
    assert archmark.to_tei(MEMO, fragment=True) == (
        "<div>\n"
        "  <head>Memorandum</head>\n"
        '  <p>The source <gap reason="redacted" ana="#foia-b1"><desc type="exemption">(b)(1)</desc></gap>'
        ' reported the sites <gap reason="redacted" ana="#foia-b6"><desc>REDACTED (b)(6)</desc></gap>.</p>\n'
        "</div>\n"
    )
    assert archmark.to_html("Sources (b)(1) said.\n", fragment=True, archival=False) == "<p>Sources (b)(1) said.</p>\n"
    assert archmark.to_markdown("Sources ~~said~~ <ins>wrote</ins> (b)(1).\n", fragment=True) == (
        "Sources ~~said~~ <ins>wrote</ins> (b)(1).\n"
    )
    assert archmark.to_tei(MEMO).startswith('<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">')
    assert "<title>Memorandum</title>" in archmark.to_tei(MEMO)
    assert "<title>Other</title>" in archmark.to_tei(MEMO, title="Other")


def test_writers_take_text_or_document_alike():
    doc = archmark.parse(MEMO)
    for write in (archmark.to_tei, archmark.to_html, archmark.to_markdown, archmark.to_json):
        assert write(doc) == write(MEMO) == write(MEMO.encode())
        assert write(doc, fragment=True) == write(MEMO, fragment=True)


def test_html_options():
    page = archmark.to_html(MEMO, view="reading", css="p { color: red }", css_href="site.css")
    assert '<body class="view-reading">' in page and '<body class="view-diplomatic">' in archmark.to_html(MEMO)
    assert "p { color: red }" in page and '<link rel="stylesheet" href="site.css">' in page
    with pytest.raises(ValueError, match="view must be"):
        archmark.to_html(MEMO, view="both")
    with pytest.raises(TypeError):
        archmark.to_html(MEMO, colour=True)
    with pytest.raises(TypeError):
        archmark.to_html(MEMO, True)  # options are keyword-only


def test_json_carries_the_diagnostics():
    out = json.loads(archmark.to_json("(b)(l) x\n"))
    assert out["version"] == 1 and out["type"] == "document"
    assert out["diagnostics"] == [{
        "rule": "redaction.near-miss", "severity": "warning",
        "message": "(b)(l) looks like a mistyped FOIA code; kept as text", "help": "did you mean `(b)(1)`?",
        "span": {"start": {"offset": 0, "line": 1, "column": 1}, "end": {"offset": 6, "line": 1, "column": 7}},
    }]


def test_archival_off_is_plain_gfm():
    doc = archmark.parse(MEMO, archival=False)
    assert doc.find_all("redaction") == []
    assert [n.kind for n in doc[1].children] == ["text"]


def test_check_reports_parser_and_structure_rules_in_order():
    text = (SOURCE_DIR / "tests" / "package" / "data" / "errors.md").read_text(encoding="utf-8")
    found = archmark.check(text)
    assert [(d.rule, d.severity, d.line, d.column) for d in found] == [
        ("redaction.near-miss", "warning", 1, 12),
        ("syntax.unclosed", "error", 1, 28),
        ("note.undefined", "warning", 3, 7),
        ("structure.duplicate-passage", "warning", 7, 1),
    ]
    d = found[0]
    assert d.message == "(b)(l) looks like a mistyped FOIA code; kept as text"
    assert d.help == "did you mean `(b)(1)`?"
    assert (d.span.begin, d.span.end, d.span.end_column) == (11, 17, 18)
    assert str(d) == "1:12: warning: (b)(l) looks like a mistyped FOIA code; kept as text [redaction.near-miss]"
    assert repr(d) == "<Diagnostic redaction.near-miss warning at 1:12>"
    # parse() reports the parser's findings only: the structure rule is check()'s.
    assert [d.rule for d in archmark.parse(text).diagnostics] == ["redaction.near-miss", "syntax.unclosed", "note.undefined"]
    assert not archmark.parse(text).ok
    assert archmark.check(MEMO) == []


def test_bad_input_is_data_for_parse_and_an_error_for_writers():
    doc = archmark.parse(b"abc\xff\n")
    assert not doc.ok and len(doc) == 0
    assert [(d.rule, d.severity, d.line, d.column) for d in doc.diagnostics] == [("input.utf8", "error", 1, 4)]
    with pytest.raises(ValueError, match=r"<input>:1:4: error: .*\[input.utf8\]"):
        archmark.to_tei(b"abc\xff\n")
    with pytest.raises(ValueError):
        archmark.to_html(doc)
    with pytest.raises(TypeError, match="expected str or bytes, got int"):
        archmark.parse(42)


def test_nodes_outlive_their_document():
    node = archmark.parse(MEMO).find_all("redaction")[1]
    children = archmark.parse(MEMO)[1].children
    gc.collect()
    assert node.source == "[REDACTED (b)(6)]" and node.attributes["codes"] == ["(b)(6)"]
    assert [c.kind for c in children] == ["text", "redaction", "text", "redaction", "text"]


def test_threads_give_the_same_results():
    texts = [p.read_text(encoding="utf-8") for p in sorted((SOURCE_DIR / "samples").glob("*.md"))]
    assert len(texts) >= 8
    expected = [archmark.to_tei(t) for t in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(archmark.to_tei, texts * 4)) == expected * 4


def test_threads_parse_struck_words_reliably():
    # cmark-gfm changes a global table around each parse; without the fix in src/parse/cmark_driver.cpp about
    # 2 in 1000 of these threaded parses lost their ~~ ~~ (a deletion became text).
    texts = [f"Para {i} with ~~struck {i}~~ words.\n" * 20 for i in range(3000)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        counts = list(pool.map(lambda t: len(archmark.parse(t).find_all("deletion")), texts))
    assert counts == [20] * len(texts)


def test_autolink_on_and_off_in_one_process():
    text = "See www.example.com and ~~this~~.\n"
    for _ in range(2):
        assert [n.kind for n in archmark.parse(text)[0].children] == ["text", "deletion", "text"]
        assert [n.kind for n in archmark.parse(text, autolink=True)[0].children] == [
            "text", "link", "text", "deletion", "text"]


def _longest_main_thread_pause_during(call):
    """Runs `call` in another thread while this thread keeps running Python code; returns the
    longest time this thread could not run during the call, and the call's duration.

    A call that holds the GIL from start to end stops this thread for all of it but a switch
    interval or two (5 ms each) at its ends; a call that releases it hardly stops it at all."""
    times = {}
    started = threading.Event()

    def worker():
        started.set()
        times["begin"] = time.perf_counter()
        call()
        times["end"] = time.perf_counter()

    stamps = []
    thread = threading.Thread(target=worker)
    thread.start()
    started.wait()
    while thread.is_alive():
        stamps.append(time.perf_counter())
    thread.join()
    begin, end = times["begin"], times["end"]
    points = [begin] + [t for t in stamps if begin < t < end] + [end]
    return max(b - a for a, b in zip(points, points[1:])), end - begin


def test_the_gil_is_released_while_parsing_and_writing():
    big = ((SOURCE_DIR / "samples" / "cia-memo-with-foia-and-eo-codes.md").read_text(encoding="utf-8") + "\n") * 2000
    doc = archmark.parse(big)
    for call in (lambda: archmark.parse(big), lambda: archmark.to_tei(doc), lambda: archmark.check(big)):
        pause, seconds = _longest_main_thread_pause_during(call)
        assert seconds > 0.05 and pause < seconds / 2
