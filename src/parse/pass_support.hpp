// Helpers shared by the archival passes: positions inside text runs, diagnostics, tree walks.
#pragma once

#include <archmark/diagnostic.hpp>
#include <archmark/document.hpp>

#include "src/parse/source_map.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace archmark::detail {

// A set of bytes, for the first-byte dispatch of the scanners: prose is skipped with one table
// look-up per byte, and the grammar runs only where a rule could start.
class byte_set {
public:
    constexpr explicit byte_set(std::string_view bytes) noexcept {
        for (char c : bytes) in_[static_cast<unsigned char>(c)] = true;
    }
    constexpr bool operator[](char c) const noexcept { return in_[static_cast<unsigned char>(c)]; }
    // The first byte of `s` at or after `from` that is in the set, or `s.size()`.
    std::size_t find(std::string_view s, std::size_t from) const noexcept {
        const char* p = s.data();
        std::size_t n = s.size(), i = from;
        auto at = [&](std::size_t k) { return in_[static_cast<unsigned char>(p[k])]; };
        for (; i + 8 <= n; i += 8) {
            if ((at(i) | at(i + 1) | at(i + 2) | at(i + 3)) | (at(i + 4) | at(i + 5) | at(i + 6) | at(i + 7)))
                break;
        }
        for (; i < n; ++i)
            if (in_[static_cast<unsigned char>(p[i])]) return i;
        return n;
    }

private:
    std::array<bool, 256> in_{};
};

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
