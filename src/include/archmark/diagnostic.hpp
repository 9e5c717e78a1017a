// Diagnostics are data: a closed list of rule ids, each with a default severity. The library
// never prints; callers format diagnostics with format_diagnostic().
#pragma once

#include <archmark/document.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace archmark {

// How serious a diagnostic is, least first.
enum class severity : std::uint8_t { note, warning, error };
// "note", "warning" or "error".
std::string_view severity_name(severity s) noexcept;

// Stable rule ids (conventions.md §8). The string form ("redaction.near-miss") is what users see,
// configure and search the docs for.
enum class rule : std::uint8_t {
    input_utf8,             // input.utf8: the input is not valid UTF-8
    input_nul,              // input.nul: the input holds a NUL byte
    limit_depth,            // limit.depth: nesting deeper than the parser follows
    redaction_citation,     // redaction.citation: (b)(N) that reads as a legal citation
    redaction_unknown_code, // redaction.unknown-code: (b)(0), (b)(10), (b)(7)(G)
    redaction_near_miss,    // redaction.near-miss: (b)(l), (6)(1), b(1) ...
    redaction_possible,     // redaction.possible: XXXX runs
    syntax_unclosed,        // syntax.unclosed: <del>, <s>, <ins>, <sup>, {++ without its close
    syntax_stray_close,     // syntax.stray-close: a closing tag with no opening one
    edit_empty,             // edit.empty: ~~~~, <s></s>
    note_undefined,         // note.undefined: a call with no definition
    note_unused,            // note.unused: a definition with no call
    note_duplicate,         // note.duplicate: two definitions of one label
    metadata_invalid,       // metadata.invalid: front matter that is not a YAML mapping
    structure_duplicate,    // structure.duplicate-passage: a paragraph repeating an earlier one
    structure_abandoned,    // structure.abandoned-item: `3. You would` then `3. You would undertake`
    structure_after_signature, // structure.after-signature: content after a signature, not a draft
    output_unsupported,     // output.unsupported: a writer cannot express a node
};
inline constexpr int rule_count = static_cast<int>(rule::output_unsupported) + 1;

// The rule's id as users see it ("redaction.near-miss").
std::string_view rule_id(rule r) noexcept;
// The severity a rule reports at unless configured otherwise.
severity default_severity(rule r) noexcept;

// One finding: which rule, how serious, where, and what to say.
struct diagnostic {
    rule id = rule::input_utf8;
    archmark::severity level = archmark::severity::error;
    source_span span;
    std::string message;
    std::string help;  // a fix hint ("did you mean `(b)(1)`?"), empty when none is obvious
};

// A diagnostic of rule `id` at its default severity.
diagnostic make_diagnostic(rule id, source_span span, std::string message, std::string help = {});

// `file:line:col: severity: message [rule-id]` (no trailing newline). `file` may be empty.
std::string format_diagnostic(const diagnostic& d, std::string_view file);

}  // namespace archmark
