// The redaction grammar (conventions.md §1): every accepted form, and every form that is NOT a
// redaction, with exact spans and diagnostics.
#include "tests/unit/test_support.hpp"

#include <catch2/catch.hpp>

using archmark::test::diagnostics;
using archmark::test::redactions;
using V = std::vector<std::string>;

TEST_CASE("FOIA exemption codes", "[redaction]") {
    CHECK(redactions("means (b)(1).") == V{R"~(redaction 1:7-1:13 scheme=foia codes=["(b)(1)"])~"});
    CHECK(redactions("(b)(9)") == V{R"~(redaction 1:1-1:7 scheme=foia codes=["(b)(9)"])~"});
    CHECK(redactions("a (b)(7)(A) b") == V{R"~(redaction 1:3-1:12 scheme=foia codes=["(b)(7)(A)"])~"});
    CHECK(redactions("a (b)(7)(F) b") == V{R"~(redaction 1:3-1:12 scheme=foia codes=["(b)(7)(F)"])~"});
    SECTION("release stamps print one space") {
        CHECK(redactions("x (b) (1) y") == V{R"~(redaction 1:3-1:10 scheme=foia codes=["(b)(1)"])~"});
    }
    SECTION("no diagnostics for a clean code") { CHECK(diagnostics("means (b)(1).").empty()); }
}

TEST_CASE("several codes together are one redaction", "[redaction]") {
    CHECK(redactions("x (b)(1)(b)(3) y") ==
          V{R"~(redaction 1:3-1:15 scheme=foia codes=["(b)(1)","(b)(3)"])~"});
    CHECK(redactions("x (b)(1), (b)(3) y") ==
          V{R"~(redaction 1:3-1:17 scheme=foia codes=["(b)(1)","(b)(3)"])~"});
    CHECK(redactions("x (b)(6) (b)(7)(C) y") ==
          V{R"~(redaction 1:3-1:19 scheme=foia codes=["(b)(6)","(b)(7)(C)"])~"});
    CHECK(redactions("x (b)(1)/(b)(3) y") ==
          V{R"~(redaction 1:3-1:16 scheme=foia codes=["(b)(1)","(b)(3)"])~"});
}

TEST_CASE("statutes with (b)(3) are kept on the redaction", "[redaction]") {
    CHECK(redactions("x (b)(3) CIAAct y") ==
          V{R"~(redaction 1:3-1:16 scheme=foia codes=["(b)(3)"] statute="CIAAct")~"});
    CHECK(redactions("x (b)(3) NatSecAct y") ==
          V{R"~(redaction 1:3-1:19 scheme=foia codes=["(b)(3)"] statute="NatSecAct")~"});
    CHECK(redactions("x (b)(3) 50 USC 403g y") ==
          V{R"~(redaction 1:3-1:21 scheme=foia codes=["(b)(3)"] statute="50 USC 403g")~"});
    CHECK(redactions("x (b) (3)-18 USC 798 y") ==
          V{R"~(redaction 1:3-1:21 scheme=foia codes=["(b)(3)"] statute="18 USC 798")~"});
    CHECK(redactions("x (b)(3)-P.L. 86-36 y") ==
          V{R"~(redaction 1:3-1:20 scheme=foia codes=["(b)(3)"] statute="P.L. 86-36")~"});
    CHECK(redactions("x (b)(3): 50 U.S.C. § 3024(i) y") ==
          V{R"~(redaction 1:3-1:30 scheme=foia codes=["(b)(3)"] statute="50 U.S.C. § 3024(i)")~"});
    SECTION("a statute after another code is not taken") {
        CHECK(redactions("x (b)(1) CIAAct y") == V{R"~(redaction 1:3-1:9 scheme=foia codes=["(b)(1)"])~"});
    }
    SECTION("a word that is no statute stays text") {
        CHECK(redactions("(b)(3) Act") == V{R"~(redaction 1:1-1:7 scheme=foia codes=["(b)(3)"])~"});
    }
}

TEST_CASE("E.O. 13526 codes as whole tokens", "[redaction]") {
    CHECK(redactions("x 25X1 y") == V{R"~(redaction 1:3-1:7 scheme=eo13526 codes=["25X1"])~"});
    CHECK(redactions("x 25X1-human y") == V{R"~(redaction 1:3-1:13 scheme=eo13526 codes=["25X1-human"])~"});
    CHECK(redactions("x 50X1-HUM y") == V{R"~(redaction 1:3-1:11 scheme=eo13526 codes=["50X1-HUM"])~"});
    CHECK(redactions("x 50X2-WMD y") == V{R"~(redaction 1:3-1:11 scheme=eo13526 codes=["50X2-WMD"])~"});
    CHECK(redactions("x 50X6 y") == V{R"~(redaction 1:3-1:7 scheme=eo13526 codes=["50X6"])~"});
    CHECK(redactions("x 75X y") == V{R"~(redaction 1:3-1:6 scheme=eo13526 codes=["75X"])~"});
    SECTION("not inside a word") {
        CHECK(redactions("x325X1 25X1a 25X10 75XL").empty());
    }
}

