// The Markdown writer, tested on hand-built trees so that a parser bug cannot hide a writer bug.
// Every expected output is canonical archmark Markdown (docs/markdown.md) byte for byte.
#include <archmark/parse.hpp>
#include <archmark/write.hpp>

#include <catch2/catch.hpp>

#include "tests/unit/tree_builders.hpp"

#include <string>
#include <utility>
#include <vector>

using namespace archmark;
using namespace archmark::test;

namespace {

node soft() { return make(node_kind::soft_break); }

node heading(int level, std::vector<node> inlines) {
    node n = make(node_kind::heading, std::move(inlines));
    n.level = level;
    return n;
}

node list(bool tight, std::vector<node> items, list_type type = list_type::bullet, int start = 0,
          list_delimiter delimiter = list_delimiter::none) {
    node n = make(node_kind::list, std::move(items));
    n.tight = tight;
    n.list = type;
    n.level = start;
    n.delimiter = delimiter;
    return n;
}


node code_block(std::string content, bool fenced, std::string info = {}) {
    node n = literal(node_kind::code_block, std::move(content));
    n.fenced = fenced;
    n.attrs().info = std::move(info);
    return n;
}

node with_label(node_kind kind, std::string label, std::vector<node> children = {}) {
    node n = make(kind, std::move(children));
    n.attrs().label = std::move(label);
    return n;
}

node insertion(std::string place, std::vector<node> inlines) {
    node n = make(node_kind::insertion, std::move(inlines));
    n.attrs().place = std::move(place);
    return n;
}

std::string md(const node& document, bool fragment = false) {
    std::string out;
    string_sink sink(out);
    write_options options;
    options.fragment = fragment;
    write_markdown(document, options, sink);
    return out;
}

std::string md_para(std::vector<node> inlines) { return md(doc({para(std::move(inlines))})); }

}  // namespace

TEST_CASE("markdown: an empty document is empty", "[markdown]") {
    CHECK(md(doc({})) == "");
}

TEST_CASE("markdown: text escapes only what would be markup", "[markdown]") {
    CHECK(md_para({text("Plain words, 3 * 4 and a ~ b, snake_case, AT&T, 5 < 6, (b)(1).")}) ==
          "Plain words, 3 * 4 and a ~ b, snake_case, AT&T, 5 < 6, (b)(1).\n");
    CHECK(md_para({text("*em* _em_ `code` ~~del~~ <b> \\* &amp; &#32; {++ins++}")}) ==
          "\\*em\\* \\_em\\_ \\`code\\` \\~\\~del\\~\\~ \\<b> \\\\\\* \\&amp; \\&#32; \\{++ins++}\n");
    CHECK(md_para({text("[a](b) [^1] ![x] [c]: d [plain]")}) == "[a\\](b) \\[^1] \\![x] [c\\]: d [plain]\n");
    // *** and ~ with blanks on both sides are no delimiters; at the end of a paragraph neither
    CHECK(md_para({text("*** Quote ***")}) == "*** Quote ***\n");
    CHECK(md_para({text("stars ***x")}) == "stars \\*\\*\\*x\n");
}

TEST_CASE("markdown: line starts that would begin a block are escaped", "[markdown]") {
    CHECK(md_para({text("# not a heading"), soft(), text("- not an item"), soft(), text("+ nor this"), soft(),
                   text("1962. A year"), soft(), text("2) Nor this"), soft(), text("> no quote"), soft(),
                   text("==="), soft(), text("---"), soft(), text("|---|:-:|"), soft(), text("```"), soft(),
                   text("#hashtag and -dash")}) ==
          "\\# not a heading\n\\- not an item\n\\+ nor this\n1962\\. A year\n2\\) Nor this\n\\> no quote\n"
          "\\===\n\\---\n\\|---|:-:|\n\\`\\`\\`\n#hashtag and -dash\n");
}

TEST_CASE("markdown: blanks the parser would strip become character references", "[markdown]") {
    CHECK(md_para({text("  lead"), soft(), text("trail  "), soft(), text("end ")}) ==
          "&#32; lead\ntrail &#32;\nend&#32;\n");
    CHECK(md_para({text("line\none")}) == "line&#10;one\n");
}

