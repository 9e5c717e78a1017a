// libFuzzer harness for what `archmark check` runs: parse, then the structure rules (lint), then
// the formatting of every finding. Findings: a crash, a lint diagnostic outside the input.
#include "tests/fuzz/fuzz_support.hpp"

#include <archmark/lint.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto text = archmark::fuzz::as_text(data, size);
    auto parsed = archmark::fuzz::checked_parse(text);
    for (const auto& source : {text, std::string_view{}}) {
        for (const auto& d : archmark::lint(parsed.document, source)) {
            if (d.span.begin > d.span.end || d.span.end > text.size() || d.span.line < 1)
                archmark::fuzz::finding("lint diagnostic outside the input", archmark::format_diagnostic(d, "input"));
            if (archmark::format_diagnostic(d, "input").empty()) archmark::fuzz::finding("empty diagnostic line");
        }
    }
    return 0;
}
