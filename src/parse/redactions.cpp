#include "src/parse/archival.hpp"
#include "src/parse/pass_support.hpp"

#include "grammar/redaction.hpp"

#include <archmark/codes.hpp>

#include <algorithm>
#include <array>
#include <iterator>
#include <string>

namespace archmark::detail {
namespace {

namespace pegtl = tao::pegtl;
using input = pegtl::memory_input<pegtl::tracking_mode::lazy, pegtl::eol::lf_crlf, const char*>;

// What the actions collect while one redaction is matched.
struct code_match {
    std::string code;   // normalized: "(b)(7)(C)", "25X1"
    bool known = true;  // in the code table
    const char* end;    // where this entry of the group ends
};
struct match_state {
    std::vector<code_match> codes;
    std::string statute;
    std::optional<int> quantity;
    std::string unit;
    bool at_most = false;
    redaction_scheme scheme = redaction_scheme::foia;  // set by the alternative that matched
};

template <typename Rule>
struct action : pegtl::nothing<Rule> {};

template <>
struct action<grammar::foia_code> {
    template <typename Input>
    static void apply(const Input& in, match_state& st) {
        // "(b) (7)(C)" -> "(b)(7)(C)": drop the release stamps' space.
        std::string code;
        for (char c : in.string_view()) if (c != ' ') code += c;
        bool known = find_exemption_code(code) != nullptr;
        st.codes.push_back({std::move(code), known, in.end()});
    }
};

template <>
struct action<grammar::statute_name> {
    template <typename Input>
    static void apply(const Input& in, match_state& st) {
        if (!st.statute.empty()) st.statute += "; ";
        st.statute += in.string();
    }
};

template <>
struct action<grammar::statute_entry> {
    template <typename Input>
    static void apply(const Input& in, match_state& st) { st.codes.push_back({"(b)(3)", true, in.end()}); }
};

template <>
struct action<grammar::eo_code> {
    template <typename Input>
    static void apply(const Input& in, match_state& st) { st.codes.push_back({in.string(), true, in.end()}); }
};

template <>
struct action<grammar::frus_count> {
    template <typename Input>
    static void apply(const Input& in, match_state& st) {
        auto digits = in.string_view().substr(0, 6);  // a count of a million lines is not a count
        int value = 0;
        for (char c : digits) value = value * 10 + (c - '0');
        st.quantity = value;
    }
};

template <>
struct action<grammar::frus_unit> {
    template <typename Input>
    static void apply(const Input& in, match_state& st) {
        std::string unit = in.string();
        if (unit.ends_with('s')) unit.pop_back();
        st.unit = unit;
    }
};

template <>
struct action<grammar::frus_kind> {
    template <typename Input>
    static void apply(const Input& in, match_state& st) {
        if (in.string_view() != "text") { st.unit = in.string(); st.quantity = 1; }
    }
};

template <>
struct action<grammar::frus_placeholder> {
    template <typename Input>
    static void apply(const Input&, match_state& st) { st.scheme = redaction_scheme::frus; }
};

template <>
struct action<grammar::generic_redaction> {
    template <typename Input>
    static void apply(const Input&, match_state& st) { st.scheme = redaction_scheme::generic; }
};

template <>
struct action<grammar::black_bars> {
    template <typename Input>
    static void apply(const Input& in, match_state& st) {
        st.scheme = redaction_scheme::bars;
        st.unit = "char";
        st.quantity = static_cast<int>(in.size() / 3);  // every bar is three bytes
    }
};

template <>
struct action<grammar::code_group> {
    template <typename Input>
    static void apply(const Input&, match_state& st) {
        const exemption_code* first = find_exemption_code(st.codes.front().code);
        st.scheme = first ? first->scheme : redaction_scheme::foia;
    }
};

template <>
struct action<grammar::frus_less_than> {
    template <typename Input>
    static void apply(const Input&, match_state& st) { st.at_most = true; }
};

bool is_alnum(char c) noexcept {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Words after which a FOIA code is cited, not applied: "section (b)(1)", "U.S.C. (b)(3)".
bool follows_citation_word(std::string_view before) {
    static constexpr std::array<std::string_view, 9> words{
        "\xC2\xA7", "section", "subsection", "paragraph", "exemption", "exemptions", "Exemption",
        "Exemptions", "U.S.C."};
    if (before.ends_with(' ')) before.remove_suffix(1);
    for (auto w : words) {
        if (!before.ends_with(w)) continue;
        std::size_t at = before.size() - w.size();
        if (at == 0 || !is_alnum(before[at - 1])) return true;
    }
    return false;
}

class redaction_scanner {
public:
    redaction_scanner(const source_map& map, std::vector<diagnostic>& diagnostics)
        : map_(map), diagnostics_(diagnostics) {}

    void scan(node& parent) {
        if (parent.kind == node_kind::code_block || parent.kind == node_kind::html_block) return;
        // Children are rebuilt only from the first text run that splits on.
        std::vector<node> result;
        bool changed = false;
        for (std::size_t k = 0; k < parent.children.size(); ++k) {
            node& child = parent.children[k];
            if (child.kind == node_kind::text) {
                std::vector<node> pieces;
                if (split(child, pieces)) {
                    if (!changed) {
                        result.reserve(parent.children.size() + pieces.size());
                        std::move(parent.children.begin(), parent.children.begin() + static_cast<std::ptrdiff_t>(k),
                                  std::back_inserter(result));
                        changed = true;
                    }
                    std::move(pieces.begin(), pieces.end(), std::back_inserter(result));
                    continue;
                }
            } else if (!child.children.empty()) {
                scan(child);
            }
            if (changed) result.push_back(std::move(child));
        }
        if (changed) parent.children = std::move(result);
    }

private:
    // Splits a text node around the redactions in it into `out`. False when it holds none.
    bool split(node& text, std::vector<node>& out);
    void report(rule id, const literal_offsets& at, std::size_t a, std::size_t b, std::string message,
                std::string help);

    const source_map& map_;
    std::vector<diagnostic>& diagnostics_;
};

void redaction_scanner::report(rule id, const literal_offsets& at, std::size_t a, std::size_t b,
                               std::string message, std::string help) {
    diagnostics_.push_back(make_diagnostic(id, map_.span(at(a), at(b)), std::move(message), std::move(help)));
}

bool redaction_scanner::split(node& text, std::vector<node>& out) {
    const std::string& lit = text.literal;
    const char* base = lit.data();
    const std::size_t n = lit.size();
    std::optional<literal_offsets> at;
    auto offsets = [&]() -> const literal_offsets& {
        if (!at) at.emplace(text, map_.text());
        return *at;
    };
    std::size_t emitted = 0;  // literal bytes already moved to `out`
    bool found = false;
    auto emit_text = [&](std::size_t a, std::size_t b) {
        if (a < b) out.push_back(text_piece(text, offsets(), map_, a, b));
    };
    auto token_start = [&](std::size_t i) { return i == 0 || !is_alnum(lit[i - 1]); };

    static constexpr byte_set starts("([\xE2" "257bX");
    for (std::size_t i = 0; (i = starts.find(lit, i)) < n;) {
        unsigned char c = static_cast<unsigned char>(lit[i]);
        // First-byte dispatch: most bytes of prose cannot start anything.
        bool candidate = c == '(' || c == '[' || c == 0xE2 ||
                         ((c == '2' || c == '5' || c == '7' || c == 'b' || c == 'X') && token_start(i));
        if (!candidate) { ++i; continue; }

        input in(base + i, base + n, "");
        match_state st;
        const char* end = nullptr;
        if (c != 'b' && c != 'X' && pegtl::parse<grammar::redaction, action>(in, st)) end = in.current();

        if (end && !st.codes.empty() && st.codes.front().code.starts_with("(b)") &&
            ((i > 0 && is_alnum(lit[i - 1])) || follows_citation_word(std::string_view(lit).substr(0, i)))) {
            std::size_t stop = static_cast<std::size_t>(st.codes.front().end - base);
            report(rule::redaction_citation, offsets(), i, stop,
                   st.codes.front().code + " reads as a legal citation, not as withheld text",
                   "if it marks withheld text, separate it from the citation");
            i = stop;
            continue;
        }
        if (end && !st.codes.empty()) {
            // A group ends before its first unknown code, which stays text with a warning.
            auto unknown = std::find_if(st.codes.begin(), st.codes.end(), [](auto& m) { return !m.known; });
            if (unknown != st.codes.end()) {
                std::size_t bad_end = static_cast<std::size_t>(unknown->end - base);
                std::size_t bad_begin = unknown == st.codes.begin()
                                            ? i
                                            : static_cast<std::size_t>(std::prev(unknown)->end - base);
                while (bad_begin < bad_end && lit[bad_begin] != '(') ++bad_begin;
                if (unknown == st.codes.begin() || lit[i] == '[') {
                    report(rule::redaction_unknown_code, offsets(), bad_begin, bad_end,
                           unknown->code + " is not a FOIA exemption code; kept as text",
                           "FOIA codes are (b)(1) to (b)(9), and (b)(7)(A) to (b)(7)(F)");
                    i = bad_end;
                    continue;
                }
                // The known codes before it are a redaction; the scan reports it when it gets there.
                end = std::prev(unknown)->end;
                st.codes.erase(unknown, st.codes.end());
                if (st.codes.back().code != "(b)(3)") st.statute.clear();
            }
        }
        if (end) {
            std::size_t stop = static_cast<std::size_t>(end - base);
            node r;
            r.kind = node_kind::redaction;
            r.scheme = st.scheme;
            r.quantity = st.quantity;
            r.attrs().unit = std::move(st.unit);
            r.at_most = st.at_most;
            for (auto& m : st.codes) r.attrs().codes.push_back(std::move(m.code));
            r.attrs().statute = std::move(st.statute);
            emit_text(emitted, i);
            r.children.push_back(text_piece(text, offsets(), map_, i, stop));
            r.span = r.children.back().span;
            out.push_back(std::move(r));
            emitted = i = stop;
            found = true;
            continue;
        }

        // Not a redaction: is it a near miss or a possible one?
        input probe(base + i, base + n, "");
        if ((c == '(' || (c == 'b' && token_start(i))) && pegtl::parse<grammar::near_miss>(probe)) {
            std::size_t stop = static_cast<std::size_t>(probe.current() - base);
            std::string seen = lit.substr(i, stop - i);
            char digit = '1';
            for (std::size_t k = seen.size(); k-- > 0;)
                if (seen[k] >= '1' && seen[k] <= '9') { digit = seen[k]; break; }
            std::string fix = std::string("(b)(") + digit + ")";
            report(rule::redaction_near_miss, offsets(), i, stop,
                   seen + " looks like a mistyped FOIA code; kept as text",
                   "did you mean `" + fix + "`?");
            i = stop;
            continue;
        }
        if (c == 'X' && pegtl::parse<grammar::possible_redaction>(probe)) {
            std::size_t stop = static_cast<std::size_t>(probe.current() - base);
            if (stop == n || !is_alnum(lit[stop])) {
                report(rule::redaction_possible, offsets(), i, stop,
                       lit.substr(i, stop - i) + " may mark withheld text; kept as text",
                       "if it is a redaction, write `[REDACTED]`");
            }
            i = stop;
            continue;
        }
        ++i;
    }
    if (!found) return false;
    emit_text(emitted, n);
    return true;
}

}  // namespace

void recognize_redactions(node& document, const source_map& map, std::vector<diagnostic>& diagnostics) {
    redaction_scanner(map, diagnostics).scan(document);
}

}  // namespace archmark::detail
