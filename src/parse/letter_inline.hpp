// §4 forms that live inside paragraphs: page breaks in running text and portion marks.
#pragma once

#include <archmark/document.hpp>

#include "src/parse/source_map.hpp"

namespace archmark::detail {

// "[Page 2]" anywhere in text, and a line "-2-", "- 2 -" or "Page 2 of 5" inside a paragraph of
// several lines, become inline page breaks (a paragraph that is only one is a block already).
void mark_inline_page_breaks(node& root, const source_map& map);
// Portion marks "(S)", "(TS//SI//NF)" at the start of paragraphs. A single-letter mark counts only
// where the document has a banner or another mark, and never beside "(B)" or "(D)" paragraphs
// that make "(C)" an enumerator.
void mark_portion_marks(node& document, const source_map& map);

}  // namespace archmark::detail
