// The HTML writer, tested on hand-built trees so that a parser bug cannot hide a writer bug.
#include <archmark/write.hpp>

#include <catch2/catch.hpp>

#include "tests/unit/tree_builders.hpp"

#include <string>
#include <utility>
#include <vector>

using namespace archmark;
using namespace archmark::test;

namespace {


node list(bool tight, std::vector<node> items, list_type type = list_type::bullet, int start = 0) {
    node n = make(node_kind::list, std::move(items));
    n.tight = tight;
    n.list = type;
    n.level = start;
    return n;
}


write_options fragment(bool archival = false, bool unsafe = false) {
    write_options o;
    o.fragment = true;
    o.archival = archival;
    o.unsafe = unsafe;
    return o;
}

std::string html(const node& document, const write_options& options = fragment()) {
    std::string out;
    string_sink sink(out);
    write_html(document, options, sink);
    return out;
}

// A sink that records the size of every chunk it is given.
class chunk_sink final : public output_sink {
public:
    void write(std::string_view bytes) override {
        chunks.push_back(bytes.size());
        all.append(bytes);
    }
    std::vector<std::size_t> chunks;
    std::string all;
};

}  // namespace

TEST_CASE("html: text and attributes are escaped", "[html]") {
    CHECK(html(doc({para({text("a < b & \"c\" > d 'e'")})})) ==
          "<p>a &lt; b &amp; &quot;c&quot; &gt; d 'e'</p>\n");
    CHECK(html(doc({para({link("/a b?x=1&y='2'\"<ü>", {text("l")}, "t \"q\" & <x> 'y'")})})) ==
          "<p><a href=\"/a%20b?x=1&amp;y=&#x27;2&#x27;%22%3C%C3%BC%3E\" "
          "title=\"t &quot;q&quot; &amp; &lt;x&gt; 'y'\">l</a></p>\n");
    CHECK(html(doc({para({literal(node_kind::code, "<b>&amp;</b>")})})) ==
          "<p><code>&lt;b&gt;&amp;amp;&lt;/b&gt;</code></p>\n");
}

TEST_CASE("html: leaf and container blocks", "[html]") {
    node h2 = make(node_kind::heading, {text("Title")});
    h2.level = 2;
    CHECK(html(doc({h2})) == "<h2>Title</h2>\n");
    CHECK(html(doc({make(node_kind::thematic_break)})) == "<hr />\n");
    CHECK(html(doc({make(node_kind::block_quote, {para({text("q")})})})) ==
          "<blockquote>\n<p>q</p>\n</blockquote>\n");
    CHECK(html(doc({para({text("a"), make(node_kind::soft_break), text("b"),
                          make(node_kind::line_break), text("c")})})) ==
          "<p>a\nb<br />\nc</p>\n");
    CHECK(html(doc({para({make(node_kind::emphasis, {text("e")}), make(node_kind::strong, {text("s")}),
                          make(node_kind::strikethrough, {text("x")})})})) ==
          "<p><em>e</em><strong>s</strong><del>x</del></p>\n");
    CHECK(html(doc({})) == "");
}

TEST_CASE("html: code blocks take their class from the first word of the info string", "[html]") {
    node fenced = literal(node_kind::code_block, "fn main() { a < b }\n");
    fenced.attrs().info = "rust \"extra\" words";
    fenced.fenced = true;
    CHECK(html(doc({fenced})) == "<pre><code class=\"language-rust\">fn main() { a &lt; b }\n</code></pre>\n");
    fenced.attrs().info = "c\"++";
    CHECK(html(doc({fenced})) == "<pre><code class=\"language-c&quot;++\">fn main() { a &lt; b }\n</code></pre>\n");
    CHECK(html(doc({literal(node_kind::code_block, "x\n")})) == "<pre><code>x\n</code></pre>\n");
}

