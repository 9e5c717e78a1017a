// What each diagnostic rule means: one table, used by `archmark check --list-rules`, by the SARIF
// rule descriptors and mirrored in docs/diagnostics.md. The ids and default severities themselves
// live in diagnostic.hpp.
#pragma once

#include <archmark/diagnostic.hpp>

#include <optional>
#include <string_view>

namespace archmark {

// One line: what the rule reports ("a FOIA code mistyped, as OCR does: (b)(l), (6)(1), b(1)").
std::string_view rule_description(rule r) noexcept;
// A few sentences: what the rule reports, why it matters and what the parser did with the text.
std::string_view rule_full_description(rule r) noexcept;
// How to fix or silence a finding of the rule.
std::string_view rule_help(rule r) noexcept;

// The rule whose id is `id` ("redaction.near-miss"), or nullopt when there is none.
std::optional<rule> rule_from_id(std::string_view id) noexcept;

}  // namespace archmark
