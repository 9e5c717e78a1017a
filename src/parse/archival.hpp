// The archival pass: recognizes the conventions of conventions.md in the tree cmark-gfm built.
// Each family is one pass over the tree, in its own file; run_archival_pass runs them in order.
#pragma once

#include <archmark/diagnostic.hpp>
#include <archmark/document.hpp>

#include "src/parse/source_map.hpp"

#include <vector>

namespace archmark::detail {

// The passes, in the order run_archival_pass runs them. Each takes the whole document.
//
// §2 (edits.cpp): pairs raw <del>/<s>/<strike>/<ins>/<sup>/<sub> tags into one node, turns
// strikethrough into deletion, recognizes CriticMarkup {-- --} {++ ++} {~~ ~> ~~}, substitutions,
// ordinals. A <sup> holding digits or one of * † ‡ § ¶ becomes a superscript for resolve_notes.
void recognize_edits(node& document, const source_map& map, std::vector<diagnostic>& diagnostics);
// §3 (notes.cpp): finds note calls and definitions in all five styles and puts each body on its
// call as a note node; reports undefined, unused and duplicate notes.
void resolve_notes(node& document, const source_map& map, std::vector<diagnostic>& diagnostics);
// §1 (redactions.cpp): text runs holding redactions become text + redaction nodes.
void recognize_redactions(node& document, const source_map& map, std::vector<diagnostic>& diagnostics);
// §4 (letter.cpp): datelines, salutations, closings, signatures, source notes, banners, portion
// marks, stamps, separators, draft parts, page breaks, dash-paragraph lists.
void recognize_letter(node& document, const source_map& map, std::vector<diagnostic>& diagnostics);
// §5 (brackets.cpp): illegible gaps, unclear, [sic], supplied text, editorial notes.
void recognize_brackets(node& document, const source_map& map, std::vector<diagnostic>& diagnostics);

// All archival passes, in order.
void run_archival_pass(node& document, const source_map& map, std::vector<diagnostic>& diagnostics);

}  // namespace archmark::detail
