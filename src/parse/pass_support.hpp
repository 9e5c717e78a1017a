// Helpers shared by the archival passes: positions inside text runs, diagnostics, tree walks.
#pragma once

#include <archmark/diagnostic.hpp>
#include <archmark/document.hpp>

#include "src/parse/source_map.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace archmark::detail {

// Maps byte positions in a text node's literal to offsets in the source (they differ where the
// source had escapes or entity references).
class literal_offsets {
public:
    literal_offsets(const node& text, std::string_view source) : begin_(text.span.begin), limit_(text.span.end) {
        std::string_view slice = source.substr(text.span.begin, text.span.end - text.span.begin);
        identity_ = slice == text.literal;
        if (!identity_ && align_literal(source, text.span.begin, text.span.end, text.literal, &offsets_) < 0)
            identity_ = true;  // cannot happen for spans the driver computed; stay in bounds anyway
    }
    // The source offset of literal byte `i` (`i == literal.size()` gives the end).
    std::uint32_t operator()(std::size_t i) const {
        if (identity_) return std::min<std::uint32_t>(begin_ + static_cast<std::uint32_t>(i), limit_);
        return offsets_[std::min(i, offsets_.size() - 1)];
    }

private:
    std::uint32_t begin_, limit_;
    bool identity_ = true;
    std::vector<std::uint32_t> offsets_;
};

// A text node holding literal bytes [a, b) of `text`, with its span.
inline node text_piece(const node& text, const literal_offsets& at, const source_map& map, std::size_t a,
                       std::size_t b) {
    node t;
    t.kind = node_kind::text;
    t.literal = text.literal.substr(a, b - a);
    t.span = map.span(at(a), at(b));
    return t;
}

}  // namespace archmark::detail
