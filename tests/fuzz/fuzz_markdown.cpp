// libFuzzer harness for parse + write_markdown. The canonical Markdown must be UTF-8, parse again
// without errors the input did not have, and be a fixed point: writing it again gives the same
// text (docs/markdown.md: the canonical spelling parses back to the same tree).
#include "tests/fuzz/fuzz_support.hpp"

#include <archmark/write.hpp>

namespace {

std::string canonical(const archmark::node& document) {
    std::string out;
    archmark::string_sink sink(out);
    archmark::write_markdown(document, {}, sink);
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto parsed = archmark::fuzz::checked_parse(archmark::fuzz::as_text(data, size));
    if (!parsed.ok()) return 0;  // rejected or broken input: canonical form is not promised
    std::string first = canonical(parsed.document);
    if (!archmark::fuzz::is_utf8(first)) archmark::fuzz::finding("Markdown output is not UTF-8");
    auto again = archmark::fuzz::checked_parse(first);
    if (!again.ok()) archmark::fuzz::finding("canonical Markdown has parse errors", first);
    std::string second = canonical(again.document);
    if (second != first) archmark::fuzz::finding("canonical Markdown is not a fixed point", first + "\n----- became -----\n" + second);
    return 0;
}
