#include <archmark/diagnostic.hpp>

#include <string>

namespace archmark {

std::string_view severity_name(severity s) noexcept {
    switch (s) {
    case severity::note: return "note";
    case severity::warning: return "warning";
    case severity::error: return "error";
    }
    return "?";
}

std::string_view rule_id(rule r) noexcept {
    switch (r) {
    case rule::input_utf8: return "input.utf8";
    case rule::input_nul: return "input.nul";
    case rule::limit_depth: return "limit.depth";
    case rule::redaction_citation: return "redaction.citation";
    case rule::redaction_unknown_code: return "redaction.unknown-code";
    case rule::redaction_near_miss: return "redaction.near-miss";
    case rule::redaction_possible: return "redaction.possible";
    case rule::syntax_unclosed: return "syntax.unclosed";
    case rule::syntax_stray_close: return "syntax.stray-close";
    case rule::edit_empty: return "edit.empty";
    case rule::note_undefined: return "note.undefined";
    case rule::note_unused: return "note.unused";
    case rule::note_duplicate: return "note.duplicate";
    case rule::metadata_invalid: return "metadata.invalid";
    case rule::structure_duplicate: return "structure.duplicate-passage";
    case rule::structure_abandoned: return "structure.abandoned-item";
    case rule::structure_after_signature: return "structure.after-signature";
    case rule::output_unsupported: return "output.unsupported";
    }
    return "?";
}

severity default_severity(rule r) noexcept {
    switch (r) {
    case rule::input_utf8: case rule::input_nul: case rule::syntax_unclosed:
    case rule::syntax_stray_close: case rule::edit_empty: case rule::note_duplicate:
    case rule::metadata_invalid:
        return severity::error;
    case rule::limit_depth: case rule::redaction_unknown_code: case rule::redaction_near_miss:
    case rule::note_undefined: case rule::note_unused: case rule::structure_duplicate:
    case rule::structure_abandoned: case rule::structure_after_signature: case rule::output_unsupported:
        return severity::warning;
    case rule::redaction_citation: case rule::redaction_possible:
        return severity::note;
    }
    return severity::error;
}

diagnostic make_diagnostic(rule id, source_span span, std::string message, std::string help) {
    diagnostic d;
    d.id = id;
    d.level = default_severity(id);
    d.span = span;
    d.message = std::move(message);
    d.help = std::move(help);
    return d;
}

std::string format_diagnostic(const diagnostic& d, std::string_view file) {
    std::string out;
    if (!file.empty()) out.append(file).append(":");
    out += std::to_string(d.span.line) + ":" + std::to_string(d.span.column) + ": ";
    out.append(severity_name(d.level)).append(": ").append(d.message);
    out.append(" [").append(rule_id(d.id)).append("]");
    return out;
}

}  // namespace archmark
