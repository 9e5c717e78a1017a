// Converts a string to TEI with the one-call API and prints the output and the diagnostics.
#include <archmark/archmark.hpp>

#include <iostream>

int main() {
    const char* text =
        "# Memorandum\n"
        "\n"
        "The source (b)(1) reported the sites operational.\n";

    archmark::convert_options options;
    options.write.fragment = true;  // the <body> content only, not a whole <TEI> document
    auto result = archmark::convert(text, archmark::output_format::tei, options);

    std::cout << result.output;
    for (const auto& d : result.diagnostics) std::cerr << archmark::format_diagnostic(d, "<string>") << "\n";
    return result.ok() ? 0 : 1;
}
