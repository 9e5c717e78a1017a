// The TEI writer, tested on hand-built trees so that a parser bug cannot hide a writer bug.
// Validity against tei_all.rng is checked on real inputs by tests/tei.
#include <archmark/version.hpp>
#include <archmark/write.hpp>

#include <catch2/catch.hpp>

#include "tests/unit/tree_builders.hpp"
#include <pugixml.hpp>

#include <string>
#include <utility>
#include <vector>

using namespace archmark;
using namespace archmark::test;

namespace {


node heading(int level, std::string words) {
    node n = make(node_kind::heading, {text(std::move(words))});
    n.level = level;
    return n;
}

node labelled(node_kind kind, std::string label, std::vector<node> children = {}) {
    node n = make(kind, std::move(children));
    n.attrs().label = std::move(label);
    return n;
}

std::string tei(const node& document, write_options options = {}) {
    std::string out;
    string_sink sink(out);
    write_tei(document, options, sink);
    return out;
}

std::string fragment(const node& document) {
    write_options options;
    options.fragment = true;
    return tei(document, options);
}

// The header of a document without front matter; `class_decl` is the <classDecl> expected.
std::string header(std::string_view title, std::string_view class_decl = {}) {
    std::string out =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n"
        "  <teiHeader>\n"
        "    <fileDesc>\n"
        "      <titleStmt>\n"
        "        <title>" + std::string(title) + "</title>\n"
        "      </titleStmt>\n"
        "      <publicationStmt>\n"
        "        <p>Converted from archival Markdown by archmark " + std::string(version) + ".</p>\n"
        "      </publicationStmt>\n"
        "      <sourceDesc>\n"
        "        <p>A transcription in archival Markdown.</p>\n"
        "      </sourceDesc>\n"
        "    </fileDesc>\n";
    if (!class_decl.empty()) out += "    <encodingDesc>\n" + std::string(class_decl) + "    </encodingDesc>\n";
    out += "  </teiHeader>\n";
    return out;
}

}  // namespace

TEST_CASE("an empty document is a whole valid TEI document with one empty paragraph", "[tei]") {
    CHECK(tei(doc({})) == header("Untitled transcription") +
                              "  <text>\n"
                              "    <body>\n"
                              "      <p/>\n"
                              "    </body>\n"
                              "  </text>\n"
                              "</TEI>\n");
    CHECK(fragment(doc({})) == "<p/>\n");
}

TEST_CASE("the title comes from the options, else the first heading", "[tei]") {
    write_options options;
    options.title = "  Letter   from\nKhrushchev ";
    CHECK(tei(doc({heading(2, "Ignored")}), options).find("<title>Letter from Khrushchev</title>") !=
          std::string::npos);
    node h = heading(1, "Memorandum ");
    h.children.push_back(make(node_kind::emphasis, {text("for")}));
    h.children.push_back(text(" the <Record>"));
    CHECK(tei(doc({para({text("x")}), h})).find("<title>Memorandum for the &lt;Record&gt;</title>") !=
          std::string::npos);
}

TEST_CASE("headings open nested divs that close at the next heading of the same or a higher level", "[tei]") {
    node document = doc({para({text("Before.")}), heading(1, "One"), para({text("a")}),
                         heading(3, "Three"), heading(2, "Two"), para({text("b")}),
                         heading(1, "Again")});
    CHECK(fragment(document) ==
          "<p>Before.</p>\n"
          "<div>\n"
          "  <head>One</head>\n"
          "  <p>a</p>\n"
          "  <div>\n"
          "    <head>Three</head>\n"
          "  </div>\n"
          "  <div>\n"
          "    <head>Two</head>\n"
          "    <p>b</p>\n"
          "  </div>\n"
          "</div>\n"
          "<div>\n"
          "  <head>Again</head>\n"
          "</div>\n");
}

TEST_CASE("a heading where no div can open is an ab", "[tei]") {
    node quote = make(node_kind::block_quote, {heading(2, "Quoted"), para({text("q")})});
    CHECK(fragment(doc({quote})) == "<quote><ab type=\"heading\" n=\"2\">Quoted</ab><p>q</p></quote>\n");
}

