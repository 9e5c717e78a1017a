#include "src/parse/source_map.hpp"

#include <algorithm>
#include <cstring>

namespace archmark::detail {

source_map::source_map(std::string_view text, std::size_t skip) : text_(text) {
    starts_.push_back(static_cast<std::uint32_t>(skip));
    const char* base = text.data();
    std::size_t size = text.size();
    if (skip >= size || !std::memchr(base + skip, '\r', size - skip)) {
        // Only LF line endings (nearly every input): let memchr find them.
        starts_.reserve(size / 48 + 2);
        for (const char* p = base + skip; p < base + size;) {
            const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(base + size - p)));
            if (!nl) break;
            starts_.push_back(static_cast<std::uint32_t>(nl - base + 1));
            p = nl + 1;
        }
    } else {
        for (std::size_t i = skip; i < size; ++i) {
            char c = text[i];
            if (c == '\n' || (c == '\r' && (i + 1 == size || text[i + 1] != '\n')))
                starts_.push_back(static_cast<std::uint32_t>(i + 1));
        }
    }
    recent_[0] = recent_[1] = {starts_[0], {1, 1}};
}

std::uint32_t source_map::line_start(std::uint32_t line) const noexcept {
    if (line < 1) line = 1;
    if (line > starts_.size()) return static_cast<std::uint32_t>(text_.size());
    return starts_[line - 1];
}

std::uint32_t source_map::line_end(std::uint32_t line) const noexcept {
    std::uint32_t end = line < starts_.size() ? starts_[line] : static_cast<std::uint32_t>(text_.size());
    std::uint32_t begin = line_start(line);
    while (end > begin && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
    return end;
}

std::uint32_t source_map::offset_of(int line, int byte_column) const noexcept {
    if (line < 1) return starts_[0];
    std::uint32_t l = static_cast<std::uint32_t>(line);
    std::uint32_t begin = line_start(l);
    std::uint32_t end = line_end(l);
    std::uint32_t col = byte_column < 1 ? 0 : static_cast<std::uint32_t>(byte_column - 1);
    return std::min(begin + col, end);
}

namespace {

// How many code points start in `n` bytes at `p`: the bytes that are not continuation bytes
// (10xxxxxx), counted eight at a time.
std::uint32_t code_points(const char* p, std::size_t n) noexcept {
    std::uint32_t count = 0;
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        std::uint64_t w;
        std::memcpy(&w, p + i, 8);
        // Bit 7 of each byte set for a continuation byte; the multiply sums them in the top byte.
        std::uint64_t continuation = (w & ~(w << 1) & 0x8080808080808080ull) >> 7;
        count += 8 - static_cast<std::uint32_t>((continuation * 0x0101010101010101ull) >> 56);
    }
    for (; i < n; ++i)
        if ((static_cast<unsigned char>(p[i]) & 0xC0) != 0x80) ++count;
    return count;
}

}  // namespace

source_map::position source_map::locate(std::uint32_t offset) const noexcept {
    offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
    offset = std::max(offset, starts_[0]);
    // Most offsets lie on the line of a recent answer: no search then.
    auto on_line = [&](std::uint32_t l) {
        return starts_[l - 1] <= offset && (l == starts_.size() || offset < starts_[l]);
    };
    std::uint32_t line = 0;
    if (on_line(recent_[0].at.line)) line = recent_[0].at.line;
    else if (on_line(recent_[1].at.line)) line = recent_[1].at.line;
    else line = static_cast<std::uint32_t>(std::upper_bound(starts_.begin(), starts_.end(), offset) - starts_.begin());
    std::uint32_t from = starts_[line - 1];
    std::uint32_t column = 1;
    int used = -1;
    for (int k = 0; k < 2; ++k) {
        const checkpoint& c = recent_[k];
        if (c.at.line == line && c.offset <= offset && c.offset >= from) {
            from = c.offset;
            column = c.at.column;
            used = k;
        }
    }
    column += code_points(text_.data() + from, offset - from);
    int slot = used >= 0 ? used : next_slot_;
    if (used < 0) next_slot_ ^= 1;
    recent_[slot] = {offset, {line, column}};
    return recent_[slot].at;
}

