// §4: letter and record structure over the blocks of each container. A paragraph is read line by
// line (lines are split at its top-level soft and hard breaks); every line, heading and thematic
// break becomes a unit with the role its form suggests; the context then confirms or drops the
// roles that depend on it (datelines, closings, drafts, postscripts), and the container's blocks
// are rebuilt: a paragraph whose lines play several roles is split into several blocks.
#include "src/parse/archival.hpp"
#include "src/parse/letter_forms.hpp"
#include "src/parse/letter_inline.hpp"
#include "src/parse/pass_support.hpp"

#include <algorithm>
#include <iterator>

namespace archmark::detail {
namespace {

// No letter part is longer; longer lines are prose and never reach the grammar.
constexpr std::uint32_t longest_form = 200;
// A date alone is a dateline among the first blocks after an anchor (see decide_roles).
constexpr int top_of_letter = 3;

enum class role : std::uint8_t {
    body,  // stays as it is
    heading, dateline, salutation, closing, signature, source_note, classification, stamp, separator,
    page_break, draft_follows, draft, postscript,
};

constexpr std::uint32_t no_facts = static_cast<std::uint32_t>(-1);

// A block of the container, or some lines of one of its paragraphs, with the role it plays.
struct unit {
    role part = role::body;
    bool whole = true;               // the whole block, else inline children [first, last)
    bool grows = false;              // a page list with lines after its break: two blocks
    std::uint32_t facts = no_facts;  // what its line gave (letter_builder::facts_), for letter parts
    std::size_t block = 0;           // index of the block in the container
    std::size_t first = 0, last = 0;
};

role role_of(line_form form) {
    switch (form) {
    case line_form::body: return role::body;
    case line_form::dateline: return role::dateline;
    case line_form::salutation: return role::salutation;
    case line_form::closing: return role::closing;
    case line_form::signature: return role::signature;
    case line_form::classification: return role::classification;
    case line_form::stamp: return role::stamp;
    case line_form::authority: return role::stamp;
    case line_form::authority_reason: return role::body;  // a "Reason:" line alone is prose
    case line_form::separator: return role::separator;
    case line_form::page_break: return role::page_break;
    case line_form::draft_follows: return role::draft_follows;
    case line_form::draft: return role::draft;
    }
    return role::body;
}

node_kind kind_of(role r) {
    switch (r) {
    case role::dateline: return node_kind::dateline;
    case role::salutation: return node_kind::salutation;
    case role::closing: return node_kind::closing;
    case role::signature: return node_kind::signature;
    case role::source_note: return node_kind::source_note;
    case role::classification: return node_kind::classification;
    case role::stamp: return node_kind::stamp;
    case role::separator: return node_kind::separator;
    case role::page_break: return node_kind::page_break;
    case role::heading: return node_kind::heading;
    case role::body: case role::draft_follows: case role::draft: case role::postscript:
        return node_kind::paragraph;
    }
    return node_kind::paragraph;
}

// Blocks that mark a new start: a date alone after one is the dateline of a new letter.
bool is_anchor(role r) {
    return r == role::heading || r == role::separator || r == role::signature || r == role::draft_follows ||
           r == role::draft || r == role::postscript;
}

// Blocks that print around a letter without being part of it: they do not push a date down.
bool is_furniture(role r) {
    return r == role::classification || r == role::stamp || r == role::page_break || r == role::dateline ||
           r == role::source_note;
}

// Containers below the document: their blocks are letter structure too, but hold no parts.
bool is_container(node_kind k) {
    return k == node_kind::block_quote || k == node_kind::item || k == node_kind::footnote_definition;
}

// From the start of `a` to the end of `b`, without locating either again.
source_span span_between(const source_span& a, const source_span& b) {
    source_span s = a;
    s.end = b.end;
    s.end_line = b.end_line;
    s.end_column = b.end_column;
    return s;
}

bool has_break(const node& p) {
    return std::any_of(p.children.begin(), p.children.end(), [](const node& c) {
        return c.kind == node_kind::soft_break || c.kind == node_kind::line_break;
    });
}

// The first text a block shows ("Source:" may sit in emphasis), or empty.
std::string_view leading_text(const node& n) {
    const node* at = &n;
    while (!at->children.empty() && at->kind != node_kind::text) at = &at->children.front();
    return at->kind == node_kind::text ? std::string_view(at->literal) : std::string_view();
}

// The list of a line `- 2 -`, which CommonMark reads as a list item holding "2 -": the paragraph
// of its item, when it is one.
const node* page_list_paragraph(const node& list, const source_map& map) {
    if (list.kind != node_kind::list || list.children.size() != 1 || list.children[0].children.size() != 1 ||
        map.text()[list.span.begin] != '-')
        return nullptr;
    const node& p = list.children[0].children[0];
    if (p.kind != node_kind::paragraph || p.children.empty() || p.children[0].kind != node_kind::text) return nullptr;
    bool one_line = p.children.size() == 1 || p.children[1].kind == node_kind::soft_break ||
                    p.children[1].kind == node_kind::line_break;
    return one_line && !page_item_label(p.children[0].literal).empty() ? &p : nullptr;
}

class letter_builder {
public:
    letter_builder(const source_map& map) : map_(map) {}

