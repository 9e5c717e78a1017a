// The one-call API (convert.hpp): parse, then one writer to a string.
#include <archmark/convert.hpp>
#include <archmark/lint.hpp>

#include <algorithm>
#include <utility>

namespace archmark {

std::string_view format_name(output_format format) noexcept {
    switch (format) {
    case output_format::tei: return "tei";
    case output_format::html: return "html";
    case output_format::json: return "json";
    case output_format::markdown: return "markdown";
    }
    return {};
}

std::optional<output_format> format_from_name(std::string_view name) noexcept {
    for (auto f : {output_format::tei, output_format::html, output_format::json, output_format::markdown})
        if (format_name(f) == name) return f;
    return std::nullopt;
}

bool convert_result::ok() const noexcept {
    return std::none_of(diagnostics.begin(), diagnostics.end(),
                        [](const diagnostic& d) { return d.level == severity::error; });
}

std::string write_string(const node& document, const std::vector<diagnostic>& diagnostics,
                         output_format format, const write_options& options) {
    std::string out;
    string_sink sink(out);
    switch (format) {
    case output_format::tei: write_tei(document, options, sink); break;
    case output_format::html: write_html(document, options, sink); break;
    case output_format::json: write_json(document, diagnostics, options, sink); break;
    case output_format::markdown: write_markdown(document, options, sink); break;
    }
    return out;
}

convert_result convert(std::string_view text, output_format format, const convert_options& options) {
    auto parsed = parse(text, options.parse);
    convert_result result;
    // Input that is not UTF-8 is rejected whole, as `archmark convert` does: no output at all.
    bool rejected = parsed.document.children.empty() &&
                    std::any_of(parsed.diagnostics.begin(), parsed.diagnostics.end(),
                                [](const diagnostic& d) { return d.id == rule::input_utf8; });
    if (!rejected) result.output = write_string(parsed.document, parsed.diagnostics, format, options.write);
    result.diagnostics = std::move(parsed.diagnostics);
    return result;
}

// The same findings, in the same order, as `archmark check` before its configured levels apply
// (src/cli/check.cpp). Where the letter pass reports structure.after-signature itself, the lint
// rule's findings of it are left out so nothing is said twice.
std::vector<diagnostic> check(std::string_view text, const parse_options& options) {
    auto parsed = parse(text, options);
    auto found = std::move(parsed.diagnostics);
    bool parser_checks_signatures = std::any_of(found.begin(), found.end(), [](const diagnostic& d) {
        return d.id == rule::structure_after_signature;
    });
    for (auto& d : lint(parsed.document, text))
        if (!(parser_checks_signatures && d.id == rule::structure_after_signature))
            found.push_back(std::move(d));
    std::stable_sort(found.begin(), found.end(), [](const diagnostic& a, const diagnostic& b) {
        return a.span.line != b.span.line ? a.span.line < b.span.line : a.span.column < b.span.column;
    });
    found.erase(std::unique(found.begin(), found.end(),
                            [](const diagnostic& a, const diagnostic& b) {
                                return a.id == b.id && a.span == b.span && a.message == b.message;
                            }),
                found.end());
    return found;
}

}  // namespace archmark