TEST_CASE("html: tight lists drop <p>, loose lists keep it", "[html]") {
    std::vector<node> items{item({para({text("one")})}), item({para({text("two")}), para({text("more")})})};
    CHECK(html(doc({list(true, {item({para({text("one")})}), item({para({text("two")})})})})) ==
          "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n");
    CHECK(html(doc({list(false, items)})) ==
          "<ul>\n<li>\n<p>one</p>\n</li>\n<li>\n<p>two</p>\n<p>more</p>\n</li>\n</ul>\n");
    CHECK(html(doc({list(true, {item({para({text("x")})})}, list_type::ordered, 1)})) == "<ol>\n<li>x</li>\n</ol>\n");
    CHECK(html(doc({list(true, {item({para({text("x")})})}, list_type::ordered, 7)})) ==
          "<ol start=\"7\">\n<li>x</li>\n</ol>\n");
    CHECK(html(doc({list(true, {item({})})})) == "<ul>\n<li></li>\n</ul>\n");
    // A nested block after a tight paragraph starts on its own line.
    CHECK(html(doc({list(true, {item({para({text("a")}), list(true, {item({para({text("b")})})})})})})) ==
          "<ul>\n<li>a\n<ul>\n<li>b</li>\n</ul>\n</li>\n</ul>\n");
}

TEST_CASE("html: task list items", "[html]") {
    node open = item({para({text("todo")})});
    open.task_checked = false;
    node done = item({para({text("done")})});
    done.task_checked = true;
    CHECK(html(doc({list(true, {open, done})})) ==
          "<ul>\n<li><input type=\"checkbox\" disabled=\"\" /> todo</li>\n"
          "<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> done</li>\n</ul>\n");
    CHECK(html(doc({list(false, {open})})) ==
          "<ul>\n<li><input type=\"checkbox\" disabled=\"\" /> \n<p>todo</p>\n</li>\n</ul>\n");
}

TEST_CASE("html: tables with alignment; tbody only with body rows", "[html]") {
    auto cell = [](std::string s, table_alignment a) {
        node c = make(node_kind::table_cell, {text(std::move(s))});
        c.align = a;
        return c;
    };
    node header = make(node_kind::table_row, {cell("a", table_alignment::left), cell("b", table_alignment::none),
                                              cell("c", table_alignment::center), cell("d", table_alignment::right)});
    header.level = 1;
    node body = make(node_kind::table_row, {cell("1", table_alignment::left), cell("2", table_alignment::none),
                                            cell("3", table_alignment::center), cell("", table_alignment::right)});
    node table = make(node_kind::table, {header, body});
    CHECK(html(doc({table})) ==
          "<table>\n<thead>\n<tr>\n<th align=\"left\">a</th>\n<th>b</th>\n<th align=\"center\">c</th>\n"
          "<th align=\"right\">d</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td align=\"left\">1</td>\n"
          "<td>2</td>\n<td align=\"center\">3</td>\n<td align=\"right\"></td>\n</tr>\n</tbody>\n</table>\n");
    CHECK(html(doc({make(node_kind::table, {header})})) ==
          "<table>\n<thead>\n<tr>\n<th align=\"left\">a</th>\n<th>b</th>\n<th align=\"center\">c</th>\n"
          "<th align=\"right\">d</th>\n</tr>\n</thead>\n</table>\n");
}

TEST_CASE("html: images take plain alt text and an optional title", "[html]") {
    node img = make(node_kind::image, {text("a "), make(node_kind::emphasis, {text("b\"")}),
                                       make(node_kind::soft_break), literal(node_kind::code, "<c>")});
    img.attrs().destination = "/i.png";
    CHECK(html(doc({para({img})})) == "<p><img src=\"/i.png\" alt=\"a b&quot; &lt;c&gt;\" /></p>\n");
    img.attrs().title = "T & t";
    CHECK(html(doc({para({img})})) == "<p><img src=\"/i.png\" alt=\"a b&quot; &lt;c&gt;\" title=\"T &amp; t\" /></p>\n");
}

