// Markdown for inline content and the archival kinds (conventions.md §1–§5): escaped text,
// delimiters chosen so that they parse back as written, note calls, editorial brackets.
#include "converters/markdown/markdown_writer.hpp"

#include <algorithm>

namespace archmark::detail {
namespace {

constexpr std::size_t npos = std::string::npos;

bool is_alpha(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// A URI autolink `<scheme:…>` that reads back as this very text (CommonMark 6.5).
bool is_uri_autolink(std::string_view s) {
    std::size_t colon = s.find(':');
    if (colon == npos || colon < 2 || colon > 32 || !is_alpha(s[0])) return false;
    for (std::size_t i = 1; i < colon; ++i)
        if (!is_ascii_alnum(s[i]) && s[i] != '+' && s[i] != '.' && s[i] != '-') return false;
    for (char c : s) {
        auto b = static_cast<unsigned char>(c);
        // `&` could start an entity reference, which autolinks decode.
        if (b <= 0x20 || b == 0x7F || c == '<' || c == '>' || c == '&') return false;
    }
    return true;
}

// An email autolink `<user@host>` (CommonMark 6.5).
bool is_email(std::string_view s) {
    std::size_t at = s.find('@');
    if (at == npos || at == 0 || at + 1 >= s.size()) return false;
    for (std::size_t i = 0; i < at; ++i)
        if (!is_ascii_alnum(s[i]) && std::string_view(".!#$%&'*+/=?^_`{|}~-").find(s[i]) == npos) return false;
    std::string_view host = s.substr(at + 1);
    std::size_t begin = 0;
    for (;;) {
        std::size_t end = host.find('.', begin);
        std::string_view label = host.substr(begin, end == npos ? npos : end - begin);
        if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
        for (char c : label)
            if (!is_ascii_alnum(c) && c != '-') return false;
        if (end == npos) return true;
        begin = end + 1;
    }
}

// A footnote label cmark-gfm reads as one: no blanks, brackets or backslashes, at most 999 bytes.
bool is_valid_label(std::string_view s) {
    if (s.empty() || s.size() > 999) return false;
    for (char c : s) {
        auto b = static_cast<unsigned char>(c);
        if (b <= 0x20 || b == 0x7F || c == '[' || c == ']' || c == '\\') return false;
    }
    return true;
}

std::string folded(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// "line" -> "3 lines"; "char" reads "character".
std::string counted(int quantity, std::string_view unit) {
    std::string word = unit == "char" ? "character" : unit.empty() ? "word" : std::string(unit);
    return std::to_string(quantity) + " " + word + (quantity == 1 ? "" : "s");
}

// Whether raw HTML inside `n` opens or closes a `tag` element (`<ins>`, `</ins >`).
bool has_raw_tag(const node& n, std::string_view tag) {
    for (const auto& c : n.children) {
        if (c.kind == node_kind::html_inline) {
            std::string_view s = c.literal;
            std::size_t p = s.starts_with("</") ? 2 : s.starts_with("<") ? 1 : 0;
            if (p > 0 && s.size() > p + tag.size()) {
                std::string name = folded(s.substr(p, tag.size()));
                char after = s[p + tag.size()];
                if (name == tag && !is_ascii_alnum(after) && after != '-') return true;
            }
        }
        if (has_raw_tag(c, tag)) return true;
    }
    return false;
}

// Which notes are one: the parser matches a call to a definition by style and label, GFM labels
// without regard to case.
std::string note_key(const node& note) { return note.attrs().subtype + ' ' + folded(note.attrs().label); }

// `written` in the spelling of `wanted` when only the case differs: `[^a]` calls the note `[^A]`.
std::string as_spelled(const std::string& written, const std::string& wanted) {
    return folded(written) == folded(wanted) ? wanted : written;
}

// Two calls of one note: the parser gives the body to the first and copies nothing.
bool same_body(const node& a, const node& b) {
    return a.children.size() == b.children.size() &&
           (a.children.empty() || a.children.front().span == b.children.front().span);
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Output

void markdown_writer::inlines(const node& n) {
    const node* saved = inline_parent_;
    inline_parent_ = &n;
    ++inline_depth_;
    for (const auto& c : n.children) render(c);
    --inline_depth_;
    inline_parent_ = saved;
}

void markdown_writer::text(std::string_view literal) {
    if (literal.empty()) return;
    text_context where;
    where.previous = out_.empty() ? '\0' : out_.back();
    where.line_start = at_line_start();
    where.block_starts = block_starts_;
    where.in_link = in_link_ > 0;
    std::string escaped;
    escaped_tail tail = append_escaped(escaped, literal, where);
    put(escaped);
    if (tail.kind != open_end::none) {
        tail_ = tail;
        tail_.position += out_.size() - escaped.size();
    }
}

void markdown_writer::put(std::string_view markup) {
    if (markup.empty()) return;
    settle(markup);
    out_ += markup;
}

void markdown_writer::settle(std::string_view next) {
    settle_tail(out_, tail_, next.empty() ? '\0' : next.front());
    tail_ = {};
    if (open_deletion_ != npos) {
        std::size_t start = open_deletion_;
        open_deletion_ = npos;
        // `~~` after punctuation closes only before a blank or punctuation (right-flanking).
        if (class_at(next, 0) == char_class::other) {
            out_.replace(out_.size() - 2, 2, open_deletion_tags_ ? "--}" : "</del>");
            out_.replace(start, 2, open_deletion_tags_ ? "{--" : "<del>");
            closed_deletion_end_ = npos;
        }
    }
}

void markdown_writer::end_inlines() {
    settle({});
    closed_deletion_end_ = npos;
}

void markdown_writer::after_bracket() { tail_ = {open_end::after_bracket, out_.size()}; }

// ---------------------------------------------------------------------------------------------
// CommonMark / GFM inlines

void markdown_writer::code_span(const node& n) {
    std::string_view literal = n.literal;
    if (literal.empty()) return;  // not expressible, and holds no text
    // A backtick run longer than any inside; a space each side where the content starts or ends
    // with a backtick, or with spaces at both ends (the parser strips one space from each end).
    std::size_t longest = 0, run = 0;
    for (char c : literal) {
        run = c == '`' ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    std::string fence(longest + 1, '`');
    bool all_spaces = literal.find_first_not_of(' ') == npos;
    bool pad = literal.front() == '`' || literal.back() == '`' ||
               (!all_spaces && literal.front() == ' ' && literal.back() == ' ');
    std::string span = fence;
    if (pad) span += ' ';
    span += literal;
    if (pad) span += ' ';
    span += fence;
    put(span);
}

void markdown_writer::link(const node& n, bool image) {
    if (!image && n.attrs().title.empty() && n.children.size() == 1 && n.children.front().kind == node_kind::text) {
        const std::string& shown = n.children.front().literal;
        if ((shown == n.attrs().destination && is_uri_autolink(shown)) ||
            (n.attrs().destination == "mailto:" + shown && is_email(shown))) {
            put("<" + shown + ">");
            return;
        }
    }
    put(image ? "![" : "[");
    ++in_link_;
    inlines(n);
    --in_link_;
    put("](");
    append_destination(out_, n.attrs().destination);
    if (!n.attrs().title.empty()) {
        out_ += ' ';
        append_title(out_, n.attrs().title);
    }
    out_ += ')';
}

// `*x*` and `**x**`; emphasis that is the only content of emphasis or strong emphasis takes `_`,
// since `***x***` and `**x**` would read as other nestings.
void markdown_writer::emphasis(const node& n, bool strong) {
    const node* parent = inline_parent_;
    bool only_child = parent && parent->children.size() == 1 &&
                      (parent->kind == node_kind::emphasis || parent->kind == node_kind::strong);
    std::string_view delimiter = strong ? "**" : only_child ? "_" : "*";
    settle(delimiter);
    std::size_t start = out_.size();
    std::size_t deletion = closed_deletion_end_ == start ? closed_deletion_start_ : npos;
    out_ += delimiter;
    inlines(n);
    put(delimiter);
    // cmark-gfm does not open emphasis right after a `~~` closer when punctuation or a blank
    // follows the delimiter; a deletion there is written `<del>x</del>` instead.
    if (deletion != npos && class_at(out_, start + delimiter.size()) != char_class::other &&
        out_.compare(start - 2, 2, "~~") == 0) {
        bool tags = closed_deletion_tags_;
        out_.replace(start - 2, 2, tags ? "--}" : "</del>");
        out_.replace(deletion, 2, tags ? "{--" : "<del>");
    }
}

// `~~x~~`. The delimiters must be left-flanking and right-flanking where they stand; where they
// would not be, a deletion is written `<del>x</del>`, which the archival pass reads the same.
void markdown_writer::strikeout(const node& n, bool deletion) {
    settle("~");
    std::size_t start = out_.size();
    char_class before = class_before(out_, start);
    bool follows_tilde = !out_.empty() && out_.back() == '~';  // the runs would merge
    out_ += "~~";
    inlines(n);
    settle("~");
    std::size_t end = out_.size();
    char_class first = class_at(out_, start + 2);
    char_class last = class_before(out_, end);
    bool empty = end == start + 2;
    bool opens = !empty && first != char_class::whitespace &&
                 (first != char_class::punctuation || before != char_class::other);
    bool closes = !empty && last != char_class::whitespace;
    if (deletion && (follows_tilde || !opens || !closes)) {
        // Raw <del> tags inside would end the element early: CriticMarkup then.
        bool tags = has_raw_tag(n, "del");
        out_.replace(start, 2, tags ? "{--" : "<del>");
        out_ += tags ? "--}" : "</del>";
        return;
    }
    out_ += "~~";
    if (!deletion) return;
    closed_deletion_start_ = start;
    closed_deletion_end_ = out_.size();
    closed_deletion_tags_ = has_raw_tag(n, "del");
    // After punctuation the closer also needs a blank or punctuation after it: decided by settle().
    if (last == char_class::punctuation) {
        open_deletion_ = start;
        open_deletion_tags_ = has_raw_tag(n, "del");
    }
}

bool markdown_writer::holds_tag(const node& n, std::string_view tag) { return has_raw_tag(n, tag); }

void markdown_writer::tagged(const node& n, std::string_view open, std::string_view close) {
    put(open);
    inlines(n);
    put(close);
}

// ---------------------------------------------------------------------------------------------
// Archival kinds

void markdown_writer::verbatim(const node& n, std::string_view fallback) {
    if (n.children.empty()) text(fallback);
    else inlines(n);
}

void markdown_writer::page_break(const node& n) {
    if (!n.attrs().written.empty()) put(n.attrs().written);  // as transcribed: `- 2 -`, `[page 2]`
    else verbatim(n, "[Page " + n.attrs().label + "]");
}

void markdown_writer::bracketed(const node& n, std::string_view close, std::string_view fallback) {
    put("[");
    verbatim(n, fallback);
    put(close);
    after_bracket();
}

void markdown_writer::redaction(const node& n) {
    if (!n.children.empty()) {
        inlines(n);  // the codes or placeholder as transcribed
        return;
    }
    // A tree built without the source text: the canonical spelling of what the node holds.
    std::string shown;
    switch (n.scheme) {
    case redaction_scheme::frus:
        shown = "[";
        if (n.at_most) shown += "less than ";
        shown += n.quantity ? counted(*n.quantity, n.attrs().unit.empty() ? "line" : n.attrs().unit) : std::string("text");
        shown += " not declassified]";
        break;
    case redaction_scheme::bars:
        for (int i = 0, bars = std::clamp(n.quantity.value_or(3), 1, 1000); i < bars; ++i) shown += "█";
        break;
    case redaction_scheme::generic:
    case redaction_scheme::foia:
    case redaction_scheme::eo13526:
        for (const auto& code : n.attrs().codes) shown += (shown.empty() ? "" : " ") + code;
        if (n.scheme == redaction_scheme::generic || shown.empty())
            shown = shown.empty() ? "[REDACTED]" : "[REDACTED " + shown + "]";
        break;
    }
    text(shown);
}

void markdown_writer::gap(const node& n) {
    std::string words = n.attrs().subtype.empty() ? "illegible" : n.attrs().subtype;
    if (n.quantity) words = counted(*n.quantity, n.attrs().unit) + " " + words;
    bracketed(n, "]", words);
}

void markdown_writer::note_call(const node& n) {
    std::string key = note_key(n);
    std::size_t index;
    auto known = note_by_key_.find(key);
    if (known == note_by_key_.end()) {
        index = notes_.size();
        notes_.push_back({&n, key, note_label(key, n.attrs().label)});
        note_by_key_.emplace(key, index);
    } else {
        index = known->second;
        pending_note& note = notes_[index];
        if (!n.children.empty() && note.body != &n) {
            if (note.body->children.empty()) {
                note.body = &n;  // the first call seen had no body
            } else if (!same_body(*note.body, n)) {
                // Another note with the same label (an error the parser reports): its own label.
                index = notes_.size();
                notes_.push_back({&n, key, fresh_label(n.attrs().label)});
            }
        }
    }
    put("[^" + as_spelled(notes_[index].label, n.attrs().label) + "]");
    after_bracket();
}

// Keys, not notes, own labels: a second definition of a label stays a second definition of it,
// as the input had it (`note.duplicate`), while notes the input told apart by their style (a
// bracketed `[1]` and a GFM `[^1]`) must not become one label.
std::string markdown_writer::note_label(const std::string& key, const std::string& wanted) {
    auto [it, added] = label_by_key_.try_emplace(key);
    if (added)
        it->second = is_valid_label(wanted) && labels_written_.insert(folded(wanted)).second ? wanted : fresh_label(wanted);
    return it->second;
}

std::string markdown_writer::written_label(const node& note) {
    return as_spelled(note_label(note_key(note), note.attrs().label), note.attrs().label);
}

std::string markdown_writer::footnote_label(const std::string& wanted) {
    return is_valid_label(wanted) ? wanted : note_label("footnote " + wanted, wanted);
}

std::string markdown_writer::fresh_label(const std::string& wanted) {
    bool suffixed = is_valid_label(wanted) && wanted.size() < 980;  // room for `-N` in 999 bytes
    std::string stem = suffixed ? wanted + "-" : "note-";
    int& last = last_suffix_.try_emplace(folded(stem), suffixed ? 1 : 0).first->second;
    std::string label;
    do label = stem + std::to_string(++last);
    while (!labels_taken_.insert(folded(label)).second);
    labels_written_.insert(folded(label));
    return label;
}

// Notes that stand as blocks are the children of the document or a part that are notes:
// definitions never called, bodies the resolver could not place.
void markdown_writer::collect_notes(const node& parent) {
    bool blocks_here = parent.kind == node_kind::document || parent.kind == node_kind::part;
    for (const auto& c : parent.children) {
        if (c.kind == node_kind::note && blocks_here) {
            block_notes_.push_back(&c);
            block_note_keys_.insert(note_key(c));
        }
        if (c.kind == node_kind::note || c.kind == node_kind::footnote_reference ||
            c.kind == node_kind::footnote_definition)
            labels_taken_.insert(folded(c.attrs().label));
        collect_notes(c);
    }
}

}  // namespace archmark::detail