TEST_CASE("a part is a div, and blocks after a closed div get a div of their own", "[tei]") {
    node part = make(node_kind::part, {heading(1, "Draft"), para({text("d")})});
    part.attrs().subtype = "draft";
    CHECK(fragment(doc({para({text("a")}), part, para({text("after")})})) ==
          "<p>a</p>\n"
          "<div type=\"draft\">\n"
          "  <div>\n"
          "    <head>Draft</head>\n"
          "    <p>d</p>\n"
          "  </div>\n"
          "</div>\n"
          "<div>\n"
          "  <p>after</p>\n"
          "</div>\n");
}

TEST_CASE("front matter gives the title, the source, the language and header notes; a dated heading holds a date", "[tei]") {
    node document = doc({heading(2, "27 October"), para({text("x")})});
    document.children[0].attrs().when = "--10-27";
    document.attrs().metadata = {{"source", "Department of State"}, {"title", "Chronology"}, {"archive", "NARA"},
                                 {"date", "1962-10-27"}, {"collection", "Lot 66 D 204"}, {"language", "en"},
                                 {"identifier", "frus-1"}, {"classification", "SECRET"}};
    CHECK(tei(document) ==
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:lang=\"en\">\n"
          "  <teiHeader>\n"
          "    <fileDesc>\n"
          "      <titleStmt>\n"
          "        <title>Chronology</title>\n"
          "      </titleStmt>\n"
          "      <publicationStmt>\n"
          "        <p>Converted from archival Markdown by archmark " + std::string(version) + ".</p>\n"
          "      </publicationStmt>\n"
          "      <notesStmt>\n"
          "        <note type=\"metadata\" n=\"collection\">Lot 66 D 204</note>\n"
          "      </notesStmt>\n"
          "      <sourceDesc>\n"
          "        <bibl><title>Chronology</title><date when=\"1962-10-27\">1962-10-27</date>"
          "<note type=\"source\">Department of State</note><orgName type=\"archive\">NARA</orgName>"
          "<idno>frus-1</idno><note type=\"classification\">SECRET</note></bibl>\n"
          "      </sourceDesc>\n"
          "    </fileDesc>\n"
          "    <profileDesc>\n"
          "      <langUsage>\n"
          "        <language ident=\"en\">en</language>\n"
          "      </langUsage>\n"
          "    </profileDesc>\n"
          "  </teiHeader>\n"
          "  <text>\n"
          "    <body>\n"
          "      <div>\n"
          "        <head><date when=\"--10-27\">27 October</date></head>\n"
          "        <p>x</p>\n"
          "      </div>\n"
          "    </body>\n"
          "  </text>\n"
          "</TEI>\n");
    // A language that is not a language tag is kept as a note.
    document.attrs().metadata = {{"language", "English (US)"}};
    std::string out = tei(document);
    CHECK(out.find("xml:lang") == std::string::npos);
    CHECK(out.find("<note type=\"metadata\" n=\"language\">English (US)</note>") != std::string::npos);
    CHECK(out.find("<langUsage>") == std::string::npos);
}

TEST_CASE("page breaks, notes and separators between blocks stay out of paragraphs and divs", "[tei]") {
    node part = make(node_kind::part, {para({text("p.s.")})});
    part.attrs().subtype = "postscript";
    node note = labelled(node_kind::note, "9", {para({text("Unused.")})});
    CHECK(fragment(doc({labelled(node_kind::page_break, "1"), para({text("a")}), part,
                        labelled(node_kind::page_break, "2"), make(node_kind::separator), note})) ==
          "<pb n=\"1\"/>\n"
          "<p>a</p>\n"
          "<div type=\"postscript\">\n"
          "  <p>p.s.</p>\n"
          "</div>\n"
          "<pb n=\"2\"/>\n"
          "<milestone unit=\"section\"/>\n"
          "<note place=\"foot\" n=\"9\" xml:id=\"d1fn1\">Unused.</note>\n");
}