TEST_CASE("html: raw HTML and dangerous URLs depend on unsafe", "[html]") {
    node inline_html = para({literal(node_kind::html_inline, "<b onclick=\"x\">"), text("b"),
                             literal(node_kind::html_inline, "</b>")});
    node block = literal(node_kind::html_block, "<div>\n<script>x</script>\n</div>\n");
    SECTION("plain GFM rendering omits raw HTML unless unsafe") {
        CHECK(html(doc({inline_html})) == "<p><!-- raw HTML omitted -->b<!-- raw HTML omitted --></p>\n");
        CHECK(html(doc({block})) == "<!-- raw HTML omitted -->\n");
        CHECK(html(doc({inline_html}), fragment(false, true)) == "<p><b onclick=\"x\">b</b></p>\n");
        // The GFM tagfilter applies even when unsafe.
        CHECK(html(doc({block}), fragment(false, true)) == "<div>\n&lt;script>x&lt;/script>\n</div>\n");
        CHECK(html(doc({para({literal(node_kind::html_inline, "<TITLE>")})}), fragment(false, true)) ==
              "<p>&lt;TITLE></p>\n");
    }
    SECTION("archival rendering shows raw HTML as text unless unsafe") {
        CHECK(html(doc({inline_html}), fragment(true)) ==
              "<p><span class=\"raw-html\">&lt;b onclick=&quot;x&quot;&gt;</span>b"
              "<span class=\"raw-html\">&lt;/b&gt;</span></p>\n");
        CHECK(html(doc({block}), fragment(true)) ==
              "<pre class=\"raw-html\">&lt;div&gt;\n&lt;script&gt;x&lt;/script&gt;\n&lt;/div&gt;</pre>\n");
        CHECK(html(doc({inline_html}), fragment(true, true)) == "<p><b onclick=\"x\">b</b></p>\n");
    }
    SECTION("javascript:, vbscript:, file: and data: URLs are emptied unless unsafe") {
        for (std::string url : {"javascript:alert(1)", "JaVaScRiPt:x", "vbscript:x", "file:///etc/passwd",
                                "data:text/html,x"}) {
            CHECK(html(doc({para({link(url, {text("x")})})})) == "<p><a href=\"\">x</a></p>\n");
            CHECK(html(doc({para({link(url, {text("x")})})}), fragment(false, true)) != "<p><a href=\"\">x</a></p>\n");
        }
        CHECK(html(doc({para({link("javascript:x", {text("x")})})}), fragment(false, true)) ==
              "<p><a href=\"javascript:x\">x</a></p>\n");
        CHECK(html(doc({para({link("data:image/png;base64,AA==", {text("x")})})})) ==
              "<p><a href=\"data:image/png;base64,AA==\">x</a></p>\n");
        node img = make(node_kind::image, {text("i")});
        img.attrs().destination = "javascript:x";
        CHECK(html(doc({para({img})})) == "<p><img src=\"\" alt=\"i\" /></p>\n");
    }
}

TEST_CASE("html: GFM footnotes as cmark-gfm renders them", "[html]") {
    auto ref = [](std::string number) {
        node r = make(node_kind::footnote_reference);
        r.attrs().label = std::move(number);  // the parser gives cmark-gfm's number
        return r;
    };
    auto definition = [](std::string label, std::vector<node> blocks) {
        node d = make(node_kind::footnote_definition, std::move(blocks));
        d.attrs().label = std::move(label);
        return d;
    };
    node document = doc({para({text("a"), ref("1"), text(" b"), ref("2"), text(" c"), ref("1")}),
                         definition("note one", {para({text("One.")})}),
                         definition("b", {literal(node_kind::code_block, "code\n")})});
    CHECK(html(document) ==
          "<p>a<sup class=\"footnote-ref\"><a href=\"#fn-note%20one\" id=\"fnref-note%20one\" data-footnote-ref>1</a></sup>"
          " b<sup class=\"footnote-ref\"><a href=\"#fn-b\" id=\"fnref-b\" data-footnote-ref>2</a></sup>"
          " c<sup class=\"footnote-ref\"><a href=\"#fn-note%20one\" id=\"fnref-note%20one-2\" data-footnote-ref>1</a></sup></p>\n"
          "<section class=\"footnotes\" data-footnotes>\n<ol>\n"
          "<li id=\"fn-note%20one\">\n<p>One. "
          "<a href=\"#fnref-note%20one\" class=\"footnote-backref\" data-footnote-backref aria-label=\"Back to content\">↩</a> "
          "<a href=\"#fnref-note%20one-2\" class=\"footnote-backref\" data-footnote-backref aria-label=\"Back to content\">↩<sup class=\"footnote-ref\">2</sup></a></p>\n"
          "</li>\n"
          "<li id=\"fn-b\">\n<pre><code>code\n</code></pre>\n"
          "<a href=\"#fnref-b\" class=\"footnote-backref\" data-footnote-backref aria-label=\"Back to content\">↩</a>\n"
          "</li>\n</ol>\n</section>\n");
    // A reference with no definition is written as the text it was.
    node undefined = make(node_kind::footnote_reference);
    undefined.attrs().label = "x";
    CHECK(html(doc({para({undefined})})) == "<p>[^x]</p>\n");
}

