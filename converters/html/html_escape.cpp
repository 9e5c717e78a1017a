#include "converters/html/html_escape.hpp"

#include <array>
#include <cstdint>

namespace archmark::detail {
namespace {

constexpr char ascii_lower(char c) noexcept { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

constexpr bool starts_with_nocase(std::string_view s, std::string_view prefix) noexcept {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (ascii_lower(s[i]) != prefix[i]) return false;
    return true;
}

// Bytes that go into an href unchanged: the table of cmark-gfm's houdini_escape_href
// (alphanumerics and !#$%()*+,-./:;=?@_~).
constexpr std::array<bool, 256> href_safe_table() {
    std::array<bool, 256> t{};
    for (int c = '0'; c <= '9'; ++c) t[static_cast<std::size_t>(c)] = true;
    for (int c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = true;
    for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<std::size_t>(c)] = true;
    for (char c : std::string_view("!#$%()*+,-./:;=?@_~")) t[static_cast<unsigned char>(c)] = true;
    return t;
}
constexpr auto href_safe = href_safe_table();

}  // namespace

void append_escaped(std::string& out, std::string_view s, html_context) {
    // Copy runs of ordinary bytes at once; most text has no special characters.
    std::size_t run = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        std::string_view entity;
        switch (s[i]) {
        case '&': entity = "&amp;"; break;
        case '<': entity = "&lt;"; break;
        case '>': entity = "&gt;"; break;
        case '"': entity = "&quot;"; break;
        default: continue;
        }
        out.append(s.data() + run, i - run);
        out.append(entity);
        run = i + 1;
    }
    out.append(s.data() + run, s.size() - run);
}

void append_href(std::string& out, std::string_view url) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::size_t run = 0;
    for (std::size_t i = 0; i < url.size(); ++i) {
        auto byte = static_cast<unsigned char>(url[i]);
        if (href_safe[byte]) continue;
        out.append(url.data() + run, i - run);
        if (byte == '&') out += "&amp;";
        else if (byte == '\'') out += "&#x27;";
        else {
            out += '%';
            out += hex[byte >> 4];
            out += hex[byte & 0xF];
        }
        run = i + 1;
    }
    out.append(url.data() + run, url.size() - run);
}

void append_url(std::string& out, std::string_view url, bool unsafe) {
    if (unsafe || !is_dangerous_url(url)) append_href(out, url);
}

void append_style_text(std::string& out, std::string_view css) {
    // In CSS `\/` is an escaped `/`, so the rewrite keeps the meaning of any selector or string.
    std::size_t run = 0;
    for (std::size_t lt = css.find('<'); lt != std::string_view::npos; lt = css.find('<', lt + 1)) {
        if (!starts_with_nocase(css.substr(lt), "</style")) continue;
        out.append(css.data() + run, lt + 1 - run);
        out += '\\';
        run = lt + 1;
    }
    out.append(css.data() + run, css.size() - run);
}

bool is_dangerous_url(std::string_view url) noexcept {
    if (starts_with_nocase(url, "data:image/")) {
        std::string_view type = url.substr(11);
        if (starts_with_nocase(type, "png") || starts_with_nocase(type, "gif") ||
            starts_with_nocase(type, "jpeg") || starts_with_nocase(type, "webp"))
            return false;
    }
    return starts_with_nocase(url, "javascript:") || starts_with_nocase(url, "vbscript:") ||
           starts_with_nocase(url, "file:") || starts_with_nocase(url, "data:");
}

bool is_filtered_tag(std::string_view html) noexcept {
    static constexpr std::string_view names[] = {"title", "textarea", "style", "xmp", "iframe",
                                                 "noembed", "noframes", "script", "plaintext"};
    if (html.size() < 3 || html[0] != '<') return false;
    std::size_t start = html[1] == '/' ? 2 : 1;
    for (std::string_view name : names) {
        // The name, case-insensitively, then whitespace, `>` or `/>`, as GFM's tagfilter checks.
        std::size_t i = start;
        if (!starts_with_nocase(html.substr(i), name)) continue;
        i += name.size();
        if (i >= html.size()) continue;
        char c = html[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' || c == '>')
            return true;
        if (c == '/' && i + 1 < html.size() && html[i + 1] == '>') return true;
    }
    return false;
}

void append_tagfiltered(std::string& out, std::string_view html) {
    std::size_t run = 0;
    for (std::size_t lt = html.find('<'); lt != std::string_view::npos; lt = html.find('<', lt + 1)) {
        if (!is_filtered_tag(html.substr(lt))) continue;
        out.append(html.data() + run, lt - run);
        out += "&lt;";
        run = lt + 1;
    }
    out.append(html.data() + run, html.size() - run);
}

}  // namespace archmark::detail
