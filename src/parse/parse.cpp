#include <archmark/parse.hpp>

#include "src/parse/archival.hpp"
#include "src/parse/cmark_driver.hpp"
#include "src/parse/metadata.hpp"
#include "src/parse/source_map.hpp"
#include "src/parse/utf8.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <limits>

namespace archmark {

bool parse_result::ok() const noexcept {
    return std::none_of(diagnostics.begin(), diagnostics.end(),
                        [](const diagnostic& d) { return d.level == severity::error; });
}

namespace {

diagnostic input_error(rule id, const detail::source_map& map, std::size_t offset, std::string message) {
    diagnostic d;
    d.id = id;
    d.level = default_severity(id);
    auto at = static_cast<std::uint32_t>(offset);
    d.span = map.span(at, std::min<std::uint32_t>(at + 1, static_cast<std::uint32_t>(map.text().size())));
    d.message = std::move(message);
    return d;
}

}  // namespace

parse_result parse(std::string_view text, const parse_options& options) {
    parse_result result;
    result.document.kind = node_kind::document;
    if (text.size() >= std::numeric_limits<std::uint32_t>::max()) {
        detail::source_map empty({}, 0);
        result.diagnostics.push_back(input_error(rule::input_utf8, empty, 0, "input larger than 4 GiB"));
        return result;
    }
    std::size_t bom = detail::bom_length(text);
    if (auto problem = detail::find_utf8_problem(text)) {
        detail::source_map map(text.substr(0, problem->offset + 1), bom);
        result.diagnostics.push_back(input_error(
            rule::input_utf8, map, problem->offset,
            std::string(problem->what) + " at byte offset " + std::to_string(problem->offset)));
        return result;
    }
    detail::source_map map(text, bom);
    if (auto nul = text.find('\0'); nul != std::string_view::npos) {
        auto count = std::count(text.begin(), text.end(), '\0');
        result.diagnostics.push_back(input_error(
            rule::input_nul, map, nul,
            "NUL byte at byte offset " + std::to_string(nul) +
                (count > 1 ? " (" + std::to_string(count) + " in the input)" : std::string())));
        // Not text (binary, or UTF-16 without a byte order mark): like invalid UTF-8, no tree.
        // cmark-gfm would read each NUL as U+FFFD, three bytes where the source has one, and the
        // spans after it would no longer match the input.
        return result;
    }
    // Front matter (§6) is read here and blanked for cmark-gfm, which would see a thematic break and a
    // setext heading in it; blanking keeps every line and column where it was.
    std::string blanked;
    std::string_view markdown = text;
    // Plain CommonMark/GFM (--no-archival) has no front matter: `---` there is a thematic break.
    auto front = options.archival ? detail::find_front_matter(text, bom) : std::nullopt;
    if (front) {
        blanked = detail::blank_front_matter(text, *front);
        markdown = blanked;
    }
    result.document = detail::parse_commonmark(map, markdown, options.autolink, result.diagnostics);
    if (front) detail::read_front_matter(*front, map, result.document, result.diagnostics);
    if (options.archival) detail::run_archival_pass(result.document, map, result.diagnostics);
    std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(),
                     [](const diagnostic& a, const diagnostic& b) { return a.span.begin < b.span.begin; });
#ifndef NDEBUG
    if (auto problem = check_invariants(result.document, text); !problem.empty()) {
        std::fprintf(stderr, "archmark: internal error: document invariant broken: %s\n", problem.c_str());
        std::abort();
    }
#endif
    return result;
}

}  // namespace archmark
