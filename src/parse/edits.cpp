// §2: deletions, insertions, substitutions, superscripts and subscripts.
//
// cmark-gfm leaves `<del>`, `</del>`, `<sup>` … as separate html_inline siblings and CriticMarkup
// as plain text. This pass finds the delimiters (grammar/edit.hpp) among the children of one inline
// container, pairs them with a stack of open frames, and replaces each run [opener … closer] by one
// node. Everything lives in one flat vector per container, so every node moves once into the node
// that pairs around it: the pass is linear however deep or broken the nesting.
#include "src/parse/archival.hpp"
#include "src/parse/cmark_driver.hpp"
#include "src/parse/pass_support.hpp"

#include "grammar/edit.hpp"

#include <array>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>

namespace archmark::detail {
namespace {

namespace pegtl = tao::pegtl;
using input = pegtl::memory_input<pegtl::tracking_mode::lazy, pegtl::eol::lf_crlf, const char*>;

// What opened a frame. A closer closes only a frame of its own mark (`</s>` never closes `<del>`).
enum class mark : std::uint8_t { del, s, strike, ins, sup, sub, critic_del, critic_ins, critic_subst };
constexpr std::size_t mark_count = 9;

enum class role : std::uint8_t { none, open, close, separator };

struct delimiter {
    role what = role::none;
    mark which = mark::del;
};

template <typename Rule>
struct action : pegtl::nothing<Rule> {};

template <mark M>
struct name_action {
    static void apply0(delimiter& d) { d.which = M; }
};
template <> struct action<grammar::del_name> : name_action<mark::del> {};
template <> struct action<grammar::s_name> : name_action<mark::s> {};
template <> struct action<grammar::strike_name> : name_action<mark::strike> {};
template <> struct action<grammar::ins_name> : name_action<mark::ins> {};
template <> struct action<grammar::sup_name> : name_action<mark::sup> {};
template <> struct action<grammar::sub_name> : name_action<mark::sub> {};

template <role R, mark M>
struct delimiter_action {
    static void apply0(delimiter& d) { d = {R, M}; }
};
template <> struct action<grammar::opening_tag> {
    static void apply0(delimiter& d) { d.what = role::open; }
};
template <> struct action<grammar::closing_tag> {
    static void apply0(delimiter& d) { d.what = role::close; }
};
template <> struct action<grammar::critic_deletion_open> : delimiter_action<role::open, mark::critic_del> {};
template <> struct action<grammar::critic_insertion_open> : delimiter_action<role::open, mark::critic_ins> {};
template <> struct action<grammar::critic_substitution_open>
    : delimiter_action<role::open, mark::critic_subst> {};
template <> struct action<grammar::critic_deletion_close> : delimiter_action<role::close, mark::critic_del> {};
template <> struct action<grammar::critic_insertion_close> : delimiter_action<role::close, mark::critic_ins> {};
template <> struct action<grammar::critic_substitution_close>
    : delimiter_action<role::close, mark::critic_subst> {};
template <> struct action<grammar::critic_separator> : delimiter_action<role::separator, mark::critic_subst> {};

// How the user wrote the delimiters of a mark, for messages.
std::string_view opener_text(mark m) noexcept {
    constexpr std::array<std::string_view, mark_count> text{"<del>", "<s>", "<strike>", "<ins>", "<sup>",
                                                            "<sub>", "{--", "{++", "{~~"};
    return text[static_cast<std::size_t>(m)];
}
std::string_view closer_text(mark m) noexcept {
    constexpr std::array<std::string_view, mark_count> text{"</del>", "</s>", "</strike>", "</ins>", "</sup>",
                                                            "</sub>", "--}", "++}", "~~}"};
    return text[static_cast<std::size_t>(m)];
}
bool is_critic(mark m) noexcept { return m >= mark::critic_del; }

// "in this paragraph": where a delimiter looked for its partner.
std::string_view container_name(node_kind kind) noexcept {
    switch (kind) {
    case node_kind::paragraph: return "paragraph";
    case node_kind::heading: return "heading";
    case node_kind::table_cell: return "table cell";
    case node_kind::emphasis: return "emphasis";
    case node_kind::strong: return "strong emphasis";
    case node_kind::link: return "link text";
    case node_kind::image: return "image description";
    case node_kind::strikethrough: case node_kind::deletion: return "deletion";
    case node_kind::document: case node_kind::block_quote: case node_kind::list: case node_kind::item:
    case node_kind::code_block: case node_kind::html_block: case node_kind::thematic_break:
    case node_kind::table: case node_kind::table_row: case node_kind::footnote_definition:
    case node_kind::text: case node_kind::soft_break: case node_kind::line_break: case node_kind::code:
    case node_kind::html_inline: case node_kind::footnote_reference: case node_kind::redaction:
    case node_kind::insertion: case node_kind::substitution: case node_kind::superscript:
    case node_kind::subscript: case node_kind::note: case node_kind::dateline: case node_kind::salutation:
    case node_kind::closing: case node_kind::signature: case node_kind::source_note:
    case node_kind::classification: case node_kind::portion_mark: case node_kind::stamp:
    case node_kind::separator: case node_kind::part: case node_kind::page_break: case node_kind::gap:
    case node_kind::unclear: case node_kind::sic: case node_kind::supplied: case node_kind::editorial_note:
        return "block";
    }
    return "block";
}

// The delimiter an html_inline literal is, if it is an edit tag.
delimiter classify_tag(const std::string& literal) {
    delimiter d;
    input in(literal.data(), literal.data() + literal.size(), "");
    if (!pegtl::parse<grammar::edit_tag, action>(in, d)) return {};
    return d;
}

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

bool all_digits(std::string_view s) noexcept {
    if (s.empty()) return false;
    for (char c : s) if (!is_digit(c)) return false;
    return true;
}

bool is_ordinal_suffix(std::string_view s) noexcept {
    if (s.size() != 2) return false;
    auto lower = [](char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c); };
    std::string pair{lower(s[0]), lower(s[1])};
    return pair == "st" || pair == "nd" || pair == "rd" || pair == "th";
}

// The marks a note call may use (§3): the notes pass turns such a superscript into a call.
bool is_note_mark(std::string_view s) noexcept {
    return s == "*" || s == "\xE2\x80\xA0" || s == "\xE2\x80\xA1" || s == "\xC2\xA7" || s == "\xC2\xB6";
}

bool is_blank(std::string_view s) noexcept {
    return !s.empty() && s.find_first_not_of(" \t") == std::string_view::npos;
}

// The span from the start of `a` to the end of `b`. Spans are composed, never recomputed: the
// source map counts columns from the start of the line, which on one long line would make
// pairing a deep opener with its closer cost the length of the line.
source_span join(const source_span& a, const source_span& b) noexcept {
    return {a.begin, b.end, a.line, a.column, b.end_line, b.end_column};
}

// `s` moved by `first` ASCII bytes at its start and `last` at its end, on one line.
source_span shifted(source_span s, int first, int last) noexcept {
    s.begin += static_cast<std::uint32_t>(first);
    s.column += static_cast<std::uint32_t>(first);
    s.end += static_cast<std::uint32_t>(last);
    s.end_column += static_cast<std::uint32_t>(last);
    return s;
}

// Where a delimiter was found in a text run: literal bytes [at, at + size).
struct found_delimiter {
    std::size_t at = 0, size = 0;
    delimiter d;
};

// Walks the tree; pairs the delimiters of each inline container (paragraph, heading, cell,
// emphasis, link …) among its own children.
class edit_pass {
public:
    edit_pass(const source_map& map, std::vector<diagnostic>& diagnostics)
        : map_(map), diagnostics_(diagnostics) {}

