// The one Markdown escaper (markdown_escape.hpp). A character gets a backslash only where
// CommonMark/GFM would read it as markup in that position, so canonical text stays readable and
// its diffs small; what escaping a character depends on is written next to its case.
#include "converters/markdown/markdown_escape.hpp"

#include <cstdio>

namespace archmark::detail {
namespace {

constexpr std::size_t npos = std::string_view::npos;

bool is_blank(char c) noexcept { return c == ' ' || c == '\t'; }
bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
bool is_alpha(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_hex(char c) noexcept { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// Whether the `&` at `i` would be read as an entity or character reference (`&amp;`, `&#32;`,
// `&#x2014;`). A candidate cut off by the end of `s` counts: what follows may complete it.
bool looks_like_entity(std::string_view s, std::size_t i) {
    std::size_t j = i + 1;
    if (j >= s.size()) return true;
    auto finish = [&](std::size_t k) { return k >= s.size() || s[k] == ';'; };
    if (s[j] == '#') {
        ++j;
        if (j >= s.size()) return true;
        bool hex = s[j] == 'x' || s[j] == 'X';
        if (hex) ++j;
        std::size_t k = j;
        while (k < s.size() && k - j < 7 && (hex ? is_hex(s[k]) : is_digit(s[k]))) ++k;
        return (k > j || k >= s.size()) && finish(k);
    }
    if (!is_alpha(s[j])) return false;
    std::size_t k = j;
    while (k < s.size() && k - j < 32 && is_ascii_alnum(s[k])) ++k;
    return finish(k);
}

// Whether every byte of `s` is one of `set`.
bool only(std::string_view s, std::string_view set) {
    return s.find_first_not_of(set) == npos;
}

// Whether the line `rest` (from the first non-blank character of a line to its end, or to the
// end of the run when `open`) would start a block construct instead of continuing a paragraph.
// Returns the offset in `rest` of the character to escape, or npos.
std::size_t block_start_escape(std::string_view rest, bool open) {
    char c = rest[0];
    char next = rest.size() > 1 ? rest[1] : '\0';
    bool next_ends = rest.size() == 1 || is_blank(next);  // end of line, or of the run
    switch (c) {
    case '>': return 0;  // block quote
    case '#': {          // ATX heading: 1–6 `#` then a blank or the end of the line
        std::size_t r = rest.find_first_not_of('#');
        if (r == npos) return rest.size() <= 6 || open ? 0 : npos;
        return r <= 6 && is_blank(rest[r]) ? 0 : npos;
    }
    case '-': case '+': case '*':
        if (next_ends) return 0;  // bullet list item
        break;
    case '[':  // task-list box at the start of an item
        if (rest.size() >= 3 && (rest[1] == ' ' || rest[1] == 'x' || rest[1] == 'X') && rest[2] == ']' &&
            (rest.size() == 3 || is_blank(rest[3])))
            return 0;
        break;
    default: break;
    }
    // Code fence: three backticks or tildes.
    if ((c == '~' || c == '`') && rest.size() >= 3 && rest[1] == c && rest[2] == c) return 0;
    if ((c == '~' || c == '`') && open && rest.find_first_not_of(c) == npos) return 0;
    // Thematic break or setext underline: a line of one of these and blanks.
    if ((c == '-' || c == '=' || c == '*' || c == '_') && only(rest, std::string{c, ' ', '\t'})) return 0;
    // GFM table delimiter row under a paragraph line.
    if ((c == '-' || c == '|' || c == ':') && only(rest, "|:- \t") && rest.find('-') != npos) return 0;
    // Ordered list item: 1–9 digits, `.` or `)`, then a blank or the end of the line.
    if (is_digit(c)) {
        std::size_t j = 0;
        while (j < rest.size() && is_digit(rest[j])) ++j;
        if (j <= 9 && j < rest.size() && (rest[j] == '.' || rest[j] == ')') &&
            (j + 1 == rest.size() || is_blank(rest[j + 1])))
            return j;
    }
    return npos;
}

// Decodes the UTF-8 code point at `i` (invalid bytes read as themselves).
char32_t decode_at(std::string_view s, std::size_t i) {
    auto b = static_cast<unsigned char>(s[i]);
    int length = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    if (length == 1 || i + static_cast<std::size_t>(length) > s.size()) return b;
    char32_t cp = b & (0xFF >> (length + 1));
    for (int k = 1; k < length; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3F);
    return cp;
}

char_class classify(char32_t cp) noexcept {
    if (cp < 0x80) {
        char c = static_cast<char>(cp);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return char_class::whitespace;
        return is_ascii_punctuation(c) ? char_class::punctuation : char_class::other;
    }
    if (cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F ||
        cp == 0x3000)
        return char_class::whitespace;
    // Unicode punctuation (general categories P*) in the blocks transcriptions use.
    if (cp == 0xA1 || cp == 0xA7 || cp == 0xAB || cp == 0xB6 || cp == 0xB7 || cp == 0xBB || cp == 0xBF ||
        (cp >= 0x2010 && cp <= 0x2027) || (cp >= 0x2030 && cp <= 0x205E) || (cp >= 0x3001 && cp <= 0x3003) ||
        (cp >= 0x3008 && cp <= 0x3011) || (cp >= 0x3014 && cp <= 0x301F) || (cp >= 0xFF01 && cp <= 0xFF0F))
        return char_class::punctuation;
    return char_class::other;
}

void append_hex_escape(std::string& out, unsigned char c) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "\\x%02X", c);
    out += buffer;
}

}  // namespace

char_class class_before(std::string_view s, std::size_t end) noexcept {
    if (end == 0) return char_class::whitespace;
    std::size_t i = end - 1;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80 && end - i < 4) --i;
    return classify(decode_at(s, i));
}

