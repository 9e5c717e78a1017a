// PEGTL rules for redactions (conventions.md §1). Rules only: the actions that build nodes live
// in src/parse/archival.cpp. Every rule is tried at one position of a text run and never
// looks past the end of its line, so the scan stays linear.
#pragma once

#include <tao/pegtl.hpp>

namespace archmark::grammar {

namespace pegtl = tao::pegtl;
using pegtl::alnum;
using pegtl::digit;
using pegtl::not_at;
using pegtl::one;
using pegtl::opt;
using pegtl::plus;
using pegtl::range;
using pegtl::seq;
using pegtl::sor;
using pegtl::star;
using pegtl::upper;

// space <- ' '
struct space : one<' '> {};
// foia_paragraph <- [0-9]+            (the number; only 1-9 are codes, checked by the action)
struct foia_paragraph : plus<digit> {};
// foia_subparagraph <- '(' [A-Z] ')'  (only after 7, only A-F, checked by the action)
struct foia_subparagraph : seq<one<'('>, upper, one<')'>> {};
// foia_code <- '(b)' ' '? '(' foia_paragraph ')' foia_subparagraph?
struct foia_code : seq<TAO_PEGTL_STRING("(b)"), opt<space>, one<'('>, foia_paragraph, one<')'>,
                       opt<foia_subparagraph>> {};

// us_code_name <- 'U.S.C.' / 'USC'
struct us_code_name : sor<TAO_PEGTL_STRING("U.S.C."), TAO_PEGTL_STRING("USC")> {};
// us_code <- [0-9]+ ' '? us_code_name ' '? ('§' ' '?)? [A-Za-z0-9]+ ('(' [A-Za-z0-9]+ ')')*
struct us_code : seq<plus<digit>, opt<space>, us_code_name, opt<space>,
                     opt<TAO_PEGTL_STRING("\xC2\xA7"), opt<space>>, plus<alnum>,
                     star<one<'('>, plus<alnum>, one<')'>>> {};
// public_law <- 'P.L.' ' '? [0-9]+ '-' [0-9]+
struct public_law : seq<TAO_PEGTL_STRING("P.L."), opt<space>, plus<digit>, one<'-'>, plus<digit>> {};
// statute_name <- ('CIAAct' / 'NatSecAct' / us_code / public_law) ![A-Za-z0-9]
struct statute_name : seq<sor<TAO_PEGTL_STRING("CIAAct"), TAO_PEGTL_STRING("NatSecAct"), us_code, public_law>,
                          not_at<alnum>> {};
// statute <- (':' / '-')? ' '* statute_name
struct statute : seq<opt<one<':', '-'>>, star<space>, statute_name> {};

// eo_code <- ('25X' [1-9] '-human'? / '50X' [1-9] ('-HUM' / '-WMD')? / '75X') ![A-Za-z0-9]
struct eo_code : seq<sor<seq<TAO_PEGTL_STRING("25X"), range<'1', '9'>, opt<TAO_PEGTL_STRING("-human")>>,
                         seq<TAO_PEGTL_STRING("50X"), range<'1', '9'>,
                             opt<sor<TAO_PEGTL_STRING("-HUM"), TAO_PEGTL_STRING("-WMD")>>>,
                         TAO_PEGTL_STRING("75X")>,
                     not_at<alnum>> {};

// foia_b3 <- '(b)' ' '? '(3)'
struct foia_b3 : seq<TAO_PEGTL_STRING("(b)"), opt<space>, TAO_PEGTL_STRING("(3)")> {};
// statute_entry <- foia_b3 statute                    (a statute only ever follows (b)(3))
struct statute_entry : seq<foia_b3, statute> {};
// code_entry <- statute_entry / foia_code / eo_code
struct code_entry : sor<statute_entry, foia_code, eo_code> {};
// code_separator <- ' '* [,/;]? ' '*
struct code_separator : seq<star<space>, opt<one<',', '/', ';'>>, star<space>> {};
// code_group <- code_entry (code_separator code_entry)*      (several codes: ONE redaction)
struct code_group : seq<code_entry, star<code_separator, code_entry>> {};

// frus_count <- [0-9]+
struct frus_count : plus<digit> {};
// frus_unit <- ('line' / 'paragraph' / 'page' / 'word' / 'name' / 'number') 's'?
struct frus_unit : seq<sor<TAO_PEGTL_STRING("line"), TAO_PEGTL_STRING("paragraph"), TAO_PEGTL_STRING("page"),
                           TAO_PEGTL_STRING("word"), TAO_PEGTL_STRING("name"), TAO_PEGTL_STRING("number")>,
                       opt<one<'s'>>> {};
// frus_less_than <- 'less than '
struct frus_less_than : TAO_PEGTL_ISTRING("less than ") {};
// frus_kind <- 'text' / 'name' / 'number'        (a placeholder without a count)
struct frus_kind : sor<TAO_PEGTL_STRING("text"), TAO_PEGTL_STRING("name"), TAO_PEGTL_STRING("number")> {};
// frus_amount <- frus_less_than? frus_count ' ' frus_unit / frus_kind
struct frus_amount : sor<seq<opt<frus_less_than>, frus_count, space, frus_unit>, frus_kind> {};
// frus_words <- frus_amount (' of source text')? ' not declassified'
struct frus_words : seq<frus_amount, opt<TAO_PEGTL_ISTRING(" of source text")>,
                        TAO_PEGTL_ISTRING(" not declassified")> {};
// frus_placeholder <- '[' frus_words ']'
struct frus_placeholder : seq<one<'['>, frus_words, one<']'>> {};

// generic_word <- 'REDACTED' / 'redacted' / 'Redacted'
struct generic_word : sor<TAO_PEGTL_STRING("REDACTED"), TAO_PEGTL_STRING("redacted"),
                          TAO_PEGTL_STRING("Redacted")> {};
// generic_redaction <- '[' generic_word (' '+ code_group)? ' '* ']'
struct generic_redaction : seq<one<'['>, generic_word, opt<plus<space>, code_group>, star<space>, one<']'>> {};

// black_bar <- '█' / '■'
struct black_bar : sor<TAO_PEGTL_STRING("\xE2\x96\x88"), TAO_PEGTL_STRING("\xE2\x96\xA0")> {};
// black_bars <- black_bar black_bar+
struct black_bars : seq<black_bar, plus<black_bar>> {};

// A redaction that starts with the current byte.
// redaction <- code_group / frus_placeholder / generic_redaction / black_bars
struct redaction : sor<code_group, frus_placeholder, generic_redaction, black_bars> {};

// Forms that look like FOIA codes but are not (kept as text, with a diagnostic).
// near_miss_letter <- '(b)' ' '? '(' [lI] ')'        (an OCR'd 1)
struct near_miss_letter : seq<TAO_PEGTL_STRING("(b)"), opt<space>, one<'('>, one<'l', 'I'>, one<')'>> {};
// near_miss_six <- '(6)(' [1-9] ')'                  (an OCR'd b)
struct near_miss_six : seq<TAO_PEGTL_STRING("(6)("), range<'1', '9'>, one<')'>> {};
// near_miss_bare <- 'b(' [1-9] ')'                   (parentheses lost)
struct near_miss_bare : seq<TAO_PEGTL_STRING("b("), range<'1', '9'>, one<')'>> {};
// near_miss_open <- '(b)' ' '? '(' [1-9] !')'        (unclosed)
struct near_miss_open : seq<TAO_PEGTL_STRING("(b)"), opt<space>, one<'('>, range<'1', '9'>,
                            not_at<sor<one<')'>, digit>>> {};
// near_miss <- near_miss_letter / near_miss_six / near_miss_bare / near_miss_open
struct near_miss : sor<near_miss_letter, near_miss_six, near_miss_bare, near_miss_open> {};

// possible_redaction <- 'XXXX' 'X'*                  (may be a redaction, may be text)
struct possible_redaction : seq<TAO_PEGTL_STRING("XXXX"), star<one<'X'>>> {};

}  // namespace archmark::grammar
