// The consumer project's program: converts a string with a redaction through the one-call API,
// walks the tree and checks that the headers and the package agree on the version.
#include <archmark/archmark.hpp>

#include <cstring>
#include <string>
#include <iostream>

#ifndef PACKAGE_VERSION
#define PACKAGE_VERSION ARCHMARK_VERSION  // built without CMake (the pkg-config test)
#endif

int main() {
    const char* text = "Sources (b)(1) reported the sites [REDACTED (b)(6)].\n";

    archmark::convert_options options;
    options.write.fragment = true;
    auto tei = archmark::convert(text, archmark::output_format::tei, options);
    std::cout << tei.output;

    auto parsed = archmark::parse(text);
    for (const archmark::node* n : archmark::find_all(parsed.document, archmark::node_kind::redaction)) {
        std::cout << "redaction " << n->span.line << ':' << n->span.column << '-' << n->span.end_line << ':'
                  << n->span.end_column << ' ' << archmark::scheme_name(n->scheme);
        for (const auto& code : n->attrs().codes) std::cout << ' ' << code;
        std::cout << '\n';
    }
    // visit(): enter before the children, leave after; skip_children and stop.
    auto tree = archmark::parse("A *b* (b)(6) c\n\nNext\n").document;
    std::string trace;
    archmark::visit(
        tree,
        [&](const archmark::node& n) {
            trace += "+" + std::string(archmark::kind_name(n.kind)) + " ";
            if (n.kind == archmark::node_kind::redaction) return archmark::visit_control::skip_children;
            if (n.kind == archmark::node_kind::paragraph && n.span.line == 3) return archmark::visit_control::stop;
            return archmark::visit_control::descend;
        },
        [&](const archmark::node& n) { trace += "-" + std::string(archmark::kind_name(n.kind)) + " "; });
    std::cout << trace << '\n';

    for (const auto& d : archmark::check("(b)(l) withheld\n"))
        std::cout << archmark::format_diagnostic(d, "check.md") << '\n';

    bool same_version = std::strcmp(archmark::version, PACKAGE_VERSION) == 0;
    std::cout << (same_version ? "version ok" : "version mismatch") << '\n';
    return tei.ok() && same_version ? 0 : 1;
}