TEST_CASE("FRUS placeholders carry quantity and unit", "[redaction]") {
    CHECK(redactions("[text not declassified]") == V{"redaction 1:1-1:24 scheme=frus"});
    CHECK(redactions("[1 line not declassified]") == V{"redaction 1:1-1:26 scheme=frus quantity=1 unit=line"});
    CHECK(redactions("[3 lines of source text not declassified]") ==
          V{"redaction 1:1-1:42 scheme=frus quantity=3 unit=line"});
    CHECK(redactions("[less than 1 line not declassified]") ==
          V{"redaction 1:1-1:36 scheme=frus at_most=1 unit=line"});
    CHECK(redactions("[1 paragraph not declassified]") ==
          V{"redaction 1:1-1:31 scheme=frus quantity=1 unit=paragraph"});
    CHECK(redactions("[name not declassified]") == V{"redaction 1:1-1:24 scheme=frus quantity=1 unit=name"});
    CHECK(redactions("[number not declassified]") ==
          V{"redaction 1:1-1:26 scheme=frus quantity=1 unit=number"});
    CHECK(redactions("[2 pages of source text not declassified]") ==
          V{"redaction 1:1-1:42 scheme=frus quantity=2 unit=page"});
    SECTION("inside a sentence") {
        CHECK(redactions("Met [name not declassified] today.") ==
              V{"redaction 1:5-1:28 scheme=frus quantity=1 unit=name"});
    }
}

TEST_CASE("generic redactions and black bars", "[redaction]") {
    CHECK(redactions("[REDACTED]") == V{"redaction 1:1-1:11 scheme=generic"});
    CHECK(redactions("[redacted]") == V{"redaction 1:1-1:11 scheme=generic"});
    CHECK(redactions("[Redacted]") == V{"redaction 1:1-1:11 scheme=generic"});
    CHECK(redactions("[REDACTED (b)(6)]") == V{R"~(redaction 1:1-1:18 scheme=generic codes=["(b)(6)"])~"});
    CHECK(redactions("a ████ b") == V{"redaction 1:3-1:7 scheme=bars quantity=4 unit=char"});
    CHECK(redactions("a ■■ b") == V{"redaction 1:3-1:5 scheme=bars quantity=2 unit=char"});
    SECTION("one bar is not a run") { CHECK(redactions("a █ b").empty()); }
}

TEST_CASE("a legal citation is not a redaction", "[redaction]") {
    CHECK(redactions("5 U.S.C. 552(b)(1) applies").empty());
    CHECK(diagnostics("5 U.S.C. 552(b)(1) applies") ==
          V{"1:13: note: (b)(1) reads as a legal citation, not as withheld text [redaction.citation]"});
    for (const char* text : {"section (b)(1)", "subsection (b)(1)", "paragraph (b)(1)", "exemption (b)(1)",
                             "exemptions (b)(1)", "Exemption (b)(1)", "\xC2\xA7 (b)(1)", "\xC2\xA7(b)(1)",
                             "5 U.S.C. (b)(1)", "U.S.C.(b)(1)"}) {
        INFO(text);
        CHECK(redactions(text).empty());
        REQUIRE(diagnostics(text).size() == 1);
        CHECK_THAT(diagnostics(text)[0], Catch::EndsWith("[redaction.citation]"));
    }
    SECTION("two spaces are no longer a citation") {
        CHECK(redactions("section  (b)(1)").size() == 1);
    }
}

TEST_CASE("an enumerator is not a redaction", "[redaction]") {
    const char* seed = "commitments -- (a) to remove promptly the quarantine measures now in effect and (b) to "
                       "give assurances against an invasion of Cuba.";
    CHECK(redactions(seed).empty());
    CHECK(diagnostics(seed).empty());
}