char_class class_at(std::string_view s, std::size_t begin) noexcept {
    if (begin >= s.size()) return char_class::whitespace;
    return classify(decode_at(s, begin));
}

escaped_tail append_escaped(std::string& out, std::string_view s, const text_context& where) {
    escaped_tail tail;
    bool line_start = where.line_start;
    std::size_t escape_at = npos;  // an index in `s` to escape, found by a line-start check
    bool run_escaped = false;      // the current run of `*` or `~` is escaped
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        bool last = i + 1 == s.size();
        char next = last ? '\0' : s[i + 1];
        char previous = i == 0 ? where.previous : s[i - 1];
        if (line_start) {
            line_start = false;
            // Leading blanks are stripped: the first becomes an entity, which keeps the rest.
            if (is_blank(c)) {
                out += c == ' ' ? "&#32;" : "&#9;";
                continue;
            }
            if (where.block_starts) {
                std::size_t eol = s.find('\n', i);
                std::string_view rest = s.substr(i, eol == npos ? npos : eol - i);
                std::size_t at = block_start_escape(rest, eol == npos);
                if (at != npos) escape_at = i + at;
            }
        }
        bool escape = i == escape_at;
        switch (c) {
        case '\\':
            if (last) tail = {open_end::backslash, out.size()};
            else escape = escape || next == '\n' || is_ascii_punctuation(next);
            break;
        case '`':  // code spans and fences
            escape = true;
            break;
        case '*': case '~':  // emphasis, strikethrough and fences
            // A run with a blank on each side neither opens nor closes (it is not flanking):
            // `*** Quote ***` stays as typed. At the end of the text what follows is unknown.
            if (i == 0 || previous != c) {
                std::size_t end = s.find_first_not_of(c, i);
                bool blank_before = previous == '\0' || previous == '\n' || is_blank(previous);
                bool blank_after = end != npos && (s[end] == '\n' || is_blank(s[end]));
                run_escaped = !(blank_before && blank_after);
                if (blank_before && end == npos && escape_at != i) {
                    tail = {open_end::delimiter_run, out.size()};  // settled by what follows
                    run_escaped = false;
                }
            }
            escape = escape || run_escaped;
            break;
        case '_':  // emphasis, except inside a word, where `_` never opens or closes
            if (!is_ascii_alnum(previous)) escape = true;
            else if (last) tail = {open_end::underscore, out.size()};
            else escape = escape || !is_ascii_alnum(next);
            break;
        case '[':
            if (where.in_link || next == '^') escape = true;
            else if (last) tail = {open_end::open_bracket, out.size()};
            break;
        case ']':
            if (where.in_link || next == '(' || next == ':') escape = true;
            else if (last) tail = {open_end::close_bracket, out.size()};
            break;
        case '!':
            if (next == '[') escape = true;
            else if (last) tail = {open_end::bang, out.size()};
            break;
        case '<':
            if (is_alpha(next) || next == '/' || next == '!' || next == '?') escape = true;
            else if (last) tail = {open_end::less_than, out.size()};
            break;
        case '&':
            if (last) tail = {open_end::ampersand, out.size()};
            else escape = escape || looks_like_entity(s, i);
            break;
        case '{':  // CriticMarkup: {++ ++}, {-- --}, {~~ ~> ~~}
            if (last) tail = {open_end::open_brace, out.size()};
            else escape = escape || ((next == '+' || next == '-' || next == '~') && i + 2 < s.size() && s[i + 2] == next);
            break;
        case '\r':  // line endings in text come from character references: written as such
            out += "&#13;";
            continue;
        case '\n':
            out += "&#10;";
            continue;
        case ' ': case '\t':
            // Blanks before a line end are stripped (and two spaces make a hard break).
            if (next == '\n') {
                out += c == ' ' ? "&#32;" : "&#9;";
                continue;
            }
            if (last) tail = {open_end::blanks, out.size()};
            break;
        default: break;
        }
        if (escape && tail.kind != open_end::none && tail.position == out.size()) tail = {};
        if (escape) out += '\\';
        out += c;
    }
    return tail;
}

