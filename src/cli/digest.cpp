#include "src/cli/digest.hpp"

#include <openssl/sha.h>

#include <array>

namespace archmark::cli {
namespace {

std::array<unsigned char, SHA256_DIGEST_LENGTH> sha256(std::string_view bytes) {
    std::array<unsigned char, SHA256_DIGEST_LENGTH> digest{};
    ::SHA256(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), digest.data());
    return digest;
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(2 * SHA256_DIGEST_LENGTH);
    for (unsigned char b : sha256(bytes)) {
        out += hex[b >> 4];
        out += hex[b & 15];
    }
    return out;
}

std::uint64_t stable_hash(std::string_view bytes) {
    auto digest = sha256(bytes);
    std::uint64_t h = 0;
    for (int i = 0; i < 8; ++i) h = (h << 8) | digest[static_cast<std::size_t>(i)];
    return h;
}

}  // namespace archmark::cli
