// The one-call API: text in, one output format and the diagnostics out, like cmark's
// cmark_markdown_to_html() over cmark_parse_document(). Built on parse() and the writers.
#pragma once

#include <archmark/diagnostic.hpp>
#include <archmark/document.hpp>
#include <archmark/parse.hpp>
#include <archmark/write.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace archmark {

// The formats convert() writes.
enum class output_format : std::uint8_t {
    tei,       // TEI P5 XML (write_tei)
    html,      // HTML5 (write_html)
    json,      // the AST as JSON, diagnostics included (write_json)
    markdown,  // canonical archmark Markdown (write_markdown)
};

// "tei", "html", "json" or "markdown".
std::string_view format_name(output_format format) noexcept;
// The format named `name` (as format_name() spells it), or nullopt when there is none.
std::optional<output_format> format_from_name(std::string_view name) noexcept;

// Everything convert() can be told: how to parse and how to write.
struct convert_options {
    parse_options parse;  // archival conventions, GFM autolinks
    write_options write;  // fragment, title, HTML view and stylesheet ...
};

// What convert() returns: the output and what the parser reported.
struct convert_result {
    std::string output;                   // the document in the requested format
    std::vector<diagnostic> diagnostics;  // the parser's diagnostics, in source order
    // True when no diagnostic is an error (the output is still written, from the partial tree).
    bool ok() const noexcept;
};

// Parses `text` and writes it in `format`. Never throws for bad input: text that is not UTF-8
// gives an empty output and one input.utf8 error; other errors leave a complete output.
convert_result convert(std::string_view text, output_format format, const convert_options& options = {});

// Writes a parsed document in `format` to a string (write_tei, write_html, ... to a string_sink).
// `diagnostics` only appear in JSON output.
std::string write_string(const node& document, const std::vector<diagnostic>& diagnostics,
                         output_format format, const write_options& options = {});

// Everything `archmark check` reports on `text`: the parser's diagnostics and the structure rules
// of lint(), in source order, at their default severities, each finding once.
std::vector<diagnostic> check(std::string_view text, const parse_options& options = {});

}  // namespace archmark