TEST_CASE("a FOIA redaction is a gap pointing at its categories, declared in the header", "[tei]") {
    node r = redaction(redaction_scheme::foia, {"(b)(1)", "(b)(3)"}, "(b)(1)(b)(3)");
    node e = redaction(redaction_scheme::eo13526, {"25X1"}, "25X1");
    std::string out = tei(doc({para({text("The agent "), r, text(" met "), e, text(".")})}));
    CHECK(out == header("Untitled transcription",
                        "      <classDecl>\n"
                        "        <taxonomy xml:id=\"foia\">\n"
                        "          <desc>FOIA exemptions, 5 U.S.C. § 552(b)</desc>\n"
                        "          <category xml:id=\"foia-b1\" n=\"(b)(1)\">\n"
                        "            <catDesc>(b)(1): classified national security information</catDesc>\n"
                        "          </category>\n"
                        "          <category xml:id=\"foia-b3\" n=\"(b)(3)\">\n"
                        "            <catDesc>(b)(3): information exempted from disclosure by another statute</catDesc>\n"
                        "          </category>\n"
                        "        </taxonomy>\n"
                        "        <taxonomy xml:id=\"eo13526\">\n"
                        "          <desc>E.O. 13526 classification categories and exemptions</desc>\n"
                        "          <category xml:id=\"eo13526-x25X1\" n=\"25X1\">\n"
                        "            <catDesc>25X1: would reveal a human intelligence source or methods</catDesc>\n"
                        "          </category>\n"
                        "        </taxonomy>\n"
                        "      </classDecl>\n") +
                     "  <text>\n"
                     "    <body>\n"
                     "      <p>The agent <gap reason=\"redacted\" ana=\"#foia-b1 #foia-b3\"><desc type=\"exemption\">(b)(1)(b)(3)</desc></gap>"
                     " met <gap reason=\"redacted\" ana=\"#eo13526-x25X1\"><desc type=\"exemption\">25X1</desc></gap>.</p>\n"
                     "    </body>\n"
                     "  </text>\n"
                     "</TEI>\n");
    // No codes, no classDecl.
    CHECK(tei(doc({para({text("x")})})).find("classDecl") == std::string::npos);
}

TEST_CASE("placeholders, black bars and statutes carry their extent and words", "[tei]") {
    node line = redaction(redaction_scheme::frus, {}, "[1 line not declassified]");
    line.quantity = 1;
    line.attrs().unit = "line";
    node less = redaction(redaction_scheme::frus, {}, "[less than 1 line not declassified]");
    less.quantity = 1;
    less.attrs().unit = "line";
    less.at_most = true;
    node bars = redaction(redaction_scheme::bars, {}, "████");
    bars.quantity = 4;
    node statute = redaction(redaction_scheme::foia, {"(b)(3)"}, "(b)(3) CIAAct");
    statute.attrs().statute = "CIAAct";
    node unknown = redaction(redaction_scheme::generic, {"1.4(B)"}, "[REDACTED 1.4(B)]");
    CHECK(fragment(doc({para({line, less, bars, statute, unknown})})) ==
          "<p><gap reason=\"redacted\" quantity=\"1\" unit=\"line\"><desc>1 line not declassified</desc></gap>"
          "<gap reason=\"redacted\" atMost=\"1\" unit=\"line\"><desc>less than 1 line not declassified</desc></gap>"
          "<gap reason=\"redacted\" quantity=\"4\" unit=\"char\"><desc>████</desc></gap>"
          "<gap reason=\"redacted\" ana=\"#foia-b3\"><desc type=\"exemption\">(b)(3) CIAAct</desc>"
          "<desc type=\"statute\">CIAAct</desc></gap>"
          "<gap reason=\"redacted\" ana=\"#eo13526-s1.4B\"><desc>REDACTED 1.4(B)</desc></gap></p>\n");
}

