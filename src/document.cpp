#include <archmark/document.hpp>

#include <array>
#include <string>

namespace archmark {

std::string_view kind_name(node_kind kind) noexcept {
    switch (kind) {
    case node_kind::document: return "document";
    case node_kind::heading: return "heading";
    case node_kind::paragraph: return "paragraph";
    case node_kind::block_quote: return "block_quote";
    case node_kind::list: return "list";
    case node_kind::item: return "item";
    case node_kind::code_block: return "code_block";
    case node_kind::html_block: return "html_block";
    case node_kind::thematic_break: return "thematic_break";
    case node_kind::table: return "table";
    case node_kind::table_row: return "table_row";
    case node_kind::table_cell: return "table_cell";
    case node_kind::footnote_definition: return "footnote_definition";
    case node_kind::text: return "text";
    case node_kind::soft_break: return "soft_break";
    case node_kind::line_break: return "line_break";
    case node_kind::emphasis: return "emphasis";
    case node_kind::strong: return "strong";
    case node_kind::code: return "code";
    case node_kind::link: return "link";
    case node_kind::image: return "image";
    case node_kind::html_inline: return "html_inline";
    case node_kind::strikethrough: return "strikethrough";
    case node_kind::footnote_reference: return "footnote_reference";
    case node_kind::redaction: return "redaction";
    case node_kind::deletion: return "deletion";
    case node_kind::insertion: return "insertion";
    case node_kind::substitution: return "substitution";
    case node_kind::superscript: return "superscript";
    case node_kind::subscript: return "subscript";
    case node_kind::note: return "note";
    case node_kind::dateline: return "dateline";
    case node_kind::salutation: return "salutation";
    case node_kind::closing: return "closing";
    case node_kind::signature: return "signature";
    case node_kind::source_note: return "source_note";
    case node_kind::classification: return "classification";
    case node_kind::portion_mark: return "portion_mark";
    case node_kind::stamp: return "stamp";
    case node_kind::separator: return "separator";
    case node_kind::part: return "part";
    case node_kind::page_break: return "page_break";
    case node_kind::gap: return "gap";
    case node_kind::unclear: return "unclear";
    case node_kind::sic: return "sic";
    case node_kind::supplied: return "supplied";
    case node_kind::editorial_note: return "editorial_note";
    }
    return "?";
}

std::string_view scheme_name(redaction_scheme scheme) noexcept {
    switch (scheme) {
    case redaction_scheme::foia: return "foia";
    case redaction_scheme::eo13526: return "eo13526";
    case redaction_scheme::frus: return "frus";
    case redaction_scheme::generic: return "generic";
    case redaction_scheme::bars: return "bars";
    }
    return "?";
}

std::string_view alignment_name(table_alignment alignment) noexcept {
    switch (alignment) {
    case table_alignment::none: return "none";
    case table_alignment::left: return "left";
    case table_alignment::center: return "center";
    case table_alignment::right: return "right";
    }
    return "?";
}

bool is_inline(node_kind kind) noexcept {
    switch (kind) {
    case node_kind::text: case node_kind::soft_break: case node_kind::line_break:
    case node_kind::emphasis: case node_kind::strong: case node_kind::code: case node_kind::link:
    case node_kind::image: case node_kind::html_inline: case node_kind::strikethrough:
    case node_kind::footnote_reference: case node_kind::redaction: case node_kind::deletion:
    case node_kind::insertion: case node_kind::substitution: case node_kind::superscript:
    case node_kind::subscript: case node_kind::note:
    case node_kind::portion_mark: case node_kind::page_break: case node_kind::gap:
    case node_kind::unclear: case node_kind::sic: case node_kind::supplied:
    case node_kind::editorial_note:
        return true;
    case node_kind::document: case node_kind::heading: case node_kind::paragraph:
    case node_kind::block_quote: case node_kind::list: case node_kind::item:
    case node_kind::code_block: case node_kind::html_block: case node_kind::thematic_break:
    case node_kind::table: case node_kind::table_row: case node_kind::table_cell:
    case node_kind::footnote_definition: case node_kind::dateline: case node_kind::salutation:
    case node_kind::closing: case node_kind::source_note: case node_kind::classification:
    case node_kind::stamp: case node_kind::separator: case node_kind::part: case node_kind::signature:
        return false;
    }
    return false;
}

namespace {

// Blocks that may stand where paragraphs stand (document, quotes, items, notes, parts). A page
// break may stand between blocks as well as inside a line.
bool is_flow_block(node_kind k) noexcept {
    if (k == node_kind::page_break) return true;
    return !is_inline(k) && k != node_kind::document && k != node_kind::item &&
           k != node_kind::table_row && k != node_kind::table_cell;
}

}  // namespace

bool can_contain(node_kind parent, node_kind child) noexcept {
    switch (parent) {
    case node_kind::document:
    case node_kind::block_quote:
    case node_kind::item:
    case node_kind::footnote_definition:
    case node_kind::part:
        // A note definition never called stays, as a note, at the end of its document (§3).
        if (child == node_kind::note) return parent == node_kind::document || parent == node_kind::part;
        return is_flow_block(child) && (child != node_kind::part || parent == node_kind::document);
    case node_kind::list: return child == node_kind::item;
    case node_kind::table: return child == node_kind::table_row;
    case node_kind::table_row: return child == node_kind::table_cell;
    // A note carries its body: inlines for run-in notes, blocks for GFM definitions.
    case node_kind::note: return child != node_kind::document && child != node_kind::part &&
                                 child != node_kind::item && child != node_kind::table_row &&
                                 child != node_kind::table_cell;
    case node_kind::heading: case node_kind::paragraph: case node_kind::table_cell:
    case node_kind::dateline: case node_kind::salutation: case node_kind::closing:
    case node_kind::source_note: case node_kind::classification: case node_kind::stamp:
    case node_kind::emphasis: case node_kind::strong: case node_kind::link: case node_kind::image:
    case node_kind::strikethrough: case node_kind::deletion: case node_kind::insertion:
    case node_kind::superscript: case node_kind::subscript: case node_kind::signature:
    case node_kind::unclear: case node_kind::sic: case node_kind::supplied:
    case node_kind::editorial_note: case node_kind::redaction:
        return is_inline(child);
    // Its insertion and deletion in source order, and the spaces between them as text.
    case node_kind::substitution:
        return child == node_kind::insertion || child == node_kind::deletion || child == node_kind::text;
    // The words of an illegible-gap bracket as typed ("3 words illegible"), kept for fidelity.
    case node_kind::gap: return child == node_kind::text;
    case node_kind::code_block: case node_kind::html_block: case node_kind::thematic_break:
    case node_kind::text: case node_kind::soft_break: case node_kind::line_break:
    case node_kind::code: case node_kind::html_inline: case node_kind::footnote_reference:
    case node_kind::portion_mark: case node_kind::separator: case node_kind::page_break:
        return false;
    }
    return false;
}

namespace {

void append_plain(const node& n, std::string& out) {
    out += n.literal;
    if (n.kind == node_kind::soft_break || n.kind == node_kind::line_break) out += ' ';
    for (const auto& c : n.children) append_plain(c, out);
}

bool has_literal(node_kind k) noexcept {
    return k == node_kind::text || k == node_kind::code || k == node_kind::html_block ||
           k == node_kind::html_inline || k == node_kind::code_block;
}

std::string describe(const node& n) {
    return std::string(kind_name(n.kind)) + " at " + std::to_string(n.span.line) + ":" +
           std::to_string(n.span.column);
}

std::string check_node(const node& n, std::string_view source) {
    if (n.span.begin > n.span.end || n.span.end > source.size())
        return describe(n) + ": span [" + std::to_string(n.span.begin) + "," +
               std::to_string(n.span.end) + ") outside the input";
    if (!n.literal.empty() && !has_literal(n.kind)) return describe(n) + ": unexpected literal";
    std::uint32_t previous_end = n.span.begin;
    for (const auto& c : n.children) {
        if (!can_contain(n.kind, c.kind))
            return describe(n) + " may not contain " + describe(c);
        // Notes carry bodies defined elsewhere in the file, so only their own span is checked.
        // cmark-gfm moves footnote definitions to the end of the document: a part that ends the
        // document holds the ones kept there (uncalled or duplicate) out of source order.
        bool moved_definition = n.kind == node_kind::part &&
                                (c.kind == node_kind::note || c.kind == node_kind::footnote_definition);
        if (n.kind != node_kind::note && n.kind != node_kind::document && !moved_definition) {
            if (c.span.begin < n.span.begin || c.span.end > n.span.end)
                return describe(c) + " lies outside its parent " + describe(n);
            if (c.span.begin < previous_end)
                return describe(c) + " overlaps its previous sibling";
            previous_end = c.span.end;
        }
        if (auto problem = check_node(c, source); !problem.empty()) return problem;
    }
    return {};
}

}  // namespace

node::node(const node& other)
    : kind(other.kind), level(other.level), span(other.span), children(other.children), literal(other.literal),
      list(other.list), delimiter(other.delimiter), tight(other.tight), fenced(other.fenced),
      align(other.align), scheme(other.scheme), at_most(other.at_most), task_checked(other.task_checked),
      quantity(other.quantity),
      attrs_(other.attrs_ ? std::make_unique<node_attributes>(*other.attrs_) : nullptr) {}

node& node::operator=(const node& other) {
    if (this != &other) *this = node(other);
    return *this;
}

const node_attributes& node::attrs() const noexcept {
    static const node_attributes none;
    return attrs_ ? *attrs_ : none;
}

node_attributes& node::attrs() {
    if (!attrs_) attrs_ = std::make_unique<node_attributes>();
    return *attrs_;
}

std::string node::plain_text() const {
    std::string out;
    append_plain(*this, out);
    return out;
}

std::string title_of(const node& document) {
    for (const auto& [key, value] : document.attrs().metadata)
        if (key == "title" && !value.empty()) return value;
    // Classification banners are their own kind, so the first heading is a real one.
    for (const auto& child : document.children)
        if (child.kind == node_kind::heading) return child.plain_text();
    return {};
}

std::string check_invariants(const node& root, std::string_view source) {
    if (root.kind != node_kind::document) return "root is " + describe(root) + ", not a document";
    return check_node(root, source);
}

}  // namespace archmark
