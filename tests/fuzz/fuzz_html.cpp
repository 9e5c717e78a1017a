// libFuzzer harness for parse + write_html in the default (safe) mode: the page and the fragment,
// in both views. Findings: a crash, output that is not UTF-8, and any script element, event handler
// or scriptable URL in the output (html_safety.hpp).
#include "tests/fuzz/fuzz_support.hpp"
#include "tests/fuzz/html_safety.hpp"

#include <archmark/write.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto parsed = archmark::fuzz::checked_parse(archmark::fuzz::as_text(data, size));
    for (bool fragment : {false, true}) {
        archmark::write_options options;
        options.fragment = fragment;
        options.view = fragment ? archmark::html_view::reading : archmark::html_view::diplomatic;
        std::string html;
        archmark::string_sink sink(html);
        archmark::write_html(parsed.document, options, sink);
        if (!archmark::fuzz::is_utf8(html)) archmark::fuzz::finding("HTML output is not UTF-8");
        if (auto problem = archmark::fuzz::html_safety_problem(html); !problem.empty())
            archmark::fuzz::finding(("unsafe HTML in safe mode: " + problem).c_str(), html);
    }
    return 0;
}