TEST_CASE("a footnote call carries its definition; a second call points at it", "[tei]") {
    node definition = labelled(node_kind::footnote_definition, "a", {para({text("See Document 59.")})});
    node multi = labelled(node_kind::footnote_definition, "b",
                          {para({text("One.")}), para({text("Two.")})});
    node unused = labelled(node_kind::footnote_definition, "c", {para({text("Never called.")})});
    node self = labelled(node_kind::footnote_definition, "d",
                         {para({text("Me"), labelled(node_kind::footnote_reference, "d")})});
    node p = para({text("Call"), labelled(node_kind::footnote_reference, "a"), text(", again"),
                   labelled(node_kind::footnote_reference, "a"), text(", long"),
                   labelled(node_kind::footnote_reference, "b"), text(", self"),
                   labelled(node_kind::footnote_reference, "d"), text(", missing"),
                   labelled(node_kind::footnote_reference, "zz")});
    CHECK(fragment(doc({p, definition, multi, unused, self})) ==
          "<p>Call<note place=\"foot\" n=\"a\" xml:id=\"d1fn1\">See Document 59.</note>"
          ", again<ptr type=\"noteAnchor\" target=\"#d1fn1\"/>"
          ", long<note place=\"foot\" n=\"b\" xml:id=\"d1fn2\"><p>One.</p><p>Two.</p></note>"
          ", self<note place=\"foot\" n=\"d\" xml:id=\"d1fn3\">Me<ptr type=\"noteAnchor\" target=\"#d1fn3\"/></note>"
          ", missing[^zz]</p>\n"
          "<note place=\"foot\" n=\"c\" xml:id=\"d1fn4\">Never called.</note>\n");
}

TEST_CASE("footnotes nobody else calls and duplicate labels are kept", "[tei]") {
    node lonely = labelled(node_kind::footnote_definition, "me",
                           {para({text("Only I call me"), labelled(node_kind::footnote_reference, "me")})});
    node first = labelled(node_kind::footnote_definition, "x", {para({text("First.")})});
    node second = labelled(node_kind::footnote_definition, "x", {para({text("Second.")})});
    CHECK(fragment(doc({para({text("Call"), labelled(node_kind::footnote_reference, "x")}), first, second,
                        lonely})) ==
          "<p>Call<note place=\"foot\" n=\"x\" xml:id=\"d1fn1\">First.</note></p>\n"
          "<note place=\"foot\" n=\"x\" xml:id=\"d1fn2\">Second.</note>\n"
          "<note place=\"foot\" n=\"me\" xml:id=\"d1fn3\">Only I call me<ptr type=\"noteAnchor\" target=\"#d1fn3\"/></note>\n");
    // A body of notes only still has a block.
    CHECK(fragment(doc({lonely})) ==
          "<note place=\"foot\" n=\"me\" xml:id=\"d1fn1\">Only I call me<ptr type=\"noteAnchor\" target=\"#d1fn1\"/></note>\n"
          "<p/>\n");
}

TEST_CASE("a resolved note is written at its call", "[tei]") {
    node note = labelled(node_kind::note, "*", {text("On Friday.")});
    CHECK(fragment(doc({para({text("Letter"), note})})) ==
          "<p>Letter<note place=\"foot\" n=\"*\" xml:id=\"d1fn1\">On Friday.</note></p>\n");
}

TEST_CASE("lists: bulleted and numbered, tight items run in, task boxes", "[tei]") {
    node checked = make(node_kind::item, {para({text("done")})});
    checked.task_checked = true;
    node open = make(node_kind::item, {para({text("open")})});
    open.task_checked = false;
    node bullets = make(node_kind::list, {checked, open});
    bullets.tight = true;
    node numbered = make(node_kind::list, {make(node_kind::item, {para({text("a")}), para({text("b")})}),
                                           make(node_kind::item)});
    numbered.list = list_type::ordered;
    numbered.level = 7;
    CHECK(fragment(doc({bullets, numbered})) ==
          "<list rend=\"bulleted\">\n"
          "  <item rend=\"checked\">done</item>\n"
          "  <item rend=\"unchecked\">open</item>\n"
          "</list>\n"
          "<list rend=\"numbered\">\n"
          "  <item n=\"7\"><p>a</p><p>b</p></item>\n"
          "  <item n=\"8\"/>\n"
          "</list>\n");
}