TEST_CASE("html: redactions", "[html]") {
    write_options archival = fragment(true);
    CHECK(html(doc({para({redaction(redaction_scheme::foia, {"(b)(1)", "(b)(3)"}, "(b)(1)(b)(3)")})}), archival) ==
          "<p><span class=\"redaction\" data-scheme=\"foia\" data-codes=\"b1 b3\" "
          "title=\"Withheld: FOIA (b)(1) — classified national security information; FOIA (b)(3) — "
          "information exempted from disclosure by another statute\" "
          "aria-label=\"Withheld: FOIA (b)(1) — classified national security information; FOIA (b)(3) — "
          "information exempted from disclosure by another statute\">(b)(1)(b)(3)</span></p>\n");
    CHECK(html(doc({para({redaction(redaction_scheme::eo13526, {"25X1"}, "25X1")})}), archival) ==
          "<p><span class=\"redaction\" data-scheme=\"eo13526\" data-codes=\"25X1\" "
          "title=\"Withheld: E.O. 13526 25X1 — would reveal a human intelligence source or methods\" "
          "aria-label=\"Withheld: E.O. 13526 25X1 — would reveal a human intelligence source or methods\">25X1</span></p>\n");
    node statute = redaction(redaction_scheme::foia, {"(b)(3)", "(b)(7)(C)"}, "(b)(3) 50 USC 403g (b)(7)(C)");
    statute.attrs().statute = "50 USC 403g";
    CHECK(html(doc({para({statute})}), archival) ==
          "<p><span class=\"redaction\" data-scheme=\"foia\" data-codes=\"b3 b7C\" data-statute=\"50 USC 403g\" "
          "title=\"Withheld: FOIA (b)(3) — information exempted from disclosure by another statute (50 USC 403g); "
          "FOIA (b)(7)(C) — law enforcement records: could invade personal privacy\" "
          "aria-label=\"Withheld: FOIA (b)(3) — information exempted from disclosure by another statute (50 USC 403g); "
          "FOIA (b)(7)(C) — law enforcement records: could invade personal privacy\">(b)(3) 50 USC 403g (b)(7)(C)</span></p>\n");
    node frus = redaction(redaction_scheme::frus, {}, "[1 line not declassified]");
    frus.quantity = 1;
    frus.attrs().unit = "line";
    CHECK(html(doc({para({frus})}), archival) ==
          "<p><span class=\"redaction\" data-scheme=\"frus\" data-quantity=\"1\" data-unit=\"line\" "
          "title=\"Withheld: 1 line not declassified\" aria-label=\"Withheld: 1 line not declassified\">"
          "<i>[1 line not declassified]</i></span></p>\n");
    frus.children.clear();
    frus.quantity = 1;
    frus.at_most = true;
    CHECK(html(doc({para({frus})}), archival) ==
          "<p><span class=\"redaction\" data-scheme=\"frus\" data-quantity=\"1\" data-unit=\"line\" data-at-most=\"true\" "
          "title=\"Withheld: less than 1 line not declassified\" aria-label=\"Withheld: less than 1 line not declassified\">"
          "<i>[less than 1 line not declassified]</i></span></p>\n");
    node bars = redaction(redaction_scheme::bars, {}, "███");
    bars.quantity = 3;
    bars.attrs().unit = "char";
    CHECK(html(doc({para({bars})}), archival) ==
          "<p><span class=\"redaction\" data-scheme=\"bars\" data-quantity=\"3\" data-unit=\"char\" "
          "title=\"Withheld: 3 characters blacked out\" aria-label=\"Withheld: 3 characters blacked out\">███</span></p>\n");
    CHECK(html(doc({para({redaction(redaction_scheme::generic, {}, "[REDACTED]")})}), archival) ==
          "<p><span class=\"redaction\" data-scheme=\"generic\" title=\"Withheld\" aria-label=\"Withheld\">[REDACTED]</span></p>\n");
    // Without the archival rendering only the transcribed text remains.
    CHECK(html(doc({para({redaction(redaction_scheme::foia, {"(b)(1)"}, "(b)(1)")})})) == "<p>(b)(1)</p>\n");
}

