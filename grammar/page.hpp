// PEGTL rules for page breaks and separators (conventions.md §4). Rules only: the actions live in
// src/parse/letter_forms.cpp. Every rule reads one line of text at most.
#pragma once

#include <tao/pegtl.hpp>

namespace archmark::grammar {

namespace pegtl = tao::pegtl;

// page_word <- 'Page' / 'page' / 'PAGE'
struct page_word : pegtl::sor<TAO_PEGTL_STRING("Page"), TAO_PEGTL_STRING("page"), TAO_PEGTL_STRING("PAGE")> {};
// page_number <- [0-9]{1,6} ![0-9]             (the label of the page break)
struct page_number : pegtl::seq<pegtl::rep_min_max<1, 6, pegtl::digit>, pegtl::not_at<pegtl::digit>> {};
// page_total <- ' ' ('of' / 'OF') ' ' [0-9]{1,6} ![0-9]
struct page_total : pegtl::seq<pegtl::one<' '>, pegtl::sor<TAO_PEGTL_STRING("of"), TAO_PEGTL_STRING("OF")>,
                               pegtl::one<' '>, pegtl::rep_min_max<1, 6, pegtl::digit>,
                               pegtl::not_at<pegtl::digit>> {};

// page_bracket <- '[' page_word ' ' page_number page_total? ']'          ("[Page 2]", inline too)
struct page_bracket : pegtl::seq<pegtl::one<'['>, page_word, pegtl::one<' '>, page_number, pegtl::opt<page_total>,
                                 pegtl::one<']'>> {};
// page_dashed <- '-' ' '? page_number ' '? '-'                            ("- 2 -", "-2-")
struct page_dashed : pegtl::seq<pegtl::one<'-'>, pegtl::opt<pegtl::one<' '>>, page_number,
                                pegtl::opt<pegtl::one<' '>>, pegtl::one<'-'>> {};
// page_count <- page_word ' ' page_number page_total                      ("Page 2 of 5")
struct page_count : pegtl::seq<page_word, pegtl::one<' '>, page_number, page_total> {};
// page_line <- (page_bracket / page_dashed / page_count) !.                (a line that is only a page break)
struct page_line : pegtl::seq<pegtl::sor<page_bracket, page_dashed, page_count>, pegtl::eof> {};
// page_item_rest <- page_number ' '? '-' !.
// What cmark-gfm leaves of a line `- 2 -` in the paragraph of a list item (the first `-` is the marker).
struct page_item_rest : pegtl::seq<page_number, pegtl::opt<pegtl::one<' '>>, pegtl::one<'-'>, pegtl::eof> {};

// separator_run<C> <- C (' '* C){2,} ' '* !.
template <char C>
struct separator_run : pegtl::seq<pegtl::one<C>, pegtl::rep_min<2, pegtl::star<pegtl::one<' '>>, pegtl::one<C>>,
                                  pegtl::star<pegtl::one<' '>>, pegtl::eof> {};
// separator_line <- separator_run<'*'> / separator_run<'-'> / separator_run<'_'>
// A line of stars, dashes or underscores that escapes kept from being a thematic break (`\*\*\*`).
struct separator_line : pegtl::sor<separator_run<'*'>, separator_run<'-'>, separator_run<'_'>> {};

}  // namespace archmark::grammar
