// The archival pass: recognizes the conventions of conventions.md in the tree cmark-gfm built.
// Each family is one pass over the tree, in its own file; run_archival_pass runs them in order.
#pragma once

#include <archmark/diagnostic.hpp>
#include <archmark/document.hpp>

#include "src/parse/source_map.hpp"

#include <vector>

namespace archmark::detail {

// §1: text runs holding redactions become text + redaction nodes (redactions.cpp).
void recognize_redactions(node& document, const source_map& map, std::vector<diagnostic>& diagnostics);

// All archival passes, in order.
void run_archival_pass(node& document, const source_map& map, std::vector<diagnostic>& diagnostics);

}  // namespace archmark::detail