TEST_CASE("markdown: headings are ATX unless they span lines", "[markdown]") {
    CHECK(md(doc({heading(2, {text("27 October")})})) == "## 27 October\n");
    CHECK(md(doc({heading(3, {})})) == "###\n");
    CHECK(md(doc({heading(1, {text("C #")})})) == "# C \\#\n");
    CHECK(md(doc({heading(1, {text("#")})})) == "# \\#\n");
    CHECK(md(doc({heading(1, {text("# inside")})})) == "# # inside\n");
    CHECK(md(doc({heading(2, {text("two"), soft(), text("lines")})})) == "two\nlines\n---\n");
}

TEST_CASE("markdown: emphasis, strong, code spans", "[markdown]") {
    CHECK(md_para({make(node_kind::emphasis, {text("a")}), text(" "), make(node_kind::strong, {text("b")})}) ==
          "*a* **b**\n");
    // emphasis that is all of a strong emphasis takes `_`
    CHECK(md_para({make(node_kind::strong, {make(node_kind::emphasis, {text("x")})})}) == "**_x_**\n");
    CHECK(md_para({literal(node_kind::code, "a`b")}) == "``a`b``\n");
    CHECK(md_para({literal(node_kind::code, "`tick")}) == "`` `tick ``\n");
    CHECK(md_para({literal(node_kind::code, " padded ")}) == "`  padded  `\n");
    CHECK(md_para({literal(node_kind::code, "  ")}) == "`  `\n");
}

TEST_CASE("markdown: links, autolinks, images", "[markdown]") {
    CHECK(md_para({link("/url", {text("text")}, "a \"title\"")}) == "[text](/url \"a \\\"title\\\"\")\n");
    CHECK(md_para({link("my file (1).pdf", {text("doc")})}) == "[doc](<my file (1).pdf>)\n");
    CHECK(md_para({link("", {text("empty")})}) == "[empty](<>)\n");
    CHECK(md_para({link("/a&amp;b", {text("x")})}) == "[x](/a&amp;amp;b)\n");
    CHECK(md_para({link("https://history.state.gov", {text("https://history.state.gov")})}) ==
          "<https://history.state.gov>\n");
    CHECK(md_para({link("mailto:foia@example.gov", {text("foia@example.gov")})}) == "<foia@example.gov>\n");
    node image = link("/seal.png", {text("seal")});
    image.kind = node_kind::image;
    CHECK(md_para({text("Look!"), image}) == "Look!![seal](/seal.png)\n");
    CHECK(md_para({text("Look!"), link("/u", {text("here")})}) == "Look\\![here](/u)\n");  // not an image
    CHECK(md_para({link("/u", {text("[1]")})}) == "[\\[1\\]](/u)\n");
}

TEST_CASE("markdown: lists keep their type, start, delimiter and tightness", "[markdown]") {
    CHECK(md(doc({list(true, {item({para({text("one")})}), item({para({text("two")})})})})) == "- one\n- two\n");
    CHECK(md(doc({list(false, {item({para({text("one")})}), item({para({text("two")}), para({text("more")})})},
                       list_type::ordered, 3, list_delimiter::paren)})) ==
          "3) one\n\n4) two\n\n   more\n");
    CHECK(md(doc({list(true, {item({para({text("a")}), list(true, {item({para({text("b")})})})})})})) ==
          "- a\n  - b\n");
    node done = item({para({text("done")})});
    done.task_checked = true;
    node todo = item({para({text("todo")})});
    todo.task_checked = false;
    CHECK(md(doc({list(true, {done, todo})})) == "- [x] done\n- [ ] todo\n");
    CHECK(md(doc({list(true, {item({})})})) == "-\n");
    // Two lists in a row alternate bullets; a list before an indented code block puts its
    // items' content past the code's indentation, so that the code does not continue its last item.
    CHECK(md(doc({list(true, {item({para({text("a")})})}), list(true, {item({para({text("b")})})})})) ==
          "- a\n\n+ b\n");
    CHECK(md(doc({list(true, {item({para({text("a")})})}), code_block("code\n", false)})) ==
          "-    a\n\n    code\n");
    CHECK(md(doc({list(true, {item({para({text("one")})})}), code_block(" two\n", false)})) ==
          " -    one\n\n     two\n");
}

