"""Checks on writer output shared by the robustness tests: well-formed XML 1.0 and safe HTML."""
import re
import xml.parsers.expat
from html.parser import HTMLParser

# Elements that run code or change where a page loads from; the writers never make them, and raw
# HTML in the input is escaped in the default (safe) mode.
UNSAFE_ELEMENTS = {"script", "iframe", "object", "embed", "frame", "frameset", "base", "form", "applet"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "background", "srcset", "data"}
SAFE_DATA = re.compile(r"data:image/(png|gif|jpeg|webp)[;,]")


def xml_problem(data):
    """None when `data` (bytes) is well-formed XML 1.0, else expat's message. Expat rejects what
    XML forbids: control characters, references to them, bad nesting, undefined entities."""
    parser = xml.parsers.expat.ParserCreate()
    try:
        parser.Parse(data, True)
    except xml.parsers.expat.ExpatError as e:
        return str(e)
    return None


def scriptable_url(value):
    url = "".join(c for c in value if ord(c) > 0x20).lower()  # browsers drop these inside a scheme
    if url.startswith(("javascript:", "vbscript:", "file:")):
        return True
    return url.startswith("data:") and not SAFE_DATA.match(url)


class _Scanner(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag in UNSAFE_ELEMENTS:
            self.problems.append(f"<{tag}> element")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event handler {name}= on <{tag}>")
            elif name in URL_ATTRIBUTES and value and scriptable_url(value):
                self.problems.append(f"scriptable URL {name}={value!r} on <{tag}>")
            elif name == "style" and value and "expression(" in value.lower():
                self.problems.append(f"CSS expression on <{tag}>")

    handle_startendtag = handle_starttag


def html_problems(text):
    """The unsafe constructs of an HTML page or fragment (text): script elements (also any raw
    `<script` the parser might miss), event handlers, scriptable URLs."""
    scanner = _Scanner()
    scanner.feed(text)
    scanner.close()
    problems = scanner.problems
    if re.search(r"<\s*script", text, re.IGNORECASE) and not any("script" in p for p in problems):
        problems.append("raw <script")
    return problems
