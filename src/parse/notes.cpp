// §3 notes: finds note calls and definitions in five styles (GFM `[^1]`, `<sup>1</sup>`, Unicode
// superscripts `¹`, bracketed numbers `[1]`, marks `*` `†` `‡`) and gives every call its body, so
// that no writer ever looks a label up.
//
// Four steps, each linear in the size of the document:
//  1. a scan of the text runs for bracket and mark calls: a `[1] …` paragraph or a `* …` list is a
//     definition only when something calls it (otherwise it is a numbered paragraph or a list);
//  2. the definitions leave the document for a table: GFM ones from cmark-gfm's tree and from the
//     source lines cmark-gfm dropped, the other styles from top-level paragraphs and lists;
//  3. a walk of the tree turns every call into a `note`: the first call of a definition carries
//     its body, later calls carry none (a copy would print the words twice);
//  4. the definitions no call took stay, as notes at the end of the document.
#include "src/parse/archival.hpp"
#include "src/parse/cmark_driver.hpp"
#include "src/parse/pass_support.hpp"

#include "grammar/note.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <iterator>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace archmark::detail {
namespace {

namespace pegtl = tao::pegtl;
using input = pegtl::memory_input<pegtl::tracking_mode::lazy, pegtl::eol::lf_crlf, const char*>;

// A note body may call another note; bodies are placed at most this many notes deep, so that a
// chain of notes calling notes cannot nest the tree without bound.
constexpr int max_note_nesting = 4;

// How many bytes of `text` from `at` on `Rule` matches; 0 when it does not.
template <typename Rule>
std::size_t match(std::string_view text, std::size_t at) {
    if (at >= text.size()) return 0;
    const char* begin = text.data() + at;
    input in(begin, text.data() + text.size(), "");
    return pegtl::parse<Rule>(in) ? static_cast<std::size_t>(in.current() - begin) : 0;
}

bool is_blank(char c) noexcept { return c == ' ' || c == '\t'; }
bool is_break(const node& n) noexcept {
    return n.kind == node_kind::soft_break || n.kind == node_kind::line_break;
}

enum class note_style : std::uint8_t { gfm, sup, unicode, bracket, mark };
constexpr std::size_t style_count = 5;

std::string_view style_name(note_style style) noexcept {
    switch (style) {
    case note_style::gfm: return "gfm";
    case note_style::sup: return "sup";
    case note_style::unicode: return "unicode";
    case note_style::bracket: return "bracket";
    case note_style::mark: return "mark";
    }
    return "?";
}

// A call as the user would type it, for messages.
std::string call_form(note_style style, const std::string& label) {
    switch (style) {
    case note_style::gfm: return "[^" + label + "]";
    case note_style::sup: return "<sup>" + label + "</sup>";
    case note_style::bracket: return "[" + label + "]";
    case note_style::unicode: case note_style::mark: return label;
    }
    return label;
}

// Definitions are found by style and label; GFM labels match case-insensitively, as in cmark-gfm.
std::string label_key(note_style style, std::string_view label) {
    std::string key(1, static_cast<char>('0' + static_cast<int>(style)));
    for (char c : label)
        key += style == note_style::gfm && c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    return key;
}

// ---------------------------------------------------------------------------------------------
// The definition table

struct definition {
    note_style style = note_style::gfm;
    std::string label;
    std::vector<node> body;  // blocks
    source_span whole;       // marker and body: the note's span when it stays uncalled
    source_span marker;      // where its diagnostics point
    bool placed = false;     // its body went to a call, or to the end of the document
    bool deferred = false;   // called only from too deep inside other notes
    bool duplicate = false;  // a later definition of a label already defined
};

class definition_table {
public:
    void add(definition d) { defs_.push_back(std::move(d)); }
    // Orders the definitions as in the source, indexes the first of each label and reports the
    // later ones as duplicates.
    void index(std::vector<diagnostic>& diagnostics);
    definition* find(note_style style, std::string_view label) {
        auto it = first_.find(label_key(style, label));
        return it == first_.end() ? nullptr : &defs_[it->second];
    }
    // Whether the document defines any note in `style`: only then is an undefined call in the
    // ambiguous styles (`¹`, `[1]`, `*`) worth a warning.
    bool in_use(note_style style) const { return in_use_[static_cast<std::size_t>(style)]; }
    std::vector<definition>& all() { return defs_; }

private:
    std::vector<definition> defs_;
    std::unordered_map<std::string, std::size_t> first_;
    std::array<bool, style_count> in_use_{};
};

void definition_table::index(std::vector<diagnostic>& diagnostics) {
    std::stable_sort(defs_.begin(), defs_.end(),
                     [](const definition& a, const definition& b) { return a.marker.begin < b.marker.begin; });
    for (std::size_t i = 0; i < defs_.size(); ++i) {
        definition& d = defs_[i];
        in_use_[static_cast<std::size_t>(d.style)] = true;
        auto [first, added] = first_.emplace(label_key(d.style, d.label), i);
        if (added) continue;
        d.duplicate = true;
        diagnostics.push_back(make_diagnostic(
            rule::note_duplicate, d.marker,
            "note `" + d.label + "` is defined twice; calls get the definition on line " +
                std::to_string(defs_[first->second].marker.line) + ", this one stays at the end of the document",
            "give one of the two notes another label"));
    }
}

// ---------------------------------------------------------------------------------------------
// Calls in text runs

// A call candidate in a text run: `[^a]`, `[1]`, `¹³`, `*`.
struct text_call {
    note_style style;
    std::size_t begin, end;              // the call, in the run's literal
    std::size_t label_begin, label_end;  // its label
};

// The first call candidate in `text` from `from` on. `lead` tells whether content precedes the
// run on its line. A bracket call never starts a line (`[1] …` starts a definition); Unicode and
// mark calls follow a printed character directly (`Letter*`, `invasion.¹`). A run of marks that
// is no call is skipped whole, so that ` ** ` never yields a call `*`.
std::optional<text_call> next_call(std::string_view text, std::size_t from, bool lead) {
    // The bytes a call can start with: `[`, `*`, and the lead bytes of `†`, `‡`, `¹`, `⁴`.
    static constexpr byte_set starts("[*\xC2\xE2");
    for (std::size_t i = from; (i = starts.find(text, i)) < text.size();) {
        auto c = static_cast<unsigned char>(text[i]);
        bool after_content = i > 0 ? !is_blank(text[i - 1]) : lead;
        if (c == '[') {
            if (std::size_t n = match<grammar::gfm_call>(text, i))
                return text_call{note_style::gfm, i, i + n, i + 2, i + n - 1};
            if (std::size_t n = match<grammar::bracket_call>(text, i); n && (i > 0 || lead))
                return text_call{note_style::bracket, i, i + n, i + 1, i + n - 1};
        } else if (c == '*' || c == 0xE2) {
            if (std::size_t n = match<grammar::mark_label>(text, i)) {
                if (after_content && match<grammar::mark_call>(text, i))
                    return text_call{note_style::mark, i, i + n, i, i + n};
                i += n;
                continue;
            }
        }
        if (c == 0xC2 || c == 0xE2) {
            if (std::size_t n = match<grammar::unicode_label>(text, i)) {
                if (after_content) return text_call{note_style::unicode, i, i + n, i, i + n};
                i += n;
                continue;
            }
        }
        ++i;
    }
    return std::nullopt;
}

// The label a superscript shows when it can be a call: digits, or one mark repeated (§3).
std::optional<std::string> sup_label(const node& n) {
    if (n.kind != node_kind::superscript || n.children.size() != 1 || n.children[0].kind != node_kind::text)
        return std::nullopt;
    const std::string& text = n.children[0].literal;
    if (!match<grammar::sup_label>(text, 0)) return std::nullopt;
    return text;
}

// Labels of the bracket and mark calls anywhere in the document, each with where its first and
// last call stand (the start of the text run holding them).
struct called_labels {
    struct where { std::uint32_t first, last; };
    std::unordered_map<std::string, where> bracket, mark;

