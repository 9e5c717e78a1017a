// A main() for the fuzz harnesses outside libFuzzer: runs LLVMFuzzerTestOneInput once on each file
// named on the command line. Built with any compiler in every configuration, so the harnesses'
// checks (well-formed TEI, safe HTML, valid JSON, a stable canonical Markdown) run over the seed
// corpora and the saved regressions in the ordinary and the sanitizer test suites.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

int main(int argc, char** argv) {
    int count = 0;
    for (int i = 1; i < argc; ++i) {
        std::ifstream in(argv[i], std::ios::binary);
        if (!in) {
            std::fprintf(stderr, "%s: cannot read\n", argv[i]);
            return 2;
        }
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        // A harness that finds a problem aborts; name the input first so the report says which.
        std::fprintf(stderr, "%s\n", argv[i]);
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
        ++count;
    }
    std::printf("%d inputs replayed\n", count);
    return 0;
}
