// The structure rules of `archmark check` (lint.hpp) and the rule table (rules.hpp). Paragraph and
// list rules run on parsed Markdown (cmark-gfm's blocks); the signature rule runs on hand-built
// trees, so that it is tested whatever the letter pass recognizes.
#include "tests/unit/test_support.hpp"

#include <archmark/lint.hpp>
#include <archmark/rules.hpp>

#include <catch2/catch.hpp>

#include <set>

using V = std::vector<std::string>;

namespace {

// lint() of `text` as `line:col: severity: message [rule-id]`; `with_source` passes the text.
V lint_of(std::string_view text, bool with_source = true) {
    auto parsed = archmark::parse(text);
    V out;
    for (const auto& d : archmark::lint(parsed.document, with_source ? text : std::string_view{}))
        out.push_back(archmark::format_diagnostic(d, ""));
    return out;
}

// Hand-built blocks: one node a line, at `line`.
archmark::node block(archmark::node_kind kind, std::uint32_t line, std::string_view text = {}) {
    archmark::node n;
    n.kind = kind;
    n.span = {line * 100, line * 100 + static_cast<std::uint32_t>(text.size()), line, 1, line,
              static_cast<std::uint32_t>(text.size()) + 1};
    if (!text.empty()) {
        archmark::node t;
        t.kind = archmark::node_kind::text;
        t.literal = std::string(text);
        t.span = n.span;
        n.children.push_back(std::move(t));
    }
    return n;
}

archmark::node document(std::vector<archmark::node> blocks) {
    archmark::node d;
    d.kind = archmark::node_kind::document;
    d.children = std::move(blocks);
    return d;
}

V lint_tree(const archmark::node& doc) {
    V out;
    for (const auto& d : archmark::lint(doc)) out.push_back(archmark::format_diagnostic(d, ""));
    return out;
}

// Prose long enough to be content, different for each `n` (so that no paragraph repeats another).
std::string prose(int n) {
    return "This paragraph number " + std::to_string(n) + " says enough words to be counted as content after it.";
}

}  // namespace

TEST_CASE("a paragraph repeated word for word is reported at each repeat", "[lint]") {
    std::string para = "We have read your letter of October 26th with great care and attention.";
    CHECK(lint_of(para + "\n\nSomething else entirely, said in more than eight words here.\n\n" + para + "\n") ==
          V{"5:1: warning: this paragraph repeats the one on line 1 word for word [structure.duplicate-passage]"});
    SECTION("three copies: two findings, both naming the first") {
        CHECK(lint_of(para + "\n\n" + para + "\n\n" + para + "\n") ==
              V{"3:1: warning: this paragraph repeats the one on line 1 word for word [structure.duplicate-passage]",
                "5:1: warning: this paragraph repeats the one on line 1 word for word [structure.duplicate-passage]"});
    }
    SECTION("line breaks and spaces do not matter, words do") {
        CHECK(lint_of(para + "\n\nWe have read your letter\nof October 26th   with great care and attention.\n").size() == 1);
        CHECK(lint_of(para + "\n\nWe have read your letter of October 27th with great care and attention.\n").empty());
        CHECK(lint_of(para + "\n\nWe have read your letter of October 26th with great care and attention!\n").empty());
    }
    SECTION("short paragraphs repeat legitimately") {
        CHECK(lint_of("Dear Mr. Chairman, thank you.\n\nDear Mr. Chairman, thank you.\n").empty());
        CHECK(lint_of("one two three four five six seven\n\none two three four five six seven\n").empty());
        CHECK(lint_of("one two three four five six seven eight\n\none two three four five six seven eight\n").size() == 1);
    }
    SECTION("a paragraph in a list item repeats a paragraph") {
        CHECK(lint_of(para + "\n\n1) " + para + "\n") ==
              V{"3:4: warning: this paragraph repeats the one on line 1 word for word [structure.duplicate-passage]"});
    }
}

TEST_CASE("an item whose text begins the next item of the same number is abandoned", "[lint]") {
    std::string items = "1. You would cease work.\n\n3. You would\n\n3. You would undertake, with suitable safeguards.\n";
    const std::string finding =
        "3:1: warning: item 3 is repeated and continued by the next item, on line 5; it looks abandoned "
        "[structure.abandoned-item]";
    CHECK(lint_of(items) == V{finding});
    SECTION("`3)` then `3.` are two lists") {
        CHECK(lint_of("3) You would\n\n3. You would undertake, with suitable safeguards.\n") ==
              V{"1:1: warning: item 3 is repeated and continued by the next item, on line 3; it looks abandoned "
                "[structure.abandoned-item]"});
    }
    SECTION("tight items, cut mid-word") {
        CHECK(lint_of("2. You wo\n2. You would undertake it.\n") ==
              V{"1:1: warning: item 2 is repeated and continued by the next item, on line 2; it looks abandoned "
                "[structure.abandoned-item]"});
    }
    SECTION("other numbers: no finding, unless the source is not given") {
        CHECK(lint_of("1. You would\n\n2. You would undertake, with suitable safeguards.\n").empty());
        CHECK(lint_of("1. You would\n\n2. You would undertake, with suitable safeguards.\n", false) ==
              V{"1:1: warning: item 1 is repeated and continued by the next item, on line 3; it looks abandoned "
                "[structure.abandoned-item]"});
        CHECK(lint_of("3) You would\n\n4. You would undertake it.\n").empty());
    }
    SECTION("not a strict prefix, or not ordered") {
        CHECK(lint_of("3. You would\n\n3. You would\n").empty());
        CHECK(lint_of("3. You would agree\n\n3. You would undertake it.\n").empty());
        CHECK(lint_of("- You would\n\n- You would undertake it.\n").empty());
    }
}