    void visit(node& parent, int depth);

private:
    struct frame {
        mark which;
        std::size_t opener;                         // index in out of the opening delimiter
        std::size_t separator = std::string::npos;  // index in out of `~>` ({~~ only)
    };
    // The container being paired: its children so far (`out`), the frames still open and how many
    // of each mark. Saved around the visit of a nested container.
    struct sequence {
        node_kind container = node_kind::paragraph;
        int depth = 0;
        std::vector<node> out;
        std::vector<frame> frames;
        std::array<std::uint32_t, mark_count> open{};
        std::optional<source_span> too_deep;  // the first pair left as text for the depth limit
    };

    void pair_children(node& parent, int depth);
    void take(node&& child);
    void take_text(node&& text);
    void push(node&& n, delimiter d);
    void close(node&& closer, mark which);
    bool refuse(const frame& f, const node& closer);
    void build(const frame& f, node&& closer);
    std::optional<found_delimiter> next_delimiter(const node& text, std::size_t from,
                                                  std::optional<literal_offsets>& at) const;
    bool is_critic_substitution(const std::vector<node>& siblings, std::size_t k) const;
    void unwrap_substitution(node&& strike);
    node_kind superscript_kind(const std::vector<node>& content, std::size_t opener) const;
    void tidy(std::vector<node>& children) const;
    void group_substitutions(std::vector<node>& children) const;
    static node delimiter_node(std::string literal, const source_span& span);
    void report(rule id, const source_span& span, std::string message, std::string help);

