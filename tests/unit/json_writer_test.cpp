// The JSON writer, tested on hand-built trees; the output is read back with nlohmann::json.
#include <archmark/write.hpp>

#include <catch2/catch.hpp>

#include "tests/unit/tree_builders.hpp"
#include <nlohmann/json.hpp>

#include <string>
#include <utility>
#include <vector>

using namespace archmark;
using namespace archmark::test;
using nlohmann::json;

namespace {

source_span span(std::uint32_t begin, std::uint32_t end, std::uint32_t line, std::uint32_t column,
                 std::uint32_t end_line, std::uint32_t end_column) {
    return {begin, end, line, column, end_line, end_column};
}

std::string write(const node& document, const std::vector<diagnostic>& diagnostics = {}) {
    std::string out;
    string_sink sink(out);
    write_json(document, diagnostics, {}, sink);
    return out;
}

json read(const node& document, const std::vector<diagnostic>& diagnostics = {}) {
    return json::parse(write(document, diagnostics));
}

// The JSON of the document's first child (or its first child's first child, ...).
json first(const node& block, int depth = 1) {
    json j = read(make(node_kind::document, {block}))["children"][0];
    for (int i = 1; i < depth; ++i) j = j["children"][0];
    return j;
}

}  // namespace

TEST_CASE("a redaction in a paragraph, exactly", "[json]") {
    // "A (b)(1) B\n": offsets 0..11.
    node r = make(node_kind::redaction, {text("(b)(1)")});
    r.span = span(2, 8, 1, 3, 1, 9);
    r.children[0].span = r.span;
    r.attrs().codes = {"(b)(1)"};
    node a = text("A ");
    a.span = span(0, 2, 1, 1, 1, 3);
    node b = text(" B");
    b.span = span(8, 10, 1, 9, 1, 11);
    node p = make(node_kind::paragraph, {a, r, b});
    p.span = span(0, 10, 1, 1, 1, 11);
    node document = make(node_kind::document, {p});
    document.span = span(0, 11, 1, 1, 2, 1);
    diagnostic d;
    d.id = rule::redaction_near_miss;
    d.level = severity::warning;
    d.span = span(9, 10, 1, 10, 1, 11);
    d.message = "a \"quoted\" message";
    d.help = "did you mean `(b)(1)`?";
    auto at = [](const char* s, const char* e) {
        return std::string("\"span\":{\"start\":") + s + ",\"end\":" + e + "}";
    };
    CHECK(write(document, {d}) ==
          "{\"version\":1,\"type\":\"document\"," +
              at("{\"offset\":0,\"line\":1,\"column\":1}", "{\"offset\":11,\"line\":2,\"column\":1}") +
              ",\"children\":[{\"type\":\"paragraph\"," +
              at("{\"offset\":0,\"line\":1,\"column\":1}", "{\"offset\":10,\"line\":1,\"column\":11}") +
              ",\"children\":[{\"type\":\"text\"," +
              at("{\"offset\":0,\"line\":1,\"column\":1}", "{\"offset\":2,\"line\":1,\"column\":3}") +
              ",\"literal\":\"A \"},{\"type\":\"redaction\"," +
              at("{\"offset\":2,\"line\":1,\"column\":3}", "{\"offset\":8,\"line\":1,\"column\":9}") +
              ",\"children\":[{\"type\":\"text\"," +
              at("{\"offset\":2,\"line\":1,\"column\":3}", "{\"offset\":8,\"line\":1,\"column\":9}") +
              ",\"literal\":\"(b)(1)\"}],\"scheme\":\"foia\",\"codes\":[\"(b)(1)\"],\"statute\":null,"
              "\"quantity\":null,\"unit\":null},{\"type\":\"text\"," +
              at("{\"offset\":8,\"line\":1,\"column\":9}", "{\"offset\":10,\"line\":1,\"column\":11}") +
              ",\"literal\":\" B\"}]}],\"metadata\":{},\"diagnostics\":[{\"rule\":\"redaction.near-miss\",\"severity\":\"warning\","
              "\"message\":\"a \\\"quoted\\\" message\",\"help\":\"did you mean `(b)(1)`?\"," +
              at("{\"offset\":9,\"line\":1,\"column\":10}", "{\"offset\":10,\"line\":1,\"column\":11}") +
              "}]}\n");
}

