// archmark document model: one closed set of node kinds, every node with its exact source span.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace archmark {

// Where a node or diagnostic sits in the original input. Offsets are bytes into the input as given
// (BOM included); lines and columns are 1-based, columns counted in Unicode code points.
// `end_*` is exclusive: it is the position just after the last character.
struct source_span {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    std::uint32_t end_line = 0;
    std::uint32_t end_column = 0;
    bool operator==(const source_span&) const = default;
};

// Every kind of node. Closed: writers switch over it without a default, so a new kind breaks the
// build of every writer that forgets it. Names (snake_case) come from kind_name().
enum class node_kind : std::uint8_t {
    // CommonMark / GFM blocks
    document, heading, paragraph, block_quote, list, item, code_block, html_block, thematic_break,
    table, table_row, table_cell, footnote_definition,
    // CommonMark / GFM inlines
    text, soft_break, line_break, emphasis, strong, code, link, image, html_inline, strikethrough,
    footnote_reference,
    // archival: redactions and edits (conventions.md §1, §2)
    redaction, deletion, insertion, substitution, superscript, subscript,
    // notes (§3)
    note,
    // letter and record structure (§4)
    dateline, salutation, closing, signature, source_note, classification, portion_mark, stamp,
    separator, part, page_break,
    // editorial brackets (§5)
    gap, unclear, sic, supplied, editorial_note,
};
inline constexpr int node_kind_count = static_cast<int>(node_kind::editorial_note) + 1;

// The snake_case name of a kind, as used in JSON "type", the AST dump and the docs.
std::string_view kind_name(node_kind kind) noexcept;
// Whether `kind` is an inline kind (lives inside paragraphs, headings and table cells).
bool is_inline(node_kind kind) noexcept;

// list: bulleted or numbered; the numbered list's delimiter (`1.` or `1)`).
enum class list_type : std::uint8_t { bullet, ordered };
enum class list_delimiter : std::uint8_t { none, period, paren };
// table and table_cell: a column's alignment (GFM `:--`, `:-:`, `--:`).
enum class table_alignment : std::uint8_t { none, left, center, right };

// Which redaction scheme a redaction belongs to (§1).
enum class redaction_scheme : std::uint8_t { foia, eo13526, frus, generic, bars };
// "foia", "eo13526", "frus", "generic" or "bars".
std::string_view scheme_name(redaction_scheme scheme) noexcept;
// "none", "left", "center" or "right".
std::string_view alignment_name(table_alignment alignment) noexcept;

// The payload fields that most nodes never use. They live behind one pointer so that a node of
// text costs about a hundred bytes, not six hundred: a 20 MB transcription has a million nodes.
struct node_attributes {
    // code_block: the info string
    std::string info;
    // link, image: destination and title
    std::string destination;
    std::string title;
    // footnote_reference, footnote_definition, note: the label as written; page_break: its number
    std::string label;
    // redaction and stamp: codes, normalized ("(b)(1)", "(b)(7)(C)", "25X1"); redaction: the (b)(3)
    // statute as written ("50 USC 403g")
    std::vector<std::string> codes;
    std::string statute;
    // redaction, gap: "line", "paragraph", "page", "name", "number", "word", "char"
    std::string unit;
    // insertion: "above" (interlinear, <sup>) or "inline" (<ins>, {++ ++})
    std::string place;
    // dateline: the place as written ("Moscow"); dateline and heading: the ISO date ("1962-10-27",
    // "--10-27" when the year is not given)
    std::string place_name;
    std::string when;
    // part: "draft" or "postscript"; gap: the reason ("illegible"); note: the style of its call
    // ("gfm", "sup", "unicode", "bracket", "mark"); stamp: "release", "declassification",
    // "classification-authority"
    std::string subtype;
    // classification and portion_mark: the marking, normalized ("TOP SECRET", "S//NF")
    std::string marking;
    // page_break and separator: the source as written ("- 2 -", "[Page 2]", "---"), for writers
    // that keep the transcription's spelling (Markdown); dateline: the date as written
    // ("October 27, 1962"), for writers that mark it up (TEI <date>)
    std::string written;
    // table: one alignment per column
    std::vector<table_alignment> alignments;
    // document: YAML front matter (conventions.md §6), keys in the order written
    std::vector<std::pair<std::string, std::string>> metadata;
};

// A node: its kind, span, children and payload. Scalar payload fields sit in the node, meaningful
// only for the kinds named beside them; the rest is in attrs().
struct node {
    node_kind kind = node_kind::text;
    // heading: 1-6. list: start number (ordered). table_row: 1 for the header row.
    int level = 0;
    source_span span;
    std::vector<node> children;
    // text, code, html_block, html_inline, code_block: the content as parsed (escapes resolved).
    std::string literal;

    // list
    list_type list = list_type::bullet;
    list_delimiter delimiter = list_delimiter::none;
    bool tight = false;
    // code_block: fenced or indented
    bool fenced = false;
    // table_cell: its column's alignment
    table_alignment align = table_alignment::none;
    // redaction (§1)
    redaction_scheme scheme = redaction_scheme::foia;
    bool at_most = false;           // "less than 1 line"
    // item: GFM task box (nullopt when the item has none)
    std::optional<bool> task_checked;
    // redaction (FRUS placeholders, black bars), gap: how much is missing
    std::optional<int> quantity;

    // Copies are deep (children and payload); moves are cheap.
    node() = default;
    node(const node& other);
    node& operator=(const node& other);
    node(node&&) noexcept = default;
    node& operator=(node&&) noexcept = default;
    ~node() = default;

    // The rarely used payload (empty for nodes that have none). The non-const form creates it.
    const node_attributes& attrs() const noexcept;
    node_attributes& attrs();

    // The text of the node's subtree with markup removed (text, code and literal content).
    std::string plain_text() const;

private:
    std::unique_ptr<node_attributes> attrs_;
};

// The document's title (conventions.md §6): the front matter's `title`, else the plain text of the
// first heading, else empty (callers fall back to the file name).
std::string title_of(const node& document);

// Whether a node of kind `parent` may contain one of kind `child`. The one place that states the
// document model's containment rules; check_invariants() and the parser use it.
bool can_contain(node_kind parent, node_kind child) noexcept;

// Checks every invariant of a parsed tree (containment, spans inside their parent, ordered siblings,
// literals only where they belong). Returns a description of the first violation, or empty.
std::string check_invariants(const node& root, std::string_view source);

}  // namespace archmark