    static void add(std::unordered_map<std::string, where>& calls, std::string label, std::uint32_t at) {
        auto [it, added] = calls.try_emplace(std::move(label), where{at, at});
        if (added) return;
        it->second.first = std::min(it->second.first, at);
        it->second.last = std::max(it->second.last, at);
    }
    // Whether `label` is called from outside `block`: a definition does not call itself, so
    // `** foo bar**` (GFM example 388) or `[1] see [1]` defines nothing.
    static bool outside(const std::unordered_map<std::string, where>& calls, const std::string& label,
                        const source_span& block) {
        auto it = calls.find(label);
        return it != calls.end() && (it->second.first < block.begin || it->second.last >= block.end);
    }
};

void collect_calls(const node& parent, bool lead, called_labels& called) {
    for (const auto& child : parent.children) {
        if (child.kind == node_kind::text) {
            const std::string& text = child.literal;
            for (auto call = next_call(text, 0, lead); call; call = next_call(text, call->end, lead)) {
                if (call->style != note_style::bracket && call->style != note_style::mark) continue;
                std::string label = text.substr(call->label_begin, call->label_end - call->label_begin);
                called_labels::add(call->style == note_style::bracket ? called.bracket : called.mark,
                                   std::move(label), child.span.begin);
            }
        } else {
            collect_calls(child, is_inline(child.kind) && lead, called);
        }
        lead = !is_break(child);
    }
}

// ---------------------------------------------------------------------------------------------
// Definitions in paragraphs and lists

// A definition's marker at the start of a paragraph line: `<sup>1</sup>`, `¹³`, `[1]`, `1`, `†`.
struct marker {
    note_style style = note_style::sup;
    std::string label;
    bool bare = false;               // a number without brackets (`1 `)
    std::size_t body_from = 0;       // text markers: where the body starts in the marker's run
    std::uint32_t begin = 0, end = 0;  // the mark in the source
};

std::optional<marker> marker_at(const node& first, const source_map& map) {
    if (auto label = sup_label(first)) return marker{note_style::sup, *label, false, 0, first.span.begin, first.span.end};
    if (first.kind != node_kind::text) return std::nullopt;
    const std::string& text = first.literal;
    marker m;
    std::size_t mark_end = 0;
    if ((m.body_from = match<grammar::unicode_definition>(text, 0))) {
        m.style = note_style::unicode;
        mark_end = match<grammar::unicode_label>(text, 0);
        m.label = text.substr(0, mark_end);
    } else if ((m.body_from = match<grammar::bracket_definition>(text, 0))) {
        m.style = note_style::bracket;
        mark_end = match<grammar::bracket_call>(text, 0);
        m.label = text.substr(1, mark_end - 2);
    } else if ((m.body_from = match<grammar::number_definition>(text, 0))) {
        m.style = note_style::bracket;
        m.bare = true;
        mark_end = match<grammar::bracket_label>(text, 0);
        m.label = text.substr(0, mark_end);
    } else if ((m.body_from = match<grammar::mark_definition>(text, 0))) {
        m.style = note_style::mark;
        mark_end = match<grammar::mark_label>(text, 0);
        m.label = text.substr(0, mark_end);
    } else {
        return std::nullopt;
    }
    literal_offsets at(first, map.text());
    m.begin = at(0);
    m.end = at(mark_end);
    return m;
}

// The item of a one-item `* …` list: cmark-gfm reads a mark definition `* On Friday …` as a list.
node* mark_list_item(node& block, std::string_view source) {
    if (block.kind != node_kind::list || block.list != list_type::bullet || block.children.size() != 1)
        return nullptr;
    node& item = block.children.front();
    return item.span.begin < source.size() && source[item.span.begin] == '*' ? &item : nullptr;
}

// A heading `Notes` (`Footnotes`, `Endnotes`) or a thematic break: what may open the final notes.
bool opens_notes(const node& block) {
    if (block.kind == node_kind::thematic_break) return true;
    if (block.kind != node_kind::heading) return false;
    std::string text = block.plain_text();
    std::size_t first = text.find_first_not_of(" \t");
    if (first == std::string::npos) return false;
    text.erase(text.find_last_not_of(" \t") + 1);
    return match<grammar::notes_heading>(text, first) != 0;
}

// Leading blanks and line breaks between a marker and its body belong to the marker.
void trim_leading_blanks(std::vector<node>& body, const source_map& map) {
    std::size_t drop = 0;
    for (; drop < body.size(); ++drop) {
        node& n = body[drop];
        if (is_break(n)) continue;
        if (n.kind != node_kind::text) break;
        std::size_t blanks = n.literal.find_first_not_of(" \t");
        if (blanks == std::string::npos) continue;
        if (blanks > 0) n = text_piece(n, literal_offsets(n, map.text()), map, blanks, n.literal.size());
        break;
    }
    body.erase(body.begin(), body.begin() + static_cast<std::ptrdiff_t>(drop));
}

// Takes the definitions out of the top level of the document. Which paragraphs and lists are
// definitions (§3):
//  - `<sup>1</sup> …` and `¹ …` paragraphs, anywhere;
//  - the final notes: the blocks at the end of the document that all begin with a marker. There a
//    `[1] …` paragraph is a definition when `[1]` is called or a heading `Notes` or a thematic break
//    opens the final notes; a `1 …` paragraph only in notes so opened, numbered 1, 2, 3 …; a
//    `† …` paragraph or a one-item `* …` list when the mark is called.
// A paragraph holding several definitions, one per line, is split at each line that begins with
// a marker of its style.
class definition_collector {
public:
    definition_collector(const source_map& map, const called_labels& called, definition_table& table)
        : map_(map), called_(called), table_(table) {}
    void collect(node& document);

private:
    bool take(node& block, const std::optional<marker>& m, bool final);
    bool is_definition(const marker& m, bool final, const source_span& block) const;
    bool continues(const marker& previous, const marker& next) const;
    void take_paragraph(node& paragraph, marker first);
    definition paragraph_definition(std::vector<node>& inlines, std::size_t from, std::size_t to, const marker& m);
    definition block_definition(node& item);

