// Checks on a parsed document that go beyond what the parser reports (conventions.md §8): a
// paragraph repeated word for word, an abandoned list item, content after a signature. Used by
// `archmark check`; the library never runs them on its own.
#pragma once

#include <archmark/diagnostic.hpp>
#include <archmark/document.hpp>

#include <string_view>
#include <vector>

namespace archmark {

// Runs the structure rules (structure.duplicate-passage, structure.abandoned-item,
// structure.after-signature) over `document`, a tree returned by parse(). Returns their findings
// at default severity, sorted by position. Linear in the size of the tree.
//
// `source` is the text the document was parsed from. It is optional: the tree does not keep the
// numbers written before list items (`3.` `3.`), so without it two neighbouring items of one
// list are compared whatever their numbers.
std::vector<diagnostic> lint(const node& document, std::string_view source = {});

}  // namespace archmark
