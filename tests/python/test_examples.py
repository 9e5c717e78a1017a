"""The examples of docs/python.md (python/examples/), run as a reader would run them."""
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

SOURCE_DIR = Path(os.environ.get("ARCHMARK_SOURCE_DIR", Path(__file__).resolve().parents[2]))
EXAMPLES = SOURCE_DIR / "python" / "examples"
TEI = "{http://www.tei-c.org/ns/1.0}"


def run(*args, cwd):
    return subprocess.run([sys.executable, *map(str, args)], cwd=cwd, capture_output=True, text=True, timeout=300)


def test_ocr_to_tei_fixes_the_misread_code(tmp_path):
    result = run(EXAMPLES / "ocr_to_tei.py", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == (
        "OCR 5:15: warning: (b)(l) looks like a mistyped FOIA code; kept as text [redaction.near-miss]\n"
    )
    lines = result.stdout.splitlines(keepends=True)
    assert lines[:2] == ["5:15 foia (b)(1)\n", "7:4 generic (b)(6)\n"]
    tei = ET.fromstring("".join(lines[2:]))
    assert tei.find(f"{TEI}teiHeader/{TEI}fileDesc/{TEI}titleStmt/{TEI}title").text == (
        "Meeting with source, 2 November 1962"
    )
    gaps = tei.findall(f".//{TEI}gap")
    assert [(g.get("reason"), g.get("ana"), g.find(f"{TEI}desc").text) for g in gaps] == [
        ("redacted", "#foia-b1", "(b)(1)"),
        ("redacted", "#foia-b6", "REDACTED (b)(6)"),
    ]


def test_dask_bag_converts_a_folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("cia-memo-with-foia-and-eo-codes.md", "frus-telegram-with-placeholders.md",
                 "1962-10-27-kennedy-letter-with-draft.md"):
        shutil.copy(SOURCE_DIR / "samples" / name, folder)
    result = run(EXAMPLES / "dask_folder.py", folder, tmp_path / "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "1962-10-27-kennedy-letter-with-draft.md: 0 redactions, 6 warnings or errors\n"
        "cia-memo-with-foia-and-eo-codes.md: 6 redactions, 0 warnings or errors\n"
        "frus-telegram-with-placeholders.md: 4 redactions, 0 warnings or errors\n"
        "3 files, 10 redactions\n"
    )
    outputs = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert outputs == ["1962-10-27-kennedy-letter-with-draft.xml", "cia-memo-with-foia-and-eo-codes.xml",
                       "frus-telegram-with-placeholders.xml"]
    memo = ET.parse(tmp_path / "out" / "cia-memo-with-foia-and-eo-codes.xml").getroot()
    assert len([g for g in memo.iter(f"{TEI}gap") if g.get("reason") == "redacted"]) == 6