TEST_CASE("the document: version, type, span, no children when empty, diagnostics always", "[json]") {
    std::string out = write(make(node_kind::document));
    CHECK(out.back() == '\n');
    CHECK(out.find('\n') == out.size() - 1);  // compact: one line
    json j = json::parse(out);
    CHECK(j["version"] == json_format_version);
    CHECK(j["type"] == "document");
    CHECK_FALSE(j.contains("children"));
    CHECK(j["diagnostics"] == json::array());
    CHECK(j["span"]["end"]["offset"] == 0);
    CHECK(j["metadata"] == json::object());

    node with_front_matter = make(node_kind::document);
    with_front_matter.attrs().metadata = {{"title", "Letter"}, {"date", "1962-10-27"}};
    std::string front = write(with_front_matter);
    CHECK(front.find(R"("metadata":{"title":"Letter","date":"1962-10-27"})") != std::string::npos);

    diagnostic d;
    d.id = rule::input_utf8;
    d.level = severity::error;
    d.message = "bad byte";
    json diagnostics = read(make(node_kind::document), {d})["diagnostics"];
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0]["rule"] == "input.utf8");
    CHECK(diagnostics[0]["severity"] == "error");
    CHECK_FALSE(diagnostics[0].contains("help"));
}

TEST_CASE("spans: offsets, lines and columns of start and end", "[json]") {
    node p = make(node_kind::paragraph);
    p.span = span(3, 17, 2, 4, 3, 5);
    json s = first(p)["span"];
    CHECK(s == json::parse(R"({"start":{"offset":3,"line":2,"column":4},"end":{"offset":17,"line":3,"column":5}})"));
}

TEST_CASE("block payloads: heading, list, item, code block, table", "[json]") {
    node h = make(node_kind::heading, {text("T")});
    h.level = 3;
    CHECK(first(h)["level"] == 3);
    CHECK(first(h)["children"][0]["literal"] == "T");

    node ordered = make(node_kind::list, {make(node_kind::item)});
    ordered.list = list_type::ordered;
    ordered.level = 7;
    ordered.delimiter = list_delimiter::paren;
    ordered.tight = true;
    json l = first(ordered);
    CHECK(l["list_type"] == "ordered");
    CHECK(l["start"] == 7);
    CHECK(l["delimiter"] == "paren");
    CHECK(l["tight"] == true);
    CHECK_FALSE(l["children"][0].contains("task"));
    CHECK_FALSE(l["children"][0].contains("children"));

    node task = make(node_kind::item);
    task.task_checked = false;
    node bullets = make(node_kind::list, {task});
    json b = first(bullets);
    CHECK(b["list_type"] == "bullet");
    CHECK(b["start"].is_null());
    CHECK(b["delimiter"].is_null());
    CHECK(b["tight"] == false);
    CHECK(b["children"][0]["task"] == false);

    node code = make(node_kind::code_block);
    code.literal = "x\n";
    code.attrs().info = "python";
    code.fenced = true;
    json c = first(code);
    CHECK(c["literal"] == "x\n");
    CHECK(c["info"] == "python");
    CHECK(c["fenced"] == true);

    node cell = make(node_kind::table_cell, {text("a")});
    cell.align = table_alignment::center;
    node row = make(node_kind::table_row, {cell, make(node_kind::table_cell)});
    row.level = 1;
    node table = make(node_kind::table, {row, make(node_kind::table_row)});
    table.attrs().alignments = {table_alignment::center, table_alignment::none, table_alignment::left,
                        table_alignment::right};
    json t = first(table);
    CHECK(t["alignments"] == json::parse(R"(["center",null,"left","right"])"));
    CHECK(t["children"][0]["header"] == true);
    CHECK(t["children"][1]["header"] == false);
    CHECK(t["children"][0]["children"][0]["align"] == "center");
    CHECK(t["children"][0]["children"][1]["align"].is_null());
}