TEST_CASE("html: edits, letter structure and editorial brackets", "[html]") {
    write_options archival = fragment(true);
    node above = make(node_kind::insertion, {text("new")});
    above.attrs().place = "above";
    node sub = make(node_kind::substitution, {make(node_kind::deletion, {text("old")}), text(" "), above});
    CHECK(html(doc({para({sub})}), archival) ==
          "<p><span class=\"substitution\"><del class=\"deletion\">old</del> "
          "<ins class=\"insertion above\">new</ins></span></p>\n");
    CHECK(html(doc({para({sub})})) == "<p><del>old</del> <ins>new</ins></p>\n");
    node inline_ins = make(node_kind::insertion, {text("x")});
    inline_ins.attrs().place = "inline";
    CHECK(html(doc({para({inline_ins, make(node_kind::superscript, {text("th")}),
                          make(node_kind::subscript, {text("2")})})}), archival) ==
          "<p><ins class=\"insertion inline\">x</ins><sup>th</sup><sub>2</sub></p>\n");

    node banner = make(node_kind::classification, {text("SECRET")});
    banner.attrs().marking = "SECRET";
    node dateline = make(node_kind::dateline, {text("Washington, October 27, 1962.")});
    dateline.attrs().place_name = "Washington";
    dateline.attrs().when = "1962-10-27";
    node letter = doc({banner, dateline,
                       make(node_kind::salutation, {text("Dear Mr. Chairman:")}),
                       para({text("Body.")}),
                       make(node_kind::closing, {text("Sincerely,")}),
                       make(node_kind::signature, {text("(s) J. F. K.")}),
                       make(node_kind::separator)});
    CHECK(html(letter, archival) ==
          "<p class=\"classification\" data-marking=\"SECRET\">SECRET</p>\n"
          "<header class=\"opener\">\n"
          "<p class=\"dateline\"><time datetime=\"1962-10-27\">Washington, October 27, 1962.</time></p>\n"
          "<p class=\"salutation\">Dear Mr. Chairman:</p>\n</header>\n"
          "<p>Body.</p>\n"
          "<footer class=\"closer\">\n<p class=\"closing\">Sincerely,</p>\n"
          "<p class=\"signature\">(s) J. F. K.</p>\n</footer>\n"
          "<hr class=\"separator\" />\n");
    CHECK(html(letter) ==
          "<p>SECRET</p>\n<p>Washington, October 27, 1962.</p>\n<p>Dear Mr. Chairman:</p>\n<p>Body.</p>\n"
          "<p>Sincerely,</p>\n<p>(s) J. F. K.</p>\n<hr />\n");

    node dated = make(node_kind::heading, {text("27 October")});
    dated.level = 2;
    dated.attrs().when = "--10-27";
    node stamp = make(node_kind::stamp, {text("RELEASE IN PART B1")});
    stamp.attrs().subtype = "release";
    stamp.attrs().codes = {"(b)(1)"};
    node draft = make(node_kind::part, {para({text("Draft text.")})});
    draft.attrs().subtype = "draft";
    node page = make(node_kind::page_break);
    page.attrs().label = "2";
    CHECK(html(doc({dated, stamp, page, draft}), archival) ==
          "<h2><time datetime=\"--10-27\">27 October</time></h2>\n"
          "<p class=\"stamp\" data-type=\"release\" data-codes=\"b1\">RELEASE IN PART B1</p>\n"
          "<span class=\"page-break\" data-n=\"2\">[Page 2]</span>\n"
          "<section class=\"part\" data-type=\"draft\">\n<p>Draft text.</p>\n</section>\n");

    node portion = make(node_kind::portion_mark);
    portion.attrs().marking = "S//NF";
    node gap = make(node_kind::gap);
    gap.attrs().subtype = "illegible";
    gap.quantity = 3;
    gap.attrs().unit = "word";
    CHECK(html(doc({para({portion, text(" "), page, gap, make(node_kind::unclear, {text("word")}), text(" "),
                          make(node_kind::sic, {text("teh")}), text(" "), make(node_kind::supplied, {text("a")}),
                          text(" "), make(node_kind::editorial_note, {text("Editor's note: x")})})}),
               archival) ==
          "<p><span class=\"portion-mark\" data-marking=\"S//NF\">(S//NF)</span> "
          "<span class=\"page-break\" data-n=\"2\">[Page 2]</span>"
          "<span class=\"gap\" data-reason=\"illegible\" data-quantity=\"3\" data-unit=\"word\">[3 words illegible]</span>"
          "<span class=\"unclear\">word</span> <span class=\"sic\">teh</span> [sic] [<span class=\"supplied\">a</span>]"
          " [<span class=\"editorial-note\">Editor's note: x</span>]</p>\n");
    CHECK(html(doc({para({portion, text(" "), gap})})) == "<p>(S//NF) [3 words illegible]</p>\n");
}

