// What every fuzz harness shares: the input as text, a parse that checks the tree it returns, and
// a way to stop with a finding. A finding is an abort(): libFuzzer saves the input as crash-*.
#pragma once

#include <archmark/parse.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace archmark::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

[[noreturn]] inline void finding(const char* what, std::string_view detail = {}) {
    std::fprintf(stderr, "archmark fuzz finding: %s\n", what);
    if (!detail.empty()) {
        std::string shown(detail.substr(0, 2000));
        std::fprintf(stderr, "%s\n", shown.c_str());
    }
    std::abort();
}

// parse() and the checks a Release parse skips: the tree's invariants (containment, spans inside
// their parent, siblings in order) and every diagnostic span inside the input.
inline parse_result checked_parse(std::string_view text, const parse_options& options = {}) {
    auto result = parse(text, options);
    if (auto problem = check_invariants(result.document, text); !problem.empty())
        finding("document invariant broken", problem);
    for (const auto& d : result.diagnostics)
        if (d.span.begin > d.span.end || d.span.end > text.size() || d.span.line < 1 || d.span.column < 1)
            finding("diagnostic span outside the input", format_diagnostic(d, "input"));
    return result;
}

// Whether `text` is UTF-8 (the writers must never produce anything else).
inline bool is_utf8(std::string_view text) {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    std::size_t i = 0, n = text.size();
    while (i < n) {
        unsigned c = s[i];
        std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (len == 0 || i + len > n) return false;
        for (std::size_t k = 1; k < len; ++k)
            if ((s[i + k] & 0xC0) != 0x80) return false;
        i += len;
    }
    return true;
}

}  // namespace archmark::fuzz
