// The exemption codes that redactions carry (conventions.md §1): one table used by the parser,
// the TEI taxonomy and the HTML titles.
#pragma once

#include <archmark/document.hpp>

#include <span>
#include <string_view>

namespace archmark {

// One row of the table of codes.
struct exemption_code {
    std::string_view code;     // normalized spelling: "(b)(1)", "(b)(7)(C)", "25X1", "50X1-HUM"
    redaction_scheme scheme;   // foia or eo13526
    std::string_view id;       // an NCName for TEI categories and HTML data: "b1", "b7C", "25X1"
    std::string_view meaning;  // one line, e.g. "classified national security information"
};

// Every known code, FOIA first, in a stable order.
std::span<const exemption_code> exemption_codes() noexcept;
// The entry for a normalized code, or nullptr.
const exemption_code* find_exemption_code(std::string_view normalized) noexcept;

}  // namespace archmark