TEST_CASE("content after a signature that is not a draft or postscript", "[lint]") {
    using archmark::node_kind;
    const std::string finding =
        "9:1: warning: content after the signature on line 5 is not a draft or postscript [structure.after-signature]";
    SECTION("prose after the signature, reported once") {
        auto doc = document({block(node_kind::paragraph, 1, prose(1)), block(node_kind::closing, 3, "Sincerely,"),
                             block(node_kind::signature, 5, "(s) John Doe"),
                             block(node_kind::paragraph, 7, "Special Assistant to the President"),
                             block(node_kind::paragraph, 9, prose(2)), block(node_kind::paragraph, 11, prose(3))});
        CHECK(lint_tree(doc) == V{finding});
    }
    SECTION("a list or a quote after the signature") {
        auto doc = document({block(node_kind::signature, 5, "(s) John Doe"), block(node_kind::list, 9)});
        CHECK(lint_tree(doc) == V{finding});
        doc = document({block(node_kind::signature, 5, "(s) John Doe"), block(node_kind::block_quote, 9)});
        CHECK(lint_tree(doc) == V{finding});
    }
    SECTION("a draft, a postscript, a source note, a dateline, a stamp: no finding") {
        auto draft = block(node_kind::part, 9);
        draft.attrs().subtype = "draft";
        draft.children.push_back(block(node_kind::paragraph, 9, prose(4)));
        auto doc = document({block(node_kind::signature, 5, "(s) John Doe"), block(node_kind::separator, 7), draft,
                             block(node_kind::source_note, 11, "Source: " + prose(5)),
                             block(node_kind::dateline, 12, "Moscow, October 27, 1962."),
                             block(node_kind::stamp, 13, "RELEASE IN FULL")});
        CHECK(lint_tree(doc).empty());
    }
    SECTION("closing matter in a paragraph: P.S., cc:, enclosures") {
        for (std::string text : {"P.S. " + prose(6), "cc: " + prose(7), "Enclosure: " + prose(8)}) {
            auto doc = document({block(node_kind::signature, 5, "(s) John Doe"), block(node_kind::paragraph, 9, text)});
            CHECK(lint_tree(doc).empty());
        }
    }
    SECTION("a heading or a salutation starts something new") {
        auto doc = document({block(node_kind::signature, 5, "(s) John Doe"), block(node_kind::heading, 7, "Next"),
                             block(node_kind::paragraph, 9, prose(9))});
        CHECK(lint_tree(doc).empty());
        doc = document({block(node_kind::signature, 5, "(s) John Doe"), block(node_kind::salutation, 7, "Dear Sir:"),
                        block(node_kind::paragraph, 9, prose(10))});
        CHECK(lint_tree(doc).empty());
    }
    SECTION("inside a part, after its own signature") {
        auto part = block(node_kind::part, 3);
        part.attrs().subtype = "draft";
        part.children = {block(node_kind::signature, 5, "(s) John Doe"), block(node_kind::paragraph, 9, prose(11))};
        CHECK(lint_tree(document({block(node_kind::paragraph, 1, prose(12)), part})) == V{finding});
    }
}

TEST_CASE("seed 002: the repeated letter and the abandoned item 3", "[lint]") {
    auto text = archmark::test::read_file(
        archmark::test::source_path("samples/1962-10-27-kennedy-letter-with-draft.md"));
    REQUIRE(!text.empty());
    auto found = lint_of(text);
    CHECK(found == V{"32:1: warning: this paragraph repeats the one on line 16 word for word [structure.duplicate-passage]",
                     "34:1: warning: this paragraph repeats the one on line 18 word for word [structure.duplicate-passage]",
                     "36:4: warning: this paragraph repeats the one on line 20 word for word [structure.duplicate-passage]",
                     "38:4: warning: this paragraph repeats the one on line 22 word for word [structure.duplicate-passage]",
                     "40:1: warning: this paragraph repeats the one on line 24 word for word [structure.duplicate-passage]",
                     "60:1: warning: item 3 is repeated and continued by the next item, on line 62; it looks abandoned "
                     "[structure.abandoned-item]"});
}

TEST_CASE("findings come in source order", "[lint]") {
    std::string para = "We have read your letter of October 26th with great care and attention.";
    auto found = archmark::lint(archmark::parse("3. a\n3. ab\n\n" + para + "\n\n" + para + "\n\n3. x\n3. xy\n").document);
    REQUIRE(found.size() == 3);
    CHECK(found[0].span.line == 1);
    CHECK(found[1].span.line == 6);
    CHECK(found[2].span.line == 8);
}

TEST_CASE("every rule is described, and found by its id", "[lint][rules]") {
    std::set<std::string> ids;
    for (int i = 0; i < archmark::rule_count; ++i) {
        auto r = static_cast<archmark::rule>(i);
        INFO(archmark::rule_id(r));
        CHECK(!archmark::rule_description(r).empty());
        CHECK(!archmark::rule_full_description(r).empty());
        CHECK(!archmark::rule_help(r).empty());
        CHECK(archmark::rule_from_id(archmark::rule_id(r)) == r);
        ids.insert(std::string(archmark::rule_id(r)));
    }
    CHECK(ids.size() == static_cast<std::size_t>(archmark::rule_count));
    CHECK(!archmark::rule_from_id("redaction.nearmiss"));
    CHECK(!archmark::rule_from_id(""));
}
