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
    case rule::redaction_citation: return "redaction.citation";
    case rule::redaction_unknown_code: return "redaction.unknown-code";
    case rule::redaction_near_miss: return "redaction.near-miss";
    case rule::redaction_possible: return "redaction.possible";
    case rule::limit_depth: return "limit.depth";
    }
    return "?";
}

severity default_severity(rule r) noexcept {
    switch (r) {
    case rule::input_utf8: return severity::error;
    case rule::input_nul: return severity::error;
    case rule::redaction_citation: return severity::note;
    case rule::redaction_unknown_code: return severity::warning;
    case rule::redaction_near_miss: return severity::warning;
    case rule::redaction_possible: return severity::note;
    case rule::limit_depth: return severity::warning;
    }
    return severity::error;
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
