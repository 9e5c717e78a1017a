// The stylesheet embedded in standalone pages: a reading edition on screen, plain in print. It
// styles only the classes and attributes listed in docs/html.md, so a user's sheet (--css) can
// restyle any of them. The two views are classes on <body> (view-diplomatic, view-reading): no
// JavaScript. Private to converters/html/.
#pragma once

#include <string_view>

namespace archmark::detail {

inline constexpr std::string_view page_stylesheet = R"css(:root{--ink:#1d1b18;--muted:#7a746a;--rule:#d8d2c6;--paper:#fcfbf7;--accent:#1a4f8b;--red:#b3121b;--box:#1d1b18}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--paper);color:var(--ink);font:1.0625rem/1.65 Georgia,"DejaVu Serif","Times New Roman",serif;font-variant-numeric:oldstyle-nums}
main{max-width:40rem;margin:0 auto;padding:2.5rem 1.5rem 4rem}
h1,h2,h3,h4,h5,h6{line-height:1.25;font-family:system-ui,"DejaVu Sans",sans-serif;font-weight:600;margin:2rem 0 .75rem}
h1{font-size:1.6rem}h2{font-size:1.25rem}h3{font-size:1.1rem}h4,h5,h6{font-size:1rem}
p{margin:0 0 1rem;hyphens:auto}
a{color:var(--accent);text-underline-offset:.15em}
img{max-width:100%}
sup,sub{line-height:0}
pre,code{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:.85em}
pre{overflow-x:auto;padding:.75rem 1rem;background:#f1eee6}
blockquote{margin:1rem 0;padding-left:1rem;border-left:3px solid var(--rule);color:#3d3a35}
table{border-collapse:collapse;margin:1rem 0}
th,td{border:1px solid var(--rule);padding:.25rem .6rem}
.front-matter{margin-bottom:2.5rem;padding-bottom:1rem;border-bottom:1px solid var(--rule)}
.front-matter h1{margin-top:0}
.front-matter dl{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:0;font-size:.9em}
.front-matter dt{color:var(--muted);font:.75rem/2 system-ui,"DejaVu Sans",sans-serif;text-transform:uppercase;letter-spacing:.08em}
.front-matter dd{margin:0}
.redaction{background:var(--box);color:#f4f1ea;padding:.05em .35em;border-radius:2px;font:600 .78em/1 system-ui,"DejaVu Sans",sans-serif;letter-spacing:.02em;white-space:nowrap;-webkit-box-decoration-break:clone;box-decoration-break:clone;cursor:help}
.redaction[data-scheme=frus]{background:#ebe7dc;color:#4a463f;padding:0 .2em;font:inherit;font-style:italic;letter-spacing:normal;white-space:normal}
.redaction[data-scheme=frus] i{font-style:italic}
.redaction[data-scheme=bars]{background:none;color:var(--box);padding:0;font:inherit;letter-spacing:-.12em}
del.deletion{color:var(--muted);text-decoration:line-through;text-decoration-color:#5b564e;text-decoration-thickness:.08em}
ins.insertion{text-decoration:none;color:#1f5a36}
ins.insertion.above{font-size:.72em;line-height:1;vertical-align:.75em;padding:0 .1em}
ins.insertion.inline{text-decoration:underline;text-decoration-color:#9bbfa7;text-underline-offset:.2em}
.substitution{background:#f2eee2;border-radius:3px;padding:0 .15em;-webkit-box-decoration-break:clone;box-decoration-break:clone}
.unclear{text-decoration:underline dotted var(--muted);text-underline-offset:.2em}
.supplied{font-style:italic}
.sic{text-decoration:underline wavy #c9a86a;text-underline-offset:.2em}
.gap,.editorial-note{color:var(--muted);font-style:italic}
.portion-mark{color:var(--muted);font:600 .75em system-ui,"DejaVu Sans",sans-serif}
.note-call{line-height:0}
.note-call a{text-decoration:none;padding:0 .1em;font-weight:600}
.classification{margin:1.25rem 0;text-align:center;color:var(--red);font:700 .95rem system-ui,"DejaVu Sans",sans-serif;letter-spacing:.18em;text-transform:uppercase}
.stamp{display:table;margin:1rem 0;border:2px solid #8a2b2b;color:#8a2b2b;padding:.2rem .6rem;font:.8em ui-monospace,"DejaVu Sans Mono",monospace;text-transform:uppercase}
.opener{margin:1.5rem 0}
.dateline{text-align:right}
.salutation{margin-top:1.5rem}
.closer{margin:2rem 0 2rem 50%}
.closer p{margin:.2rem 0}
.signature{margin-left:50%}
.closer .signature{margin-left:0}
.source-note{display:block;margin:2rem 0;padding-top:.75rem;border-top:1px solid var(--rule);font-size:.88em;color:#4a463f}
hr{border:0;border-top:1px solid var(--rule);margin:2rem 0}
hr.separator{border:0;height:auto;text-align:center;margin:2rem 0}
hr.separator::after{content:"* * *";color:var(--muted);letter-spacing:.5em}
.part{margin:2.5rem 0;padding-left:1.25rem;border-left:3px double var(--rule)}
.page-break{display:flex;align-items:center;gap:.75em;margin:1.75rem 0;color:var(--muted);font:.75rem system-ui,"DejaVu Sans",sans-serif;letter-spacing:.06em}
.page-break::before,.page-break::after{content:"";flex:1;border-top:1px solid var(--rule)}
:is(p,li,h1,h2,h3,h4,h5,h6,td,th,dd) .page-break{display:inline;margin:0 .2em;gap:0;vertical-align:.1em}
:is(p,li,h1,h2,h3,h4,h5,h6,td,th,dd) .page-break::before{content:"|";border:0;margin-right:.2em}
:is(p,li,h1,h2,h3,h4,h5,h6,td,th,dd) .page-break::after{content:none}
.raw-html{color:var(--muted);font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.85em}
.footnotes,.notes{margin-top:3rem;padding-top:.5rem;border-top:1px solid var(--rule);font-size:.9em}
.notes ol{padding-left:1.75rem}
.notes li{margin:.4rem 0}
.notes li p{margin:0 0 .4rem}
.notes li:target,.note-call a:target{background:#fff3c4}
.notes li[data-mark]{list-style:none}
.notes li[data-mark]::before{content:attr(data-mark);float:left;margin-left:-1.25rem}
.note-backref{text-decoration:none;margin-left:.2em}
.view-reading del.deletion{display:none}
.view-reading ins.insertion{font-size:inherit;vertical-align:baseline;color:inherit;text-decoration:none;padding:0}
.view-reading .substitution{background:none;padding:0}
@media print{
@page{margin:2cm 2.2cm}
:root{--paper:#fff;--ink:#000;--muted:#555;--rule:#999}
body{font-size:11pt;line-height:1.45;font-variant-numeric:normal}
main{max-width:none;margin:0;padding:0}
h1,h2,h3,h4,h5,h6{break-after:avoid}
p,li{orphans:3;widows:3}
a{color:inherit;text-decoration:none}
a[href^="http"]::after{content:" <" attr(href) ">";font-size:.85em;word-break:break-all}
pre{white-space:pre-wrap;background:none;border:1px solid var(--rule)}
.redaction{background:none;color:#000;border:1px solid #000;padding:0 .25em}
.redaction[data-scheme=bars]{color:transparent;padding:0;letter-spacing:0}
.redaction[data-scheme=frus]{background:none;border:0;color:#000;padding:0}
.substitution{background:none;padding:0}
.stamp{color:#000;border-color:#000}
.notes li:target,.note-call a:target{background:none}
.note-backref{display:none}
.footnotes,.notes{break-before:auto;break-inside:avoid-page;margin-top:2rem;padding-top:.3rem;border-top:0;font-size:9pt;line-height:1.35;position:relative}
.footnotes::before,.notes::before{content:"";position:absolute;top:0;left:0;width:33%;border-top:.5pt solid #000}
.notes li{break-inside:avoid}
}
)css";

}  // namespace archmark::detail
