// Runs cmark-gfm over the input and converts its tree into the archmark AST with exact spans.
// The only place (with archival.cpp) that sees parser-library types.
#pragma once

#include <archmark/diagnostic.hpp>
#include <archmark/document.hpp>

#include "src/parse/source_map.hpp"

#include <vector>

namespace archmark::detail {

// Nesting beyond this depth is flattened into text with a limit.depth warning, so that no
// recursive pass or writer can overflow the stack on hostile input.
inline constexpr int max_depth = 200;

// Parses map.text() (BOM skipped) with cmark-gfm (tables, strikethrough, task lists, footnotes;
// extended autolinks when `autolink`) and returns the document. Inline spans are computed from
// the source, since cmark-gfm's own inline positions are missing or drift after breaks.
// `markdown` is what cmark-gfm reads: map.text() itself, or a copy of the same length with front
// matter blanked.
node parse_commonmark(const source_map& map, std::string_view markdown, bool autolink,
                      std::vector<diagnostic>& diagnostics);

}  // namespace archmark::detail
