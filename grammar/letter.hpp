// PEGTL rules for letter and record structure (conventions.md §4). Rules only: the actions live
// in src/parse/letter_forms.cpp. Each rule reads the text of one line (markup removed) and most
// of them must reach its end, so a form inside a sentence never matches.
#pragma once

#include "grammar/redaction.hpp"

#include <tao/pegtl.hpp>

namespace archmark::grammar {

namespace pegtl = tao::pegtl;
using pegtl::alpha;
using pegtl::eof;
using pegtl::not_one;

// utf8_letter <- [\u0080-\U0010FFFF]         (a non-ASCII character: Ü, Č, …)
struct utf8_letter : pegtl::utf8::range<0x80, 0x10FFFF> {};
// rest_of_line <- .*
struct rest_of_line : pegtl::star<pegtl::any> {};

// ---- dates ---------------------------------------------------------------------------------

// month_name <- ('January' / … / 'December' / 'Jan' / … / 'Sept' / … / 'Dec') '.'? ![A-Za-z]
// Case-insensitive; full names come first because the choice never backtracks.
struct month_name
    : seq<sor<TAO_PEGTL_ISTRING("January"), TAO_PEGTL_ISTRING("February"), TAO_PEGTL_ISTRING("March"),
              TAO_PEGTL_ISTRING("April"), TAO_PEGTL_ISTRING("May"), TAO_PEGTL_ISTRING("June"),
              TAO_PEGTL_ISTRING("July"), TAO_PEGTL_ISTRING("August"), TAO_PEGTL_ISTRING("September"),
              TAO_PEGTL_ISTRING("October"), TAO_PEGTL_ISTRING("November"), TAO_PEGTL_ISTRING("December"),
              TAO_PEGTL_ISTRING("Jan"), TAO_PEGTL_ISTRING("Feb"), TAO_PEGTL_ISTRING("Mar"),
              TAO_PEGTL_ISTRING("Apr"), TAO_PEGTL_ISTRING("Jun"), TAO_PEGTL_ISTRING("Jul"),
              TAO_PEGTL_ISTRING("Aug"), TAO_PEGTL_ISTRING("Sept"), TAO_PEGTL_ISTRING("Sep"),
              TAO_PEGTL_ISTRING("Oct"), TAO_PEGTL_ISTRING("Nov"), TAO_PEGTL_ISTRING("Dec")>,
          opt<one<'.'>>, not_at<alpha>> {};
// weekday <- ('Monday' / … / 'Sunday') ![A-Za-z]          (case-insensitive)
struct weekday
    : seq<sor<TAO_PEGTL_ISTRING("Monday"), TAO_PEGTL_ISTRING("Tuesday"), TAO_PEGTL_ISTRING("Wednesday"),
              TAO_PEGTL_ISTRING("Thursday"), TAO_PEGTL_ISTRING("Friday"), TAO_PEGTL_ISTRING("Saturday"),
              TAO_PEGTL_ISTRING("Sunday")>,
          not_at<alpha>> {};
// day_number <- [0-9]{1,2} ![0-9]           (1 to 31, checked by the action)
struct day_number : seq<pegtl::rep_min_max<1, 2, digit>, not_at<digit>> {};
// ordinal_suffix <- 'st' / 'nd' / 'rd' / 'th'
struct ordinal_suffix : sor<TAO_PEGTL_STRING("st"), TAO_PEGTL_STRING("nd"), TAO_PEGTL_STRING("rd"),
                            TAO_PEGTL_STRING("th")> {};
// day <- day_number ordinal_suffix? ![A-Za-z]
struct day : seq<day_number, opt<ordinal_suffix>, not_at<alpha>> {};
// year <- [12] [0-9]{3} ![0-9]
struct year : seq<range<'1', '2'>, digit, digit, digit, not_at<digit>> {};
// month_first_date <- month_name ' ' day (','? ' ' year)?      ("October 27, 1962", "Oct. 27")
struct month_first_date : seq<month_name, space, day, opt<opt<one<','>>, space, year>> {};
// day_first_date <- day ' ' month_name (','? ' ' year)?        ("27 October 1962", "27 October")
struct day_first_date : seq<day, space, month_name, opt<opt<one<','>>, space, year>> {};
// calendar_date <- month_first_date / day_first_date
struct calendar_date : sor<month_first_date, day_first_date> {};

// meridiem <- 'a.m.' / 'p.m.' / 'am' / 'pm'                  (case-insensitive)
struct meridiem : sor<TAO_PEGTL_ISTRING("a.m."), TAO_PEGTL_ISTRING("p.m."), TAO_PEGTL_ISTRING("am"),
                      TAO_PEGTL_ISTRING("pm")> {};
// clock <- [0-9]{1,2} (':' [0-9]{2})? ' '? meridiem / [0-9]{4} ' hours' / 'noon' / 'midnight'
struct clock : sor<seq<pegtl::rep_min_max<1, 2, digit>, opt<one<':'>, digit, digit>, opt<space>, meridiem>,
                   seq<pegtl::rep<4, digit>, TAO_PEGTL_STRING(" hours")>, TAO_PEGTL_ISTRING("noon"),
                   TAO_PEGTL_ISTRING("midnight")> {};
// time_of_day <- ',' ' '? clock                               (", 8:05 p.m.")
struct time_of_day : seq<one<','>, opt<space>, clock> {};

// place_word <- !month_name !weekday ([A-Z] / utf8_letter) (![ ,] .)*
struct place_word : seq<not_at<month_name>, not_at<weekday>, sor<upper, utf8_letter>,
                        star<not_one<' ', ','>>> {};
// place <- place_word ((' ' / ', ') place_word){0,5}        ("Moscow", "Washington, D.C.")
struct place : seq<place_word, pegtl::rep_max<5, sor<space, TAO_PEGTL_STRING(", ")>, place_word>> {};
// dateline <- (place ', ')? (weekday ', ')? calendar_date time_of_day? '.'? !.
// A line that is only a date, with its place in front ("Moscow, October 27, 1962.").
struct dateline : seq<opt<place, TAO_PEGTL_STRING(", ")>, opt<weekday, TAO_PEGTL_STRING(", ")>, calendar_date,
                      opt<time_of_day>, opt<one<'.'>>, eof> {};
// heading_date <- (weekday ', ')? calendar_date '.'? !.       (the whole text of a heading)
struct heading_date : seq<opt<weekday, TAO_PEGTL_STRING(", ")>, calendar_date, opt<one<'.'>>, eof> {};

// ---- opener and closer ---------------------------------------------------------------------

// address_word <- [^ ,:;]+
struct address_word : plus<not_one<' ', ',', ':', ';'>> {};
// dear_salutation <- ('Dear' / 'My dear') ' ' address_word (' ' address_word){0,7} [:,] !.
struct dear_salutation : seq<sor<TAO_PEGTL_ISTRING("Dear"), TAO_PEGTL_ISTRING("My dear")>, space, address_word,
                             pegtl::rep_max<7, space, address_word>, one<':', ','>, eof> {};
// title_salutation <- 'Mr. ' ('President' / 'Chairman' / 'Secretary' / 'Ambassador' / 'Prime Minister')
struct title_salutation : seq<TAO_PEGTL_ISTRING("Mr. "),
                              sor<TAO_PEGTL_ISTRING("President"), TAO_PEGTL_ISTRING("Chairman"),
                                  TAO_PEGTL_ISTRING("Secretary"), TAO_PEGTL_ISTRING("Ambassador"),
                                  TAO_PEGTL_ISTRING("Prime Minister")>> {};
// bare_salutation <- ('Sirs' / 'Sir' / 'Gentlemen' / 'Madame' / 'Madam' / 'Your Excellency' /
//                     'Excellency' / title_salutation) [:,] !.
struct bare_salutation : seq<sor<TAO_PEGTL_ISTRING("Sirs"), TAO_PEGTL_ISTRING("Sir"), TAO_PEGTL_ISTRING("Gentlemen"),
                                 TAO_PEGTL_ISTRING("Madame"), TAO_PEGTL_ISTRING("Madam"),
                                 TAO_PEGTL_ISTRING("Your Excellency"), TAO_PEGTL_ISTRING("Excellency"),
                                 title_salutation>,
                             one<':', ','>, eof> {};
// salutation <- dear_salutation / bare_salutation
struct salutation : sor<dear_salutation, bare_salutation> {};

// closing_adverb <- 'Respectfully' / 'Sincerely' / 'Faithfully' / 'Truly' / 'Cordially' /
//                   'Affectionately' / 'Gratefully'                      (case-insensitive)
struct closing_adverb : sor<TAO_PEGTL_ISTRING("Respectfully"), TAO_PEGTL_ISTRING("Sincerely"),
                            TAO_PEGTL_ISTRING("Faithfully"), TAO_PEGTL_ISTRING("Truly"),
                            TAO_PEGTL_ISTRING("Cordially"), TAO_PEGTL_ISTRING("Affectionately"),
                            TAO_PEGTL_ISTRING("Gratefully")> {};
// adverb_closing <- ('Very ' / 'Most ')? closing_adverb (' yours' / ' submitted')?
struct adverb_closing : seq<opt<sor<TAO_PEGTL_ISTRING("Very "), TAO_PEGTL_ISTRING("Most ")>>, closing_adverb,
                            opt<sor<TAO_PEGTL_ISTRING(" yours"), TAO_PEGTL_ISTRING(" submitted")>>> {};
// yours_closing <- 'Yours' (' very')? (' ' closing_adverb)?
struct yours_closing : seq<TAO_PEGTL_ISTRING("Yours"), opt<TAO_PEGTL_ISTRING(" very")>, opt<space, closing_adverb>> {};
// regards_closing <- ('With ')? (('best' / 'kind' / 'warm') ' ')? 'regards'
struct regards_closing : seq<opt<TAO_PEGTL_ISTRING("With ")>,
                             opt<sor<TAO_PEGTL_ISTRING("best"), TAO_PEGTL_ISTRING("kind"), TAO_PEGTL_ISTRING("warm")>,
                                 space>,
                             TAO_PEGTL_ISTRING("regards")> {};
// closing <- (adverb_closing / yours_closing / regards_closing) [,.]? !.
struct closing : seq<sor<adverb_closing, yours_closing, regards_closing>, opt<one<',', '.'>>, eof> {};

// signature_marker <- '(s)' / '/s/' / '/S/' / '(Signed)' / '(signed)' / '[signed]' / '[Signed]' /
//                     'Signed:' / 'SIGNED:'
struct signature_marker : sor<TAO_PEGTL_STRING("(s)"), TAO_PEGTL_STRING("/s/"), TAO_PEGTL_STRING("/S/"),
                              TAO_PEGTL_STRING("(Signed)"), TAO_PEGTL_STRING("(signed)"),
                              TAO_PEGTL_STRING("[signed]"), TAO_PEGTL_STRING("[Signed]"),
                              TAO_PEGTL_STRING("Signed:"), TAO_PEGTL_STRING("SIGNED:")> {};
// signer_word <- [^ ]+
struct signer_word : plus<not_one<' '>> {};
// signer <- &([A-Z] / utf8_letter) signer_word (' ' signer_word){0,7} !.      (a name, with a title)
struct signer : seq<pegtl::at<sor<upper, utf8_letter>>, signer_word, pegtl::rep_max<7, space, signer_word>, eof> {};
// signature <- (signature_marker ' '* / 's/' ' '+) signer
// `s/` needs its space: "s/he" is no signature.
struct signature : seq<sor<seq<signature_marker, star<space>>, seq<TAO_PEGTL_STRING("s/"), plus<space>>>, signer> {};

// ---- notes, markings, stamps -----------------------------------------------------------------

// source_note_open <- 'Source:'             (at the start of a paragraph: a FRUS source note)
struct source_note_open : TAO_PEGTL_STRING("Source:") {};
// postscript_open <- ('P.S.' / 'P. S.' / 'P.P.S.' / 'PS:' / 'PS.') (' ' / !.)
struct postscript_open : seq<sor<TAO_PEGTL_STRING("P.S."), TAO_PEGTL_STRING("P. S."), TAO_PEGTL_STRING("P.P.S."),
                                 TAO_PEGTL_STRING("PS:"), TAO_PEGTL_STRING("PS.")>,
                             sor<space, eof>> {};
// draft_follows <- 'DRAFT FOLLOWS' ':'? !.     (case-insensitive)
struct draft_follows : seq<TAO_PEGTL_ISTRING("DRAFT FOLLOWS"), opt<one<':'>>, eof> {};
// draft_word <- 'DRAFT' !.                      (a part only after a separator or a signature)
struct draft_word : seq<TAO_PEGTL_STRING("DRAFT"), eof> {};

// classification_level <- 'TOP SECRET' / 'SECRET' / 'CONFIDENTIAL' / 'UNCLASSIFIED' / 'RESTRICTED'
struct classification_level : sor<TAO_PEGTL_STRING("TOP SECRET"), TAO_PEGTL_STRING("SECRET"),
                                  TAO_PEGTL_STRING("CONFIDENTIAL"), TAO_PEGTL_STRING("UNCLASSIFIED"),
                                  TAO_PEGTL_STRING("RESTRICTED")> {};
// control_word <- [A-Z] [A-Z0-9-]*
struct control_word : seq<upper, star<sor<upper, digit, one<'-'>>>> {};
// control <- control_word ((' ' / ', ') control_word)*     ("NOFORN", "REL TO USA, FVEY")
struct control : seq<control_word, star<sor<space, TAO_PEGTL_STRING(", ")>, control_word>> {};
// dissemination <- ('//' control)+
struct dissemination : plus<TAO_PEGTL_STRING("//"), control> {};
// caveat <- 'EYES ONLY' / 'NOFORN' / 'SENSITIVE' / 'NODIS' / 'EXDIS' / 'LIMDIS' / 'ORCON'
struct caveat : sor<TAO_PEGTL_STRING("EYES ONLY"), TAO_PEGTL_STRING("NOFORN"), TAO_PEGTL_STRING("SENSITIVE"),
                    TAO_PEGTL_STRING("NODIS"), TAO_PEGTL_STRING("EXDIS"), TAO_PEGTL_STRING("LIMDIS"),
                    TAO_PEGTL_STRING("ORCON")> {};
// caveat_separator <- ' - ' / ' -- ' / ' '
struct caveat_separator : sor<TAO_PEGTL_STRING(" - "), TAO_PEGTL_STRING(" -- "), space> {};
// classification_banner <- (classification_level dissemination? (caveat_separator caveat)* / 'EYES ONLY') !.
// Upper case only: "Top Secret" in a heading is a title, not a banner.
struct classification_banner
    : seq<sor<seq<classification_level, opt<dissemination>, star<caveat_separator, caveat>>,
              TAO_PEGTL_STRING("EYES ONLY")>,
          eof> {};

// portion_level <- 'TS' / 'S' / 'C' / 'U'
struct portion_level : sor<TAO_PEGTL_STRING("TS"), one<'S', 'C', 'U'>> {};
// portion_control <- '//' [A-Z]+ ('//' [A-Z]+)*            ("//NF", "//SI//NF", "//FOUO")
struct portion_control : plus<TAO_PEGTL_STRING("//"), plus<upper>> {};
// portion_marking <- portion_level portion_control?
struct portion_marking : seq<portion_level, opt<portion_control>> {};
// portion_mark <- '(' portion_marking ')' &' '          (at the start of a paragraph)
struct portion_mark : seq<one<'('>, portion_marking, one<')'>, pegtl::at<space>> {};

// Agency short forms, valid only inside a stamp's code group (§1).
// state_code <- 'B' [1-9] ('(' [A-F] ')')?                ("B1", "B7(C)")
struct state_code : seq<one<'B'>, range<'1', '9'>, opt<one<'('>, range<'A', 'F'>, one<')'>>> {};
// doj_code <- 'b' [1-9] [A-F]? ('-' [0-9]+ (',' [0-9]+)*)?    ("b6", "b7C", "b7E-1,2,3,6", "b3-1")
struct doj_code : seq<one<'b'>, range<'1', '9'>, opt<range<'A', 'F'>>,
                      opt<one<'-'>, plus<digit>, star<one<','>, plus<digit>>>> {};
// category_code <- '1.4(' [A-Ha-h] ')'                    (E.O. 13526 §1.4 categories)
struct category_code : seq<TAO_PEGTL_STRING("1.4("), sor<range<'A', 'H'>, range<'a', 'h'>>, one<')'>> {};
// agency_code <- (state_code / doj_code / category_code) ![A-Za-z0-9]
struct agency_code : seq<sor<state_code, doj_code, category_code>, not_at<alnum>> {};
// stamp_code_entry <- code_entry / agency_code
struct stamp_code_entry : sor<code_entry, agency_code> {};
// stamp_code_group <- stamp_code_entry (code_separator stamp_code_entry)*
struct stamp_code_group : seq<stamp_code_entry, star<code_separator, stamp_code_entry>> {};

// release_stamp <- 'RELEASE' 'D'? ' IN ' ('PART' / 'FULL') (' '+ stamp_code_group)? ' '* !.
struct release_stamp : seq<TAO_PEGTL_STRING("RELEASE"), opt<one<'D'>>, TAO_PEGTL_STRING(" IN "),
                           sor<TAO_PEGTL_STRING("PART"), TAO_PEGTL_STRING("FULL")>,
                           opt<plus<space>, stamp_code_group>, star<space>, eof> {};
// approved_stamp <- 'Approved for Release' (' by ' [A-Z] / ' ' [0-9] / ' '* ':') .*
// ("Approved for Release by NSA on …", "Approved For Release 2003/04/17 : CIA-RDP…"; not
// "approved for release by the committee" in a sentence).
struct approved_stamp : seq<TAO_PEGTL_ISTRING("Approved for Release"),
                            sor<seq<TAO_PEGTL_STRING(" by "), upper>, seq<space, digit>, seq<star<space>, one<':'>>>,
                            rest_of_line> {};
// declassified_stamp <- 'DECLASSIFIED' ![A-Za-z] .* /
//                       'Declassified ' ('Authority' / 'and Approved' / 'per' / 'E.O.') .*
struct declassified_stamp
    : sor<seq<TAO_PEGTL_STRING("DECLASSIFIED"), not_at<alpha>, rest_of_line>,
          seq<TAO_PEGTL_STRING("Declassified "),
              sor<TAO_PEGTL_STRING("Authority"), TAO_PEGTL_STRING("and Approved"), TAO_PEGTL_STRING("per "),
                  TAO_PEGTL_STRING("E.O.")>,
              rest_of_line>> {};
// authority_label <- 'Classified by' / 'Derived from' / 'Declassify on' / 'CL BY' / 'DECL' ' ON'?
struct authority_label : sor<TAO_PEGTL_ISTRING("Classified by"), TAO_PEGTL_ISTRING("Derived from"),
                             TAO_PEGTL_ISTRING("Declassify on"), TAO_PEGTL_STRING("CL BY"),
                             seq<TAO_PEGTL_STRING("DECL"), opt<TAO_PEGTL_STRING(" ON")>>> {};
// authority_line <- authority_label ' '* ':' .*           ("Classified by: …", "Declassify on: OADR")
struct authority_line : seq<authority_label, star<space>, one<':'>, rest_of_line> {};
// authority_reason <- 'Reason' ' '* ':' .*                 (only inside a block with an authority_line)
struct authority_reason : seq<TAO_PEGTL_ISTRING("Reason"), star<space>, one<':'>, rest_of_line> {};

}  // namespace archmark::grammar
