#include "src/parse/letter_forms.hpp"

#include "grammar/letter.hpp"
#include "grammar/page.hpp"

#include <archmark/codes.hpp>

#include <algorithm>
#include <array>
#include <cstdio>

namespace archmark::detail {
namespace {

namespace pegtl = tao::pegtl;
using input = pegtl::memory_input<pegtl::tracking_mode::lazy, pegtl::eol::lf_crlf, const char*>;

template <typename Rule, template <typename> class Action = pegtl::nothing, typename... States>
bool matches(std::string_view text, States&... states) {
    input in(text.data(), text.data() + text.size(), "");
    return pegtl::parse<Rule, Action>(in, states...);
}

template <typename Rule>
std::size_t prefix_length(std::string_view text) {
    input in(text.data(), text.data() + text.size(), "");
    return pegtl::parse<Rule>(in) ? static_cast<std::size_t>(in.current() - text.data()) : 0;
}

// ---- dates ---------------------------------------------------------------------------------

struct date_state {
    int month = 0, day = 0, year = 0;
    std::string place;
    std::string written;  // the calendar date as written
};

template <typename Rule>
struct date_action : pegtl::nothing<Rule> {};

template <>
struct date_action<grammar::month_name> {
    template <typename Input>
    static void apply(const Input& in, date_state& st) {
        static constexpr std::array<std::string_view, 12> names{"jan", "feb", "mar", "apr", "may", "jun",
                                                                "jul", "aug", "sep", "oct", "nov", "dec"};
        std::string prefix;
        for (char c : in.string_view().substr(0, 3)) prefix += static_cast<char>(c | 0x20);
        for (std::size_t i = 0; i < names.size(); ++i)
            if (names[i] == prefix) st.month = static_cast<int>(i) + 1;
    }
};

int number_of(std::string_view digits) {
    int value = 0;
    for (char c : digits) value = value * 10 + (c - '0');
    return value;
}

template <>
struct date_action<grammar::day_number> {
    template <typename Input>
    static void apply(const Input& in, date_state& st) { st.day = number_of(in.string_view()); }
};

template <>
struct date_action<grammar::year> {
    template <typename Input>
    static void apply(const Input& in, date_state& st) { st.year = number_of(in.string_view()); }
};

template <>
struct date_action<grammar::calendar_date> {
    template <typename Input>
    static void apply(const Input& in, date_state& st) { st.written = in.string(); }
};

template <>
struct date_action<grammar::place> {
    template <typename Input>
    static void apply(const Input& in, date_state& st) { st.place = in.string(); }
};

// "1962-10-27", or "--10-27" without a year; empty when the day does not exist.
std::string iso_date(const date_state& st) {
    static constexpr std::array<int, 12> days{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (st.month < 1 || st.day < 1 || st.day > days[static_cast<std::size_t>(st.month - 1)]) return {};
    char buf[40];  // room for any int, so the compiler can see nothing is cut
    if (st.year) std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", st.year, st.month, st.day);
    else std::snprintf(buf, sizeof buf, "--%02d-%02d", st.month, st.day);
    return buf;
}

// A date alone is a dateline only with its year; a place makes "Moscow, 27 October" one too.
bool read_dateline(std::string_view text, line_facts& facts) {
    date_state st;
    if (!matches<grammar::dateline, date_action>(text, st)) return false;
    facts.when = iso_date(st);
    if (facts.when.empty() || (!st.year && st.place.empty())) return false;
    facts.form = line_form::dateline;
    facts.place_name = std::move(st.place);
    facts.date = std::move(st.written);
    return true;
}

// ---- page breaks ---------------------------------------------------------------------------

template <typename Rule>
struct page_action : pegtl::nothing<Rule> {};

template <>
struct page_action<grammar::page_number> {
    template <typename Input>
    static void apply(const Input& in, std::string& label) { label = in.string(); }
};

// ---- stamp codes ---------------------------------------------------------------------------

template <typename Rule>
struct code_action : pegtl::nothing<Rule> {};

template <>
struct code_action<grammar::foia_code> {
    template <typename Input>
    static void apply(const Input& in, std::vector<std::string>& codes) {
        std::string code;
        for (char c : in.string_view()) if (c != ' ') code += c;  // "(b) (1)" -> "(b)(1)"
        codes.push_back(std::move(code));
    }
};

template <>
struct code_action<grammar::statute_entry> {
    template <typename Input>
    static void apply(const Input&, std::vector<std::string>& codes) { codes.emplace_back("(b)(3)"); }
};

template <>
struct code_action<grammar::eo_code> {
    template <typename Input>
    static void apply(const Input& in, std::vector<std::string>& codes) { codes.push_back(in.string()); }
};

// On the whole agency_code, not its alternatives: "B12" matches state_code and then fails.
template <>
struct code_action<grammar::agency_code> {
    template <typename Input>
    static void apply(const Input& in, std::vector<std::string>& codes) {
        std::string_view s = in.string_view();
        if (s.starts_with("1.4(")) {
            char category = static_cast<char>(s[4] & ~0x20);
            codes.push_back(std::string("1.4(") + category + ")");
            return;
        }
        // "B7(C)", "b7C", "b7E-1,2" -> "(b)(7)(C)", "(b)(7)(E)": the paragraph, then its letter.
        std::string code = std::string("(b)(") + s[1] + ")";
        std::size_t letter = s.size() > 2 && s[2] == '(' ? 3 : 2;
        if (letter < s.size() && s[letter] >= 'A' && s[letter] <= 'F') code += std::string("(") + s[letter] + ")";
        codes.push_back(std::move(code));
    }
};

bool is_alnum(char c) noexcept {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

}  // namespace

line_facts classify_line(std::string_view text) {
    line_facts facts;
    if (text.empty()) return facts;
    // First-byte dispatch: a rule is tried only where its first character can stand.
    auto may = [c = text.front()](std::string_view first) { return first.find(c) != std::string_view::npos; };
    std::string label;
    if (may("[-Pp") && matches<grammar::page_line, page_action>(text, label)) {
        facts.form = line_form::page_break;
        facts.label = std::move(label);
    } else if (may("TSCURE") && matches<grammar::classification_banner>(text)) {
        facts.form = line_form::classification;
        facts.marking = std::string(text);
    } else if ((may("R") && matches<grammar::release_stamp>(text)) ||
               (may("Aa") && matches<grammar::approved_stamp>(text))) {
        facts.form = line_form::stamp;
        facts.subtype = "release";
    } else if (may("D") && matches<grammar::declassified_stamp>(text)) {
        facts.form = line_form::stamp;
        facts.subtype = "declassification";
    } else if (may("CcDd") && matches<grammar::authority_line>(text)) {
        facts.form = line_form::authority;
        facts.subtype = "classification-authority";
    } else if (may("Rr") && matches<grammar::authority_reason>(text)) {
        facts.form = line_form::authority_reason;
        facts.subtype = "classification-authority";
    } else if (may("*-_") && matches<grammar::separator_line>(text)) {
        facts.form = line_form::separator;
    } else if (may("(/[Ss") && matches<grammar::signature>(text)) {
        facts.form = line_form::signature;
    } else if (may("DdMmSsGgYyEe") && matches<grammar::salutation>(text)) {
        facts.form = line_form::salutation;
    } else if (may("RrSsFfTtCcAaGgVvMmYyWwBbKk") && matches<grammar::closing>(text)) {
        facts.form = line_form::closing;
    } else if (may("Dd") && matches<grammar::draft_follows>(text)) {
        facts.form = line_form::draft_follows;
    } else if (may("D") && matches<grammar::draft_word>(text)) {
        facts.form = line_form::draft;
    } else if (std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        read_dateline(text, facts);  // every date has its day in digits
    }
    return facts;
}

std::string heading_date(std::string_view text) {
    date_state st;
    if (!matches<grammar::heading_date, date_action>(text, st)) return {};
    return iso_date(st);
}

bool opens_source_note(std::string_view text) { return prefix_length<grammar::source_note_open>(text) > 0; }

bool opens_postscript(std::string_view text) { return prefix_length<grammar::postscript_open>(text) > 0; }

std::size_t match_page_bracket(std::string_view text, std::string& label) {
    input in(text.data(), text.data() + text.size(), "");
    if (!pegtl::parse<grammar::page_bracket, page_action>(in, label)) return 0;
    return static_cast<std::size_t>(in.current() - text.data());
}

std::string page_line_label(std::string_view text) {
    std::string label;
    if (!matches<grammar::page_line, page_action>(text, label)) return {};
    return label;
}

std::string page_item_label(std::string_view text) {
    std::string label;
    if (!matches<grammar::page_item_rest, page_action>(text, label)) return {};
    return label;
}

std::size_t match_portion_mark(std::string_view text, std::string& marking) {
    std::size_t n = prefix_length<grammar::portion_mark>(text);
    if (n) marking = std::string(text.substr(1, n - 2));
    return n;
}

std::vector<std::string> stamp_codes(std::string_view text) {
    std::vector<std::string> codes;
    for (std::size_t i = 0; i < text.size(); ++i) {
        // A code group starts a token: "RELEASE IN PART B1", not the B1 of "CIA-RDP80B01676".
        char prev = i ? text[i - 1] : ' ';
        if (is_alnum(prev) || prev == '.' || prev == '-' || prev == '/' || prev == '(') continue;
        input in(text.data() + i, text.data() + text.size(), "");
        if (pegtl::parse<grammar::stamp_code_group, code_action>(in, codes))
            i = static_cast<std::size_t>(in.current() - text.data()) - 1;
    }
    // (b)(10) and (b)(7)(G) read as codes but are none; the §1.4 categories are not in the table.
    std::vector<std::string> known;
    for (auto& c : codes)
        if ((c.starts_with("1.4(") || find_exemption_code(c)) && std::find(known.begin(), known.end(), c) == known.end())
            known.push_back(std::move(c));
    return known;
}

std::vector<line_range> lines_of(const node& paragraph) {
    std::vector<line_range> lines;
    std::size_t first = 0;
    const auto& children = paragraph.children;
    for (std::size_t i = 0; i <= children.size(); ++i) {
        bool ends = i == children.size() || children[i].kind == node_kind::soft_break ||
                    children[i].kind == node_kind::line_break;
        if (!ends) continue;
        if (first < i) lines.push_back({first, i});
        first = i + 1;
    }
    return lines;
}

bool shown_text(std::span<const node> nodes, std::string& out) {
    for (const node& n : nodes) {
        if (n.kind == node_kind::text) {
            out += n.literal;
        } else if (n.kind == node_kind::soft_break || n.kind == node_kind::line_break) {
            out += ' ';
        } else if (n.kind == node_kind::emphasis || n.kind == node_kind::strong || n.kind == node_kind::redaction) {
            if (!shown_text(n.children, out)) return false;
        } else if (n.kind != node_kind::note && n.kind != node_kind::footnote_reference) {
            return false;
        }
    }
    return true;
}

}  // namespace archmark::detail