TEST_CASE("inline payloads: literals, links, images, footnotes", "[json]") {
    node link = make(node_kind::link, {text("here")});
    link.attrs().destination = "http://example.com";
    node image = make(node_kind::image);
    image.attrs().destination = "x.png";
    image.attrs().title = "A title";
    node code = make(node_kind::code);
    code.literal = "a`b";
    node html = make(node_kind::html_inline);
    html.literal = "<br>";
    node reference = make(node_kind::footnote_reference);
    reference.attrs().label = "1";
    json p = first(make(node_kind::paragraph, {link, image, code, html, reference, make(node_kind::soft_break)}));
    CHECK(p["children"][0]["type"] == "link");
    CHECK(p["children"][0]["destination"] == "http://example.com");
    CHECK(p["children"][0]["title"].is_null());
    CHECK(p["children"][1]["title"] == "A title");
    CHECK(p["children"][2]["literal"] == "a`b");
    CHECK(p["children"][3]["literal"] == "<br>");
    CHECK(p["children"][4]["label"] == "1");
    CHECK(p["children"][5] == json::parse(R"({"type":"soft_break","span":{"start":{"offset":0,"line":0,"column":0},"end":{"offset":0,"line":0,"column":0}}})"));

    node definition = make(node_kind::footnote_definition, {make(node_kind::paragraph)});
    definition.attrs().label = "note";
    CHECK(first(definition)["label"] == "note");
}

TEST_CASE("redactions: nulls for what is absent, at_most only when set", "[json]") {
    node frus = make(node_kind::redaction, {text("[less than 1 line not declassified]")});
    frus.scheme = redaction_scheme::frus;
    frus.quantity = 1;
    frus.attrs().unit = "line";
    frus.at_most = true;
    json f = first(make(node_kind::paragraph, {frus}), 2);
    CHECK(f["scheme"] == "frus");
    CHECK(f["codes"].is_null());
    CHECK(f["statute"].is_null());
    CHECK(f["quantity"] == 1);
    CHECK(f["unit"] == "line");
    CHECK(f["at_most"] == true);

    node foia = make(node_kind::redaction);
    foia.attrs().codes = {"(b)(3)", "(b)(7)(C)"};
    foia.attrs().statute = "50 USC 403g";
    json o = first(make(node_kind::paragraph, {foia}), 2);
    CHECK(o["scheme"] == "foia");
    CHECK(o["codes"] == json::parse(R"j(["(b)(3)","(b)(7)(C)"])j"));
    CHECK(o["statute"] == "50 USC 403g");
    CHECK(o["quantity"].is_null());
    CHECK(o["unit"].is_null());
    CHECK_FALSE(o.contains("at_most"));
    CHECK_FALSE(o.contains("children"));

    for (auto [scheme, name] : {std::pair{redaction_scheme::eo13526, "eo13526"},
                                std::pair{redaction_scheme::generic, "generic"},
                                std::pair{redaction_scheme::bars, "bars"}}) {
        node r = make(node_kind::redaction);
        r.scheme = scheme;
        CHECK(first(make(node_kind::paragraph, {r}), 2)["scheme"] == name);
    }
}