TEST_CASE("tables: a label row and aligned cells", "[tei]") {
    auto cell = [](std::string words, table_alignment align) {
        node c = make(node_kind::table_cell, {text(std::move(words))});
        c.align = align;
        return c;
    };
    node head = make(node_kind::table_row, {cell("Name", table_alignment::left), cell("Code", table_alignment::none)});
    head.level = 1;
    node row = make(node_kind::table_row, {cell("x", table_alignment::left), make(node_kind::table_cell)});
    CHECK(fragment(doc({make(node_kind::table, {head, row})})) ==
          "<table>\n"
          "  <row role=\"label\"><cell rend=\"left\">Name</cell><cell>Code</cell></row>\n"
          "  <row><cell rend=\"left\">x</cell><cell/></row>\n"
          "</table>\n");
}

TEST_CASE("code, HTML and breaks keep their text", "[tei]") {
    node code = literal(node_kind::code_block, "int main() {}\n");
    code.attrs().info = "c++ {.numberLines}";
    code.fenced = true;
    CHECK(fragment(doc({code, literal(node_kind::html_block, "<div>\n"),
                        make(node_kind::thematic_break)})) ==
          "<ab type=\"code\" subtype=\"c++\" xml:space=\"preserve\">int main() {}\n</ab>\n"
          "<ab type=\"html\" xml:space=\"preserve\">&lt;div&gt;\n</ab>\n"
          "<milestone unit=\"section\"/>\n");
}

TEST_CASE("inlines: emphasis, code, links, images, breaks, raw HTML", "[tei]") {
    node link = make(node_kind::link, {text("a link")});
    link.attrs().destination = "http://example.com/a b?q=1&r=[2]#x#y";
    node empty_link = make(node_kind::link, {text("nowhere")});
    node image = make(node_kind::image, {text("alt "), make(node_kind::emphasis, {text("text")})});
    image.attrs().destination = "img.png";
    image.attrs().title = "Title";
    node scheme_like = make(node_kind::link, {text("odd")});
    scheme_like.attrs().destination = "foo):bar 100%";
    CHECK(fragment(doc({para({make(node_kind::emphasis, {text("em")}), make(node_kind::strong, {text("st")}),
                              literal(node_kind::code, "a<b"), make(node_kind::soft_break),
                              make(node_kind::line_break), link, empty_link, image, scheme_like,
                              literal(node_kind::html_inline, "<br>"),
                              make(node_kind::strikethrough, {text("gone")})})})) ==
          "<p><hi rend=\"italic\">em</hi><hi rend=\"strong\">st</hi><code>a&lt;b</code> <lb/>"
          "<ref target=\"http://example.com/a%20b?q=1&amp;r=%5B2%5D#x%23y\">a link</ref>"
          "<ref>nowhere</ref>"
          "<figure><graphic url=\"img.png\"><desc>Title</desc></graphic><figDesc>alt text</figDesc></figure>"
          "<ref target=\"foo)%3Abar%20100%25\">odd</ref>"
          "&lt;br&gt;<hi rend=\"strikethrough\">gone</hi></p>\n");
}

TEST_CASE("characters XML cannot carry become U+FFFD; the rest is escaped by pugixml", "[tei]") {
    CHECK(fragment(doc({para({text("a\x01" "b & <c> \"d\" \xEF\xBF\xBE \xFF")})})) ==
          "<p>a\xEF\xBF\xBD" "b &amp; &lt;c&gt; \"d\" \xEF\xBF\xBD \xEF\xBF\xBD</p>\n");
}

