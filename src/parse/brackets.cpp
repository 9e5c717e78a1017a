// §5 editorial brackets: [illegible] gaps, [word?] unclear readings, word [sic], [a] supplied text
// and [Editor's note: …] editorial notes. The last archival pass: links, footnotes, task boxes,
// redactions, page breaks and signatures are nodes by now, so what is left of a bracket is text.
//
// Every node made here spans its brackets (and for sic the word, the space and `[sic]`); its
// children are the words inside, without the brackets and the `?` marks, so writers can print
// <supplied>a</supplied> for TEI and put the brackets back for Markdown.
#include "src/parse/archival.hpp"
#include "src/parse/pass_support.hpp"

#include "grammar/bracket.hpp"

#include <array>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>

namespace archmark::detail {
namespace {

namespace pegtl = tao::pegtl;
using input = pegtl::memory_input<pegtl::tracking_mode::lazy, pegtl::eol::lf_crlf, const char*>;

// What the actions read from an illegible gap. A rule that matched on a path that failed later
// leaves state behind only when the whole bracket failed, so the state of a match is clean.
struct gap_state {
    std::optional<int> quantity;
    std::string unit;
    bool plural = false;
};

std::string lowercase(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

template <typename Rule>
struct gap_action : pegtl::nothing<Rule> {};

template <>
struct gap_action<grammar::gap_count> {
    template <typename Input>
    static void apply(const Input& in, gap_state& st) {
        static constexpr std::array<std::string_view, 10> words{"one", "two",   "three", "four", "five",
                                                                "six", "seven", "eight", "nine", "ten"};
        std::string count = lowercase(in.string_view());
        for (std::size_t k = 0; k < words.size(); ++k)
            if (count == words[k]) { st.quantity = static_cast<int>(k) + 1; return; }
        int value = 0;
        for (char c : count.substr(0, 6)) value = value * 10 + (c - '0');  // no page has a million lines
        st.quantity = value;
    }
};

template <>
struct gap_action<grammar::gap_unit_name> {
    template <typename Input>
    static void apply(const Input& in, gap_state& st) {
        std::string unit = lowercase(in.string_view());
        st.unit = unit == "letter" || unit == "character" ? "char" : unit;  // the unit redactions use
    }
};

template <>
struct gap_action<grammar::gap_plural> {
    template <typename Input>
    static void apply(const Input&, gap_state& st) { st.plural = true; }
};

bool is_alnum(char c) noexcept {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_break(node_kind k) noexcept { return k == node_kind::soft_break || k == node_kind::line_break; }

// Quotes and parentheses that may open a word; they stay outside the nodes made here.
constexpr std::array<std::string_view, 5> word_openers{"\"", "'", "(", "\xE2\x80\x9C", "\xE2\x80\x98"};

// Supplied words stand where a word may start: after a space, a dash or a word opener.
// `word[a]` and `1962.[a]` are note calls, `letter[s]` a supplied letter we leave alone.
bool starts_word(std::string_view before) {
    bool after_dash = before.ends_with("\xE2\x80\x94") || before.ends_with("\xE2\x80\x93");
    if (before.empty() || before.ends_with(' ') || after_dash) return true;
    for (auto opener : word_openers)
        if (before.ends_with(opener)) return true;
    return false;
}

// Whether `text` (one bracket, `[` to `]`) is exactly `Rule`.
template <typename Rule>
bool is_whole(std::string_view text) {
    input in(text.data(), text.data() + text.size(), "");
    return pegtl::parse<grammar::whole<Rule>>(in);
}

// Nodes the scan does not enter: another convention owns their text, or it is not prose.
bool is_opaque(node_kind k) noexcept {
    return k == node_kind::signature || k == node_kind::stamp || k == node_kind::page_break ||
           k == node_kind::redaction || k == node_kind::classification || k == node_kind::code ||
           k == node_kind::html_inline || k == node_kind::link || k == node_kind::image ||
           k == node_kind::code_block || k == node_kind::html_block || k == node_kind::portion_mark ||
           k == node_kind::footnote_reference;
}

// Counts the words of a bracket's content and keeps its first bytes, to tell an editorial note.
// A word is a run of non-spaces holding a letter, so codes, numbers and dashes do not count.
class note_probe {
public:
    void text(std::string_view s) {
        for (char c : s) {
            if (lead_.size() < lead_limit) lead_ += c;
            if (c == ' ' || c == '\t') { end_word(); continue; }
            in_word_ = true;
            auto u = static_cast<unsigned char>(c);
            // ASCII letters and the lead bytes of letters in other scripts (E2 leads punctuation).
            letter_ = letter_ || std::isalpha(u) || (u >= 0xC3 && u <= 0xDF) || (u >= 0xE3 && u <= 0xEF);
        }
    }
    // A node inside the bracket: its words count, except where another convention owns them.
    void inline_node(const node& n) {
        if (n.kind == node_kind::text) return text(n.literal);
        if (is_opaque(n.kind) || n.kind == node_kind::note || n.children.empty()) return text(" ");
        for (const auto& c : n.children) inline_node(c);
    }
    // Four words, or an editor's opening (`Editor's note:`, `Note:`, `A notation`).
    bool is_editorial_note() {
        end_word();
        input in(lead_.data(), lead_.data() + lead_.size(), "");
        return words_ >= 4 || pegtl::parse<grammar::editorial_lead>(in);
    }

private:
    void end_word() {
        if (in_word_ && letter_) ++words_;
        in_word_ = letter_ = false;
    }
    static constexpr std::size_t lead_limit = 16;
    std::string lead_;
    int words_ = 0;
    bool in_word_ = false, letter_ = false;
};

// One text node of the inlines being rebuilt, with its source offsets computed when first needed.
class text_run {
public:
    text_run(const node& text, const source_map& map) : text_(text), map_(map) {}
    const std::string& literal() const noexcept { return text_.literal; }
    source_span span(std::size_t a, std::size_t b) { return map_.span(offsets()(a), offsets()(b)); }
    node piece(std::size_t a, std::size_t b) { return text_piece(text_, offsets(), map_, a, b); }
    // The piece [a, b) appended to `out` when it is not empty.
    void emit(std::size_t a, std::size_t b, std::vector<node>& out) {
        if (a < b) out.push_back(piece(a, b));
    }

private:
    const literal_offsets& offsets() {
        if (!at_) at_.emplace(text_, map_.text());
        return *at_;
    }
    const node& text_;
    const source_map& map_;
    std::optional<literal_offsets> at_;
};

// Where a bracket closes: the `]` at byte `at` of child `child`.
struct closing {
    std::size_t child, at;
};

class bracket_scanner {
public:
    explicit bracket_scanner(const source_map& map) : map_(map) {}

    void scan(node& parent) {
        if (is_opaque(parent.kind)) return;
        for (auto& c : parent.children)
            if (c.kind != node_kind::text) scan(c);
        if (can_contain(parent.kind, node_kind::supplied) && has_bracket(parent)) rebuild(parent);
    }

private:
    static bool has_bracket(const node& parent) {
        for (const auto& c : parent.children)
            if (c.kind == node_kind::text && c.literal.find('[') != std::string::npos) return true;
        return false;
    }
    void rebuild(node& parent);
    std::pair<std::size_t, std::size_t> split_run(std::vector<node>& in, std::size_t k, std::size_t from,
                                                  std::vector<node>& out);
    bool match_in_run(text_run& run, std::size_t i, std::size_t j, std::size_t emitted, bool line_start,
                      std::vector<node>& out);
    bool match_sic(text_run& run, std::size_t i, std::size_t emitted, std::vector<node>& out);
    bool match_across(std::vector<node>& in, std::size_t k, text_run& run, std::size_t i, std::size_t emitted,
                      closing close, std::vector<node>& out);
    const source_map& map_;
};

// The span from the start of `first` to the end of `last`. Spans are made in source order, because
// source_map::span walks on from the last position it gave and restarts at the line start.
source_span joined(const source_span& first, const source_span& last) {
    source_span s = first;
    s.end = last.end;
    s.end_line = last.end_line;
    s.end_column = last.end_column;
    return s;
}

// 1-3 lowercase words standing as words of the sentence (grammar::supplied). A lone `[a]` at the
// start of a line is the first label of a list like `[a] … [b] …`, not a supplied article.
bool is_supplied(const std::string& lit, std::size_t i, std::size_t j, bool line_start) {
    std::string_view bracket = std::string_view(lit).substr(i, j + 1 - i);
    bool ends_word = j + 1 == lit.size() || !is_alnum(lit[j + 1]);
    bool enumerator = line_start && bracket == "[a]";
    return starts_word(std::string_view(lit).substr(0, i)) && ends_word && !enumerator &&
           is_whole<grammar::supplied>(bracket);
}

// An unresolved link, reference or image keeps its brackets as text: `![a]`, `[a][b]`, `[a](b`.
bool looks_like_link(const std::string& open_run, std::size_t i, const std::string& close_run,
                     std::size_t j) {
    bool after_link_text = i > 0 && (open_run[i - 1] == ']' || open_run[i - 1] == '!');
    bool before_target = j + 1 < close_run.size() && (close_run[j + 1] == '(' || close_run[j + 1] == '[');
    return after_link_text || before_target;
}

void bracket_scanner::rebuild(node& parent) {
    std::vector<node> in = std::move(parent.children);
    parent.children.clear();
    std::size_t k = 0, from = 0;
    while (k < in.size()) {
        if (in[k].kind != node_kind::text) {
            parent.children.push_back(std::move(in[k++]));
            from = 0;
            continue;
        }
        std::tie(k, from) = split_run(in, k, from, parent.children);
    }
}

// Splits text child `k` from byte `from` on into text and bracket nodes appended to `out`.
// Returns where to go on: the next child, or inside a later child where an editorial note that
// crossed a soft break closed. A bracket ends at the first `]`, and no search for it goes past
// the next `[`, so every byte is looked at a bounded number of times.
std::pair<std::size_t, std::size_t> bracket_scanner::split_run(std::vector<node>& in, std::size_t k,
                                                               std::size_t from, std::vector<node>& out) {
    text_run run(in[k], map_);
    const std::string& lit = run.literal();
    std::size_t emitted = from;
    const bool run_starts_line = from == 0 && (out.empty() || is_break(out.back().kind));
    for (std::size_t i = lit.find('[', from); i != std::string::npos; i = lit.find('[', i)) {
        std::size_t j = lit.find_first_of("[]", i + 1);
        if (j != std::string::npos && lit[j] == '[') { i = j; continue; }
        if (j != std::string::npos) {
            if (match_in_run(run, i, j, emitted, run_starts_line && i == 0, out)) emitted = j + 1;
            i = j + 1;
            continue;
        }
        // No `]` on this run: an editorial note may close after a soft break or another inline.
        for (std::size_t m = k + 1; m < in.size(); ++m) {
            if (in[m].kind != node_kind::text) continue;
            std::size_t p = in[m].literal.find_first_of("[]");
            if (p == std::string::npos) continue;
            if (in[m].literal[p] == ']' && match_across(in, k, run, i, emitted, {m, p}, out))
                return {m, p + 1};
            break;
        }
        break;
    }
    run.emit(emitted, lit.size(), out);
    return {k + 1, 0};
}

// The bracket [i, j] of one run: a gap, [sic], unclear, supplied text or an editorial note.
bool bracket_scanner::match_in_run(text_run& run, std::size_t i, std::size_t j, std::size_t emitted,
                                   bool line_start, std::vector<node>& out) {
    const std::string& lit = run.literal();
    if (looks_like_link(lit, i, lit, j)) return false;
    std::string_view bracket = std::string_view(lit).substr(i, j + 1 - i);
    if (is_whole<grammar::sic_marker>(bracket)) return match_sic(run, i, emitted, out);

    input in(bracket.data(), bracket.data() + bracket.size(), "");
    gap_state gap;
    node made;
    std::size_t a = i + 1, b = j;  // the words inside
    if (pegtl::parse<grammar::whole<grammar::illegible_gap>, gap_action>(in, gap)) {
        made.kind = node_kind::gap;
        made.attrs().subtype = "illegible";
        // "[illegible word]" is one word; "[illegible words]" an unknown number of them.
        made.quantity = gap.quantity || gap.plural || gap.unit.empty() ? gap.quantity : std::optional<int>(1);
        made.attrs().unit = std::move(gap.unit);
    } else if (is_whole<grammar::unclear>(bracket)) {
        made.kind = node_kind::unclear;
        a += lit[a] == '?';
        --b;
    } else if (is_supplied(lit, i, j, line_start)) {
        made.kind = node_kind::supplied;
    } else {
        note_probe probe;
        probe.text(bracket.substr(1, bracket.size() - 2));
        if (!probe.is_editorial_note()) return false;
        made.kind = node_kind::editorial_note;
    }
    run.emit(emitted, i, out);
    source_span open = run.span(i, i + 1);
    made.children.push_back(run.piece(a, b));
    made.span = joined(open, run.span(j, j + 1));
    out.push_back(std::move(made));
    return true;
}

// `word [sic]`: a sic node over the word, the space and the marker; its child is the word. The
// word is the non-spaces before the one space (leading quotes and parentheses stay outside), or an
// emphasis or strong node right before the space. Anything else keeps `[sic]` as text.
bool bracket_scanner::match_sic(text_run& run, std::size_t i, std::size_t emitted, std::vector<node>& out) {
    const std::string& lit = run.literal();
    if (i < emitted + 1 || lit[i - 1] != ' ') return false;
    std::size_t word_end = i - 1, word = word_end;
    while (word > emitted && lit[word - 1] != ' ') --word;
    for (auto opener : word_openers)
        if (std::string_view(lit).substr(word, word_end - word).starts_with(opener)) word += opener.size();
    std::string_view words = std::string_view(lit).substr(word, word_end - word);
    if (words.find_first_of("[]") != std::string_view::npos) return false;

    node sic;
    sic.kind = node_kind::sic;
    if (!words.empty()) {
        run.emit(emitted, word, out);
        sic.children.push_back(run.piece(word, word_end));
    } else if (i == 1 && emitted == 0 && !out.empty() &&
               (out.back().kind == node_kind::emphasis || out.back().kind == node_kind::strong) &&
               out.back().span.end == run.span(0, 0).begin) {
        sic.children.push_back(std::move(out.back()));
        out.pop_back();
    } else {
        return false;
    }
    sic.span = joined(sic.children.front().span, run.span(i, i + 5));
    out.push_back(std::move(sic));
    return true;
}

// An editorial note whose `[` is at byte `i` of child `k` and whose `]` is in a later child:
// everything between becomes its children (soft breaks, emphasis, redactions included).
bool bracket_scanner::match_across(std::vector<node>& in, std::size_t k, text_run& run, std::size_t i,
                                   std::size_t emitted, closing close, std::vector<node>& out) {
    const std::string& lit = run.literal();
    const std::string& last_lit = in[close.child].literal;
    if (looks_like_link(lit, i, last_lit, close.at)) return false;
    note_probe probe;
    probe.text(std::string_view(lit).substr(i + 1));
    for (std::size_t m = k + 1; m < close.child; ++m) probe.inline_node(in[m]);
    probe.text(std::string_view(last_lit).substr(0, close.at));
    if (!probe.is_editorial_note()) return false;

    text_run last(in[close.child], map_);
    run.emit(emitted, i, out);
    node note;
    note.kind = node_kind::editorial_note;
    source_span open = run.span(i, i + 1);
    run.emit(i + 1, lit.size(), note.children);
    for (std::size_t m = k + 1; m < close.child; ++m) note.children.push_back(std::move(in[m]));
    last.emit(0, close.at, note.children);
    note.span = joined(open, last.span(close.at, close.at + 1));
    out.push_back(std::move(note));
    return true;
}

}  // namespace

void recognize_brackets(node& document, const source_map& map, std::vector<diagnostic>&) {
    bracket_scanner(map).scan(document);
}

}  // namespace archmark::detail
