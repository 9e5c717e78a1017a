// A small scanner for the HTML that write_html produces in its default (safe) mode: it must hold no
// script element, no event handler attribute and no URL attribute with a scriptable scheme. Raw HTML
// of the input is escaped in safe mode, so every tag in the output is one the writer made.
#pragma once

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

namespace archmark::fuzz {

namespace detail {

inline std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// The URL a browser sees in an attribute value: character references decoded, then ASCII
// whitespace and control characters dropped (browsers ignore them inside a scheme), lower case.
inline std::string url_as_browser_reads(std::string_view value) {
    std::string out;
    for (std::size_t i = 0; i < value.size(); ++i) {
        char c = value[i];
        if (c == '&') {
            std::size_t semi = value.find(';', i);
            std::string_view ref = semi == std::string_view::npos ? std::string_view{} : value.substr(i + 1, semi - i - 1);
            if (!ref.empty() && ref[0] == '#') {
                bool hex = ref.size() > 1 && (ref[1] == 'x' || ref[1] == 'X');
                unsigned long code = 0;
                for (char d : ref.substr(hex ? 2 : 1))
                    code = code * (hex ? 16 : 10) +
                           static_cast<unsigned long>(std::isdigit(static_cast<unsigned char>(d)) ? d - '0' : std::tolower(static_cast<unsigned char>(d)) - 'a' + 10);
                c = code < 0x80 ? static_cast<char>(code) : '?';
                i = semi;
            } else if (ref == "colon") { c = ':'; i = semi; }
            else if (ref == "Tab" || ref == "NewLine") { i = semi; continue; }
            else if (ref == "amp") { c = '&'; i = semi; }
        }
        if (static_cast<unsigned char>(c) <= 0x20) continue;
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

inline bool scriptable_url(std::string_view value) {
    std::string url = url_as_browser_reads(value);
    if (url.starts_with("javascript:") || url.starts_with("vbscript:") || url.starts_with("file:")) return true;
    if (url.starts_with("data:"))
        return !(url.starts_with("data:image/png") || url.starts_with("data:image/gif") ||
                 url.starts_with("data:image/jpeg") || url.starts_with("data:image/webp"));
    return false;
}

}  // namespace detail

// The first unsafe construct of `html` as a message, or empty when there is none.
inline std::string html_safety_problem(std::string_view html) {
    if (detail::lower(html).find("<script") != std::string::npos) return "a <script> tag";
    std::size_t i = 0;
    const std::size_t n = html.size();
    while ((i = html.find('<', i)) != std::string_view::npos) {
        if (html.substr(i, 4) == "<!--") {
            std::size_t end = html.find("-->", i + 4);
            if (end == std::string_view::npos) return "an unclosed comment";
            i = end + 3;
            continue;
        }
        std::size_t j = i + 1;
        const bool closing = j < n && html[j] == '/';
        if (closing) ++j;
        std::size_t name_start = j;
        while (j < n && (std::isalnum(static_cast<unsigned char>(html[j])) || html[j] == '-')) ++j;
        if (j == name_start) { i = j; continue; }  // a `<` in text would be `&lt;`; tolerate, it opens nothing
        std::string name = detail::lower(html.substr(name_start, j - name_start));
        for (std::string_view bad : {"script", "iframe", "object", "embed", "frame", "base", "meta", "form"})
            if (name == bad && !(name == "meta" && i < 400)) return "a <" + name + "> element";
        // attributes
        for (;;) {
            while (j < n && std::isspace(static_cast<unsigned char>(html[j]))) ++j;
            if (j >= n) return "an unclosed tag <" + name;
            if (html[j] == '>') { ++j; break; }
            if (html[j] == '/') { ++j; continue; }
            std::size_t attr_start = j;
            while (j < n && !std::isspace(static_cast<unsigned char>(html[j])) && html[j] != '=' && html[j] != '>' && html[j] != '/') ++j;
            std::string attr = detail::lower(html.substr(attr_start, j - attr_start));
            std::string_view value;
            while (j < n && std::isspace(static_cast<unsigned char>(html[j]))) ++j;
            if (j < n && html[j] == '=') {
                ++j;
                while (j < n && std::isspace(static_cast<unsigned char>(html[j]))) ++j;
                if (j < n && (html[j] == '"' || html[j] == '\'')) {
                    char quote = html[j];
                    std::size_t end = html.find(quote, j + 1);
                    if (end == std::string_view::npos) return "an unclosed attribute value in <" + name;
                    value = html.substr(j + 1, end - j - 1);
                    j = end + 1;
                } else {
                    std::size_t start = j;
                    while (j < n && !std::isspace(static_cast<unsigned char>(html[j])) && html[j] != '>') ++j;
                    value = html.substr(start, j - start);
                }
            }
            if (attr.starts_with("on")) return "an event handler attribute " + attr + " on <" + name + ">";
            if (attr == "style" && detail::lower(value).find("expression") != std::string::npos) return "a CSS expression";
            for (std::string_view url_attr : {"href", "src", "action", "formaction", "xlink:href", "poster", "background", "srcset"})
                if (attr == url_attr && detail::scriptable_url(value))
                    return "a scriptable URL in " + attr + "=\"" + std::string(value.substr(0, 80)) + "\" on <" + name + ">";
        }
        // The content of <style> is CSS, not markup.
        if (name == "style" && !closing) {
            std::size_t end = detail::lower(html.substr(j)).find("</style");
            if (end == std::string::npos) return "an unclosed <style>";
            j += end;
        }
        i = j;
    }
    return {};
}

}  // namespace archmark::fuzz