TEST_CASE("markdown: a list after a list is never indented into it", "[markdown]") {
    // Indenting the markers (`   -    a`) put this bullet list inside item 8: writing the
    // canonical text again gave other text (fuzz_markdown, tests/fuzz/regressions/).
    node eight = list(true, {item({para({text("eight")})})}, list_type::ordered, 8, list_delimiter::paren);
    node bullets = list(true, {item({para({text("a")})}), item({})});
    CHECK(md(doc({eight, bullets, code_block("code\n", false)})) == "8) eight\n\n-    a\n-\n\n    code\n");
    // Only a last item that starts with indented code needs indented markers; the list before
    // it then puts its own content past them.
    node one = list(true, {item({para({text("a")})})}, list_type::ordered, 1, list_delimiter::period);
    node code_item = list(true, {item({code_block("code1\n", false)})});
    CHECK(md(doc({one, code_item, code_block("code2\n", false)})) ==
          "1.  a\n\n   -     code1\n\n    code2\n");
}

TEST_CASE("markdown: block quotes, code blocks, raw HTML, breaks", "[markdown]") {
    CHECK(md(doc({make(node_kind::block_quote, {para({text("a")}), para({text("b")})})})) == "> a\n>\n> b\n");
    CHECK(md(doc({make(node_kind::block_quote)})) == ">\n");
    CHECK(md(doc({code_block("x = 1\n```\n", true, "python")})) == "````python\nx = 1\n```\n````\n");
    CHECK(md(doc({code_block("a\n", true, "weird`info")})) == "~~~weird`info\na\n~~~\n");
    CHECK(md(doc({code_block("", true)})) == "```\n```\n");
    CHECK(md(doc({code_block("line 1\n\n  line 3\n", false)})) == "    line 1\n\n      line 3\n");
    CHECK(md(doc({literal(node_kind::html_block, "<div class=\"x\">\n<p>raw</p>\n</div>\n")})) ==
          "<div class=\"x\">\n<p>raw</p>\n</div>\n");
    CHECK(md_para({text("a"), literal(node_kind::html_inline, "<span>"), text("b")}) == "a<span>b\n");
    CHECK(md_para({text("one"), make(node_kind::line_break), text("two")}) == "one\\\ntwo\n");
    CHECK(md(doc({para({text("a")}), make(node_kind::thematic_break), para({text("b")})})) == "a\n\n***\n\nb\n");
}

TEST_CASE("markdown: tables keep alignment, pipes are escaped in cells", "[markdown]") {
    node table = make(node_kind::table);
    table.attrs().alignments = {table_alignment::none, table_alignment::left, table_alignment::center,
                                table_alignment::right};
    node header = make(node_kind::table_row,
                       {make(node_kind::table_cell, {text("a")}), make(node_kind::table_cell, {text("b")}),
                        make(node_kind::table_cell, {text("c")}), make(node_kind::table_cell, {text("d")})});
    header.level = 1;
    node row = make(node_kind::table_row, {make(node_kind::table_cell, {text("x|y")}),
                                          make(node_kind::table_cell, {literal(node_kind::code, "a|b")}),
                                          make(node_kind::table_cell), make(node_kind::table_cell, {text(" z ")})});
    table.children = {header, row};
    CHECK(md(doc({table})) == "| a | b | c | d |\n| --- | :-- | :-: | --: |\n| x\\|y | `a\\|b` |  | &#32;z&#32; |\n");
}

