// Runs the spec files (tests/spec/*.txt): cmark's 32-backtick example format, where the expected
// output is the AST dump and/or the diagnostics as `line:col: severity: message [rule-id]`.
//
//   archmark_spec FILE... [--example N] [--section TEXT] [--print]
//
// An expected output that starts with `document` is compared with the whole AST dump; the
// diagnostic lines are always compared. --print shows the actual output of the selected examples
// (to help write new ones; check every line by hand before you paste it).
#include <archmark/dump.hpp>
#include <archmark/parse.hpp>

#include "tests/support/spec_file.hpp"

#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

using example = archmark::test::spec_example;

std::string actual_output(const example& ex, bool with_tree) {
    auto result = archmark::parse(ex.markdown);
    std::string out = with_tree ? archmark::dump_ast(result.document) : "";
    for (const auto& d : result.diagnostics) out += archmark::format_diagnostic(d, "") + "\n";
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> files;
    int only = 0;
    std::string section_filter;
    bool print = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--example" && i + 1 < argc) only = std::stoi(argv[++i]);
        else if (a == "--section" && i + 1 < argc) section_filter = argv[++i];
        else if (a == "--print") print = true;
        else files.push_back(a);
    }
    int passed = 0, failed = 0;
    try {
        for (const auto& file : files) {
            for (const auto& ex : archmark::test::read_spec_examples(file)) {
                if (only && ex.number != only) continue;
                if (!section_filter.empty() && ex.section.find(section_filter) == std::string::npos) continue;
                bool with_tree = ex.expected.starts_with("document");
                std::string actual = actual_output(ex, with_tree);
                if (print) {
                    std::cout << "# " << file << " example " << ex.number << " (line " << ex.line << ")\n" << actual;
                    continue;
                }
                if (actual == ex.expected) { ++passed; continue; }
                ++failed;
                std::cout << "FAILED: " << file << ":" << ex.line << ": example " << ex.number << " (" << ex.section
                          << ")\n--- markdown\n" << ex.markdown << "--- expected\n" << ex.expected
                          << "--- actual\n" << actual << "\n";
            }
        }
    } catch (const std::exception& e) {
        std::cerr << "archmark_spec: " << e.what() << "\n";
        return 2;
    }
    if (print) return 0;
    std::cout << passed << " passed, " << failed << " failed\n";
    return failed == 0 && passed > 0 ? 0 : 1;
}
