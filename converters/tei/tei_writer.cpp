// TEI P5 writer: prints what tei::builder builds, streaming <body> one finished top-level element
// at a time, so that a 20 MB transcription never holds a whole XML tree. pugixml does all
// escaping.
#include "converters/tei/tei_builder.hpp"

#include <archmark/write.hpp>

#include <pugixml.hpp>

#include <string>
#include <string_view>

namespace archmark {
namespace {

// Elements whose content is elements only: whitespace added there for readability is not text.
bool element_only(std::string_view name) {
    for (std::string_view n : {"TEI", "teiHeader", "fileDesc", "titleStmt", "publicationStmt", "notesStmt",
                               "sourceDesc", "encodingDesc", "classDecl", "taxonomy", "category",
                               "profileDesc", "langUsage", "text", "body", "div", "list", "table", "opener",
                               "closer", "postscript"})
        if (n == name) return true;
    return false;
}

bool has_text(pugi::xml_node element) {
    for (auto c = element.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) return true;
    return false;
}

std::string newline(int depth) { return "\n" + std::string(static_cast<std::size_t>(depth) * 2, ' '); }

// Line breaks and indentation between the children of element-only elements; mixed content is
// left exactly as built (whitespace there would be text).
void indent(pugi::xml_node element, int depth) {
    if (element_only(element.name()) && element.first_child() && !has_text(element)) {
        for (auto c = element.first_child(); c; c = c.next_sibling())
            element.insert_child_before(pugi::node_pcdata, c).set_value(newline(depth + 1).c_str());
        element.append_child(pugi::node_pcdata).set_value(newline(depth).c_str());
    }
    for (auto c = element.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element) indent(c, depth + 1);
}

class sink_writer final : public pugi::xml_writer {
public:
    explicit sink_writer(output_sink& sink) : sink_(sink) {}
    void write(const void* data, std::size_t size) override {
        sink_.write(std::string_view(static_cast<const char*>(data), size));
    }
private:
    output_sink& sink_;
};

constexpr unsigned print_flags = pugi::format_raw | pugi::format_no_declaration;

}  // namespace

void write_tei(const node& document, const write_options& options, output_sink& sink,
               std::vector<diagnostic>& diagnostics) {
    tei::builder builder(document, diagnostics);
    sink_writer writer(sink);
    pugi::xml_document xml;

    // Each element of <body> is printed on its own line at `depth`.
    int depth = options.fragment ? 0 : 3;
    bool first = true;
    auto print = [&](pugi::xml_node element) {
        if (element.type() == pugi::node_element) indent(element, depth);
        if (!options.fragment || !first) sink.write(newline(depth));
        first = false;
        element.print(writer, "", print_flags, pugi::encoding_utf8);
    };

    if (!options.fragment) {
        auto tei = xml.append_child("TEI");
        builder.header(tei, options);
        auto header = tei.first_child();
        indent(header, 1);
        sink.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"");
        if (auto language = builder.language(); !language.empty())
            sink.write(" xml:lang=\"" + language + "\"");  // a checked language tag: nothing to escape
        sink.write(">\n  ");
        header.print(writer, "", print_flags, pugi::encoding_utf8);
        sink.write("\n  <text>\n    <body>");
        xml.remove_child(tei);
    }
    auto body = xml.append_child("body");
    builder.body(body, print);
    for (auto c = body.first_child(); c; c = c.next_sibling()) print(c);
    sink.write(options.fragment ? "\n" : "\n    </body>\n  </text>\n</TEI>\n");
}

void write_tei(const node& document, const write_options& options, output_sink& sink) {
    std::vector<diagnostic> ignored;
    write_tei(document, options, sink, ignored);
}

}  // namespace archmark
