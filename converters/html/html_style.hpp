// The stylesheet embedded in standalone pages: readable on screen, plain in print. The classes it
// styles are listed in docs/html.md. Private to converters/html/.
#pragma once

#include <string_view>

namespace archmark::detail {

inline constexpr std::string_view page_stylesheet = R"css(body{margin:0;background:#fbfaf7;color:#1c1c1c;font:1.0625rem/1.6 Georgia,"Times New Roman",serif}
main{max-width:42rem;margin:0 auto;padding:2rem 1.25rem}
h1,h2,h3,h4,h5,h6{line-height:1.25;font-family:system-ui,sans-serif}
a{color:#1a4f8b}
img{max-width:100%}
pre,code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.875em}
pre{overflow-x:auto;padding:.75rem 1rem;background:#f0eee8}
blockquote{margin:1rem 0;padding-left:1rem;border-left:3px solid #cfcac0;color:#444}
table{border-collapse:collapse;margin:1rem 0}
th,td{border:1px solid #cfcac0;padding:.25rem .6rem}
.redaction{background:#111;color:#f2f2f2;padding:0 .3em;border-radius:2px;font:600 .8em system-ui,sans-serif;white-space:nowrap}
.redaction[data-scheme=frus]{background:none;color:inherit;padding:0;font:inherit;font-style:italic;white-space:normal}
.redaction[data-scheme=bars]{color:#111;letter-spacing:-.1em}
del.deletion{text-decoration-thickness:.08em}
ins.insertion{text-decoration:none;color:#2d5b2d}
ins.insertion.above{font-size:.75em;vertical-align:.6em}
.unclear{text-decoration:underline dotted}
.gap,.supplied,.editorial-note,.page-break,.portion-mark{color:#5f5a52}
.editorial-note{font-style:italic}
.page-break{display:block;margin:1rem 0;font:.8em system-ui,sans-serif;text-align:center}
.portion-mark{font:.8em system-ui,sans-serif}
.classification{text-align:center;font:700 .9em system-ui,sans-serif;letter-spacing:.12em}
.stamp{display:inline-block;border:2px solid #8a2b2b;color:#8a2b2b;padding:.2rem .5rem;font:.85em ui-monospace,monospace;text-transform:uppercase}
.dateline{text-align:right}
.closer{margin:1.5rem 0 1.5rem 50%}
.closer p{margin:.25rem 0}
.source-note{display:block;margin:1.5rem 0;font-size:.9em;color:#444}
.raw-html{color:#6b6b6b}
.footnotes,.notes{margin-top:2.5rem;border-top:1px solid #cfcac0;font-size:.9em}
.notes li[data-mark]{list-style:none}
.notes li[data-mark]::before{content:attr(data-mark) " ";margin-left:-1.2em}
@media print{
body{background:none;color:#000;font-size:11pt}
main{max-width:none;padding:0}
a{color:inherit;text-decoration:none}
pre{white-space:pre-wrap}
.redaction{background:none;color:#000;outline:1px solid #000}
.stamp{color:#000;border-color:#000}
}
)css";

}  // namespace archmark::detail
