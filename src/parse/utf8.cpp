#include "src/parse/utf8.hpp"

#include <cstdint>
#include <cstring>

namespace archmark::detail {

std::size_t bom_length(std::string_view text) noexcept {
    return text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
}

std::optional<utf8_problem> find_utf8_problem(std::string_view text) noexcept {
    if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF"))
        return utf8_problem{0, "UTF-16 text (byte order mark); convert it to UTF-8"};
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        // ASCII eight bytes at a time.
        while (i + 8 <= n) {
            std::uint64_t word;
            std::memcpy(&word, s + i, 8);
            if (word & 0x8080808080808080ull) break;
            i += 8;
        }
        if (i >= n) break;
        unsigned char c = s[i];
        if (c < 0x80) { ++i; continue; }
        std::size_t len;
        unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF) len = 2;
        else if (c == 0xE0) { len = 3; lo = 0xA0; }
        else if (c == 0xED) { len = 3; hi = 0x9F; }          // no surrogates
        else if (c >= 0xE1 && c <= 0xEF) len = 3;
        else if (c == 0xF0) { len = 4; lo = 0x90; }
        else if (c >= 0xF1 && c <= 0xF3) len = 4;
        else if (c == 0xF4) { len = 4; hi = 0x8F; }          // nothing above U+10FFFF
        else return utf8_problem{i, "invalid UTF-8 byte"};
        if (i + len > n) return utf8_problem{i, "truncated UTF-8 sequence"};
        if (s[i + 1] < lo || s[i + 1] > hi) return utf8_problem{i, "invalid UTF-8 sequence"};
        for (std::size_t k = 2; k < len; ++k)
            if ((s[i + k] & 0xC0) != 0x80) return utf8_problem{i, "invalid UTF-8 sequence"};
        i += len;
    }
    return std::nullopt;
}

}  // namespace archmark::detail