    const source_map& map_;
    const called_labels& called_;
    definition_table& table_;
    bool notes_opened_ = false;  // a heading or rule opens the final notes
    int next_number_ = 1;        // the number the next bare-number definition must have
};

void definition_collector::collect(node& document) {
    auto& blocks = document.children;
    // cmark-gfm moves its footnote definitions to the end; the final notes come before them.
    std::size_t flow_end = blocks.size();
    while (flow_end > 0 && blocks[flow_end - 1].kind == node_kind::footnote_definition) --flow_end;
    std::vector<std::optional<marker>> markers(flow_end);
    for (std::size_t k = 0; k < flow_end; ++k)
        if (blocks[k].kind == node_kind::paragraph && !blocks[k].children.empty())
            markers[k] = marker_at(blocks[k].children.front(), map_);
    auto shaped = [&](std::size_t k, bool bare_too) {
        return markers[k] ? bare_too || !markers[k]->bare : mark_list_item(blocks[k], map_.text()) != nullptr;
    };
    std::size_t final_from = flow_end;
    while (final_from > 0 && shaped(final_from - 1, true)) --final_from;
    notes_opened_ = final_from > 0 && opens_notes(blocks[final_from - 1]);
    if (!notes_opened_) {
        final_from = flow_end;
        while (final_from > 0 && shaped(final_from - 1, false)) --final_from;
    }

    // The blocks that stay move down in place: a second vector of a large document's blocks
    // would be fresh memory, paid for in page faults.
    std::size_t write = 0;
    for (std::size_t k = 0; k < blocks.size(); ++k) {
        node& block = blocks[k];
        if (block.kind == node_kind::footnote_definition) {
            table_.add(block_definition(block));
            continue;
        }
        if (take(block, markers[k], k >= final_from)) continue;
        if (write != k) blocks[write] = std::move(block);
        ++write;
    }
    blocks.erase(blocks.begin() + static_cast<std::ptrdiff_t>(write), blocks.end());
}

bool definition_collector::take(node& block, const std::optional<marker>& m, bool final) {
    if (m && is_definition(*m, final, block.span)) {
        take_paragraph(block, *m);
        return true;
    }
    if (!final || !called_labels::outside(called_.mark, "*", block.span)) return false;
    node* item = mark_list_item(block, map_.text());
    if (!item) return false;
    table_.add(block_definition(*item));
    return true;
}

bool definition_collector::is_definition(const marker& m, bool final, const source_span& block) const {
    switch (m.style) {
    case note_style::sup: case note_style::unicode: return true;
    case note_style::bracket:
        if (m.bare) return final && notes_opened_ && m.label == std::to_string(next_number_);
        return final && (notes_opened_ || called_labels::outside(called_.bracket, m.label, block));
    case note_style::mark: return final && called_labels::outside(called_.mark, m.label, block);
    case note_style::gfm: return false;
    }
    return false;
}

// Whether a line beginning with `next` starts a new definition in a paragraph that `previous`
// began: the same style, and for bare numbers the next number (`1962 was …` continues a note).
bool definition_collector::continues(const marker& previous, const marker& next) const {
    if (next.style != previous.style || next.bare != previous.bare) return false;
    return !previous.bare || next.label == std::to_string(std::stoi(previous.label) + 1);
}

void definition_collector::take_paragraph(node& paragraph, marker first) {
    auto& inlines = paragraph.children;
    std::size_t from = 0;
    for (std::size_t k = 1; k + 1 < inlines.size(); ++k) {
        if (!is_break(inlines[k])) continue;
        auto next = marker_at(inlines[k + 1], map_);
        if (!next || !continues(first, *next)) continue;
        table_.add(paragraph_definition(inlines, from, k, first));
        from = k + 1;
        first = std::move(*next);
    }
    table_.add(paragraph_definition(inlines, from, inlines.size(), first));
}

// The definition of inlines [from, to) of a paragraph, `m` at its start. Its body is one
// paragraph spanning the words after the marker; the marker itself is the note's label.
definition definition_collector::paragraph_definition(std::vector<node>& inlines, std::size_t from,
                                                      std::size_t to, const marker& m) {
    std::vector<node> body;
    if (m.style != note_style::sup) {
        const node& run = inlines[from];
        if (m.body_from < run.literal.size())
            body.push_back(text_piece(run, literal_offsets(run, map_.text()), map_, m.body_from, run.literal.size()));
    }
    for (std::size_t k = from + 1; k < to; ++k) body.push_back(std::move(inlines[k]));
    trim_leading_blanks(body, map_);

    definition d;
    d.style = m.style;
    d.label = m.label;
    d.marker = map_.span(m.begin, m.end);
    d.whole = map_.span(m.begin, body.empty() ? m.end : body.back().span.end);
    if (!body.empty()) {
        node p;
        p.kind = node_kind::paragraph;
        p.span = map_.span(body.front().span.begin, body.back().span.end);
        p.children = std::move(body);
        d.body.push_back(std::move(p));
    }
    if (m.bare) next_number_ = std::stoi(m.label) + 1;
    return d;
}

// A GFM footnote definition, or the item of a `* …` list: its blocks are the body.
definition definition_collector::block_definition(node& item) {
    definition d;
    bool gfm = item.kind == node_kind::footnote_definition;
    d.style = gfm ? note_style::gfm : note_style::mark;
    d.label = gfm ? item.attrs().label : "*";
    std::uint32_t mark_length = gfm ? static_cast<std::uint32_t>(d.label.size() + 3) : 1;  // `[^label]`, `*`
    d.marker = map_.span(item.span.begin, item.span.begin + mark_length);
    d.whole = item.span;
    d.body = std::move(item.children);
    return d;
}

// ---------------------------------------------------------------------------------------------
// GFM definitions cmark-gfm dropped

// cmark-gfm drops a footnote definition that nothing calls, and the second of two with one label.
// Such a definition stands in source lines that no top-level block covers. All of them are parsed
// again in one copy, each under a fresh label `[^N]` and called from a last line, so that their
// bodies keep their Markdown; their spans are then mapped back to the source.
struct dropped_definition {
    std::uint32_t line = 0;          // start of its first line
    std::uint32_t marker_begin = 0;  // `[^label]:`
    std::uint32_t marker_end = 0;
    std::uint32_t end = 0;           // end of the lines it may use
    std::string label;
    std::size_t copy_body = 0;       // in the copy: the byte after its marker