TEST_CASE("markdown: deletions, insertions, substitutions, super- and subscripts", "[markdown]") {
    node deletion = make(node_kind::deletion, {text("rapidly")});
    CHECK(md_para({text("forward "), deletion, text(" promptly")}) == "forward ~~rapidly~~ promptly\n");
    // `~~` could not open here (a letter before, punctuation after) nor hold a leading blank
    CHECK(md_para({text("word"), make(node_kind::deletion, {text("(s)")})}) == "word<del>(s)</del>\n");
    CHECK(md_para({make(node_kind::deletion, {text(" x")})}) == "<del> x</del>\n");
    // after punctuation `~~` closes only before a blank or punctuation
    CHECK(md_para({make(node_kind::deletion, {text("a.")}), text("b")}) == "<del>a.</del>b\n");
    CHECK(md_para({make(node_kind::deletion, {text("a.")}), text(" b")}) == "~~a.~~ b\n");
    node substitution = make(node_kind::substitution, {make(node_kind::deletion, {text("twenty-seventh")}),
                                                      text(" "), insertion("above", {text("twenty-eighth")})});
    CHECK(md_para({substitution}) == "~~twenty-seventh~~ <sup>twenty-eighth</sup>\n");
    CHECK(md_para({insertion("inline", {text("Perhaps now,")})}) == "<ins>Perhaps now,</ins>\n");
    CHECK(md_para({text("October 27"), make(node_kind::superscript, {text("th")}), text(", H"),
                   make(node_kind::subscript, {text("2")}), text("O")}) ==
          "October 27<sup>th</sup>, H<sub>2</sub>O\n");
    node strike = make(node_kind::strikethrough, {text("gone")});
    CHECK(md_para({strike}) == "~~gone~~\n");
}

TEST_CASE("markdown: redactions and record structure are written verbatim", "[markdown]") {
    node redaction = make(node_kind::redaction, {text("(b)(1) (b)(3) NatSecAct")});
    redaction.attrs().codes = {"(b)(1)", "(b)(3)"};
    CHECK(md_para({text("sites. "), redaction}) == "sites. (b)(1) (b)(3) NatSecAct\n");
    node placeholder = make(node_kind::redaction, {text("[1 line not declassified]")});
    placeholder.scheme = redaction_scheme::frus;
    CHECK(md_para({placeholder, text(" (see)")}) == "[1 line not declassified] (see)\n");
    // without the source text: the canonical spelling of what the node holds
    node frus = make(node_kind::redaction);
    frus.scheme = redaction_scheme::frus;
    frus.quantity = 3;
    frus.attrs().unit = "line";
    CHECK(md_para({frus}) == "[3 lines not declassified]\n");
    node bars = make(node_kind::redaction);
    bars.scheme = redaction_scheme::bars;
    bars.quantity = 4;
    CHECK(md_para({bars}) == "████\n");
    node codes = make(node_kind::redaction);
    codes.attrs().codes = {"(b)(1)", "(b)(3)"};
    CHECK(md_para({codes}) == "(b)(1) (b)(3)\n");

    node classification = make(node_kind::classification, {text("TOP SECRET")});
    node stamp = make(node_kind::stamp, {text("RELEASE IN PART B1,1.4(B)")});
    node dateline = make(node_kind::dateline, {text("Moscow, October 27, 1962.")});
    node salutation = make(node_kind::salutation, {text("Dear Mr. President:")});
    node closing = make(node_kind::closing, {text("Respectfully yours,")});
    node signature = make(node_kind::signature, {text("(s) NIKITA KHRUSHCHEV")});
    node mark = make(node_kind::portion_mark);
    mark.attrs().marking = "S//NF";
    CHECK(md(doc({classification, stamp, dateline, salutation, para({mark, text(" A source.")}), closing,
                  signature})) ==
          "TOP SECRET\n\nRELEASE IN PART B1,1.4(B)\n\nMoscow, October 27, 1962.\n\nDear Mr. President:\n\n"
          "(S//NF) A source.\n\nRespectfully yours,\n(s) NIKITA KHRUSHCHEV\n");

    node page = with_label(node_kind::page_break, "3");
    node source_note = make(node_kind::source_note, {text("Source: Lot 66 D 204.")});
    node part = make(node_kind::part, {para({make(node_kind::strong, {text("DRAFT FOLLOWS")})}),
                                       para({text("Dear Mr. Chairman:")})});
    part.attrs().subtype = "draft";
    CHECK(md(doc({para({text("end of page")}), page, source_note, make(node_kind::separator), part})) ==
          "end of page\n\n[Page 3]\n\nSource: Lot 66 D 204.\n\n***\n\n**DRAFT FOLLOWS**\n\nDear Mr. Chairman:\n");
    CHECK(md_para({text("a "), with_label(node_kind::page_break, "2"), text(" b")}) == "a [Page 2] b\n");
    // A separator typed `---` keeps its spelling, except on the first line, where it would open
    // front matter with the `---` under a later heading (found by fuzz_markdown).
    node dashes = make(node_kind::separator);
    dashes.attrs().written = "---";
    node setext = heading(2, {text("a"), make(node_kind::soft_break), text("b")});
    CHECK(md(doc({dashes, setext})) == "----\n\na\nb\n---\n");
    CHECK(md(doc({para({text("x")}), dashes})) == "x\n\n---\n");
}

