// cmark-gfm is not thread-safe as shipped (cmark_threads.cpp says why and how it is made so).
#pragma once

#include <archmark/parse.hpp>

namespace archmark::cli {

// Parses a small text with `options` on the calling thread, so that cmark-gfm's one-time setup is
// done before worker threads parse. Call it before starting threads that parse with `options`.
void prepare_parser_for_threads(const archmark::parse_options& options);

}  // namespace archmark::cli
