// String helpers of the TEI writer: text XML 1.0 can carry, URI references, attribute values.
#include "converters/tei/tei_text.hpp"

#include <algorithm>
#include <cstdint>

namespace archmark::tei {
namespace {

constexpr std::string_view replacement_character = "\xEF\xBF\xBD";

}  // namespace

// Text for XML 1.0: invalid UTF-8 and code points XML cannot carry (C0 controls other than tab,
// LF and CR; U+FFFE, U+FFFF) become U+FFFD. Everything else passes unchanged; pugixml escapes.
std::string xml_text(std::string_view s) {
    // Most runs are plain printable ASCII: nothing to check character by character.
    if (std::all_of(s.begin(), s.end(), [](char c) {
            auto u = static_cast<unsigned char>(c);
            return (u >= 0x20 && u < 0x80) || c == '\n' || c == '\t' || c == '\r';
        }))
        return std::string(s);
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') out += replacement_character;
            else out += static_cast<char>(c);
            ++i;
            continue;
        }
        std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
        if (c > 0xF4 || length == 0 || i + length > s.size()) {
            out += replacement_character;
            ++i;
            continue;
        }
        std::uint32_t cp = c & (0x7F >> length);
        bool valid = true;
        for (std::size_t k = 1; k < length; ++k) {
            auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) { valid = false; break; }
            cp = (cp << 6) | (cc & 0x3F);
        }
        valid = valid && !(length == 3 && cp < 0x800) && !(length == 4 && (cp < 0x10000 || cp > 0x10FFFF)) &&
                !(cp >= 0xD800 && cp <= 0xDFFF);
        if (!valid) {
            out += replacement_character;
            ++i;
            continue;
        }
        if (cp == 0xFFFE || cp == 0xFFFF) out += replacement_character;
        else out.append(s.substr(i, length));
        i += length;
    }
    return out;
}

// A URI reference for @target and @url (teidata.pointer, checked as xsd:anyURI) from a Markdown
// destination, which may hold anything. Characters RFC 3986 does not allow where they stand are
// percent-encoded: whitespace and controls, `"<>\\^`{|}`, a `%` not starting an escape, a second
// `#`, `[` `]` outside the authority, and a `:` in a first path segment that is not a scheme.
// Non-ASCII is kept (an IRI).
std::string uri(std::string_view raw) {
    static constexpr std::string_view hex = "0123456789ABCDEF";
    std::string s = xml_text(raw);
    auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    auto is_hex = [&](char c) { return digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); };
    std::size_t scheme_end = 0;  // just after the scheme's `:`, or 0 when there is none
    if (!s.empty() && alpha(s[0])) {
        std::size_t i = 1;
        while (i < s.size() && (alpha(s[i]) || digit(s[i]) || s[i] == '+' || s[i] == '-' || s[i] == '.')) ++i;
        if (i < s.size() && s[i] == ':') scheme_end = i + 1;
    }
    std::size_t authority_end = scheme_end;
    if (s.compare(scheme_end, 2, "//") == 0) {
        authority_end = s.find_first_of("/?#", scheme_end + 2);
        if (authority_end == std::string::npos) authority_end = s.size();
    }
    std::string out;
    bool in_first_segment = scheme_end == 0, in_fragment = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        bool keep;
        if (c >= 0x80) keep = true;
        else if (alpha(static_cast<char>(c)) || digit(static_cast<char>(c))) keep = true;
        else if (c == '%') keep = i + 2 < s.size() && is_hex(s[i + 1]) && is_hex(s[i + 2]);
        else if (c == '#') keep = !in_fragment;
        else if (c == '[' || c == ']') keep = i < authority_end && i >= scheme_end + 2;
        else if (c == ':') keep = i < scheme_end || !in_first_segment;
        else keep = std::string_view("-._~/?@!$&'()*+,;=").find(static_cast<char>(c)) != std::string_view::npos;
        if (c == '#') in_fragment = true;
        if (c == '/' || c == '?' || c == '#') in_first_segment = false;
        if (keep) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 0xF];
        }
    }
    return out;
}

// Spaces collapsed and trimmed, for the title.
std::string collapse_spaces(std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') { space = !out.empty(); continue; }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

// A value for @subtype (teidata.enumerated): printable ASCII without spaces, or empty.
std::string enumerated_word(std::string_view s) {
    std::size_t b = s.find_first_not_of(" \t");
    if (b == std::string_view::npos) return {};
    std::size_t e = s.find_first_of(" \t", b);
    std::string_view word = s.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b);
    bool printable = std::all_of(word.begin(), word.end(),
                                 [](char c) { return c > 0x20 && c < 0x7F; });
    return printable ? std::string(word) : std::string();
}

// Whether `when` is an ISO date TEI's @when accepts in the forms the parser writes: YYYY,
// YYYY-MM, YYYY-MM-DD or --MM-DD.
bool iso_date(std::string_view when) {
    auto digits = [&](std::size_t at, std::size_t count) {
        return when.size() >= at + count &&
               std::all_of(when.begin() + static_cast<std::ptrdiff_t>(at),
                           when.begin() + static_cast<std::ptrdiff_t>(at + count),
                           [](char c) { return c >= '0' && c <= '9'; });
    };
    if (when.size() == 7 && when.starts_with("--")) return digits(2, 2) && when[4] == '-' && digits(5, 2);
    if (!digits(0, 4)) return false;
    if (when.size() == 4) return true;
    if (when.size() == 7) return when[4] == '-' && digits(5, 2);
    return when.size() == 10 && when[4] == '-' && digits(5, 2) && when[7] == '-' && digits(8, 2);
}



std::string ncname(std::string_view prefix, std::string_view s) {
    std::string out(prefix);
    bool dash = false;
    for (char c : s) {
        bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '-' || c == '_';
        if (!keep) { dash = true; continue; }
        if (dash && out.size() > prefix.size() && out.back() != '-') out += '-';
        dash = false;
        out += c;
    }
    return out;
}

bool language_tag(std::string_view s) {
    // 2-3 letters, then subtags of 1-8 letters or digits.
    std::size_t i = 0;
    while (i < s.size() && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z'))) ++i;
    if (i < 2 || i > 3) return false;
    while (i < s.size()) {
        if (s[i] != '-') return false;
        std::size_t start = ++i;
        while (i < s.size() && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
                                (s[i] >= '0' && s[i] <= '9')))
            ++i;
        if (i == start || i - start > 8) return false;
    }
    return true;
}

}  // namespace archmark::tei
