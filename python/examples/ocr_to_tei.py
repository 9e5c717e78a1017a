"""OCR text -> check -> fix what OCR misread -> parse -> TEI (docs/python.md).

    python3 ocr_to_tei.py [PAGE.txt [OUT.xml]]

Without arguments it uses a built-in page as OCR software returns it: `(b)(1)` read as `(b)(l)`.
"""
import re
import sys
from pathlib import Path

import archmark

OCR_PAGE = """\
MEMORANDUM FOR THE RECORD

SUBJECT: Meeting with source, 2 November 1962

1. The source (b)(l) reported that the launch equipment was moved to Mariel.

2. [REDACTED (b)(6)] will brief the committee at 1000 hours.
"""


def fix_ocr(text: str) -> str:
    """Applies the fixes that check() suggests for mistyped FOIA codes ("did you mean `(b)(1)`?").

    Spans are byte offsets into the UTF-8 text, so the edits are made on bytes, last first."""
    data = text.encode("utf-8")
    for d in reversed(archmark.check(text)):
        match = re.fullmatch(r"did you mean `(.+)`\?", d.help)
        if d.rule == "redaction.near-miss" and match:
            data = data[: d.span.begin] + match.group(1).encode("utf-8") + data[d.span.end :]
    return data.decode("utf-8")


def main() -> int:
    text = Path(sys.argv[1]).read_text(encoding="utf-8") if len(sys.argv) > 1 else OCR_PAGE
    for d in archmark.check(text):
        print(f"OCR {d.line}:{d.column}: {d.severity}: {d.message} [{d.rule}]", file=sys.stderr)

    doc = archmark.parse(fix_ocr(text))
    for r in doc.find_all("redaction"):
        print(f"{r.span.line}:{r.span.column} {r.attributes['scheme']} {' '.join(r.attributes['codes'] or [])}")
    tei = archmark.to_tei(doc, title="Meeting with source, 2 November 1962")
    if len(sys.argv) > 2:
        Path(sys.argv[2]).write_text(tei, encoding="utf-8")
    else:
        print(tei, end="")
    return 0 if doc.ok else 1


if __name__ == "__main__":
    sys.exit(main())