    std::uint32_t to_source(std::size_t offset) const {
        if (offset < copy_body) return marker_begin;
        return std::min<std::uint32_t>(marker_end + static_cast<std::uint32_t>(offset - copy_body), end);
    }
};

std::uint32_t next_line(std::string_view source, std::uint32_t at) {
    std::size_t newline = source.find('\n', at);
    return newline == std::string_view::npos ? static_cast<std::uint32_t>(source.size())
                                             : static_cast<std::uint32_t>(newline + 1);
}

// The definitions whose line starts in [from, to), a stretch of source no block covers.
void scan_gap(const source_map& map, std::uint32_t from, std::uint32_t to, std::vector<dropped_definition>& found) {
    std::string_view source = map.text();
    std::uint32_t line = from == map.line_start(1) || source[from - 1] == '\n' ? from : next_line(source, from);
    std::size_t first = found.size();
    for (; line < to; line = next_line(source, line)) {
        std::size_t n = match<grammar::gfm_definition>(source, line);
        if (!n) continue;
        if (found.size() > first) found.back().end = line;
        auto marker_begin = static_cast<std::uint32_t>(source.find('[', line));
        auto marker_end = static_cast<std::uint32_t>(line + n);
        found.push_back({line, marker_begin, marker_end, to,
                         std::string(source.substr(marker_begin + 2, marker_end - marker_begin - 4)), 0});
    }
}

std::vector<dropped_definition> find_dropped(const node& document, const source_map& map) {
    std::string_view source = map.text();
    std::vector<std::pair<std::uint32_t, std::uint32_t>> covered;
    covered.reserve(document.children.size() + 1);
    for (const auto& block : document.children) covered.emplace_back(block.span.begin, block.span.end);
    std::sort(covered.begin(), covered.end());
    auto size = static_cast<std::uint32_t>(source.size());
    covered.emplace_back(size, size);
    std::vector<dropped_definition> found;
    std::uint32_t gap = map.line_start(1);  // after a BOM
    for (auto [begin, end] : covered) {
        if (begin > gap) scan_gap(map, gap, begin, found);
        gap = std::max(gap, end);
    }
    return found;
}

void rebase(node& n, const dropped_definition& d, const source_map& map) {
    n.span = map.span(d.to_source(n.span.begin), d.to_source(n.span.end));
    for (auto& child : n.children) rebase(child, d, map);
}

void add_dropped_definitions(const node& document, const source_map& map, definition_table& table,
                             std::vector<diagnostic>& diagnostics) {
    std::string_view source = map.text();
    std::vector<dropped_definition> found = find_dropped(document, map);
    if (found.empty()) return;
    std::string copy, calls;
    for (std::size_t i = 0; i < found.size(); ++i) {
        dropped_definition& d = found[i];
        std::string call = "[^" + std::to_string(i + 1) + "]";
        copy.append(source.substr(d.line, d.marker_begin - d.line)).append(call).append(":");
        d.copy_body = copy.size();
        copy.append(source.substr(d.marker_end, d.end - d.marker_end)).append("\n\n");
        calls += call;
    }
    copy.append(calls).append("\n");
    source_map copy_map(copy, 0);
    std::vector<diagnostic> copy_diagnostics;
    node parsed = parse_commonmark(copy_map, copy, false, copy_diagnostics);
    for (auto& block : parsed.children) {
        std::size_t index = 0;
        const std::string& label = block.attrs().label;
        const char* label_end = label.data() + label.size();
        if (block.kind != node_kind::footnote_definition ||
            std::from_chars(label.data(), label_end, index).ptr != label_end || index == 0 || index > found.size())
            continue;
        const dropped_definition& d = found[index - 1];
        definition def;
        def.style = note_style::gfm;
        def.label = d.label;
        def.marker = map.span(d.marker_begin, d.marker_end - 1);  // `[^label]`
        for (auto& child : block.children) rebase(child, d, map);
        def.whole = map.span(d.marker_begin, block.children.empty() ? d.marker_end : block.children.back().span.end);
        def.body = std::move(block.children);
        table.add(std::move(def));
    }
    // Only a depth limit can be reported here; it points into the copy, so put it at the marker.
    for (auto& problem : copy_diagnostics) {
        auto after = std::upper_bound(found.begin(), found.end(), problem.span.begin,
                                      [](std::size_t at, const dropped_definition& d) { return at < d.copy_body; });
        if (after == found.begin()) continue;
        problem.span = map.span(std::prev(after)->marker_begin, std::prev(after)->marker_end);
        diagnostics.push_back(std::move(problem));
    }
}

// ---------------------------------------------------------------------------------------------
// Calls become notes

// A list of children rebuilt only from the first child that changes: most runs hold no call.
class child_list {
public:
    explicit child_list(std::vector<node>& children) : children_(children) {}
    // The new list, holding the children before `k`, to append the replacement of child `k` to.
    std::vector<node>& rebuilt(std::size_t k) {
        if (!changed_) {
            result_.reserve(children_.size() + 16);
            std::move(children_.begin(), children_.begin() + static_cast<std::ptrdiff_t>(k), std::back_inserter(result_));
            changed_ = true;
        }
        return result_;
    }
    // Child `k` stays as it is.
    void keep(std::size_t k) {
        if (changed_) result_.push_back(std::move(children_[k]));
    }
    void finish() {
        if (changed_) children_ = std::move(result_);
    }

private:
    std::vector<node>& children_;
    std::vector<node> result_;
    bool changed_ = false;
};

class call_resolver {
public:
    call_resolver(const source_map& map, definition_table& table, std::vector<diagnostic>& diagnostics)
        : map_(map), table_(table), diagnostics_(diagnostics) {}