TEST_CASE("markdown: editorial brackets put their brackets back", "[markdown]") {
    node gap = make(node_kind::gap, {text("2 words illegible")});
    node bare_gap = make(node_kind::gap);
    bare_gap.quantity = 3;
    bare_gap.attrs().unit = "line";
    node unclear = make(node_kind::unclear, {text("Ambassador")});
    node sic = make(node_kind::sic, {text("recieved")});
    node supplied = make(node_kind::supplied, {text("the")});
    node note = make(node_kind::editorial_note, {text("Editor's note: blank.")});
    CHECK(md_para({gap, text(" "), bare_gap, text(" "), unclear, text(" "), sic, text(" "), supplied, text(" "),
                   note}) ==
          "[2 words illegible] [3 lines illegible] [Ambassador?] recieved [sic] [the] [Editor's note: blank.]\n");
    // a `(` or `:` after a closing bracket stays text: no link, no link definition
    CHECK(md_para({supplied, text("(b)")}) == "[the]\\(b)\n");
}

TEST_CASE("markdown: notes are GFM calls with definitions at the end, labels kept", "[markdown]") {
    node first = with_label(node_kind::note, "1", {para({text("See Document 59.")})});
    node again = with_label(node_kind::note, "1");  // a second call of the same note: no body
    node mark = with_label(node_kind::note, "*", {para({text("On Friday."), soft(), text("Two letters.")}),
                                                 para({text("Second paragraph.")})});
    node spaced = with_label(node_kind::note, "two words", {para({text("Label not valid in GFM.")})});
    node unused = with_label(node_kind::note, "u", {para({text("Never called.")})});
    CHECK(md(doc({para({text("Thant"), first, text(" and "), again, text(" Letter"), mark, text(" x"), spaced}),
                  unused})) ==
          "Thant[^1] and [^1] Letter[^*] x[^note-1]\n\n"
          "[^1]: See Document 59.\n\n"
          "[^*]: On Friday.\n    Two letters.\n\n    Second paragraph.\n\n"
          "[^note-1]: Label not valid in GFM.\n\n"
          "[^u]: Never called.\n");
    // a note call right before `(` keeps the paren text
    CHECK(md_para({text("a"), first, text("(b)")}) == "a[^1]\\(b)\n\n[^1]: See Document 59.\n");
    // a body that starts with an indented code block starts on the next line
    node code_note = with_label(node_kind::note, "c", {code_block("code\n", false)});
    CHECK(md_para({text("a"), code_note}) == "a[^c]\n\n[^c]:\n        code\n");
    // plain GFM footnotes stay where the tree has them, labels as written
    CHECK(md(doc({para({text("a"), with_label(node_kind::footnote_reference, "Note")}),
                  with_label(node_kind::footnote_definition, "note", {para({text("Body.")})})})) ==
          "a[^Note]\n\n[^note]: Body.\n");
}

