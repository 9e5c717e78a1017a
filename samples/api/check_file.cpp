// Checks a transcription as `archmark check` does and prints the findings, one per line.
// Exits 1 when one of them is an error.
//     check_file FILE
#include <archmark/archmark.hpp>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: check_file FILE\n";
        return 2;
    }
    std::ifstream in(argv[1], std::ios::binary);
    if (!in) {
        std::cerr << "check_file: cannot read " << argv[1] << "\n";
        return 2;
    }
    std::ostringstream text;
    text << in.rdbuf();

    auto findings = archmark::check(text.str());
    for (const auto& d : findings) {
        std::cout << archmark::format_diagnostic(d, argv[1]) << "\n";
        if (!d.help.empty()) std::cout << "  help: " << d.help << "\n";
    }
    bool errors = std::any_of(findings.begin(), findings.end(),
                              [](const archmark::diagnostic& d) { return d.level == archmark::severity::error; });
    return errors ? 1 : 0;
}
