// libFuzzer harness for parse + write_json: the output must be one valid JSON document (nlohmann's
// parser also rejects strings that are not UTF-8) whose top level is an object.
#include "tests/fuzz/fuzz_support.hpp"

#include <archmark/write.hpp>

#include <nlohmann/json.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto parsed = archmark::fuzz::checked_parse(archmark::fuzz::as_text(data, size));
    std::string out;
    archmark::string_sink sink(out);
    archmark::write_json(parsed.document, parsed.diagnostics, {}, sink);
    auto json = nlohmann::json::parse(out, nullptr, /*allow_exceptions=*/false);
    if (json.is_discarded()) archmark::fuzz::finding("JSON output does not parse", out);
    if (!json.is_object()) archmark::fuzz::finding("JSON output is not an object", out);
    return 0;
}
