// Maps between byte offsets and line:column positions of one input, and aligns parsed text
// with the source it came from (escapes and entity references make them differ).
#pragma once

#include <archmark/document.hpp>

#include <cstdint>
#include <string_view>
#include <vector>

namespace archmark::detail {

class source_map {
public:
    // `text` is the whole input as given; `skip` bytes at its start (a BOM) belong to no column.
    source_map(std::string_view text, std::size_t skip);

    std::string_view text() const noexcept { return text_; }
    std::uint32_t line_count() const noexcept { return static_cast<std::uint32_t>(starts_.size()); }
    // Byte offset of the start of 1-based `line` (clamped).
    std::uint32_t line_start(std::uint32_t line) const noexcept;
    // Byte offset just past the last character of `line`, before its line ending.
    std::uint32_t line_end(std::uint32_t line) const noexcept;
    // Byte offset of a cmark position: 1-based line and 1-based byte column (clamped to the line).
    std::uint32_t offset_of(int line, int byte_column) const noexcept;
    // A span for the bytes [begin, end), with line and code-point columns filled in.
    source_span span(std::uint32_t begin, std::uint32_t end) const noexcept;

private:
    struct position { std::uint32_t line, column; };
    position locate(std::uint32_t offset) const noexcept;

    std::string_view text_;
    std::vector<std::uint32_t> starts_;
    // locate() is called in mostly increasing order, for starts and ends of spans alike: remember
    // the last two answers and walk on from the nearest one, so long lines stay linear.
    struct checkpoint { std::uint32_t offset; position at; };
    mutable checkpoint recent_[2] = {{0, {1, 1}}, {0, {1, 1}}};
    mutable int next_slot_ = 0;
};

// The span from the start of `first` to the end of `last` (no rescanning of the source).
inline source_span join_spans(const source_span& first, const source_span& last) noexcept {
    return {first.begin, last.end, first.line, first.column, last.end_line, last.end_column};
}

// Matches `literal` (text as cmark parsed it) against the source from `from`, allowing backslash
// escapes and entity references in the source. Returns the end offset of the match, or -1.
// With `offsets`, records for every literal byte the source offset it came from (+ the end).
std::int64_t align_literal(std::string_view source, std::uint32_t from, std::uint32_t limit,
                           std::string_view literal, std::vector<std::uint32_t>* offsets);

}  // namespace archmark::detail
