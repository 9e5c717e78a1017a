// PEGTL's analyze() proves, for every rule of grammar/, that no loop can succeed without consuming
// input (which would hang the parser) and that no rule recurses without progress.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include <tao/pegtl/contrib/analyze.hpp>

#include "grammar/bracket.hpp"
#include "grammar/edit.hpp"
#include "grammar/letter.hpp"
#include "grammar/note.hpp"
#include "grammar/page.hpp"
#include "grammar/redaction.hpp"

namespace {
// A loop whose body can succeed without consuming input: analyze must flag it.
struct endless : tao::pegtl::star<tao::pegtl::opt<tao::pegtl::one<'a'>>> {};
}  // namespace

TEST_CASE("analyze flags a rule that can loop forever", "[grammar]") {
    CHECK(tao::pegtl::analyze<endless>(0) > 0);
}

TEST_CASE("PEGTL analyze finds no problems in any grammar rule", "[grammar]") {
    int rules = 0;
#define ARCHMARK_GRAMMAR_RULE(name)                                                     \
    ++rules;                                                                            \
    INFO(#name);                                                                        \
    CHECK(tao::pegtl::analyze<archmark::grammar::name>(0) == 0);
#include "grammar_rules.inc"
#undef ARCHMARK_GRAMMAR_RULE
    CHECK(rules > 150);
}