    void structure(node& container, bool top);

private:
    std::vector<unit> units_of(std::vector<node>& blocks);
    void add_paragraph(const node& p, std::size_t index, std::vector<unit>& out);
    void add_heading(node& h, std::size_t index, std::vector<unit>& out);
    void add_lines(const node& p, std::size_t index, std::vector<unit>& out);
    void add_other(const node& b, std::size_t index, std::vector<unit>& out);
    std::uint32_t keep(line_facts facts);
    void assemble(std::vector<node>& blocks, const std::vector<unit>& units);
    void join_dash_paragraphs(std::vector<node>& blocks);
    void wrap_parts(std::vector<node>& blocks);
    node whole_block(node& block, const unit& u);
    node piece(node& p, std::size_t first, std::size_t last, const unit& u);
    node page_list_rest(node& list);
    node dash_item(node p);
    void fill(node& n, const unit& u);
    void keep_spelling(node& n) const;
    void unwrap_redactions(std::vector<node>& children);

    const source_map& map_;
    std::vector<line_facts> facts_;  // of the container being rebuilt
    // Where parts start in the container being rebuilt (block index, "draft" or "postscript").
    std::vector<std::pair<std::size_t, std::string>> part_starts_;
};

// Keeps the roles whose context confirms them; the others fall back to body text.
void decide_roles(std::vector<unit>& units, bool top) {
    int since_anchor = 0;  // blocks since the last anchor, furniture not counted
    bool saluted = false;  // a salutation since the last anchor
    role previous = role::body;
    auto followed_by_salutation = [&](std::size_t i) {
        for (std::size_t k = i + 1; k < units.size() && k <= i + 2; ++k)
            if (units[k].part == role::salutation) return true;
        return false;
    };
    for (std::size_t i = 0; i < units.size(); ++i) {
        role& r = units[i].part;
        bool near_top = since_anchor < top_of_letter && !saluted;
        if (r == role::dateline && !near_top && !followed_by_salutation(i)) r = role::body;
        if (r == role::closing && (i + 1 == units.size() || units[i + 1].part != role::signature)) r = role::body;
        // Parts live only in the document; a bare DRAFT needs a separator or a signature before it.
        if ((r == role::draft_follows || r == role::draft || r == role::postscript) && !top) r = role::body;
        if (r == role::draft && previous != role::separator && previous != role::signature) r = role::body;
        if (r == role::postscript && previous != role::signature) r = role::body;
        if (is_anchor(r)) {
            since_anchor = 0;
            saluted = false;
        } else if (!is_furniture(r)) {
            ++since_anchor;
            saluted = saluted || r == role::salutation;
        }
        previous = r;
    }
}

void letter_builder::structure(node& container, bool top) {
    for (node& child : container.children) {
        if (is_container(child.kind)) structure(child, false);
        else if (child.kind == node_kind::list)
            for (node& item : child.children) structure(item, false);
    }
    facts_.clear();
    part_starts_.clear();
    std::vector<unit> units = units_of(container.children);
    decide_roles(units, top);
    assemble(container.children, units);
    join_dash_paragraphs(container.children);
    if (!part_starts_.empty()) wrap_parts(container.children);
}

std::vector<unit> letter_builder::units_of(std::vector<node>& blocks) {
    std::vector<unit> out;
    out.reserve(blocks.size());
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        node& b = blocks[i];
        if (b.kind == node_kind::paragraph) add_paragraph(b, i, out);
        else if (b.kind == node_kind::heading) add_heading(b, i, out);
        else add_other(b, i, out);
    }
    return out;
}

std::uint32_t letter_builder::keep(line_facts facts) {
    facts_.push_back(std::move(facts));
    return static_cast<std::uint32_t>(facts_.size() - 1);
}

// What the line made of `children` [first, last) is; body when it is too long to be a letter
// part or holds more than text.
line_facts read_line(const std::vector<node>& children, std::size_t first, std::size_t last) {
    if (children[last - 1].span.end - children[first].span.begin > longest_form) return {};
    std::string text;
    if (!shown_text(std::span(children).subspan(first, last - first), text)) return {};
    return classify_line(text);
}

void letter_builder::add_other(const node& b, std::size_t index, std::vector<unit>& out) {
    unit u;
    u.block = index;
    if (b.kind == node_kind::thematic_break) {
        u.part = role::separator;
    } else if (const node* p = page_list_paragraph(b, map_)) {
        line_facts facts;
        facts.label = page_item_label(p->children[0].literal);
        u.part = role::page_break;
        u.facts = keep(std::move(facts));
        u.grows = p->children.size() > 2;
    }
    out.push_back(u);
}

// A heading that is only a banner is a classification; one that is only a date gets its date.
void letter_builder::add_heading(node& h, std::size_t index, std::vector<unit>& out) {
    unit u;
    u.block = index;
    u.part = role::heading;
    if (!h.children.empty()) {
        line_facts facts = read_line(h.children, 0, h.children.size());
        if (facts.form == line_form::classification) {
            u.part = role::classification;
            u.facts = keep(std::move(facts));
        } else if (std::string text; h.span.end - h.span.begin <= longest_form && shown_text(h.children, text)) {
            if (std::string when = heading_date(text); !when.empty()) h.attrs().when = std::move(when);
        }
    }
    out.push_back(u);
}

void letter_builder::add_paragraph(const node& p, std::size_t index, std::vector<unit>& out) {
    unit u;
    u.block = index;
    std::string_view lead = leading_text(p);
    if (opens_source_note(lead)) {
        u.part = role::source_note;
    } else if (opens_postscript(lead)) {
        u.part = role::postscript;
    } else if (has_break(p)) {
        add_lines(p, index, out);
        return;
    } else if (line_facts facts = read_line(p.children, 0, p.children.size()); facts.form != line_form::body) {
        u.part = role_of(facts.form);
        u.facts = keep(std::move(facts));
    }
    out.push_back(u);
}

// A paragraph of several lines: a page-break line stays in it (as an inline break); a signature
// takes the lines after it that are no letter part (a title, an office); adjacent authority lines
// are one stamp when one of them names the authority; other letter lines are one unit each, and
// adjacent body lines one unit together.
void letter_builder::add_lines(const node& p, std::size_t index, std::vector<unit>& out) {
    std::vector<line_range> lines = lines_of(p);
    std::vector<line_facts> facts;
    facts.reserve(lines.size());
    for (const auto& [first, last] : lines) facts.push_back(read_line(p.children, first, last));
    auto form = [&](std::size_t k) { return facts[k].form; };
    auto is_plain = [&](std::size_t k) { return form(k) == line_form::body || form(k) == line_form::page_break; };
    auto is_authority = [&](std::size_t k) {
        return form(k) == line_form::authority || form(k) == line_form::authority_reason;
    };
    std::size_t before = out.size();
    for (std::size_t k = 0; k < lines.size();) {
        unit u;
        u.block = index;
        u.whole = false;
        u.first = lines[k].first;
        std::size_t end = k + 1;
        if (is_authority(k)) {
            bool named = false;
            for (end = k; end < lines.size() && is_authority(end); ++end)
                named = named || form(end) == line_form::authority;
            u.part = named ? role::stamp : role::body;
        } else if (form(k) == line_form::signature) {
            while (end < lines.size() && is_plain(end)) ++end;
            u.part = role::signature;
        } else if (is_plain(k)) {
            while (end < lines.size() && is_plain(end)) ++end;
        } else {
            u.part = role_of(form(k));
        }
        if (u.part != role::body) u.facts = keep(std::move(facts[k]));
        u.last = lines[end - 1].last;
        out.push_back(u);
        k = end;
    }
    if (out.size() == before + 1) out.back().whole = true;  // one part: the paragraph as it is
}

// Rebuilds the container's blocks from its units, in place. Each group of units (a block, a line
// that plays a part, adjacent body lines of one paragraph) becomes one block, two for a page
// list with lines after it; the groups are filled in from the back, and since every block yields
// one block or more, writing never overtakes reading.
void letter_builder::assemble(std::vector<node>& blocks, const std::vector<unit>& units) {
    auto continues = [&](std::size_t i) {
        const unit& a = units[i - 1];
        const unit& b = units[i];
        return !a.whole && !b.whole && a.block == b.block && a.part == role::body && b.part == role::body;
    };
    std::vector<std::size_t> groups;  // the first unit of each group
    std::size_t count = 0;
    for (std::size_t i = 0; i < units.size(); ++i) {
        if (i > 0 && continues(i)) continue;
        groups.push_back(i);
        count += units[i].grows ? 2 : 1;
    }
    if (count == blocks.size() && std::all_of(units.begin(), units.end(), [](const unit& u) {
            return u.part == role::body || u.part == role::heading;
        }))
        return;  // nothing to change: most containers
    blocks.reserve(count);  // exactly, when it must grow: resize alone would double the list
    blocks.resize(count);
    std::size_t write = count;
    for (std::size_t g = groups.size(); g-- > 0;) {
        const unit& u = units[groups[g]];
        std::size_t last = (g + 1 < groups.size() ? groups[g + 1] : units.size()) - 1;
        node& b = blocks[u.block];
        if (u.grows) blocks[--write] = page_list_rest(b);  // lands after `b`: safe to write first
        node n = u.whole ? whole_block(b, u) : piece(b, u.first, units[last].last, u);
        blocks[--write] = std::move(n);
        if (u.part == role::draft_follows || u.part == role::draft || u.part == role::postscript)
            part_starts_.emplace_back(write, u.part == role::postscript ? "postscript" : "draft");
    }
    std::reverse(part_starts_.begin(), part_starts_.end());
}

node letter_builder::whole_block(node& block, const unit& u) {
    if (u.part == role::body || u.part == role::heading || u.part == role::draft_follows ||
        u.part == role::draft || u.part == role::postscript)
        return std::move(block);
    node n;
    n.kind = kind_of(u.part);
    n.span = block.span;
    if (block.kind == node_kind::list) {  // `- 2 -`: the break ends with its line
        const node& text = block.children[0].children[0].children[0];
        n.span = span_between(block.span, text.span);
    } else if (n.kind != node_kind::separator && n.kind != node_kind::page_break) {
        n.children = std::move(block.children);
    }
    fill(n, u);
    keep_spelling(n);
    return n;
}

// The lines that ran on into the item of a page list (lazy continuation), as a paragraph.
node letter_builder::page_list_rest(node& list) {
    node& p = list.children[0].children[0];
    node rest;
    rest.kind = node_kind::paragraph;
    std::move(p.children.begin() + 2, p.children.end(), std::back_inserter(rest.children));
    rest.span = span_between(rest.children.front().span, rest.children.back().span);
    return rest;
}

node letter_builder::piece(node& p, std::size_t first, std::size_t last, const unit& u) {
    node n;
    n.kind = kind_of(u.part);
    n.span = span_between(p.children[first].span, p.children[last - 1].span);
    if (n.kind != node_kind::separator && n.kind != node_kind::page_break)
        std::move(p.children.begin() + static_cast<std::ptrdiff_t>(first),
                  p.children.begin() + static_cast<std::ptrdiff_t>(last), std::back_inserter(n.children));
    fill(n, u);
    keep_spelling(n);
    return n;
}

// Page breaks and separators hold no text: keep how they were written for the Markdown writer.
void letter_builder::keep_spelling(node& n) const {
    if (n.kind == node_kind::separator || n.kind == node_kind::page_break)
        n.attrs().written = std::string(map_.text().substr(n.span.begin, n.span.end - n.span.begin));
}

// The payload of a letter block, from the facts its line gave.
void letter_builder::fill(node& n, const unit& u) {
    if (u.facts == no_facts) return;
    line_facts& facts = facts_[u.facts];
    if (n.kind == node_kind::dateline) {
        n.attrs().place_name = std::move(facts.place_name);
        n.attrs().when = std::move(facts.when);
        n.attrs().written = std::move(facts.date);
    } else if (n.kind == node_kind::classification) {
        n.attrs().marking = std::move(facts.marking);
    } else if (n.kind == node_kind::page_break) {
        n.attrs().label = std::move(facts.label);
    } else if (n.kind == node_kind::stamp) {
        // A stamp's codes are its own, not withheld text: redactions inside it become text again.
        unwrap_redactions(n.children);
        std::string text;
        shown_text(n.children, text);
        n.attrs().subtype = std::move(facts.subtype);
        n.attrs().codes = stamp_codes(text);
    }
}

void letter_builder::unwrap_redactions(std::vector<node>& children) {
    std::vector<node> out;
    out.reserve(children.size());
    auto push = [&](node n) {
        if (n.kind == node_kind::text && !out.empty() && out.back().kind == node_kind::text &&
            out.back().span.end == n.span.begin) {
            out.back().literal += n.literal;
            out.back().span = span_between(out.back().span, n.span);
        } else {
            out.push_back(std::move(n));
        }
    };
    for (node& c : children) {
        if (c.kind == node_kind::redaction) {
            for (node& t : c.children) push(std::move(t));
            continue;
        }
        unwrap_redactions(c.children);
        push(std::move(c));
    }
    children = std::move(out);
}

bool is_dash_paragraph(const node& n) {
    if (n.kind != node_kind::paragraph || n.children.empty() || n.children[0].kind != node_kind::text) return false;
    const std::string& s = n.children[0].literal;
    return s.size() > 1 && s[0] == '-' && ((s[1] >= 'A' && s[1] <= 'Z') || (s[1] >= 'a' && s[1] <= 'z'));
}

// Paragraphs that start with `-` + letter (seed 000) become items of one list, the `-` being its
// marker: the item covers it, the paragraph starts after it. In place: joining only shrinks.
void letter_builder::join_dash_paragraphs(std::vector<node>& blocks) {
    std::size_t write = 0;
    std::size_t next_part = 0;
    bool after_list = false;  // the block written last is a list of dash paragraphs
    for (std::size_t read = 0; read < blocks.size(); ++read) {
        if (next_part < part_starts_.size() && part_starts_[next_part].first == read)
            part_starts_[next_part++].first = write;
        if (!is_dash_paragraph(blocks[read])) {
            if (write != read) blocks[write] = std::move(blocks[read]);
            ++write;
            after_list = false;
            continue;
        }
        node item = dash_item(std::move(blocks[read]));
        if (after_list) {
            node& list = blocks[write - 1];
            list.span = span_between(list.span, item.span);
            list.tight = false;  // blank lines separate the paragraphs
            list.children.push_back(std::move(item));
            continue;
        }
        node list;
        list.kind = node_kind::list;
        list.tight = true;
        list.span = item.span;
        list.children.push_back(std::move(item));
        blocks[write++] = std::move(list);
        after_list = true;
    }
    blocks.erase(blocks.begin() + static_cast<std::ptrdiff_t>(write), blocks.end());
}

node letter_builder::dash_item(node p) {
    node item;
    item.kind = node_kind::item;
    item.span = p.span;
    node& first = p.children[0];
    first = text_piece(first, literal_offsets(first, map_.text()), map_, 1, first.literal.size());
    p.span = span_between(first.span, p.span);
    item.children.push_back(std::move(p));
    return item;
}

// A part runs from its first block to the next part, to a heading as high as the one it started
// under (the next document of a compilation), or to the end. In place: wrapping only shrinks.
void letter_builder::wrap_parts(std::vector<node>& blocks) {
    int level = 0;  // of the last heading before the block being read
    std::size_t write = 0;
    std::size_t next = 0;
    for (std::size_t read = 0; read < blocks.size();) {
        if (next == part_starts_.size() || part_starts_[next].first != read) {
            if (blocks[read].kind == node_kind::heading) level = blocks[read].level;
            if (write != read) blocks[write] = std::move(blocks[read]);
            ++write;
            ++read;
            continue;
        }
        std::size_t end = read + 1;
        while (end < blocks.size() && !(next + 1 < part_starts_.size() && part_starts_[next + 1].first == end) &&
               !(level > 0 && blocks[end].kind == node_kind::heading && blocks[end].level <= level))
            ++end;
        node part;
        part.kind = node_kind::part;
        part.attrs().subtype = std::move(part_starts_[next].second);
        // To the furthest end: cmark-gfm moves footnote definitions to the end of the document,
        // so the last block is not always the one that ends last.
        const source_span* last = &blocks[end - 1].span;
        for (std::size_t k = read; k < end; ++k)
            if (blocks[k].span.end > last->end) last = &blocks[k].span;
        part.span = span_between(blocks[read].span, *last);
        part.children.reserve(end - read);
        for (std::size_t k = read; k < end; ++k) {
            if (blocks[k].kind == node_kind::heading) level = blocks[k].level;
            part.children.push_back(std::move(blocks[k]));
        }
        blocks[write++] = std::move(part);
        read = end;
        ++next;
    }
    blocks.erase(blocks.begin() + static_cast<std::ptrdiff_t>(write), blocks.end());
}

}  // namespace

void recognize_letter(node& document, const source_map& map, std::vector<diagnostic>&) {
    letter_builder(map).structure(document, true);
    mark_inline_page_breaks(document, map);
    mark_portion_marks(document, map);
}

}  // namespace archmark::detail