TEST_CASE("markdown: notes of different keys never share a label", "[markdown]") {
    auto note = [](std::string style, std::string label, std::vector<node> body = {}) {
        node n = with_label(node_kind::note, std::move(label), std::move(body));
        n.attrs().subtype = std::move(style);
        return n;
    };
    // A bracketed [1] (called) and a GFM [^1] (never called) were both written [^1], which read
    // back as `note.duplicate` (fuzz_markdown). The first written keeps the label.
    CHECK(md(doc({para({text("Text "), note("bracket", "1", {para({text("One.")})}), text(".")}),
                  note("gfm", "1", {para({text("a]")})})})) ==
          "Text [^1].\n\n[^1]: One.\n\n[^1-2]: a]\n");
    // Every call names its own note's label; a made-up label is none the document has.
    CHECK(md(doc({para({text("x"), note("sup", "1", {para({text("sup body")})}), text(" y"),
                        note("gfm", "1", {para({text("gfm body")})}), text(" z"), note("sup", "1"), text(" w"),
                        note("gfm", "1"), text(" v"), note("gfm", "1-2", {para({text("own")})})})})) ==
          "x[^1] y[^1-3] z[^1] w[^1-3] v[^1-2]\n\n[^1]: sup body\n\n[^1-3]: gfm body\n\n[^1-2]: own\n");
    // One key keeps one label: a second definition stays one (`note.duplicate`, as in the input),
    // and a call spelled in another case keeps its spelling.
    CHECK(md(doc({para({text("a"), note("gfm", "A", {para({text("First.")})}), text(" b"), note("gfm", "a")}),
                  note("gfm", "a", {para({text("Second.")})})})) ==
          "a[^A] b[^a]\n\n[^A]: First.\n\n[^a]: Second.\n");
    // A note called only from the body of a note never called is defined after that body.
    CHECK(md(doc({para({text("Text.")}),
                  note("gfm", "1", {para({text("uses"), note("gfm", "2", {para({text("two")})})})})})) ==
          "Text.\n\n[^1]: uses[^2]\n\n[^2]: two\n");
}

TEST_CASE("markdown: front matter from the document's metadata", "[markdown]") {
    node document = doc({para({text("Text.")})});
    document.attrs().metadata = {{"title", "Chronology: 27 October"},
                                 {"date", "1962-10-27"},
                                 {"tags", "[cuba, missiles]"},
                                 {"note", "null"},
                                 {"empty", ""},
                                 {"quote", "He said \"no\"\nthen left"},
                                 {"hash", "# 1"},
                                 {"plain", "Department of State, Lot 66 D 204"}};
    CHECK(md(document) ==
          "---\ntitle: \"Chronology: 27 October\"\ndate: 1962-10-27\ntags: [cuba, missiles]\nnote: \"null\"\n"
          "empty: \"\"\nquote: \"He said \\\"no\\\"\\nthen left\"\nhash: \"# 1\"\n"
          "plain: Department of State, Lot 66 D 204\n---\n\nText.\n");
    CHECK(md(document, true) == "Text.\n");
    // and it reads back
    auto parsed = parse(md(document));
    CHECK(parsed.document.attrs().metadata == document.attrs().metadata);
}

TEST_CASE("markdown: every kind is written without a word lost", "[markdown]") {
    // One node of every kind with a word inside where the kind may hold one.
    for (int k = 0; k < node_kind_count; ++k) {
        auto kind = static_cast<node_kind>(k);
        node n = make(kind);
        if (can_contain(kind, node_kind::text)) n.children = {text("word")};
        else if (can_contain(kind, node_kind::paragraph)) n.children = {para({text("word")})};
        else if (kind == node_kind::list) n.children = {item({para({text("word")})})};
        else if (kind == node_kind::table)
            n.children = {make(node_kind::table_row, {make(node_kind::table_cell, {text("word")})})};
        else if (kind == node_kind::table_row) n.children = {make(node_kind::table_cell, {text("word")})};
        else n.literal = "word";
        node document = is_inline(kind) ? doc({para({n})}) : doc({n});
        INFO(kind_name(kind));
        std::string out = md(document);
        bool wordless = kind == node_kind::soft_break || kind == node_kind::line_break ||
                        kind == node_kind::thematic_break || kind == node_kind::separator ||
                        kind == node_kind::portion_mark || kind == node_kind::page_break ||
                        kind == node_kind::footnote_reference || kind == node_kind::document;
        if (!wordless) CHECK(out.find("word") != std::string::npos);
    }
}