source_span source_map::span(std::uint32_t begin, std::uint32_t end) const noexcept {
    if (end < begin) end = begin;
    source_span s;
    auto a = locate(begin);
    auto b = locate(end);
    s.begin = std::max(begin, starts_[0]);
    s.end = std::max(std::min<std::uint32_t>(end, static_cast<std::uint32_t>(text_.size())), s.begin);
    s.line = a.line;
    s.column = a.column;
    s.end_line = b.line;
    s.end_column = b.column;
    return s;
}

namespace {

bool is_ascii_punct(char c) noexcept {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
           (c >= '{' && c <= '~');
}

bool is_alnum(char c) noexcept {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::size_t utf8_length(unsigned char c) noexcept {
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

// Length of an entity or numeric character reference at `i` (`&amp;`, `&#35;`), or 0.
std::size_t entity_length(std::string_view s, std::size_t i) noexcept {
    if (i >= s.size() || s[i] != '&') return 0;
    std::size_t j = i + 1, limit = std::min(s.size(), i + 40);
    if (j < limit && s[j] == '#') ++j;
    std::size_t name = j;
    while (j < limit && is_alnum(s[j])) ++j;
    return (j > name && j < limit && s[j] == ';') ? j + 1 - i : 0;
}

}  // namespace

std::int64_t align_literal(std::string_view source, std::uint32_t from, std::uint32_t limit,
                           std::string_view literal, std::vector<std::uint32_t>* offsets) {
    std::size_t s = from, l = 0;
    limit = std::min<std::uint32_t>(limit, static_cast<std::uint32_t>(source.size()));
    if (offsets) offsets->clear();
    // The usual case: the source holds the literal as is. Without `\` and `&` in the literal
    // neither an escape nor a reference can match (each would need the literal to hold one),
    // so the byte-by-byte walk below would find the same.
    if (from <= limit && literal.size() <= limit - from &&
        std::memcmp(source.data() + from, literal.data(), literal.size()) == 0 &&
        !std::memchr(literal.data(), '\\', literal.size()) && !std::memchr(literal.data(), '&', literal.size())) {
        if (offsets) {
            offsets->resize(literal.size() + 1);
            for (std::size_t k = 0; k <= literal.size(); ++k) (*offsets)[k] = static_cast<std::uint32_t>(from + k);
        }
        return static_cast<std::int64_t>(from + literal.size());
    }
    while (l < literal.size()) {
        if (s >= limit) return -1;
        if (source[s] == '\\' && s + 1 < limit && is_ascii_punct(source[s + 1]) &&
            source[s + 1] == literal[l]) {
            if (offsets) offsets->push_back(static_cast<std::uint32_t>(s));
            s += 2, ++l;
        } else if (std::size_t e = entity_length(source, s);
                   e != 0 && s + e <= limit && literal.substr(l, e) != source.substr(s, e)) {
            // A reference the literal holds decoded: it stands for one code point there.
            std::size_t n = std::min(utf8_length(static_cast<unsigned char>(literal[l])), literal.size() - l);
            // A few references (`&ngE;`) stand for two code points, the second a combining mark.
            if (std::size_t m = l + n; m < literal.size() && static_cast<unsigned char>(literal[m]) >= 0x80) {
                std::size_t n2 = std::min(utf8_length(static_cast<unsigned char>(literal[m])), literal.size() - m);
                if (source.substr(s + e, n2) != literal.substr(m, n2)) n += n2;
            }
            for (std::size_t k = 0; k < n && offsets; ++k) offsets->push_back(static_cast<std::uint32_t>(s));
            s += e, l += n;
        } else if (source[s] == literal[l]) {
            if (offsets) offsets->push_back(static_cast<std::uint32_t>(s));
            ++s, ++l;
        } else {
            return -1;
        }
    }
    if (offsets) offsets->push_back(static_cast<std::uint32_t>(s));
    return static_cast<std::int64_t>(s);
}

}  // namespace archmark::detail
