// Parsing: text in, document and diagnostics out. Never throws for bad input.
#pragma once

#include <archmark/diagnostic.hpp>
#include <archmark/document.hpp>

#include <string_view>
#include <vector>

namespace archmark {

// How parse() reads its input.
struct parse_options {
    bool archival = true;   // run the archival pass (redactions, edits, notes, letter structure)
    bool autolink = false;  // GFM extended autolinks (off by default: they double cmark-gfm's cost)
};

// What parse() returns: the tree and the diagnostics (the tree survives errors).
struct parse_result {
    node document;                       // kind document; empty when the input was rejected
    std::vector<diagnostic> diagnostics; // in source order
    // True when no diagnostic is an error.
    bool ok() const noexcept;
};

// Parses `text` (UTF-8; a leading BOM is dropped, CRLF accepted). Spans refer to `text` as given.
// Input that is not UTF-8 yields an empty document and one input.utf8 error.
parse_result parse(std::string_view text, const parse_options& options = {});

}  // namespace archmark
