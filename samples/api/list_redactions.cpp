// Lists the redactions of a transcription with their positions: the tree API and visit().
//     list_redactions FILE
#include <archmark/archmark.hpp>

#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: list_redactions FILE\n";
        return 2;
    }
    std::ifstream in(argv[1], std::ios::binary);
    if (!in) {
        std::cerr << "list_redactions: cannot read " << argv[1] << "\n";
        return 2;
    }
    std::ostringstream text;
    text << in.rdbuf();

    auto parsed = archmark::parse(text.str());
    int count = 0;
    archmark::visit(parsed.document, [&](const archmark::node& n) {
        if (n.kind != archmark::node_kind::redaction) return archmark::visit_control::descend;
        ++count;
        std::cout << n.span.line << ':' << n.span.column << ' ' << archmark::scheme_name(n.scheme);
        for (const auto& code : n.attrs().codes) std::cout << ' ' << code;
        if (n.quantity) std::cout << ' ' << *n.quantity << ' ' << n.attrs().unit;
        // What the transcription wrote: the span's bytes.
        std::cout << "  " << text.str().substr(n.span.begin, n.span.end - n.span.begin) << '\n';
        return archmark::visit_control::skip_children;  // a redaction holds no redactions
    });
    std::cout << count << " redactions\n";
}
