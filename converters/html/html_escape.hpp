// HTML escaping for the HTML writer: the one place that decides which bytes are written raw.
// Private to converters/html/.
#pragma once

#include <string>
#include <string_view>

namespace archmark::detail {

// Where escaped text lands. Both contexts escape `& < > "` (cmark-gfm escapes `"` in text too,
// and our attributes are always double-quoted); they are named so call sites say what they mean.
enum class html_context { text, attribute };

// Appends `s` with `& < > "` replaced by entities; valid in `context`.
void append_escaped(std::string& out, std::string_view s, html_context context = html_context::text);

// Appends a URL for an href/src attribute the way cmark-gfm does (houdini_escape_href): bytes
// outside a safe set are percent-encoded, `&` becomes `&amp;` and `'` becomes `&#x27;`.
void append_href(std::string& out, std::string_view url);

// Appends a URL for an href/src attribute: append_href, or nothing when the URL is dangerous
// (is_dangerous_url) and `unsafe` is off. Every URL the writer emits goes through here.
void append_url(std::string& out, std::string_view url, bool unsafe);

// Appends a user's stylesheet for a <style> element: the text as given, except that `</style`
// (any case) becomes `<\/style`, so the sheet cannot close its element and inject markup.
void append_style_text(std::string& out, std::string_view css);

// Whether cmark-gfm treats `url` as dangerous: it starts (case-insensitively) with javascript:,
// vbscript:, file: or data:, except data:image/png, gif, jpeg and webp.
bool is_dangerous_url(std::string_view url) noexcept;

// GFM tagfilter: whether `html` (starting at a `<`) opens or closes one of the tags that GFM
// disallows even in unsafe output: title, textarea, style, xmp, iframe, noembed, noframes,
// script, plaintext.
bool is_filtered_tag(std::string_view html) noexcept;

// Appends raw HTML with the tagfilter applied: the `<` of each disallowed tag becomes `&lt;`.
void append_tagfiltered(std::string& out, std::string_view html);

}  // namespace archmark::detail
