// PEGTL rules for deletions, insertions and substitutions (conventions.md §2). Rules only: the
// actions and the pairing live in src/parse/edits.cpp.
//
// Edits span inlines (`<del>an *old* word</del>`), so the grammar recognizes the delimiters, not
// whole edits: an HTML tag is matched against one html_inline literal (cmark-gfm has already
// checked its HTML syntax), a CriticMarkup delimiter at one position of a text run. The pass pairs
// openers with closers among the siblings of one inline container, with a stack, in linear time.
#pragma once

#include <tao/pegtl.hpp>

namespace archmark::grammar {

namespace pegtl = tao::pegtl;
using pegtl::any;
using pegtl::eof;
using pegtl::not_at;
using pegtl::one;
using pegtl::opt;
using pegtl::seq;
using pegtl::sor;
using pegtl::star;

// Tag names, case-insensitive. Each has its own rule so that an action can tell them apart.
// del_name <- 'del'
struct del_name : TAO_PEGTL_ISTRING("del") {};
// strike_name <- 'strike'
struct strike_name : TAO_PEGTL_ISTRING("strike") {};
// s_name <- 's'
struct s_name : TAO_PEGTL_ISTRING("s") {};
// ins_name <- 'ins'
struct ins_name : TAO_PEGTL_ISTRING("ins") {};
// sup_name <- 'sup'
struct sup_name : TAO_PEGTL_ISTRING("sup") {};
// sub_name <- 'sub'
struct sub_name : TAO_PEGTL_ISTRING("sub") {};
// edit_tag_name <- strike_name / sup_name / sub_name / s_name / del_name / ins_name
//                  (longer names first: PEG alternatives do not come back once one matched)
struct edit_tag_name : sor<strike_name, sup_name, sub_name, s_name, del_name, ins_name> {};

// tag_space <- [ \t\r\n]
struct tag_space : one<' ', '\t', '\r', '\n'> {};
// quoted_value <- '"' (!'"' .)* '"' / "'" (!"'" .)* "'"
struct quoted_value : sor<seq<one<'"'>, star<not_at<one<'"'>>, any>, one<'"'>>,
                          seq<one<'\''>, star<not_at<one<'\''>>, any>, one<'\''>>> {};
// tag_attributes <- tag_space (quoted_value / !'/>' !'>' .)*   (a self-closing tag is no edit)
struct tag_attributes : seq<tag_space, star<sor<quoted_value, seq<not_at<opt<one<'/'>>, one<'>'>>, any>>>> {};
// opening_tag <- '<' edit_tag_name tag_attributes? '>'
struct opening_tag : seq<one<'<'>, edit_tag_name, opt<tag_attributes>, one<'>'>> {};
// closing_tag <- '</' edit_tag_name tag_space* '>'
struct closing_tag : seq<one<'<'>, one<'/'>, edit_tag_name, star<tag_space>, one<'>'>> {};
// edit_tag <- (opening_tag / closing_tag) !.       (the whole html_inline literal)
struct edit_tag : seq<sor<opening_tag, closing_tag>, eof> {};

// CriticMarkup delimiters, matched where they start in a text run.
// critic_deletion_open <- '{--'
struct critic_deletion_open : TAO_PEGTL_STRING("{--") {};
// critic_insertion_open <- '{++'
struct critic_insertion_open : TAO_PEGTL_STRING("{++") {};
// critic_substitution_open <- '{~~'
struct critic_substitution_open : TAO_PEGTL_STRING("{~~") {};
// critic_deletion_close <- '--}'
struct critic_deletion_close : TAO_PEGTL_STRING("--}") {};
// critic_insertion_close <- '++}'
struct critic_insertion_close : TAO_PEGTL_STRING("++}") {};
// critic_substitution_close <- '~~}'
struct critic_substitution_close : TAO_PEGTL_STRING("~~}") {};
// critic_separator <- '~>'                         (old text before it, new text after it)
struct critic_separator : TAO_PEGTL_STRING("~>") {};
// critic_delimiter <- critic_deletion_open / critic_insertion_open / critic_substitution_open
//                   / critic_deletion_close / critic_insertion_close / critic_substitution_close
//                   / critic_separator
struct critic_delimiter : sor<critic_deletion_open, critic_insertion_open, critic_substitution_open,
                              critic_deletion_close, critic_insertion_close, critic_substitution_close,
                              critic_separator> {};

}  // namespace archmark::grammar