TEST_CASE("archival payloads: edits, letter structure, notes, gaps", "[json]") {
    node insertion = make(node_kind::insertion, {text("new")});
    insertion.attrs().place = "above";
    node portion = make(node_kind::portion_mark);
    portion.attrs().marking = "S//NF";
    node gap = make(node_kind::gap, {text("3 words illegible")});
    gap.attrs().subtype = "illegible";
    gap.quantity = 3;
    gap.attrs().unit = "word";
    node bare_gap = make(node_kind::gap);
    node note = make(node_kind::note, {text("See Document 59.")});
    note.attrs().label = "1";
    note.attrs().subtype = "sup";
    node page = make(node_kind::page_break);
    page.attrs().label = "2";
    json p = read(make(node_kind::document,
                       {make(node_kind::paragraph, {insertion, portion, gap, bare_gap, note, page})}))
                 ["children"][0]["children"];
    CHECK(p[0]["place"] == "above");
    CHECK(p[1]["marking"] == "S//NF");
    CHECK(p[2]["reason"] == "illegible");
    CHECK(p[2]["quantity"] == 3);
    CHECK(p[2]["unit"] == "word");
    CHECK(p[3]["reason"].is_null());
    CHECK(p[3]["quantity"].is_null());
    CHECK(p[3]["unit"].is_null());
    CHECK(p[4]["label"] == "1");
    CHECK(p[4]["style"] == "sup");
    CHECK(p[5]["label"] == "2");

    node dateline = make(node_kind::dateline, {text("Moscow, October 27, 1962.")});
    dateline.attrs().place_name = "Moscow";
    dateline.attrs().when = "1962-10-27";
    CHECK(first(dateline)["place_name"] == "Moscow");
    CHECK(first(dateline)["when"] == "1962-10-27");
    CHECK(first(make(node_kind::dateline))["place_name"].is_null());
    CHECK(first(make(node_kind::dateline))["when"].is_null());

    node heading = make(node_kind::heading, {text("27 October")});
    heading.level = 2;
    heading.attrs().when = "--10-27";
    CHECK(first(heading)["when"] == "--10-27");
    heading.attrs().when.clear();
    CHECK_FALSE(first(heading).contains("when"));

    node part = make(node_kind::part);
    part.attrs().subtype = "draft";
    CHECK(first(part)["kind"] == "draft");
    node classification = make(node_kind::classification, {text("TOP SECRET")});
    classification.attrs().marking = "TOP SECRET";
    CHECK(first(classification)["marking"] == "TOP SECRET");
    node stamp = make(node_kind::stamp, {text("RELEASE IN PART B1")});
    stamp.attrs().subtype = "release";
    stamp.attrs().codes = {"(b)(1)"};
    CHECK(first(stamp)["kind"] == "release");
    CHECK(first(stamp)["codes"] == json::parse(R"j(["(b)(1)"])j"));
    CHECK(first(make(node_kind::stamp))["codes"].is_null());
}

TEST_CASE("strings: escapes, non-ASCII kept, invalid UTF-8 replaced", "[json]") {
    std::string nasty = "quote \" backslash \\ newline \n tab \t cr \r bell \x07 unit \x1f del \x7f "
                        "é → 😀 \xE2\x80\xA8";
    std::string out = write(make(node_kind::document, {make(node_kind::paragraph, {text(nasty)})}));
    std::string escaped = "quote \\\" backslash \\\\ newline \\n tab \\t cr \\r bell \\u0007 unit \\u001f del ";
    CHECK(out.find(escaped) != std::string::npos);
    CHECK(json::parse(out)["children"][0]["children"][0]["literal"] == nasty);

    // Lone continuation byte, truncated sequence, overlong form, surrogate, above U+10FFFF.
    std::string invalid = "a\x80" "b\xE2\x82" "c\xC0\xAF" "d\xED\xA0\x80" "e\xF4\x90\x80\x80" "f";
    std::string replaced = first(make(node_kind::paragraph, {text(invalid)}), 2)["literal"];
    const std::string r = "\xEF\xBF\xBD";
    CHECK(replaced == "a" + r + "b" + r + r + "c" + r + r + "d" + r + r + r + "e" + r + r + r + r + "f");
}

TEST_CASE("large output reaches the sink whole, in chunks", "[json]") {
    struct counting_sink final : output_sink {
        std::string all;
        int writes = 0;
        void write(std::string_view bytes) override { all.append(bytes); ++writes; }
    } sink;
    node document = make(node_kind::document);
    for (int i = 0; i < 5000; ++i)
        document.children.push_back(make(node_kind::paragraph, {text("paragraph " + std::to_string(i))}));
    write_json(document, {}, {}, sink);
    CHECK(sink.writes > 1);
    json j = json::parse(sink.all);
    CHECK(j["children"].size() == 5000);
    CHECK(j["children"][4999]["children"][0]["literal"] == "paragraph 4999");
}

TEST_CASE("every node kind has its snake_case type", "[json]") {
    for (int k = 0; k < node_kind_count; ++k) {
        auto kind = static_cast<node_kind>(k);
        json j = first(make(kind, {text("x")}));
        CHECK(j["type"] == std::string(kind_name(kind)));
        CHECK(j["children"][0]["literal"] == "x");
    }
}