TEST_CASE("edits, editorial brackets and letter structure", "[tei]") {
    node subst = make(node_kind::substitution, {make(node_kind::insertion, {text("new")}), text(" "),
                                                make(node_kind::deletion, {text("old")})});
    node gap = make(node_kind::gap, {text("3 words illegible")});
    gap.quantity = 3;
    gap.attrs().unit = "word";
    gap.attrs().subtype = "illegible";
    node portion = make(node_kind::portion_mark);
    portion.attrs().marking = "S//NF";
    node inline_insertion = make(node_kind::insertion, {text("ins")});
    inline_insertion.attrs().place = "inline";
    CHECK(fragment(doc({para({subst, inline_insertion, text("26"), make(node_kind::superscript, {text("th")}),
                              text(" H"), make(node_kind::subscript, {text("2")}), text("O "),
                              make(node_kind::sic, {text("teh")}), make(node_kind::supplied, {text("a")}),
                              make(node_kind::unclear, {text("word")}), gap,
                              make(node_kind::editorial_note, {text("Editor's note")}),
                              labelled(node_kind::page_break, "2"), portion})})) ==
          "<p><subst><add place=\"above\">new</add> <del rend=\"strikethrough\">old</del></subst>"
          "<add place=\"inline\">ins</add>"
          "26<hi rend=\"superscript\">th</hi> H<hi rend=\"subscript\">2</hi>O "
          "<sic>teh</sic><supplied reason=\"omitted-in-original\">a</supplied><unclear cert=\"low\">word</unclear>"
          "<gap reason=\"illegible\" quantity=\"3\" unit=\"word\"><desc>3 words illegible</desc></gap>"
          "<note type=\"editorial\">Editor's note</note><pb n=\"2\"/><seg type=\"portionMark\" ana=\"#cls-S-NF\">(S//NF)</seg></p>\n");

    node stamp = make(node_kind::stamp, {text("RELEASE IN PART B1")});
    stamp.attrs().codes = {"(b)(1)"};
    stamp.attrs().subtype = "release";
    node banner = make(node_kind::classification, {text("SECRET")});
    banner.attrs().marking = "SECRET";
    node dateline = make(node_kind::dateline, {text("Moscow, October 27, 1962.")});
    dateline.attrs().place_name = "Moscow";
    dateline.attrs().when = "1962-10-27";
    dateline.attrs().written = "October 27, 1962";
    CHECK(fragment(doc({banner, dateline, make(node_kind::salutation, {text("Dear Sir:")}),
                        para({text("Text.")}), make(node_kind::closing, {text("Yours,")}),
                        make(node_kind::signature, {text("(s) N. K.")}),
                        make(node_kind::source_note, {text("Source: files.")}), stamp,
                        make(node_kind::separator)})) ==
          "<div type=\"letter\">\n"
          "  <fw type=\"classification\" place=\"top\" ana=\"#cls-SECRET\">SECRET</fw>\n"
          "  <opener>\n"
          "    <dateline><placeName>Moscow</placeName>, <date when=\"1962-10-27\">October 27, 1962</date>.</dateline>\n"
          "    <salute>Dear Sir:</salute>\n"
          "  </opener>\n"
          "  <p>Text.</p>\n"
          "  <closer>\n"
          "    <salute>Yours,</salute>\n"
          "    <signed>(s) N. K.</signed>\n"
          "  </closer>\n"
          "  <note type=\"source\">Source: files.</note>\n"
          "  <fw type=\"stamp\" subtype=\"release\" ana=\"#foia-b1\">RELEASE IN PART B1</fw>\n"
          "  <milestone unit=\"section\"/>\n"
          "</div>\n");
}

TEST_CASE("an opener after text starts a letter; text after a closer is a postscript", "[tei]") {
    node salute = make(node_kind::salutation, {text("Dear Sir:")});
    node signature = make(node_kind::signature, {text("(s) A")});
    CHECK(fragment(doc({para({text("Cover note.")}), salute, para({text("One.")}), signature,
                        para({text("P.S. Two.")}), salute, para({text("Three.")}), heading(1, "Next"),
                        para({text("Four.")})})) ==
          "<p>Cover note.</p>\n"
          "<div type=\"letter\">\n"
          "  <opener>\n"
          "    <salute>Dear Sir:</salute>\n"
          "  </opener>\n"
          "  <p>One.</p>\n"
          "  <closer>\n"
          "    <signed>(s) A</signed>\n"
          "  </closer>\n"
          "  <postscript>\n"
          "    <p>P.S. Two.</p>\n"
          "  </postscript>\n"
          "</div>\n"
          "<div type=\"letter\">\n"
          "  <opener>\n"
          "    <salute>Dear Sir:</salute>\n"
          "  </opener>\n"
          "  <p>Three.</p>\n"
          "</div>\n"
          "<div>\n"
          "  <head>Next</head>\n"
          "  <p>Four.</p>\n"
          "</div>\n");
}

