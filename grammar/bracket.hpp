// PEGTL rules for editorial brackets (conventions.md §5). Rules only: the actions that read
// quantities and units live in src/parse/brackets.cpp. Every rule is tried on one bracket of a
// text run, from its `[` to the first `]` after it, so no rule looks past its line.
#pragma once

#include <tao/pegtl.hpp>

namespace archmark::grammar {

namespace pegtl = tao::pegtl;
using pegtl::digit;
using pegtl::eof;
using pegtl::not_at;
using pegtl::not_one;
using pegtl::one;
using pegtl::opt;
using pegtl::plus;
using pegtl::range;
using pegtl::ranges;
using pegtl::rep_opt;
using pegtl::seq;
using pegtl::sor;
using pegtl::star;

// bracket_space <- ' '
struct bracket_space : one<' '> {};

// number_word <- ('one' / 'two' / ... / 'ten') ![A-Za-z]       (case-insensitive)
struct number_word : seq<sor<TAO_PEGTL_ISTRING("one"), TAO_PEGTL_ISTRING("two"), TAO_PEGTL_ISTRING("three"),
                             TAO_PEGTL_ISTRING("four"), TAO_PEGTL_ISTRING("five"), TAO_PEGTL_ISTRING("six"),
                             TAO_PEGTL_ISTRING("seven"), TAO_PEGTL_ISTRING("eight"), TAO_PEGTL_ISTRING("nine"),
                             TAO_PEGTL_ISTRING("ten")>,
                         not_at<pegtl::alpha>> {};
// gap_count <- [0-9]+ / number_word
struct gap_count : sor<plus<digit>, number_word> {};
// gap_unit_name <- 'word' / 'line' / 'letter' / 'character' / 'paragraph' / 'page'   (case-insensitive)
struct gap_unit_name : sor<TAO_PEGTL_ISTRING("word"), TAO_PEGTL_ISTRING("line"), TAO_PEGTL_ISTRING("letter"),
                           TAO_PEGTL_ISTRING("character"), TAO_PEGTL_ISTRING("paragraph"),
                           TAO_PEGTL_ISTRING("page")> {};
// gap_plural <- 's'
struct gap_plural : one<'s', 'S'> {};
// gap_unit <- gap_unit_name gap_plural?
struct gap_unit : seq<gap_unit_name, opt<gap_plural>> {};
// gap_keyword <- 'illegible'                                   (case-insensitive)
struct gap_keyword : TAO_PEGTL_ISTRING("illegible") {};
// gap_counted <- gap_count ' ' gap_unit ' ' gap_keyword        "3 words illegible"
struct gap_counted : seq<gap_count, bracket_space, gap_unit, bracket_space, gap_keyword> {};
// gap_unit_first <- gap_unit ' ' gap_keyword                   "word illegible"
struct gap_unit_first : seq<gap_unit, bracket_space, gap_keyword> {};
// gap_keyword_first <- gap_keyword (' ' gap_unit)?             "illegible", "illegible word"
struct gap_keyword_first : seq<gap_keyword, opt<bracket_space, gap_unit>> {};
// illegible_gap <- '[' (gap_counted / gap_unit_first / gap_keyword_first) ']'
struct illegible_gap : seq<one<'['>, sor<gap_counted, gap_unit_first, gap_keyword_first>, one<']'>> {};

// sic_marker <- '[sic]'                   (lowercase only: writers print it back as `[sic]`)
struct sic_marker : TAO_PEGTL_STRING("[sic]") {};

// unclear_word <- [^ []?]+
struct unclear_word : plus<not_one<' ', '[', ']', '?', '\n', '\r'>> {};
// unclear_reading <- unclear_word (' ' unclear_word)? (' ' unclear_word)?      (1-3 words)
struct unclear_reading : seq<unclear_word, rep_opt<2, bracket_space, unclear_word>> {};
// unclear_doubt <- '?'
struct unclear_doubt : one<'?'> {};
// unclear <- '[' unclear_doubt? unclear_reading unclear_doubt ']'      "[word?]", "[?word?]"
struct unclear : seq<one<'['>, opt<unclear_doubt>, unclear_reading, unclear_doubt, one<']'>> {};

// lower_latin <- [a-z] / 'ß'..'ÿ' except '÷'           (UTF-8: C3 9F..B6, C3 B8..BF)
struct lower_latin : sor<range<'a', 'z'>, seq<one<'\xC3'>, ranges<'\x9F', '\xB6', '\xB8', '\xBF'>>> {};
// supplied_word <- lower_latin (lower_latin / "'" / '’' / '-')*
struct supplied_word : seq<lower_latin, star<sor<lower_latin, one<'\'', '-'>, TAO_PEGTL_STRING("\xE2\x80\x99")>>> {};
// supplied_words <- supplied_word (' ' supplied_word)? (' ' supplied_word)?    (1-3 words)
struct supplied_words : seq<supplied_word, rep_opt<2, bracket_space, supplied_word>> {};
// editorial_descriptor <- ('sic' / 'signed' / 'unsigned' / 'initialed' / 'seal' / 'stamp' / 'blank' /
//                          'continued' / 'omitted' / 'handwritten' / 'garbled' / 'garble' / 'inaudible' /
//                          'unintelligible' / 'emphasis added' / 'emphasis in original') ']'
// (an editor's description of the page, not words missing from it; a PEG takes the first
// alternative that matches, so `garbled` comes before its prefix `garble`)
struct editorial_descriptor
    : seq<sor<TAO_PEGTL_STRING("sic"), TAO_PEGTL_STRING("signed"), TAO_PEGTL_STRING("unsigned"),
              TAO_PEGTL_STRING("initialed"), TAO_PEGTL_STRING("seal"), TAO_PEGTL_STRING("stamp"),
              TAO_PEGTL_STRING("blank"), TAO_PEGTL_STRING("continued"), TAO_PEGTL_STRING("omitted"),
              TAO_PEGTL_STRING("handwritten"), TAO_PEGTL_STRING("garbled"), TAO_PEGTL_STRING("garble"),
              TAO_PEGTL_STRING("inaudible"), TAO_PEGTL_STRING("unintelligible"),
              TAO_PEGTL_STRING("emphasis added"), TAO_PEGTL_STRING("emphasis in original")>,
          one<']'>> {};
// lone_label <- [b-z] ']'                 (a lone letter other than `a` is a label or a task box)
struct lone_label : seq<range<'b', 'z'>, one<']'>> {};
// not_supplied <- editorial_descriptor / lone_label
struct not_supplied : sor<editorial_descriptor, lone_label> {};
// supplied <- '[' !not_supplied supplied_words ']'
struct supplied : seq<one<'['>, not_at<not_supplied>, supplied_words, one<']'>> {};

// editorial_lead <- 'Editor' / 'Note' [:. ] / 'A notation'   (how an editor's note opens)
struct editorial_lead : sor<TAO_PEGTL_STRING("Editor"), seq<TAO_PEGTL_STRING("Note"), one<':', '.', ' '>>,
                            TAO_PEGTL_STRING("A notation")> {};

// A whole bracket that is the form: the input holds exactly one bracket, `[` to `]`.
// whole<R> <- R !.
template <typename Rule>
struct whole : seq<Rule, eof> {};

}  // namespace archmark::grammar