void settle_tail(std::string& out, const escaped_tail& tail, char next) {
    bool escape = false;
    switch (tail.kind) {
    case open_end::none: return;
    case open_end::blanks:
        if ((next == '\n' || next == '\0') && !out.empty() && is_blank(out.back())) {
            char blank = out.back();
            out.pop_back();
            out += blank == ' ' ? "&#32;" : "&#9;";
        }
        return;
    case open_end::backslash: escape = next == '\0' || next == '\n' || is_ascii_punctuation(next); break;
    case open_end::bang: escape = next == '['; break;
    case open_end::less_than: escape = is_alpha(next) || next == '/' || next == '!' || next == '?'; break;
    case open_end::ampersand: escape = is_ascii_alnum(next) || next == '#'; break;
    case open_end::underscore: escape = !is_ascii_alnum(next); break;
    case open_end::open_bracket: escape = next == '^'; break;
    case open_end::close_bracket: escape = next == '(' || next == ':'; break;
    case open_end::open_brace: escape = next == '+' || next == '-' || next == '~'; break;
    case open_end::delimiter_run:
        // Before a blank or the end of the line the run is not flanking; else each is escaped.
        if (next != '\0' && next != '\n' && !is_blank(next))
            for (std::size_t p = out.size(); p-- > tail.position;) out.insert(p, 1, '\\');
        return;
    case open_end::after_bracket:
        if (next == '(' || next == ':') out += '\\';
        return;
    }
    if (escape) out.insert(tail.position, 1, '\\');
}

namespace {

// Backslashes before punctuation (or at the end) and the bytes of `extra` get a backslash; an
// entity-like `&` is written `&amp;` (in destinations, titles and info strings the parser decodes
// entities before backslash escapes, so `\&` would not keep it). Nothing else is markup there.
void append_with_escapes(std::string& out, std::string_view s, std::string_view extra) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '&' && i + 1 < s.size() && looks_like_entity(s, i)) {
            out += "&amp;";
            continue;
        }
        bool escape = extra.find(c) != npos;
        if (c == '\\') escape = i + 1 == s.size() || is_ascii_punctuation(s[i + 1]);
        if (escape) out += '\\';
        out += c;
    }
}

}  // namespace

void append_destination(std::string& out, std::string_view url) {
    bool angle = url.empty();
    int depth = 0;
    for (char c : url) {
        auto b = static_cast<unsigned char>(c);
        if (c == ' ' || c == '<' || c == '>' || b < 0x20 || b == 0x7F) angle = true;
        if (c == '(') ++depth;
        if (c == ')' && --depth < 0) angle = true;
    }
    if (depth != 0) angle = true;
    if (angle) {
        out += '<';
        append_with_escapes(out, url, "<>");
        out += '>';
    } else {
        append_with_escapes(out, url, "");
    }
}

void append_title(std::string& out, std::string_view title) {
    out += '"';
    append_with_escapes(out, title, "\"");
    out += '"';
}

void append_info(std::string& out, std::string_view info) { append_with_escapes(out, info, ""); }

void append_yaml_scalar(std::string& out, std::string_view value) {
    bool flow = value.size() >= 2 && ((value.front() == '[' && value.back() == ']') ||
                                      (value.front() == '{' && value.back() == '}'));
    if (flow && value.find('\n') == npos) {
        out += value;
        return;
    }
    bool plain = !value.empty() && std::string_view("-?:,[]{}#&*!|>'\"%@` \t").find(value.front()) == npos &&
                 !is_blank(value.back()) && value.back() != ':' && value.find(": ") == npos &&
                 value.find(" #") == npos && value != "~" && value != "null" && value != "Null" &&
                 value != "NULL";
    for (char c : value)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) plain = false;
    if (plain) {
        out += value;
        return;
    }
    out += '"';
    for (char c : value) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) append_hex_escape(out, static_cast<unsigned char>(c));
            else out += c;
        }
    }
    out += '"';
}

}  // namespace archmark::detail
