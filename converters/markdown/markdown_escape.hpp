// The Markdown writer's one escaper: literal text in, Markdown that parses back to that literal
// out, with a backslash only where the character would otherwise be read as markup in its
// position. Private to converters/markdown/.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace archmark::detail {

// Where a run of literal text lands in the output; that decides what must be escaped.
struct text_context {
    char previous = '\0';       // the output byte just before the run ('\0': start of the content)
    bool line_start = false;    // the run begins a line (leading blanks would be stripped)
    bool block_starts = false;  // block syntax is recognized at line starts (paragraph lines)
    bool in_link = false;       // inside link text or an image description: brackets escaped
};

// The end of an escaped run whose spelling depends on the character that comes next, which the
// escaper cannot see (it is written by whatever node follows). settle_tail() decides it then.
enum class open_end : std::uint8_t {
    none,
    blanks,         // trailing spaces or tabs: stripped before a line end, so written as entities
    backslash,      // `\`: escaped before punctuation or a line end
    bang,           // `!`: escaped before `[` (an image)
    less_than,      // `<`: escaped before a letter, `/`, `!`, `?` (raw HTML, autolink)
    ampersand,      // `&`: escaped before a letter or `#` (an entity reference)
    underscore,     // `_` after a letter or digit: escaped unless a letter or digit follows
    open_bracket,   // `[`: escaped before `^` (a footnote call)
    close_bracket,  // `]`: escaped before `(` or `:` (an inline link, a link definition)
    open_brace,     // `{`: escaped before `+`, `-`, `~` (CriticMarkup)
    delimiter_run,  // a run of `*` or `~` after a blank: escaped unless a blank follows
    after_bracket,  // a `]` that is markup (a note call, an editorial bracket): a `(` or `:`
                    // after it is escaped instead, so it stays text
};

struct escaped_tail {
    open_end kind = open_end::none;
    std::size_t position = 0;  // in the output: the character concerned (blanks: the first blank)
};

// Appends `text` to `out`, escaped for `where`. Returns what its last character still depends on.
escaped_tail append_escaped(std::string& out, std::string_view text, const text_context& where);

// Decides an open end now that `next` follows it ('\n': a line end; '\0': the end of the content,
// a table cell or a heading). Inserts a backslash or rewrites blanks as entities in `out`.
void settle_tail(std::string& out, const escaped_tail& tail, char next);

// A link destination, in angle brackets when it holds spaces, angle brackets or unbalanced
// parentheses (or is empty).
void append_destination(std::string& out, std::string_view url);
// A link title in double quotes.
void append_title(std::string& out, std::string_view title);
// A fenced code block's info string (backslashes and entity-like sequences escaped).
void append_info(std::string& out, std::string_view info);

// A YAML scalar for the front matter: plain when that reads back as the same string, else
// double-quoted. A value in YAML flow form (`[a, b]`, `{k: v}`) is written as it is.
void append_yaml_scalar(std::string& out, std::string_view value);

// ASCII classes as CommonMark uses them.
inline bool is_ascii_punctuation(char c) noexcept {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
           (c >= '{' && c <= '~');
}
inline bool is_ascii_alnum(char c) noexcept {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Unicode classes for the flanking rules of `*`, `_` and `~~` delimiters (CommonMark 6.2).
enum class char_class : std::uint8_t { whitespace, punctuation, other };
// The class of the code point that ends just before `end` in `s` (none: whitespace).
char_class class_before(std::string_view s, std::size_t end) noexcept;
// The class of the code point that starts at `begin` in `s` (none: whitespace).
char_class class_at(std::string_view s, std::size_t begin) noexcept;

}  // namespace archmark::detail
