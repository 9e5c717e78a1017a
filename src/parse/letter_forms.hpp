// The forms of letter and record structure (conventions.md §4) as seen in one line of text, with
// the facts each carries. The grammar is run here; letter.cpp decides from the context.
#pragma once

#include <archmark/document.hpp>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace archmark::detail {

// What one line may be before its context is known.
enum class line_form : std::uint8_t {
    body,              // none of the forms below
    dateline,          // a date, with its place in front
    salutation,        // "Dear Mr. Chairman:"
    closing,           // "Respectfully yours,"
    signature,         // "(s) John F. Kennedy"
    classification,    // "TOP SECRET"
    stamp,             // "RELEASE IN PART B1", "Approved for Release by NSA …", "DECLASSIFIED …"
    authority,         // "Classified by: …", "Declassify on: OADR"
    authority_reason,  // "Reason: 1.4(b)" (a stamp only beside an authority line)
    separator,         // "*****", "* * *"
    page_break,        // "[Page 2]", "-2-", "Page 2 of 5"
    draft_follows,     // "DRAFT FOLLOWS"
    draft,             // "DRAFT" (a part only after a separator or a signature)
};

struct line_facts {
    line_form form = line_form::body;
    std::string place_name;  // dateline: "Moscow"
    std::string when;        // dateline: "1962-10-27", "--10-27"
    std::string date;        // dateline: the date as written, "October 27, 1962"
    std::string marking;     // classification: "TOP SECRET"
    std::string subtype;     // stamp: "release", "declassification", "classification-authority"
    std::string label;       // page_break: "2"
};

// Classifies the text of one whole line (markup removed).
line_facts classify_line(std::string_view text);
// The ISO date of a heading that is only a date ("## 27 October" -> "--10-27"), else empty.
std::string heading_date(std::string_view text);
// Whether a paragraph whose text starts with `text` is a source note ("Source: …").
bool opens_source_note(std::string_view text);
// Whether a paragraph whose text starts with `text` is a postscript ("P.S. …").
bool opens_postscript(std::string_view text);
// A page break "[Page 2]" at the start of `text`: its length (0 when there is none) and label.
std::size_t match_page_bracket(std::string_view text, std::string& label);
// The label of a line that is only a page break ("-2-", "Page 2 of 5", "[Page 2]"), else empty.
std::string page_line_label(std::string_view text);
// The label of a list item's text "2 -" (from a line `- 2 -`), else empty.
std::string page_item_label(std::string_view text);
// A portion mark "(S//NF)" at the start of `text`: its length (0 when none) and marking.
std::size_t match_portion_mark(std::string_view text, std::string& marking);
// The codes of a stamp's text, normalized as in §1 with the agency short forms: "B1" -> "(b)(1)",
// "b7C" -> "(b)(7)(C)", "1.4(b)" -> "1.4(B)"; each code once, in order.
std::vector<std::string> stamp_codes(std::string_view text);

// One line of a paragraph: its inline children [first, last), between top-level line breaks.
struct line_range {
    std::size_t first, last;
};
std::vector<line_range> lines_of(const node& paragraph);
// Appends the text of `nodes` with markup removed, a break as a space. False when they hold more
// than text, breaks, emphasis, strong, redactions and note calls: a line with a link, code or an
// edit is prose.
bool shown_text(std::span<const node> nodes, std::string& out);

}  // namespace archmark::detail
