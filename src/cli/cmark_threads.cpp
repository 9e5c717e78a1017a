// Makes cmark-gfm 0.29 safe to call from several threads at once.
//
// cmark-gfm keeps the table of "special" inline characters in one global array. Before each
// document's inlines are parsed it adds its extensions' characters (`~` for strikethrough) and
// after them it removes them again (cmark_manage_extensions_special_characters, blocks.c). With
// two parsers on two threads, one removes `~` while the other is still parsing, and the other's
// `~~struck~~` comes out as text: seen on 13 of the 10,000 benchmark files with -j 2. Upstream
// knows (github/cmark-gfm#176, per-parser tables, unmerged).
//
// This definition takes the place of the library's (the library calls it through its PLT, so the
// executable's definition wins): it adds the characters on the first call only, under a
// std::call_once, and never removes them. Every parse in one archmark process uses the same
// extensions, so the table then stays as each parse needs it and is never written again;
// batch commands parse once on the main thread before starting their threads (see
// prepare_parser_for_threads). A character left special where no extension claims it stays text.
#include "src/cli/cmark_threads.hpp"

#include <archmark/parse.hpp>

#include <dlfcn.h>
#include <mutex>

extern "C" {
struct cmark_parser;

void cmark_manage_extensions_special_characters(cmark_parser* parser, int add) {
    static std::once_flag added;
    if (!add) return;
    std::call_once(added, [parser] {
        using function = void (*)(cmark_parser*, int);
        auto real = reinterpret_cast<function>(::dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters"));
        if (real) real(parser, 1);
    });
}
}

namespace archmark::cli {

void prepare_parser_for_threads(const archmark::parse_options& options) {
    archmark::parse("~~a~~ www.example.com\n", options);
}

}  // namespace archmark::cli
