// The tool's memory allocator (docs/performance.md). A 20 MB transcription becomes a million small
// nodes, strings and child lists, so the allocator decides much of the parse time: the tool links
// mimalloc (src/cli/CMakeLists.txt) and asks it for 2 MiB pages, transparent huge pages where the
// kernel gives them on request (madvise). One page fault then maps 2 MiB instead of 4 KiB; with
// glibc's malloc and 4 KiB pages, faults were a fifth of the parse time.
#ifdef ARCHMARK_WITH_MIMALLOC
#include <mimalloc.h>

#include <cstring>

namespace {

// mimalloc reads its options from the environment when it initializes, before main() and before
// any initializer of ours. An executable's .preinit_array runs earlier than every library's
// initializer, so this sets the default in time; MIMALLOC_LARGE_OS_PAGES, when given, still decides.
void prefer_large_pages(int, char**, char** envp) {
    static constexpr char name[] = "MIMALLOC_LARGE_OS_PAGES=";
    for (char** entry = envp; entry && *entry; ++entry)
        if (std::strncmp(*entry, name, sizeof name - 1) == 0) return;
    mi_option_set_enabled(mi_option_large_os_pages, true);
}

[[gnu::used, gnu::section(".preinit_array")]] void (*preinit_allocator)(int, char**, char**) = prefer_large_pages;

}  // namespace
#endif
