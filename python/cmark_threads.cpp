// Makes cmark-gfm 0.29 safe to call from several Python threads at once (the module releases the
// GIL while parsing). The same fix as src/cli/cmark_threads.cpp, which explains the bug: cmark-gfm
// adds its extensions' special inline characters (`~`) to one global table before each parse and
// removes them after, so one thread's parse loses `~~struck~~` while another finishes
// (github/cmark-gfm#176). Seen here as 7-11 of 4000 threaded parses without this file.
//
// This definition takes the place of the library's: libcmark-gfm calls it through its PLT, and
// the symbol lookup for a module that Python dlopen()s searches the module before the libraries
// it depends on. It adds the characters (idempotent: it sets table entries to the same values)
// and never removes them, so a parse never sees the table change under it. Unlike the CLI, which
// adds once, it adds on every call: one Python process may parse with and without autolinks, and
// each set of extensions must find its characters. A character left special where no extension
// claims it stays text.
#include <dlfcn.h>

extern "C" {
struct cmark_parser;

__attribute__((visibility("default"))) void cmark_manage_extensions_special_characters(cmark_parser* parser, int add) {
    using function = void (*)(cmark_parser*, int);
    static const auto real = reinterpret_cast<function>(::dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters"));
    if (add && real) real(parser, 1);
}
}
