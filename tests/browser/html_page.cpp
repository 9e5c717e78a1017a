// Writes one transcription as an HTML page through the library, with the page options the CLI
// may not expose yet: html_page FILE [--view diplomatic|reading] [--css FILE] [--css-link URL]
// [--fragment] [--unsafe]. The browser test uses it for the views and user stylesheets.
#include <archmark/parse.hpp>
#include <archmark/write.hpp>

#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>

namespace {

bool read(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::stringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    std::string file;
    archmark::write_options options;
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        bool has_value = i + 1 < argc;
        if (arg == "--view" && has_value) {
            std::string_view view = argv[++i];
            if (view != "diplomatic" && view != "reading") {
                std::cerr << "html_page: --view takes diplomatic or reading\n";
                return 2;
            }
            options.view = view == "reading" ? archmark::html_view::reading : archmark::html_view::diplomatic;
        } else if (arg == "--css" && has_value) {
            if (!read(argv[++i], options.css)) {
                std::cerr << "html_page: cannot read " << argv[i] << "\n";
                return 2;
            }
        } else if (arg == "--css-link" && has_value) {
            options.css_href = argv[++i];
        } else if (arg == "--fragment") {
            options.fragment = true;
        } else if (arg == "--unsafe") {
            options.unsafe = true;
        } else if (file.empty() && !arg.starts_with("--")) {
            file = arg;
        } else {
            std::cerr << "usage: html_page FILE [--view diplomatic|reading] [--css FILE] [--css-link URL] "
                         "[--fragment] [--unsafe]\n";
            return 2;
        }
    }
    std::string text;
    if (file.empty() || !read(file, text)) {
        std::cerr << "html_page: cannot read " << file << "\n";
        return 2;
    }
    archmark::parse_result result = archmark::parse(text);
    archmark::ostream_sink sink(std::cout);
    archmark::write_html(result.document, options, sink);
    return 0;
}
