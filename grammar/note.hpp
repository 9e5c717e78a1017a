// PEGTL rules for note calls and definitions (conventions.md §3). Rules only: src/parse/notes.cpp
// tries them at one position of a text run or a source line, and none looks past its line, so
// the scan stays linear.
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
using pegtl::rep_max;
using pegtl::rep_min_max;
using pegtl::seq;
using pegtl::sor;

// note_blank <- [ \t]
struct note_blank : one<' ', '\t'> {};

// gfm_label <- [^ \t\r\n[\]]+                   (what cmark-gfm accepts between `[^` and `]`)
struct gfm_label : plus<not_one<' ', '\t', '\r', '\n', '[', ']'>> {};
// gfm_call <- '[^' gfm_label ']'
struct gfm_call : seq<TAO_PEGTL_STRING("[^"), gfm_label, one<']'>> {};
// gfm_definition <- ' '{0,3} gfm_call ':'       (at the start of a source line)
struct gfm_definition : seq<rep_max<3, one<' '>>, gfm_call, one<':'>> {};

// bracket_label <- [0-9]{1,3}                    (`[1962]` is a year, not a call)
struct bracket_label : rep_min_max<1, 3, digit> {};
// bracket_call <- '[' bracket_label ']'
struct bracket_call : seq<one<'['>, bracket_label, one<']'>> {};

// superscript_digit <- '¹' / '²' / '³' / '⁰' / [⁴-⁹]
struct superscript_digit : sor<seq<one<'\xC2'>, one<'\xB9', '\xB2', '\xB3'>>,
                               seq<TAO_PEGTL_STRING("\xE2\x81"),
                                   one<'\xB0', '\xB4', '\xB5', '\xB6', '\xB7', '\xB8', '\xB9'>>> {};
// unicode_label <- superscript_digit+
struct unicode_label : plus<superscript_digit> {};

// dagger <- '†'
struct dagger : TAO_PEGTL_STRING("\xE2\x80\xA0") {};
// double_dagger <- '‡'
struct double_dagger : TAO_PEGTL_STRING("\xE2\x80\xA1") {};
// mark_label <- '*'+ / dagger+ / double_dagger+  (one mark, repeated for later notes: `**`, `††`)
struct mark_label : sor<plus<one<'*'>>, plus<dagger>, plus<double_dagger>> {};
// mark_call <- mark_label ![A-Za-z0-9]           (`a*b` is not a call)
struct mark_call : seq<mark_label, not_at<pegtl::alnum>> {};

// section_sign <- '§'
struct section_sign : TAO_PEGTL_STRING("\xC2\xA7") {};
// pilcrow <- '¶'
struct pilcrow : TAO_PEGTL_STRING("\xC2\xB6") {};
// sup_label <- ([0-9]+ / '*'+ / dagger+ / double_dagger+ / section_sign+ / pilcrow+) !.
// (the whole content of a <sup> that can be a note call)
struct sup_label : seq<sor<plus<digit>, mark_label, plus<section_sign>, plus<pilcrow>>, eof> {};

// Definition markers at the start of a paragraph line: the label, then at least one blank.
// bracket_definition <- bracket_call note_blank+
struct bracket_definition : seq<bracket_call, plus<note_blank>> {};
// number_definition <- bracket_label note_blank+  (only under a final notes heading or rule)
struct number_definition : seq<bracket_label, plus<note_blank>> {};
// unicode_definition <- unicode_label note_blank+
struct unicode_definition : seq<unicode_label, plus<note_blank>> {};
// mark_definition <- mark_label note_blank+
struct mark_definition : seq<mark_label, plus<note_blank>> {};

// notes_heading <- ('notes' / 'footnotes' / 'endnotes' / 'note' / 'footnote' / 'endnote') ':'? !.
// (case-insensitive; the whole text of a heading)
struct notes_heading : seq<opt<sor<TAO_PEGTL_ISTRING("foot"), TAO_PEGTL_ISTRING("end")>>,
                           TAO_PEGTL_ISTRING("note"), opt<one<'s', 'S'>>, opt<one<':'>>, eof> {};

}  // namespace archmark::grammar
