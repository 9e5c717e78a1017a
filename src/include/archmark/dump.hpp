// The canonical AST dump: one node per line, indented by depth, with kind, span and payload.
// Used by the spec tests, golden files and `archmark convert --to ast`.
#pragma once

#include <archmark/document.hpp>

#include <string>

namespace archmark {

// Example line: `  redaction 5:226-5:232 scheme=foia codes=["(b)(1)"]`. Spans are
// `line:column-end_line:end_column`, end exclusive; strings are JSON-quoted.
std::string dump_ast(const node& document);

// One node's own line of the dump (no indentation, no children, no newline).
std::string dump_node(const node& n);

}  // namespace archmark