TEST_CASE("unknown codes stay text with a warning", "[redaction]") {
    CHECK(redactions("x (b)(0) y").empty());
    CHECK(diagnostics("x (b)(0) y") ==
          V{"1:3: warning: (b)(0) is not a FOIA exemption code; kept as text [redaction.unknown-code]"});
    CHECK(diagnostics("x (b)(10) y") ==
          V{"1:3: warning: (b)(10) is not a FOIA exemption code; kept as text [redaction.unknown-code]"});
    CHECK(diagnostics("x (b)(7)(G) y") ==
          V{"1:3: warning: (b)(7)(G) is not a FOIA exemption code; kept as text [redaction.unknown-code]"});
    SECTION("the known codes before an unknown one are still a redaction") {
        CHECK(redactions("x (b)(1)(b)(10) y") == V{R"~(redaction 1:3-1:9 scheme=foia codes=["(b)(1)"])~"});
        CHECK(diagnostics("x (b)(1)(b)(10) y") ==
              V{"1:9: warning: (b)(10) is not a FOIA exemption code; kept as text [redaction.unknown-code]"});
    }
}

TEST_CASE("near misses stay text with a warning and a fix", "[redaction]") {
    struct near { const char* text; const char* seen; const char* fix; };
    for (auto [text, seen, fix] : {near{"x (b)(l) y", "(b)(l)", "(b)(1)"}, near{"x (b)(I) y", "(b)(I)", "(b)(1)"},
                                   near{"x (6)(1) y", "(6)(1)", "(b)(1)"}, near{"x b(1) y", "b(1)", "(b)(1)"},
                                   near{"x (b)(1 y", "(b)(1", "(b)(1)"}, near{"x (6)(3) y", "(6)(3)", "(b)(3)"}}) {
        INFO(text);
        auto parsed = archmark::parse(text);
        CHECK(archmark::test::nodes_of(parsed.document, archmark::node_kind::redaction).empty());
        REQUIRE(parsed.diagnostics.size() == 1);
        CHECK(archmark::format_diagnostic(parsed.diagnostics[0], "") ==
              std::string("1:3: warning: ") + seen + " looks like a mistyped FOIA code; kept as text [redaction.near-miss]");
        CHECK(parsed.diagnostics[0].help == std::string("did you mean `") + fix + "`?");
    }
    SECTION("inside a word, b(1) is not a near miss") { CHECK(diagnostics("f(x) = sub(1)").empty()); }
}

TEST_CASE("XXXX runs may be redactions", "[redaction]") {
    CHECK(redactions("agent XXXX met").empty());
    CHECK(diagnostics("agent XXXX met") ==
          V{"1:7: note: XXXX may mark withheld text; kept as text [redaction.possible]"});
    CHECK(diagnostics("XXXXXXX").size() == 1);
    CHECK(diagnostics("XXX and XXXXa and aXXXX").empty());
}

TEST_CASE("agency short forms in running prose are text", "[redaction]") {
    CHECK(redactions("a B1 bomber and b6 vitamins").empty());
}

TEST_CASE("redactions keep their text and exact positions", "[redaction]") {
    auto parsed = archmark::parse("> quoted *and (b)(1)* here\n");
    auto found = archmark::test::nodes_of(parsed.document, archmark::node_kind::redaction);
    CHECK(found == V{R"~(redaction 1:15-1:21 scheme=foia codes=["(b)(1)"])~"});
    SECTION("after an escape the span still points at the source") {
        CHECK(redactions(R"~(a \* b (b)(1))~") == V{R"~(redaction 1:8-1:14 scheme=foia codes=["(b)(1)"])~"});
        CHECK(redactions("a &amp; b (b)(1)") == V{R"~(redaction 1:11-1:17 scheme=foia codes=["(b)(1)"])~"});
    }
    SECTION("columns count code points") {
        CHECK(redactions("Ünïcödé — (b)(1)") == V{R"~(redaction 1:11-1:17 scheme=foia codes=["(b)(1)"])~"});
    }
    SECTION("not in code") { CHECK(redactions("`(b)(1)`\n\n    (b)(1)\n").empty()); }
    SECTION("the archival pass can be switched off") {
        archmark::parse_options plain;
        plain.archival = false;
        CHECK(archmark::test::nodes_of(archmark::parse("(b)(1)", plain).document, archmark::node_kind::redaction).empty());
    }
}

TEST_CASE("seed 000: both (b)(1) of line 5 are redactions", "[redaction][seeds]") {
    auto text = archmark::test::read_file(archmark::test::source_path("samples/1962-10-27-chronology-and-khrushchev-message.md"));
    CHECK(redactions(text) == V{R"~(redaction 5:233-5:239 scheme=foia codes=["(b)(1)"])~",
                                R"~(redaction 5:388-5:394 scheme=foia codes=["(b)(1)"])~"});
}

TEST_CASE("seed 002: (a) ... and (b) to give is not a redaction", "[redaction][seeds]") {
    auto text = archmark::test::read_file(archmark::test::source_path("samples/1962-10-27-kennedy-letter-with-draft.md"));
    CHECK(redactions(text).empty());
    CHECK(diagnostics(text).empty());
}