    // Resolves the calls in `parent`'s subtree, which lies `depth` notes deep. `lead` tells whether
    // content precedes its first child on the line.
    void resolve(node& parent, int depth, bool lead);

private:
    // The note that stands for the definition `d` at a call (label as printed at the call).
    node call(definition& d, std::string label, source_span span, int depth);
    std::optional<node> node_call(const node& n, int depth);
    bool split(const node& text, bool lead, int depth, child_list& list, std::size_t k);
    void undefined(note_style style, const std::string& label, source_span span, std::string_view kept_as);

    const source_map& map_;
    definition_table& table_;
    std::vector<diagnostic>& diagnostics_;
};

void call_resolver::resolve(node& parent, int depth, bool lead) {
    child_list list(parent.children);
    for (std::size_t k = 0; k < parent.children.size(); ++k) {
        node& child = parent.children[k];
        bool ends_line = is_break(child);
        if (child.kind != node_kind::text || !split(child, lead, depth, list, k)) {
            if (auto note = node_call(child, depth)) child = std::move(*note);
            else resolve(child, depth, is_inline(child.kind) && lead);
            list.keep(k);
        }
        lead = !ends_line;
    }
    list.finish();
}

node call_resolver::call(definition& d, std::string label, source_span span, int depth) {
    node n;
    n.kind = node_kind::note;
    n.span = span;
    n.attrs().label = std::move(label);
    n.attrs().subtype = style_name(d.style);
    if (d.placed) return n;
    if (depth >= max_note_nesting) {
        if (!d.deferred)
            diagnostics_.push_back(make_diagnostic(
                rule::limit_depth, span,
                "notes nest more than " + std::to_string(max_note_nesting) + " deep here; the body of note `" +
                    d.label + "` stays at the end of the document"));
        d.deferred = true;
        return n;
    }
    d.placed = true;
    n.children = std::move(d.body);
    resolve(n, depth + 1, false);
    return n;
}

// A GFM reference or a superscript call.
std::optional<node> call_resolver::node_call(const node& n, int depth) {
    if (n.kind == node_kind::footnote_reference) {
        // The label as printed: cmark-gfm's own is the definition's number.
        std::string_view printed = map_.text().substr(n.span.begin, n.span.end - n.span.begin);
        std::string label = printed.starts_with("[^") && printed.ends_with(']')
                                ? std::string(printed.substr(2, printed.size() - 3))
                                : n.attrs().label;
        if (definition* d = table_.find(note_style::gfm, label)) return call(*d, std::move(label), n.span, depth);
        // cmark-gfm matched a definition under Unicode case folding, which this pass does not do.
        undefined(note_style::gfm, label, n.span, "kept as text");
        node text;
        text.span = n.span;
        text.literal = printed;
        return text;
    }
    auto label = sup_label(n);
    if (!label) return std::nullopt;
    if (definition* d = table_.find(note_style::sup, *label)) return call(*d, std::move(*label), n.span, depth);
    undefined(note_style::sup, *label, n.span, "kept as a superscript");
    return std::nullopt;
}

// Splits text run `k` of `list` around the calls in it. False when it holds none.
bool call_resolver::split(const node& text, bool lead, int depth, child_list& list, std::size_t k) {
    const std::string& lit = text.literal;
    std::optional<literal_offsets> at;
    auto offsets = [&]() -> const literal_offsets& {
        if (!at) at.emplace(text, map_.text());
        return *at;
    };
    std::size_t emitted = 0;  // literal bytes already moved to `out`
    for (auto c = next_call(lit, 0, lead); c; c = next_call(lit, c->end, lead)) {
        std::string label = lit.substr(c->label_begin, c->label_end - c->label_begin);
        std::uint32_t begin = offsets()(c->begin), end = offsets()(c->end);
        // `\[^1]` is how GFM writes the characters `[^1]`: no call.
        if (c->style == note_style::gfm && map_.text().substr(begin, end - begin) != lit.substr(c->begin, c->end - c->begin))
            continue;
        definition* d = table_.find(c->style, label);
        if (!d) {
            if (c->style == note_style::gfm || table_.in_use(c->style))
                undefined(c->style, label, map_.span(begin, end), "kept as text");
            continue;
        }
        std::vector<node>& out = list.rebuilt(k);
        if (emitted < c->begin) out.push_back(text_piece(text, offsets(), map_, emitted, c->begin));
        out.push_back(call(*d, std::move(label), map_.span(begin, end), depth));
        emitted = c->end;
    }
    if (emitted == 0) return false;
    if (emitted < lit.size()) list.rebuilt(k).push_back(text_piece(text, offsets(), map_, emitted, lit.size()));
    return true;
}

void call_resolver::undefined(note_style style, const std::string& label, source_span span, std::string_view kept_as) {
    std::string form = call_form(style, label);
    std::string help = style == note_style::gfm ? "define it with `[^" + label + "]: …`"
                       : style == note_style::mark
                           ? "define it with a last paragraph that begins with `" + form + " `"
                           : "define it with a paragraph that begins with `" + form + " `";
    diagnostics_.push_back(make_diagnostic(rule::note_undefined, span,
                                           "`" + form + "` calls note `" + label + "`, which is not defined; " +
                                               std::string(kept_as),
                                           std::move(help)));
}

// Definitions no call took stay, in source order, as notes at the end of the document.
void append_uncalled(node& document, definition_table& table, call_resolver& resolver,
                     std::vector<diagnostic>& diagnostics) {
    for (auto& d : table.all()) {
        if (d.placed) continue;
        if (!d.duplicate && !d.deferred)
            diagnostics.push_back(make_diagnostic(
                rule::note_unused, d.marker,
                "note `" + d.label + "` is never called; it stays at the end of the document",
                "call it with `" + call_form(d.style, d.label) + "`, or remove it"));
        d.placed = true;
        node n;
        n.kind = node_kind::note;
        n.span = d.whole;
        n.attrs().label = d.label;
        n.attrs().subtype = style_name(d.style);
        n.children = std::move(d.body);
        resolver.resolve(n, 1, false);
        document.children.push_back(std::move(n));
    }
}

}  // namespace

void resolve_notes(node& document, const source_map& map, std::vector<diagnostic>& diagnostics) {
    called_labels called;
    collect_calls(document, false, called);
    definition_table table;
    add_dropped_definitions(document, map, table, diagnostics);
    definition_collector(map, called, table).collect(document);
    table.index(diagnostics);
    call_resolver resolver(map, table, diagnostics);
    resolver.resolve(document, 0, false);
    append_uncalled(document, table, resolver, diagnostics);
}

}  // namespace archmark::detail