TEST_CASE("html: front matter opens the content and sets the page language", "[html]") {
    node document = doc({para({text("x")})});
    document.attrs().metadata = {{"title", "Letter <1>"}, {"date", "1962-10-27"}, {"language", "ru"}};
    CHECK(html(document, fragment(true)) ==
          "<header class=\"front-matter\">\n<h1>Letter &lt;1&gt;</h1>\n<dl>\n"
          "<dt>date</dt>\n<dd><time datetime=\"1962-10-27\">1962-10-27</time></dd>\n"
          "<dt>language</dt>\n<dd>ru</dd>\n</dl>\n</header>\n"
          "<p>x</p>\n");
    CHECK(html(document) == "<p>x</p>\n");
    std::string page = html(document, write_options{});
    CHECK(page.find("<html lang=\"ru\">") != std::string::npos);
    CHECK(page.find("<title>Letter &lt;1&gt;</title>") != std::string::npos);
}

TEST_CASE("html: notes are numbered calls with bodies at the end", "[html]") {
    node call = make(node_kind::note, {text("See Document 59.")});
    call.attrs().label = "*";
    node block_note = make(node_kind::note, {para({text("Two.")})});
    block_note.attrs().label = "2";
    CHECK(html(doc({para({text("Text"), call, text(" more"), block_note})}), fragment(true)) ==
          "<p>Text<sup class=\"note-call\"><a href=\"#fn-1\" id=\"fnref-1\">*</a></sup> more"
          "<sup class=\"note-call\"><a href=\"#fn-2\" id=\"fnref-2\">2</a></sup></p>\n"
          "<section class=\"notes\" aria-label=\"Notes\">\n<ol>\n"
          "<li id=\"fn-1\" data-mark=\"*\"><p>See Document 59. "
          "<a href=\"#fnref-1\" class=\"note-backref\" aria-label=\"Back to text\">↩</a></p></li>\n"
          "<li id=\"fn-2\">\n<p>Two. <a href=\"#fnref-2\" class=\"note-backref\" aria-label=\"Back to text\">↩</a></p>\n</li>\n"
          "</ol>\n</section>\n");
}