    const source_map& map_;
    std::vector<diagnostic>& diagnostics_;
    sequence seq_;
};

void edit_pass::report(rule id, const source_span& span, std::string message, std::string help) {
    diagnostics_.push_back(make_diagnostic(id, span, std::move(message), std::move(help)));
}

node edit_pass::delimiter_node(std::string literal, const source_span& span) {
    node n;
    n.kind = node_kind::text;
    n.literal = std::move(literal);
    n.span = span;
    return n;
}

void edit_pass::visit(node& parent, int depth) {
    if (parent.kind == node_kind::code_block || parent.kind == node_kind::html_block) return;
    if (!parent.children.empty() && is_inline(parent.children.front().kind)) {
        pair_children(parent, depth);
        return;
    }
    for (auto& child : parent.children) visit(child, depth + 1);
}

// The next CriticMarkup delimiter of a text run at or after literal byte `from`. A delimiter
// must be typed as is: `\{++` is an escaped brace, not markup.
std::optional<found_delimiter> edit_pass::next_delimiter(const node& text, std::size_t from,
                                                         std::optional<literal_offsets>& at) const {
    const std::string& lit = text.literal;
    static constexpr byte_set starts("{-+~");
    for (std::size_t i = starts.find(lit, from); i < lit.size(); i = starts.find(lit, i + 1)) {
        // First-byte dispatch: hyphens and tildes in prose are not followed by these.
        char second = i + 1 < lit.size() ? lit[i + 1] : '\0';
        bool candidate = lit[i] == '{' ? (second == '-' || second == '+' || second == '~')
                                       : (second == lit[i] || (lit[i] == '~' && second == '>'));
        if (!candidate) continue;
        found_delimiter f;
        input in(lit.data() + i, lit.data() + lit.size(), "");
        if (!pegtl::parse<grammar::critic_delimiter, action>(in, f.d)) continue;
        f.at = i;
        f.size = static_cast<std::size_t>(in.current() - (lit.data() + i));
        if (!at) at.emplace(text, map_.text());
        if ((*at)(i + f.size) - (*at)(i) != f.size) continue;  // escaped or an entity
        return f;
    }
    return std::nullopt;
}

// `{~~old~>new~~}` reaches us as text `{`, strikethrough `old~>new`, text `}`: cmark-gfm reads
// the tildes as GFM strikethrough. Such a strikethrough is a substitution when the braces touch
// its double tildes and one of its text runs holds `~>`.
bool edit_pass::is_critic_substitution(const std::vector<node>& siblings, std::size_t k) const {
    if (k == 0 || k + 1 >= siblings.size()) return false;
    const node& before = siblings[k - 1];
    const node& strike = siblings[k];
    const node& after = siblings[k + 1];
    std::string_view src = map_.text();
    if (before.kind != node_kind::text || after.kind != node_kind::text) return false;
    if (!before.literal.ends_with('{') || !after.literal.starts_with('}')) return false;
    if (before.span.end != strike.span.begin || after.span.begin != strike.span.end) return false;
    if (strike.span.end - strike.span.begin < 4 || src.substr(strike.span.begin, 2) != "~~" ||
        src.substr(strike.span.end - 2, 2) != "~~" || src[after.span.begin] != '}')
        return false;
    literal_offsets before_at(before, src);
    if (before_at(before.literal.size() - 1) != before.span.end - 1) return false;  // `\{`
    for (const auto& child : strike.children) {
        if (child.kind != node_kind::text) continue;
        std::optional<literal_offsets> at;
        for (auto f = next_delimiter(child, 0, at); f; f = next_delimiter(child, f->at + f->size, at))
            if (f->d.what == role::separator) return true;
    }
    return false;
}

// Feeds a substitution that cmark-gfm read as strikethrough: the brace that ended the text before
// it (already in out) and its tildes make `{~~`; its children; then `~~}` with the next brace,
// which pair_children has already cut from the next text run.
void edit_pass::unwrap_substitution(node&& strike) {
    node& before = seq_.out.back();
    before.literal.pop_back();
    before.span = shifted(before.span, 0, -1);
    if (before.literal.empty()) seq_.out.pop_back();
    source_span start = strike.span, end = strike.span;
    start.end = start.begin, start.end_line = start.line, start.end_column = start.column;
    end.begin = end.end, end.line = end.end_line, end.column = end.end_column;
    push(delimiter_node("{~~", shifted(start, -1, 2)), {role::open, mark::critic_subst});
    for (auto& child : strike.children) take(std::move(child));
    push(delimiter_node("~~}", shifted(end, -2, 1)), {role::close, mark::critic_subst});
}

void edit_pass::pair_children(node& parent, int depth) {
    sequence saved = std::move(seq_);
    seq_ = sequence{};
    seq_.container = parent.kind;
    seq_.depth = depth;
    auto& kids = parent.children;
    // Found before anything moves, since the test looks at both neighbours.
    std::vector<std::size_t> substitutions;
    for (std::size_t k = 0; k < kids.size(); ++k) {
        if (kids[k].kind != node_kind::strikethrough || !is_critic_substitution(kids, k)) continue;
        substitutions.push_back(k);
        node& after = kids[k + 1];  // its brace belongs to the `~~}`
        after.literal.erase(0, 1);
        after.span = shifted(after.span, 1, 0);
    }
    auto next_substitution = substitutions.begin();
    bool started = false;
    for (std::size_t k = 0; k < kids.size(); ++k) {
        node& child = kids[k];
        bool critic_subst = next_substitution != substitutions.end() && *next_substitution == k;
        if (critic_subst) ++next_substitution;
        if (!started) {
            // Until the first delimiter nothing moves: plain prose costs one scan of its text.
            std::optional<literal_offsets> at;
            bool tag = child.kind == node_kind::html_inline && classify_tag(child.literal).what != role::none;
            bool critic = child.kind == node_kind::text && next_delimiter(child, 0, at);
            bool delimits = critic_subst || tag || critic;
            if (!delimits) {
                if (!child.children.empty()) visit(child, depth + 1);
                if (child.kind == node_kind::strikethrough) child.kind = node_kind::deletion;
                continue;
            }
            started = true;
            seq_.out.reserve(kids.size() + 4);
            for (std::size_t j = 0; j < k; ++j)
                if (kids[j].kind != node_kind::text || !kids[j].literal.empty())
                    seq_.out.push_back(std::move(kids[j]));
        }
        if (critic_subst) unwrap_substitution(std::move(child));
        else take(std::move(child));
    }
    if (started) {
        // What is still open was never closed.
        for (const auto& f : seq_.frames) {
            const node& opener = seq_.out[f.opener];
            std::string what(opener_text(f.which));
            std::string where(container_name(seq_.container));
            report(rule::syntax_unclosed, opener.span,
                   "`" + what + "` is not closed in this " + where + "; kept as text",
                   "close it with `" + std::string(closer_text(f.which)) + "` in the same " + where);
        }
        if (seq_.too_deep)
            report(rule::limit_depth, *seq_.too_deep,
                   "edits nested deeper than " + std::to_string(max_depth) +
                       " levels; from here the tags are kept as text",
                   {});
        tidy(seq_.out);
        kids = std::move(seq_.out);
    }
    seq_ = std::move(saved);
}

// One child of the container, once pairing has started.
void edit_pass::take(node&& child) {
    switch (child.kind) {
    case node_kind::text: take_text(std::move(child)); return;
    case node_kind::html_inline: {
        delimiter d = classify_tag(child.literal);
        push(std::move(child), d);
        return;
    }
    case node_kind::strikethrough:
        visit(child, seq_.depth + 1);
        child.kind = node_kind::deletion;
        break;
    case node_kind::document: case node_kind::heading: case node_kind::paragraph: case node_kind::block_quote:
    case node_kind::list: case node_kind::item: case node_kind::code_block: case node_kind::html_block:
    case node_kind::thematic_break: case node_kind::table: case node_kind::table_row:
    case node_kind::table_cell: case node_kind::footnote_definition: case node_kind::soft_break:
    case node_kind::line_break: case node_kind::emphasis: case node_kind::strong: case node_kind::code:
    case node_kind::link: case node_kind::image: case node_kind::footnote_reference:
    case node_kind::redaction: case node_kind::deletion: case node_kind::insertion:
    case node_kind::substitution: case node_kind::superscript: case node_kind::subscript:
    case node_kind::note: case node_kind::dateline: case node_kind::salutation: case node_kind::closing:
    case node_kind::signature: case node_kind::source_note: case node_kind::classification:
    case node_kind::portion_mark: case node_kind::stamp: case node_kind::separator: case node_kind::part:
    case node_kind::page_break: case node_kind::gap: case node_kind::unclear: case node_kind::sic:
    case node_kind::supplied: case node_kind::editorial_note:
        if (!child.children.empty()) visit(child, seq_.depth + 1);
        break;
    }
    push(std::move(child), {});
}

// Splits a text run at its CriticMarkup delimiters; the pieces between stay text.
void edit_pass::take_text(node&& text) {
    if (text.literal.empty()) return;  // its brace went to a `~~}`
    std::optional<literal_offsets> at;
    std::size_t emitted = 0;
    for (auto f = next_delimiter(text, 0, at); f; f = next_delimiter(text, emitted, at)) {
        if (emitted < f->at) push(text_piece(text, *at, map_, emitted, f->at), {});
        push(text_piece(text, *at, map_, f->at, f->at + f->size), f->d);
        emitted = f->at + f->size;
    }
    if (emitted == 0) push(std::move(text), {});
    else if (emitted < text.literal.size()) push(text_piece(text, *at, map_, emitted, text.literal.size()), {});
}

void edit_pass::push(node&& n, delimiter d) {
    auto& s = seq_;
    switch (d.what) {
    case role::none: break;
    case role::open:
        s.frames.push_back({d.which, s.out.size()});
        ++s.open[static_cast<std::size_t>(d.which)];
        break;
    case role::separator:
        if (!s.frames.empty() && s.frames.back().which == mark::critic_subst &&
            s.frames.back().separator == std::string::npos)
            s.frames.back().separator = s.out.size();
        break;
    case role::close: {
        if (s.open[static_cast<std::size_t>(d.which)] > 0) {
            close(std::move(n), d.which);
            return;
        }
        // `++}` alone is prose ("{C++}"), and `\{++x++}` escapes only the opener: only a
        // closing tag is surely markup.
        if (is_critic(d.which)) break;
        std::string opener(opener_text(d.which)), where(container_name(s.container));
        report(rule::syntax_stray_close, n.span,
               "`" + std::string(closer_text(d.which)) + "` closes no `" + opener + "` in this " + where +
                   "; kept as text",
               "remove it, or add `" + opener + "` where the tagged text begins");
        break;
    }
    }
    s.out.push_back(std::move(n));
}

// A closer whose mark has an open frame: the frames above that one were never closed.
void edit_pass::close(node&& closer, mark which) {
    auto& s = seq_;
    std::string outer(closer_text(which));
    while (s.frames.back().which != which) {
        const frame& f = s.frames.back();
        const node& opener = s.out[f.opener];
        report(rule::syntax_unclosed, opener.span,
               "`" + std::string(opener_text(f.which)) + "` is not closed before `" + outer + "`; kept as text",
               "add `" + std::string(closer_text(f.which)) + "` before `" + outer + "`");
        --s.open[static_cast<std::size_t>(f.which)];
        s.frames.pop_back();
    }
    frame f = s.frames.back();
    s.frames.pop_back();
    --s.open[static_cast<std::size_t>(f.which)];
    build(f, std::move(closer));
}

// Whether the pair of frame `f` cannot become a node; reports why.
bool edit_pass::refuse(const frame& f, const node& closer) {
    auto& s = seq_;
    const node& opener = s.out[f.opener];
    source_span whole = join(opener.span, closer.span);
    std::size_t first = f.opener + 1, last = s.out.size();
    if (f.which == mark::critic_subst) {
        if (f.separator == std::string::npos) {
            report(rule::syntax_unclosed, opener.span,
                   "`{~~` has no `~>` between the old and the new text; kept as text",
                   "write `{~~old~>new~~}`");
            return true;
        }
        if (f.separator == first) {
            report(rule::edit_empty, whole, "`{~~~>…~~}` has no old text; kept as text",
                   "for an insertion write `{++new++}`");
            return true;
        }
        if (f.separator + 1 == last) {
            report(rule::edit_empty, whole, "`{~~…~>~~}` has no new text; kept as text",
                   "for a deletion write `{--old--}`");
            return true;
        }
    } else if (first == last) {
        report(rule::edit_empty, whole,
               "`" + std::string(opener_text(f.which)) + std::string(closer_text(f.which)) +
                   "` holds nothing; kept as text",
               is_critic(f.which) ? "remove the empty markup" : "remove the empty tags");
        return true;
    }
    // The node would sit this deep: beyond the limit its tags stay text, so no later recursion
    // over the tree can overflow the stack.
    if (s.depth + 1 + static_cast<int>(s.frames.size()) >= max_depth) {
        if (!s.too_deep || whole.begin < s.too_deep->begin) s.too_deep = whole;
        return true;
    }
    return false;
}

// Replaces out[opener, end) and the closer by one node.
void edit_pass::build(const frame& f, node&& closer) {
    auto& s = seq_;
    if (refuse(f, closer)) {
        s.out.push_back(std::move(closer));
        return;
    }
    auto at = [&](std::size_t i) { return s.out.begin() + static_cast<std::ptrdiff_t>(i); };
    auto part = [&](node_kind kind, std::size_t a, std::size_t b) {
        node p;
        p.kind = kind;
        p.children.assign(std::make_move_iterator(at(a)), std::make_move_iterator(at(b)));
        tidy(p.children);
        p.span = join(p.children.front().span, p.children.back().span);
        return p;
    };
    node made;
    switch (f.which) {
    case mark::del: case mark::s: case mark::strike: case mark::critic_del:
        made = part(node_kind::deletion, f.opener + 1, s.out.size());
        break;
    case mark::ins: case mark::critic_ins:
        made = part(node_kind::insertion, f.opener + 1, s.out.size());
        made.attrs().place = "inline";
        break;
    case mark::sup:
        made = part(node_kind::insertion, f.opener + 1, s.out.size());
        made.kind = superscript_kind(made.children, f.opener);
        if (made.kind == node_kind::insertion) made.attrs().place = "above";
        break;
    case mark::sub:
        made = part(node_kind::subscript, f.opener + 1, s.out.size());
        break;
    case mark::critic_subst:
        made.kind = node_kind::substitution;
        made.children.push_back(part(node_kind::deletion, f.opener + 1, f.separator));
        made.children.push_back(part(node_kind::insertion, f.separator + 1, s.out.size()));
        made.children.back().attrs().place = "inline";
        break;
    }
    made.span = join(s.out[f.opener].span, closer.span);
    s.out.erase(at(f.opener), s.out.end());
    s.out.push_back(std::move(made));
}

// A `<sup>` is typographic when it holds an ordinal suffix right after a digit (`26<sup>th</sup>`),
// or digits or a note mark (a note call if the notes pass finds its definition); else it is an
// interlinear insertion.
node_kind edit_pass::superscript_kind(const std::vector<node>& content, std::size_t opener) const {
    if (content.size() != 1 || content.front().kind != node_kind::text) return node_kind::insertion;
    std::string_view lit = content.front().literal;
    if (all_digits(lit) || is_note_mark(lit)) return node_kind::superscript;
    const node* before = opener > 0 ? &seq_.out[opener - 1] : nullptr;
    bool after_digit = before && before->kind == node_kind::text && !before->literal.empty() &&
                       is_digit(before->literal.back());
    return after_digit && is_ordinal_suffix(lit) ? node_kind::superscript : node_kind::insertion;
}

// Rejoins text pieces that stayed text (delimiters without a partner), then finds substitutions.
void edit_pass::tidy(std::vector<node>& children) const {
    std::size_t kept = 0;
    for (std::size_t i = 0; i < children.size(); ++i) {
        if (kept > 0) {
            node& previous = children[kept - 1];
            const node& current = children[i];
            if (previous.kind == node_kind::text && current.kind == node_kind::text &&
                previous.span.end == current.span.begin) {
                previous.literal += current.literal;
                previous.span = join(previous.span, current.span);
                continue;
            }
        }
        if (kept != i) children[kept] = std::move(children[i]);
        ++kept;
    }
    children.resize(kept);
    group_substitutions(children);
}

// An insertion and a deletion side by side, only spaces between, in either order, are one
// substitution (seed 002: `<sup>territory …</sup> ~~sovereignty …~~`).
void edit_pass::group_substitutions(std::vector<node>& children) const {
    auto is_edit = [](const node& n) { return n.kind == node_kind::insertion || n.kind == node_kind::deletion; };
    std::vector<node> result;
    bool changed = false;
    for (std::size_t i = 0; i < children.size(); ++i) {
        std::size_t j = i + 1;
        if (j < children.size() && children[j].kind == node_kind::text && is_blank(children[j].literal)) ++j;
        bool pair = is_edit(children[i]) && j < children.size() && is_edit(children[j]) &&
                    children[i].kind != children[j].kind;
        if (!pair) {
            if (changed) result.push_back(std::move(children[i]));
            continue;
        }
        if (!changed) {
            result.reserve(children.size());
            auto end = children.begin() + static_cast<std::ptrdiff_t>(i);
            std::move(children.begin(), end, std::back_inserter(result));
            changed = true;
        }
        node subst;
        subst.kind = node_kind::substitution;
        subst.span = join(children[i].span, children[j].span);
        for (std::size_t k = i; k <= j; ++k) subst.children.push_back(std::move(children[k]));
        result.push_back(std::move(subst));
        i = j;
    }
    if (changed) children = std::move(result);
}

}  // namespace

void recognize_edits(node& document, const source_map& map, std::vector<diagnostic>& diagnostics) {
    edit_pass(map, diagnostics).visit(document, 0);
}

}  // namespace archmark::detail
