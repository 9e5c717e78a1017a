// The archival pass: recognizes the conventions of conventions.md in the tree cmark-gfm built.
#pragma once

#include <archmark/diagnostic.hpp>
#include <archmark/document.hpp>

#include "src/parse/source_map.hpp"

#include <vector>

namespace archmark::detail {

// Rewrites `document` in place: text runs holding redactions become text + redaction nodes.
void run_archival_pass(node& document, const source_map& map, std::vector<diagnostic>& diagnostics);

}  // namespace archmark::detail
