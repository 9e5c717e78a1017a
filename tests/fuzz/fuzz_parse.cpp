// libFuzzer harness for archmark::parse: any bytes, archival (the default) and plain GFM with
// autolinks (what `convert --no-archival --autolink` runs). Findings: a crash, a sanitizer report,
// a broken tree invariant, a diagnostic outside the input.
#include "tests/fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto text = archmark::fuzz::as_text(data, size);
    archmark::fuzz::checked_parse(text);
    archmark::parse_options gfm;
    gfm.archival = false;
    gfm.autolink = true;
    archmark::fuzz::checked_parse(text, gfm);
    return 0;
}
