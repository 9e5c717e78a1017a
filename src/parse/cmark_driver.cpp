#include "src/parse/cmark_driver.hpp"

#include "src/parse/pass_support.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <dlfcn.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>
#include <tuple>
#include <string>

// The GFM extensions' node types are exported by libcmark-gfm-extensions, but Debian ships no
// header declaring them.
extern "C" {
extern cmark_node_type CMARK_NODE_TABLE;
extern cmark_node_type CMARK_NODE_TABLE_ROW;
extern cmark_node_type CMARK_NODE_TABLE_CELL;
extern cmark_node_type CMARK_NODE_STRIKETHROUGH;
}

// cmark-gfm 0.29 is not thread-safe as shipped: before each parse it adds its extensions'
// special inline characters (`~`) to one global table and removes them after, so a parse on
// one thread loses `~~struck~~` while another finishes (github/cmark-gfm#176; seen as 13 of
// 10,000 files with `convert -j 2`, and 7-11 of 4000 threaded parses from Python).
// This definition takes the place of the library's: libcmark-gfm calls the function through its
// PLT, and the dynamic linker finds the program's (or the Python module's) definition first. It
// adds the characters (writing the same table entries again is harmless) and never removes them,
// so a parse never sees the table change under it. A character left special where no extension
// claims it is read as text.
extern "C" __attribute__((visibility("default"))) void cmark_manage_extensions_special_characters(
    cmark_parser* parser, int add) {
    using function = void (*)(cmark_parser*, int);
    static const auto real =
        reinterpret_cast<function>(::dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters"));
    if (add && real) real(parser, 1);
}

namespace archmark::detail {
namespace {

struct parser_deleter { void operator()(cmark_parser* p) const { cmark_parser_free(p); } };
struct node_deleter { void operator()(cmark_node* n) const { cmark_node_free(n); } };

// A string from cmark-gfm. The input is valid UTF-8, but cmark-gfm writes a reference to
// U+FFFE or U+FFFF (`&#xFFFE;`) as the lone byte FE or FF; such a byte becomes U+FFFD, so that
// every string of the tree is UTF-8 (and a reference still stands for one code point when the
// text is aligned with its source).
std::string from_cmark(const char* s) {
    std::string out = s ? s : "";
    // Two memchr scans: find_first_of calls memchr on its set once per byte of the text.
    if (!std::memchr(out.data(), '\xFE', out.size()) && !std::memchr(out.data(), '\xFF', out.size())) return out;
    std::string clean;
    for (char c : out) {
        if (c == '\xFE' || c == '\xFF') clean += "\xEF\xBF\xBD";
        else clean += c;
    }
    return clean;
}

std::string literal_of(cmark_node* n) { return from_cmark(cmark_node_get_literal(n)); }

bool is_space(char c) noexcept { return c == ' ' || c == '\t'; }
bool is_newline(char c) noexcept { return c == '\n' || c == '\r'; }

// Keeps a subtree's spans inside [lo, hi].
void clamp_subtree(node& n, const source_map& map, std::uint32_t lo, std::uint32_t hi) {
    std::uint32_t b = std::clamp(n.span.begin, lo, hi), e = std::clamp(n.span.end, b, hi);
    if (b == n.span.begin && e == n.span.end) return;
    n.span = map.span(b, e);
    for (auto& c : n.children) clamp_subtree(c, map, b, e);
}

// cmark-gfm's block positions have quirks: a setext heading underlined with `---` ends on the
// line after its underline when a paragraph follows at once, an unclosed fence runs out of its
// block quote, padding cells of short table rows sit at column 0. Make children lie inside their
// parent and after their previous sibling; a block cut short ends before the blanks that separated
// it from the next. Footnote definitions, which cmark-gfm moves to the end of the document, keep
// their own spans and are no one's previous sibling.
void fit_children(node& parent, const source_map& map) {
    node* previous = nullptr;
    for (auto& c : parent.children) {
        clamp_subtree(c, map, parent.span.begin, parent.span.end);
        if (c.kind == node_kind::footnote_definition) continue;
        if (previous && c.span.begin < previous->span.end) {
            bool synthetic = c.children.empty() && c.literal.empty();
            if (synthetic) {
                clamp_subtree(c, map, previous->span.end, previous->span.end);
            } else {
                std::uint32_t end = c.span.begin;
                while (end > previous->span.begin && (is_space(map.text()[end - 1]) || is_newline(map.text()[end - 1])))
                    --end;
                clamp_subtree(*previous, map, previous->span.begin, end);
            }
        }
        previous = &c;
    }
}

class converter {
public:
    converter(const source_map& map, std::vector<diagnostic>& diagnostics,
              cmark_syntax_extension* tasklist)
        : map_(map), src_(map.text()), diagnostics_(diagnostics), tasklist_(tasklist) {}

    node block(cmark_node* cn, int depth);

private:
    std::uint32_t size() const noexcept { return static_cast<std::uint32_t>(src_.size()); }
    std::pair<std::uint32_t, std::uint32_t> block_range(cmark_node* cn) const;
    std::uint32_t content_start(cmark_node* cn, node_kind kind, std::uint32_t begin) const;
    void inlines(cmark_node* parent, node& out, std::uint32_t& cursor, std::uint32_t limit, int depth);
    node inline_node(cmark_node* cn, std::uint32_t& cursor, std::uint32_t limit, int depth,
                     cmark_node* next);
    std::pair<std::uint32_t, std::uint32_t> locate_text(std::string_view literal, std::uint32_t cursor,
                                                        std::uint32_t limit) const;
    std::uint32_t link_tail(std::uint32_t p, std::uint32_t limit, cmark_node* next) const;
    // A subtree kept as its words: a text node, or a paragraph holding one when `kind` is paragraph.
    node plain(cmark_node* cn, node_kind kind, std::uint32_t begin, std::uint32_t end) const;
    // The same for a subtree too deep to follow, with a limit.depth warning.
    node flattened(cmark_node* cn, node_kind kind, std::uint32_t begin, std::uint32_t end);

    const source_map& map_;
    std::string_view src_;
    std::vector<diagnostic>& diagnostics_;
    cmark_syntax_extension* tasklist_;

    // When a table interrupts a paragraph, cmark-gfm loses the paragraph's position and misplaces
    // the header row; these carry the corrected ranges from the table down to its cells.
    std::uint32_t table_header_line(cmark_node* table) const;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> cell_ranges(std::uint32_t line) const;
    std::optional<std::pair<std::uint32_t, std::uint32_t>> forced_range_;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> header_cells_;
    std::uint32_t header_line_ = 0;
};

// The line of a table's header row: the line above its delimiter row (`| --- | :-: |`).
std::uint32_t converter::table_header_line(cmark_node* table) const {
    auto first = static_cast<std::uint32_t>(std::max(cmark_node_get_start_line(table), 1));
    auto last = static_cast<std::uint32_t>(std::max(cmark_node_get_end_line(table), 1));
    for (std::uint32_t line = first + 1; line <= last; ++line) {
        std::string_view text = src_.substr(map_.line_start(line), map_.line_end(line) - map_.line_start(line));
        if (text.find('-') != std::string_view::npos &&
            text.find_first_not_of("|:- \t") == std::string_view::npos)
            return line - 1;
    }
    return first;
}

// The cells of a table row line, split at unescaped pipes (a leading and a trailing pipe are
// borders, not cells).
std::vector<std::pair<std::uint32_t, std::uint32_t>> converter::cell_ranges(std::uint32_t line) const {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> cells;
    std::uint32_t p = map_.line_start(line), end = map_.line_end(line);
    while (p < end && is_space(src_[p])) ++p;
    if (p < end && src_[p] == '|') ++p;
    std::uint32_t cell = p;
    for (; p < end; ++p) {
        if (src_[p] == '\\') { ++p; continue; }
        if (src_[p] == '|') { cells.emplace_back(cell, p); cell = p + 1; }
    }
    std::uint32_t rest = cell;
    while (rest < end && is_space(src_[rest])) ++rest;
    if (rest < end) cells.emplace_back(cell, end);
    return cells;
}

std::pair<std::uint32_t, std::uint32_t> converter::block_range(cmark_node* cn) const {
    if (forced_range_) return *forced_range_;
    int sl = cmark_node_get_start_line(cn), sc = cmark_node_get_start_column(cn);
    int el = cmark_node_get_end_line(cn), ec = cmark_node_get_end_column(cn);
    if (sc < 1) return {map_.line_end(static_cast<std::uint32_t>(std::max(sl, 1))),
                        map_.line_end(static_cast<std::uint32_t>(std::max(sl, 1)))};
    std::uint32_t b = map_.offset_of(sl, sc);
    std::uint32_t e;
    if (el < 1) e = b;
    else if (ec <= 0) e = el > 1 ? map_.line_end(static_cast<std::uint32_t>(el - 1)) : b;
    else e = std::min(map_.line_start(static_cast<std::uint32_t>(el)) + static_cast<std::uint32_t>(ec),
                      map_.line_end(static_cast<std::uint32_t>(el)));
    if (e < b) e = b;
    if (cmark_node_get_type(cn) == CMARK_NODE_FOOTNOTE_DEFINITION) {
        // cmark-gfm starts a definition at its content; the span starts at its `[^`.
        std::uint32_t line_begin = map_.line_start(static_cast<std::uint32_t>(std::max(sl, 1)));
        for (std::uint32_t p = b; p > line_begin; --p)
            if (src_[p - 1] == '[' && p < size() && src_[p] == '^') { b = p - 1; break; }
    }
    return {b, e};
}

// Where the inline content of a leaf block starts: after an ATX heading's `#`s, else at the block.
std::uint32_t converter::content_start(cmark_node* cn, node_kind kind, std::uint32_t begin) const {
    std::uint32_t p = begin;
    if (kind == node_kind::heading) {
        std::uint32_t q = p;
        while (q < size() && is_space(src_[q])) ++q;
        if (q < size() && src_[q] == '#') {
            while (q < size() && src_[q] == '#') ++q;
            while (q < size() && is_space(src_[q])) ++q;
            p = q;
        }
    }
    (void)cn;
    return p;
}

// Finds a text literal in the source at the cursor, or after container prefixes and lines that
// cmark consumed without a node (link reference definitions). Falls back to the cursor.
std::pair<std::uint32_t, std::uint32_t> converter::locate_text(std::string_view literal,
                                                               std::uint32_t cursor,
                                                               std::uint32_t limit) const {
    if (literal.empty()) return {cursor, cursor};
    auto attempt = [&](std::uint32_t at) -> std::int64_t {
        return align_literal(src_, at, limit, literal, nullptr);
    };
    if (auto e = attempt(cursor); e >= 0) return {cursor, static_cast<std::uint32_t>(e)};
    std::uint32_t p = cursor;
    for (int lines = 0; lines < 64 && p < limit; ++lines) {
        std::uint32_t q = p;
        while (q < limit && (is_space(src_[q]) || src_[q] == '>')) ++q;
        if (auto e = attempt(q); e >= 0) return {q, static_cast<std::uint32_t>(e)};
        while (p < limit && !is_newline(src_[p])) ++p;
        while (p < limit && is_newline(src_[p])) ++p;
    }
    return {cursor, std::min<std::uint32_t>(cursor + static_cast<std::uint32_t>(literal.size()), limit)};
}

// The end of a link's tail after its text: `]` then `(dest "title")`, `[label]` or nothing.
std::uint32_t converter::link_tail(std::uint32_t p, std::uint32_t limit, cmark_node* next) const {
    while (p < limit && src_[p] != ']') ++p;
    if (p >= limit) return limit;
    ++p;
    auto skip_ws = [&] { while (p < limit && (is_space(src_[p]) || is_newline(src_[p]))) ++p; };
    // A `(` or `[` right after the `]` that the next text node starts with is not this link's.
    const char* next_literal = next && cmark_node_get_type(next) == CMARK_NODE_TEXT
                                   ? cmark_node_get_literal(next) : nullptr;
    if (p < limit && next_literal && next_literal[0] == src_[p]) return p;
    if (p < limit && src_[p] == '(') {
        ++p;
        skip_ws();
        if (p < limit && src_[p] == '<') {
            while (p < limit && src_[p] != '>') p += (src_[p] == '\\') ? 2 : 1;
            ++p;
        } else {
            int depth = 0;
            while (p < limit && !is_space(src_[p]) && !is_newline(src_[p])) {
                if (src_[p] == '\\') { p += 2; continue; }
                if (src_[p] == '(') ++depth;
                else if (src_[p] == ')') { if (depth == 0) break; --depth; }
                ++p;
            }
        }
        skip_ws();
        if (p < limit && (src_[p] == '"' || src_[p] == '\'' || src_[p] == '(')) {
            char close = src_[p] == '(' ? ')' : src_[p];
            ++p;
            while (p < limit && src_[p] != close) p += (src_[p] == '\\') ? 2 : 1;
            ++p;
            skip_ws();
        }
        if (p < limit && src_[p] == ')') ++p;
        return std::min(p, limit);
    }
    if (p < limit && src_[p] == '[') {
        // A full or collapsed reference `[label]`.
        std::uint32_t q = p + 1;
        while (q < limit && src_[q] != ']' && src_[q] != '[') q += (src_[q] == '\\') ? 2 : 1;
        if (q < limit && src_[q] == ']') return q + 1;
    }
    return p;
}

node converter::plain(cmark_node* cn, node_kind kind, std::uint32_t begin, std::uint32_t end) const {
    // Collect the words of the subtree without recursion, so nothing is lost.
    std::string words;
    std::unique_ptr<cmark_iter, void (*)(cmark_iter*)> it(cmark_iter_new(cn), cmark_iter_free);
    for (cmark_event_type ev; (ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE;) {
        cmark_node* n = cmark_iter_get_node(it.get());
        if (ev != CMARK_EVENT_ENTER) continue;
        const char* lit = cmark_node_get_literal(n);
        auto t = cmark_node_get_type(n);
        if (lit && t != CMARK_NODE_FOOTNOTE_REFERENCE && t != CMARK_NODE_FOOTNOTE_DEFINITION) {
            if (!words.empty() && (t == CMARK_NODE_CODE_BLOCK || t == CMARK_NODE_HTML_BLOCK)) words += ' ';
            words += from_cmark(lit);
        } else if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK || t == CMARK_NODE_PARAGRAPH) {
            if (!words.empty() && words.back() != ' ') words += ' ';
        }
    }
    node text;
    text.kind = node_kind::text;
    text.literal = std::move(words);
    text.span = map_.span(begin, end);
    if (kind == node_kind::text) return text;
    node para;
    para.kind = node_kind::paragraph;
    para.span = text.span;
    para.children.push_back(std::move(text));
    return para;
}

node converter::flattened(cmark_node* cn, node_kind kind, std::uint32_t begin, std::uint32_t end) {
    node n = plain(cn, kind, begin, end);
    diagnostics_.push_back(make_diagnostic(rule::limit_depth, n.span,
                                           "nesting deeper than " + std::to_string(max_depth) +
                                               " levels; the inner structure is kept as plain text"));
    return n;
}

node converter::block(cmark_node* cn, int depth) {
    node n;
    auto [begin, end] = block_range(cn);
    forced_range_.reset();
    auto type = cmark_node_get_type(cn);
    switch (type) {
    case CMARK_NODE_DOCUMENT:
        n.kind = node_kind::document;
        begin = map_.line_start(1);
        end = size();
        break;
    case CMARK_NODE_BLOCK_QUOTE: n.kind = node_kind::block_quote; break;
    case CMARK_NODE_LIST:
        n.kind = node_kind::list;
        n.list = cmark_node_get_list_type(cn) == CMARK_ORDERED_LIST ? list_type::ordered : list_type::bullet;
        n.level = n.list == list_type::ordered ? cmark_node_get_list_start(cn) : 0;
        n.delimiter = n.list == list_type::bullet ? list_delimiter::none
                      : cmark_node_get_list_delim(cn) == CMARK_PAREN_DELIM ? list_delimiter::paren
                                                                         : list_delimiter::period;
        n.tight = cmark_node_get_list_tight(cn) != 0;
        break;
    case CMARK_NODE_ITEM:
        n.kind = node_kind::item;
        if (tasklist_ && cmark_node_get_syntax_extension(cn) == tasklist_)
            n.task_checked = cmark_gfm_extensions_get_tasklist_item_checked(cn);
        break;
    case CMARK_NODE_CODE_BLOCK: {
        n.kind = node_kind::code_block;
        n.literal = literal_of(cn);
        n.attrs().info = from_cmark(cmark_node_get_fence_info(cn));
        int length = 0, offset = 0;
        char character = 0;
        n.fenced = cmark_node_get_fenced(cn, &length, &offset, &character) != 0;
        break;
    }
    case CMARK_NODE_HTML_BLOCK: n.kind = node_kind::html_block; n.literal = literal_of(cn); break;
    case CMARK_NODE_PARAGRAPH: n.kind = node_kind::paragraph; break;
    case CMARK_NODE_HEADING:
        n.kind = node_kind::heading;
        n.level = cmark_node_get_heading_level(cn);
        break;
    case CMARK_NODE_THEMATIC_BREAK: n.kind = node_kind::thematic_break; break;
    case CMARK_NODE_FOOTNOTE_DEFINITION:
        n.kind = node_kind::footnote_definition;
        // cmark-gfm's API does not give a definition's label: read it from its `[^label]:`.
        if (auto close = src_.find(']', begin); src_.substr(begin, 2) == "[^" && close < end)
            n.attrs().label = std::string(src_.substr(begin + 2, close - begin - 2));
        break;
    default:
        if (type == CMARK_NODE_TABLE) {
            n.kind = node_kind::table;
            auto columns = cmark_gfm_extensions_get_table_columns(cn);
            const std::uint8_t* aligns = cmark_gfm_extensions_get_table_alignments(cn);
            for (int i = 0; i < columns; ++i) {
                std::uint8_t a = aligns ? aligns[i] : 0;
                n.attrs().alignments.push_back(a == 'l' ? table_alignment::left : a == 'c' ? table_alignment::center
                                       : a == 'r' ? table_alignment::right : table_alignment::none);
            }
            if (auto line = table_header_line(cn);
                static_cast<int>(line) != cmark_node_get_start_line(cn)) {
                header_line_ = line;
                begin = map_.line_start(line);
            }
        } else if (type == CMARK_NODE_TABLE_ROW) {
            n.kind = node_kind::table_row;
            n.level = cmark_gfm_extensions_get_table_row_is_header(cn) ? 1 : 0;
            if (n.level == 1 && header_line_ != 0) {
                begin = map_.line_start(header_line_);
                end = map_.line_end(header_line_);
                header_cells_ = cell_ranges(header_line_);
                std::reverse(header_cells_.begin(), header_cells_.end());
                header_line_ = 0;
            }
        } else if (type == CMARK_NODE_TABLE_CELL) {
            n.kind = node_kind::table_cell;
            if (!header_cells_.empty()) {
                std::tie(begin, end) = header_cells_.back();
                header_cells_.pop_back();
            }
        } else {
            // An unknown block from an extension: keep its words as a paragraph.
            return plain(cn, node_kind::paragraph, begin, end);
        }
        break;
    }
    n.span = map_.span(begin, end);

    bool holds_inlines = n.kind == node_kind::paragraph || n.kind == node_kind::heading ||
                         n.kind == node_kind::table_cell;
    if (holds_inlines) {
        std::uint32_t cursor = content_start(cn, n.kind, begin);
        inlines(cn, n, cursor, end, depth + 1);
        return n;
    }
    bool flow_container = n.kind == node_kind::block_quote || n.kind == node_kind::item ||
                          n.kind == node_kind::footnote_definition;
    if (flow_container && depth >= max_depth && cmark_node_first_child(cn)) {
        n.children.push_back(flattened(cn, node_kind::paragraph, begin, end));
        return n;
    }
    // One allocation per child list, of the right size: growing by doubling would touch twice the
    // memory of the document's block list. That list has room for 1/16 more: the letter pass
    // splits paragraphs into their lines (a salutation and the body after it), and a list that
    // had to move would hold the old and the new copy at once.
    std::size_t count = 0;
    for (cmark_node* c = cmark_node_first_child(cn); c; c = cmark_node_next(c)) ++count;
    n.children.reserve(n.kind == node_kind::document ? count + count / 16 + 16 : count);
    int column = 0;
    for (cmark_node* c = cmark_node_first_child(cn), *next = nullptr; c; c = next) {
        next = cmark_node_next(c);
        if (cmark_node_get_start_line(c) < 1) {
            // A block without a position (a paragraph a table interrupted): it fills the gap
            // between its previous sibling and the next one.
            std::uint32_t lo = n.children.empty() ? begin : n.children.back().span.end;
            std::uint32_t hi = end;
            if (next) {
                hi = cmark_node_get_type(next) == CMARK_NODE_TABLE ? map_.line_start(table_header_line(next))
                                                                   : block_range(next).first;
            }
            while (lo < hi && (is_space(src_[lo]) || is_newline(src_[lo]))) ++lo;
            while (hi > lo && (is_space(src_[hi - 1]) || is_newline(src_[hi - 1]))) --hi;
            forced_range_ = std::make_pair(lo, hi);
        }
        n.children.push_back(block(c, depth + 1));
        if (n.kind == node_kind::document) {
            // Each top-level block is converted: free cmark-gfm's copy now, not at the end, so the
            // two trees of a large file are never in memory whole at the same time.
            cmark_node_unlink(c);
            cmark_node_free(c);
        }
        if (n.kind == node_kind::table_row) {
            // Cells take their column's alignment from the table.
            cmark_node* table = cmark_node_parent(cn);
            auto columns = table ? cmark_gfm_extensions_get_table_columns(table) : 0;
            const std::uint8_t* aligns = table ? cmark_gfm_extensions_get_table_alignments(table) : nullptr;
            std::uint8_t a = (aligns && column < columns) ? aligns[column] : 0;
            n.children.back().align = a == 'l' ? table_alignment::left : a == 'c' ? table_alignment::center
                                      : a == 'r' ? table_alignment::right : table_alignment::none;
            ++column;
        }
    }
    fit_children(n, map_);
    return n;
}

void converter::inlines(cmark_node* parent, node& out, std::uint32_t& cursor, std::uint32_t limit,
                        int depth) {
    if (depth >= max_depth && cmark_node_first_child(parent)) {
        out.children.push_back(flattened(parent, node_kind::text, cursor, limit));
        cursor = limit;
        return;
    }
    std::size_t count = 0;
    for (cmark_node* c = cmark_node_first_child(parent); c; c = cmark_node_next(c)) ++count;
    out.children.reserve(out.children.size() + count);
    for (cmark_node* c = cmark_node_first_child(parent); c; c = cmark_node_next(c)) {
        node n = inline_node(c, cursor, limit, depth, cmark_node_next(c));
        if (n.kind == node_kind::text && n.literal.empty()) continue;  // cmark-gfm leaves some behind
        // cmark-gfm splits runs of text at brackets and escapes; join them back into one run.
        if (n.kind == node_kind::text && !out.children.empty() &&
            out.children.back().kind == node_kind::text) {
            node& previous = out.children.back();
            previous.literal += n.literal;
            previous.span = join_spans(previous.span, n.span);
            continue;
        }
        out.children.push_back(std::move(n));
    }
}

node converter::inline_node(cmark_node* cn, std::uint32_t& cursor, std::uint32_t limit, int depth,
                            cmark_node* next) {
    node n;
    std::uint32_t begin = cursor, end = cursor;
    auto type = cmark_node_get_type(cn);
    auto delimited = [&](node_kind kind, std::uint32_t width) {
        n.kind = kind;
        while (begin < limit && (is_space(src_[begin]) || is_newline(src_[begin]))) ++begin;
        char delimiter = begin < limit ? src_[begin] : '\0';
        if (kind == node_kind::strikethrough) {
            width = 0;
            while (begin + width < limit && src_[begin + width] == '~' && width < 2) ++width;
        }
        std::uint32_t inner = std::min(begin + width, limit);
        inlines(cn, n, inner, limit, depth + 1);
        end = inner;
        for (std::uint32_t k = 0; k < width && end < limit && src_[end] == delimiter; ++k) ++end;
    };
    switch (type) {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_HTML_INLINE:
        n.kind = type == CMARK_NODE_TEXT ? node_kind::text : node_kind::html_inline;
        n.literal = literal_of(cn);
        std::tie(begin, end) = locate_text(n.literal, cursor, limit);
        break;
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK: {
        n.kind = type == CMARK_NODE_SOFTBREAK ? node_kind::soft_break : node_kind::line_break;
        std::uint32_t nl = cursor;
        while (nl < limit && !is_newline(src_[nl])) ++nl;
        begin = nl;
        while (begin > cursor && (is_space(src_[begin - 1]) || src_[begin - 1] == '\\')) --begin;
        end = nl;
        if (end < limit && src_[end] == '\r') ++end;
        if (end < limit && src_[end] == '\n') ++end;
        break;
    }
    case CMARK_NODE_CODE: {
        n.kind = node_kind::code;
        n.literal = literal_of(cn);
        while (begin < limit && src_[begin] != '`') ++begin;
        std::uint32_t run = 0;
        while (begin + run < limit && src_[begin + run] == '`') ++run;
        end = begin + run;
        while (end < limit) {
            if (src_[end] != '`') { ++end; continue; }
            std::uint32_t closing = 0;
            while (end + closing < limit && src_[end + closing] == '`') ++closing;
            end += closing;
            if (closing == run) break;
        }
        break;
    }
    case CMARK_NODE_EMPH: delimited(node_kind::emphasis, 1); break;
    case CMARK_NODE_STRONG: delimited(node_kind::strong, 2); break;
    case CMARK_NODE_LINK:
    case CMARK_NODE_IMAGE: {
        n.kind = type == CMARK_NODE_LINK ? node_kind::link : node_kind::image;
        n.attrs().destination = from_cmark(cmark_node_get_url(cn));
        n.attrs().title = from_cmark(cmark_node_get_title(cn));
        std::uint32_t inner = begin;
        char opener = begin < limit ? src_[begin] : '\0';
        if (opener == '!' && begin + 1 < limit && src_[begin + 1] == '[') inner = begin + 2;
        else if (opener == '[' || opener == '<') inner = begin + 1;
        inlines(cn, n, inner, limit, depth + 1);
        if (opener == '[' || opener == '!') end = link_tail(inner, limit, next);
        else if (opener == '<') end = (inner < limit && src_[inner] == '>') ? inner + 1 : inner;
        else end = inner;  // an extended autolink is its own text
        break;
    }
    case CMARK_NODE_FOOTNOTE_REFERENCE:
        n.kind = node_kind::footnote_reference;
        end = begin;
        while (end < limit && src_[end] != ']') ++end;
        // cmark-gfm's literal is the note's number; the label is what the user wrote in `[^label]`.
        if (src_.substr(begin, 2) == "[^" && end < limit) n.attrs().label = std::string(src_.substr(begin + 2, end - begin - 2));
        else n.attrs().label = literal_of(cn);
        end = std::min(end + 1, limit);
        break;
    default:
        if (type == CMARK_NODE_STRIKETHROUGH) {
            delimited(node_kind::strikethrough, 2);
        } else {
            n = plain(cn, node_kind::text, begin, begin);  // an unknown extension inline: its words
            end = begin;
        }
        break;
    }
    end = std::clamp(end, begin, limit);
    n.span = map_.span(begin, end);
    cursor = end;
    return n;
}

}  // namespace

node parse_commonmark(const source_map& map, std::string_view markdown, bool autolink,
                      std::vector<diagnostic>& diagnostics) {
    static std::once_flag registered;
    std::call_once(registered, cmark_gfm_core_extensions_ensure_registered);

    std::unique_ptr<cmark_parser, parser_deleter> parser(cmark_parser_new(CMARK_OPT_FOOTNOTES));
    for (const char* name : {"table", "strikethrough", "tasklist", "autolink"}) {
        if (std::string_view(name) == "autolink" && !autolink) continue;
        if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
            cmark_parser_attach_syntax_extension(parser.get(), ext);
    }
    std::string_view body = markdown.substr(map.line_start(1));
    cmark_parser_feed(parser.get(), body.data(), body.size());
    std::unique_ptr<cmark_node, node_deleter> root(cmark_parser_finish(parser.get()));

    converter convert(map, diagnostics, cmark_find_syntax_extension("tasklist"));
    return convert.block(root.get(), 0);
}

}  // namespace archmark::detail
