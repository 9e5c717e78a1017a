// UTF-8 checks on raw input, before anything else sees it.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace archmark::detail {

struct utf8_problem {
    std::size_t offset;   // byte offset of the first bad byte
    const char* what;     // "invalid UTF-8 byte", "UTF-16 text", ...
};

// The first reason `text` is not acceptable UTF-8 (overlong forms, surrogates, truncated
// sequences, code points above U+10FFFF, UTF-16 byte order marks), or nullopt.
std::optional<utf8_problem> find_utf8_problem(std::string_view text) noexcept;

// Length of the UTF-8 byte order mark at the start of `text` (0 or 3).
std::size_t bom_length(std::string_view text) noexcept;

}  // namespace archmark::detail