TEST_CASE("html: a standalone page has doctype, title, style and main", "[html]") {
    node heading = make(node_kind::heading, {text("Letter  from "), make(node_kind::emphasis, {text("Khrushchev & co")})});
    heading.level = 1;
    node document = doc({make(node_kind::classification, {text("TOP SECRET")}), heading, para({text("x")})});
    write_options page;
    std::string out = html(document, page);
    CHECK(out.starts_with("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"));
    CHECK(out.find("<title>Letter from Khrushchev &amp; co</title>\n") != std::string::npos);
    CHECK(out.find("<style>\n") != std::string::npos);
    CHECK(out.find("@media print") != std::string::npos);
    CHECK(out.find(".redaction{") != std::string::npos);
    CHECK(out.find("</style>\n</head>\n<body class=\"view-diplomatic\">\n<main>\n"
                   "<p class=\"classification\">TOP SECRET</p>\n") != std::string::npos);
    CHECK(out.ends_with("<p>x</p>\n</main>\n</body>\n</html>\n"));

    page.title = "Given <title>";
    CHECK(html(document, page).find("<title>Given &lt;title&gt;</title>") != std::string::npos);
    // A title given in the options also heads the page.
    CHECK(html(document, page).find("<main>\n<header class=\"front-matter\">\n<h1>Given &lt;title&gt;</h1>\n"
                                    "</header>\n<p class=\"classification\">") != std::string::npos);
    CHECK(html(doc({para({text("no heading")})}), write_options{}).find("<title>Untitled transcription</title>") !=
          std::string::npos);
}

TEST_CASE("html: output reaches the sink in bounded chunks", "[html]") {
    node document = doc({});
    for (int i = 0; i < 20000; ++i) document.children.push_back(para({text("paragraph number " + std::to_string(i))}));
    chunk_sink sink;
    write_html(document, fragment(), sink);
    CHECK(sink.all == html(document));
    CHECK(sink.chunks.size() > 5);
    for (auto size : sink.chunks) CHECK(size < 80 * 1024);
}

TEST_CASE("html: deep trees are written", "[html]") {
    node inner = para({text("deep")});
    for (int i = 0; i < 250; ++i) inner = make(node_kind::block_quote, {std::move(inner)});
    std::string out = html(doc({std::move(inner)}));
    CHECK(out.find("<p>deep</p>") != std::string::npos);
    CHECK(out.size() == 250 * (std::string("<blockquote>\n").size() + std::string("</blockquote>\n").size()) +
                            std::string("<p>deep</p>\n").size());
}

