// SHA-256 for the batch tools: the manifest's input digests, the options hash of --incremental
// and the stable partition of --shard. OpenSSL's libcrypto does the hashing.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace archmark::cli {

// The SHA-256 of `bytes`, as 64 lowercase hex digits.
std::string sha256_hex(std::string_view bytes);

// The first 8 bytes of the SHA-256 of `bytes`, big-endian: a hash that is the same on every
// machine, compiler and run (std::hash is none of these).
std::uint64_t stable_hash(std::string_view bytes);

}  // namespace archmark::cli
