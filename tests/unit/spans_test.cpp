// Source spans: every node points at the exact source text, inline nodes included.
#include "tests/unit/test_support.hpp"

#include "src/parse/source_map.hpp"
#include "tests/support/spec_file.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

namespace {

using namespace archmark;

// The markdown inputs of a spec file.
std::vector<std::string> spec_inputs(const std::string& path) {
    std::vector<std::string> inputs;
    for (auto& example : test::read_spec_examples(path)) inputs.push_back(std::move(example.markdown));
    return inputs;
}

// Checks that every text-like node's span holds exactly its literal (escapes and entity
// references resolved), and that a redaction's span holds its text.
void check_spans(const node& n, std::string_view source, int& checked) {
    if (n.kind == node_kind::text || n.kind == node_kind::html_inline) {
        INFO(dump_node(n));
        CHECK(detail::align_literal(source, n.span.begin, n.span.end, n.literal, nullptr) == n.span.end);
        ++checked;
    }
    if (n.kind == node_kind::redaction) {
        REQUIRE(n.children.size() == 1);
        CHECK(source.substr(n.span.begin, n.span.end - n.span.begin) == n.children[0].literal);
    }
    for (const auto& c : n.children) check_spans(c, source, checked);
}

std::vector<std::string> sample_files() {
    std::vector<std::string> files;
    for (const auto& e : std::filesystem::directory_iterator(test::source_path("samples")))
        if (e.path().extension() == ".md") files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

TEST_CASE("every text run of the samples and the GFM examples points at its source", "[spans]") {
    std::vector<std::string> inputs;
    for (const auto& file : sample_files()) inputs.push_back(test::read_file(file));
    for (const char* spec : {"tests/conformance/gfm-spec.txt", "tests/conformance/gfm-extensions.txt"})
        for (auto& input : spec_inputs(test::source_path(spec))) inputs.push_back(std::move(input));
    REQUIRE(inputs.size() > 700);
    int checked = 0;
    for (bool archival : {false, true}) {
        for (const auto& input : inputs) {
            INFO(input);
            parse_options options;
            options.archival = archival;
            options.autolink = true;
            auto result = parse(input, options);
            CHECK(check_invariants(result.document, input).empty());
            check_spans(result.document, input, checked);
        }
    }
    CHECK(checked > 2800);
}

TEST_CASE("spans on seed 000", "[spans][seeds]") {
    auto text = test::read_file(test::source_path("samples/1962-10-27-chronology-and-khrushchev-message.md"));
    auto doc = parse(text).document;
    REQUIRE(doc.children.size() >= 4);
    CHECK(dump_node(doc) == "document 1:1-31:30");
    CHECK(dump_node(doc.children[0]) == R"(classification 1:1-1:14 marking="TOP SECRET")");
    CHECK(dump_node(doc.children[0].children[0]) == R"(text 1:4-1:14 "TOP SECRET")");
    parse_options plain;
    plain.archival = false;  // the archival pass pairs the tags into one node
    CHECK(test::nodes_of(parse(text, plain).document, node_kind::html_inline) ==
          std::vector<std::string>{R"(html_inline 21:83-21:88 "<sup>")", R"(html_inline 21:89-21:95 "</sup>")",
                                   R"(html_inline 31:1-31:6 "<sup>")", R"(html_inline 31:7-31:13 "</sup>")"});
    const node& heading = doc.children[0];
    CHECK(heading.span.begin == 0);
    CHECK(heading.span.end == 13);
}

TEST_CASE("breaks, code spans, links and emphasis get spans", "[spans]") {
    auto dump = dump_ast(parse("a *b* `c`  \nd [e](f \"t\") <http://x>\\\ng\n").document);
    CHECK(dump ==
          "document 1:1-4:1\n"
          "  paragraph 1:1-3:2\n"
          "    text 1:1-1:3 \"a \"\n"
          "    emphasis 1:3-1:6\n"
          "      text 1:4-1:5 \"b\"\n"
          "    text 1:6-1:7 \" \"\n"
          "    code 1:7-1:10 \"c\"\n"
          "    line_break 1:10-2:1\n"
          "    text 2:1-2:3 \"d \"\n"
          "    link 2:3-2:13 destination=\"f\" title=\"t\"\n"
          "      text 2:4-2:5 \"e\"\n"
          "    text 2:13-2:14 \" \"\n"
          "    link 2:14-2:24 destination=\"http://x\"\n"
          "      text 2:15-2:23 \"http://x\"\n"
          "    line_break 2:24-3:1\n"
          "    text 3:1-3:2 \"g\"\n");
}

TEST_CASE("a byte order mark is dropped and CRLF accepted", "[spans][input]") {
    auto bom = parse("\xEF\xBB\xBFHello (b)(1)");
    CHECK(bom.diagnostics.empty());
    REQUIRE(bom.document.children.size() == 1);
    const node& para = bom.document.children[0];
    CHECK(dump_node(para.children[0]) == R"(text 1:1-1:7 "Hello ")");
    CHECK(para.children[0].span.begin == 3);
    CHECK(test::nodes_of(bom.document, node_kind::redaction) ==
          std::vector<std::string>{R"~(redaction 1:7-1:13 scheme=foia codes=["(b)(1)"])~"});

    auto crlf = parse("a\r\nb (b)(1)\r\n\r\n# H\r\n");
    CHECK(test::nodes_of(crlf.document, node_kind::redaction) ==
          std::vector<std::string>{R"~(redaction 2:3-2:9 scheme=foia codes=["(b)(1)"])~"});
    CHECK(test::nodes_of(crlf.document, node_kind::heading) == std::vector<std::string>{"heading 4:1-4:4 level=1"});
}

TEST_CASE("input that is not UTF-8 is rejected with its position", "[input]") {
    using V = std::vector<std::string>;
    CHECK(test::diagnostics("ab\xFF") == V{"1:3: error: invalid UTF-8 byte at byte offset 2 [input.utf8]"});
    CHECK(test::diagnostics("x\ny\xC0\x80") == V{"2:2: error: invalid UTF-8 byte at byte offset 3 [input.utf8]"});
    CHECK(test::diagnostics("\xED\xA0\x80") == V{"1:1: error: invalid UTF-8 sequence at byte offset 0 [input.utf8]"});
    CHECK(test::diagnostics("é\xE2\x82") == V{"1:2: error: truncated UTF-8 sequence at byte offset 2 [input.utf8]"});
    CHECK(test::diagnostics("\xF4\x90\x80\x80") == V{"1:1: error: invalid UTF-8 sequence at byte offset 0 [input.utf8]"});
    CHECK(test::diagnostics("\xFF\xFEh\0i\0") ==
          V{"1:1: error: UTF-16 text (byte order mark); convert it to UTF-8 at byte offset 0 [input.utf8]"});
    auto rejected = parse("ok\xFF");
    CHECK_FALSE(rejected.ok());
    CHECK(rejected.document.kind == node_kind::document);
    CHECK(rejected.document.children.empty());
}

TEST_CASE("NUL bytes are reported and the input gets no tree", "[input]") {
    using namespace std::string_literals;
    auto result = parse("a\0b\0"s);
    CHECK_FALSE(result.ok());
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(format_diagnostic(result.diagnostics[0], "f.md") ==
          "f.md:1:2: error: NUL byte at byte offset 1 (2 in the input) [input.nul]");
    CHECK(result.document.children.empty());
    // Found by fuzz_parse: cmark-gfm reads a NUL as U+FFFD (three bytes for one), and the spans
    // of a substitution after it overlapped.
    auto substitution = parse("{~~\0d~>~~}\n"s);
    REQUIRE(substitution.diagnostics.size() == 1);
    CHECK(substitution.diagnostics[0].id == rule::input_nul);
    CHECK(substitution.document.children.empty());
}