TEST_CASE("a closer ends a letter that holds the text since the heading; the source note joins the head", "[tei]") {
    CHECK(fragment(doc({heading(2, "91. Message"), make(node_kind::dateline, {text("Moscow, 1962.")}),
                        para({text("Text.")}), make(node_kind::signature, {text("N. Khrushchev")}),
                        make(node_kind::source_note, {text("Source: Lot 66 D 204.")}),
                        heading(2, "92. Reply"), para({text("Reply.")})})) ==
          "<div>\n"
          "  <head>91. Message<note type=\"source\">Source: Lot 66 D 204.</note></head>\n"
          "  <div type=\"letter\">\n"
          "    <opener>\n"
          "      <dateline>Moscow, 1962.</dateline>\n"
          "    </opener>\n"
          "    <p>Text.</p>\n"
          "    <closer>\n"
          "      <signed>N. Khrushchev</signed>\n"
          "    </closer>\n"
          "  </div>\n"
          "</div>\n"
          "<div>\n"
          "  <head>92. Reply</head>\n"
          "  <p>Reply.</p>\n"
          "</div>\n");
}

TEST_CASE("letter lines inside a quote stay blocks of their own", "[tei]") {
    node dateline = make(node_kind::dateline, {text("Moscow, October 27, 1962.")});
    dateline.attrs().place_name = "Moscow";
    dateline.attrs().when = "1962-10-27";
    dateline.attrs().written = "October 27, 1962";
    CHECK(fragment(doc({make(node_kind::block_quote, {dateline, make(node_kind::signature, {text("(s) K")})})})) ==
          "<quote><ab type=\"dateline\"><placeName>Moscow</placeName>, <date when=\"1962-10-27\">October 27, 1962</date>."
          "</ab><ab type=\"signature\">(s) K</ab></quote>\n");
}

TEST_CASE("what TEI cannot express is kept as text and reported at its span", "[tei]") {
    node raw = literal(node_kind::html_inline, "<span>");
    raw.span = {10, 16, 2, 3, 2, 9};
    node titled = link("https://example.org", {text("site")}, "The title");
    titled.span = {20, 50, 3, 1, 3, 31};
    std::string out;
    string_sink sink(out);
    std::vector<diagnostic> diagnostics;
    write_options options;
    options.fragment = true;
    write_tei(doc({para({raw, titled})}), options, sink, diagnostics);
    CHECK(out == "<p>&lt;span&gt;<ref target=\"https://example.org\">site</ref></p>\n");
    REQUIRE(diagnostics.size() == 2);
    CHECK(format_diagnostic(diagnostics[0], "f.md") ==
          "f.md:2:3: warning: raw HTML is kept as text in TEI [output.unsupported]");
    CHECK(format_diagnostic(diagnostics[1], "f.md") ==
          "f.md:3:1: warning: a link title has no TEI form; the link is written without it [output.unsupported]");
}

// Trees parse() never returns (a kind where it cannot stand) must still give well-formed XML.
TEST_CASE("every node kind, anywhere, gives well-formed XML", "[tei]") {
    for (int k = 0; k < node_kind_count; ++k) {
        auto kind = static_cast<node_kind>(k);
        node n = make(kind, {text("words")});
        node block_level = doc({n});
        node inline_level = doc({para({text("a"), n})});
        for (const node* d : {&block_level, &inline_level}) {
            for (bool fragment_only : {false, true}) {
                write_options options;
                options.fragment = fragment_only;
                std::string out = tei(*d, options);
                pugi::xml_document parsed;
                std::string wrapped = fragment_only ? "<body>" + out + "</body>" : out;
                INFO(kind_name(kind) << ": " << out);
                CHECK(parsed.load_string(wrapped.c_str()));
                if (can_contain(kind, node_kind::text)) CHECK(out.find("words") != std::string::npos);
                CHECK(out.back() == '\n');
            }
        }
    }
}