TEST_CASE("html: a note called again links to the same body, which links back to every call", "[html]") {
    // The parser gives the body to the first call only; later calls of the label carry none.
    auto call = [](std::string label, std::vector<node> body, std::string style = "gfm") {
        node n = make(node_kind::note, std::move(body));
        n.attrs().label = std::move(label);
        n.attrs().subtype = std::move(style);
        return n;
    };
    node document = doc({para({text("a"), call("1", {text("One.")}), text(" b"), call("2", {text("Two.")}),
                               text(" c"), call("1", {}), text(" d"), call("1", {}),
                               text(" e"), call("1", {}, "sup")})});
    CHECK(html(document, fragment(true)) ==
          "<p>a<sup class=\"note-call\"><a href=\"#fn-1\" id=\"fnref-1\">1</a></sup>"
          " b<sup class=\"note-call\"><a href=\"#fn-2\" id=\"fnref-2\">2</a></sup>"
          " c<sup class=\"note-call\"><a href=\"#fn-1\" id=\"fnref-1-2\">1</a></sup>"
          " d<sup class=\"note-call\"><a href=\"#fn-1\" id=\"fnref-1-3\">1</a></sup>"
          // Another style's `1` is another note (here one with no body).
          " e<sup class=\"note-call\"><a href=\"#fn-3\" id=\"fnref-3\">1</a></sup></p>\n"
          "<section class=\"notes\" aria-label=\"Notes\">\n<ol>\n"
          "<li id=\"fn-1\"><p>One. <a href=\"#fnref-1\" class=\"note-backref\" aria-label=\"Back to text\">↩</a>"
          " <a href=\"#fnref-1-2\" class=\"note-backref\" aria-label=\"Back to text (call 2)\">↩<sup>2</sup></a>"
          " <a href=\"#fnref-1-3\" class=\"note-backref\" aria-label=\"Back to text (call 3)\">↩<sup>3</sup></a></p></li>\n"
          "<li id=\"fn-2\"><p>Two. <a href=\"#fnref-2\" class=\"note-backref\" aria-label=\"Back to text\">↩</a></p></li>\n"
          "<li id=\"fn-3\" data-mark=\"1\"><p><a href=\"#fnref-3\" class=\"note-backref\" aria-label=\"Back to text\">↩</a></p></li>\n"
          "</ol>\n</section>\n");
}

TEST_CASE("html: a note no call took is listed at the end without a back-link", "[html]") {
    node uncalled = make(node_kind::note, {para({text("Never called.")})});
    uncalled.attrs().label = "9";
    node called = make(node_kind::note, {text("Called.")});
    called.attrs().label = "1";
    CHECK(html(doc({para({text("x"), called}), uncalled}), fragment(true)) ==
          "<p>x<sup class=\"note-call\"><a href=\"#fn-1\" id=\"fnref-1\">1</a></sup></p>\n"
          "<section class=\"notes\" aria-label=\"Notes\">\n<ol>\n"
          "<li id=\"fn-1\"><p>Called. <a href=\"#fnref-1\" class=\"note-backref\" aria-label=\"Back to text\">↩</a></p></li>\n"
          "<li id=\"fn-2\" data-mark=\"9\">\n<p>Never called.</p>\n</li>\n"
          "</ol>\n</section>\n");
}

TEST_CASE("html: the view is a class on <body>; the user's sheets follow the built-in one", "[html]") {
    node document = doc({para({make(node_kind::deletion, {text("old")})})});
    write_options page;
    std::string diplomatic = html(document, page);
    CHECK(diplomatic.find("<body class=\"view-diplomatic\">\n<main>\n") != std::string::npos);
    CHECK(diplomatic.find("<link") == std::string::npos);
    CHECK(diplomatic.find("user-css") == std::string::npos);
    // The built-in sheet implements both views.
    CHECK(diplomatic.find(".view-reading del.deletion{display:none}") != std::string::npos);
    page.view = html_view::reading;
    CHECK(html(document, page).find("<body class=\"view-reading\">\n<main>\n") != std::string::npos);

    page.css = "main { color: red }\n.x::after { content: \"</STYLE><script>alert(1)</script>\" }";
    page.css_href = "my sheets/print.css?a=1&b=\"2\"";
    std::string out = html(document, page);
    CHECK(out.find("</style>\n<style class=\"user-css\">\nmain { color: red }\n"
                   ".x::after { content: \"<\\/STYLE><script>alert(1)</script>\" }\n</style>\n"
                   "<link rel=\"stylesheet\" href=\"my%20sheets/print.css?a=1&amp;b=%222%22\">\n"
                   "</head>\n<body class=\"view-reading\">") != std::string::npos);
    CHECK(out.find("</STYLE>") == std::string::npos);
    page.css_href = "javascript:alert(1)";
    CHECK(html(document, page).find("<link rel=\"stylesheet\" href=\"\">") != std::string::npos);
    // A fragment has no page around it: no body class, no sheets.
    write_options frag = fragment(true);
    frag.view = html_view::reading;
    frag.css = "main{}";
    CHECK(html(document, frag) == "<p><del class=\"deletion\">old</del></p>\n");
}
