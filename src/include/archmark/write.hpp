// Writers: each reads a parsed document and writes one format to a sink. Writers never parse,
// never open files and never throw for any tree that parse() can return.
#pragma once

#include <archmark/diagnostic.hpp>
#include <archmark/document.hpp>

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace archmark {

// Where writers put their output (like pugixml's xml_writer). Writers call write() with chunks.
class output_sink {
public:
    virtual ~output_sink() = default;
    virtual void write(std::string_view bytes) = 0;
};

// A sink that appends to a std::string the caller owns (and must keep alive).
class string_sink final : public output_sink {
public:
    explicit string_sink(std::string& out) : out_(out) {}
    void write(std::string_view bytes) override { out_.append(bytes); }
private:
    std::string& out_;
};

// A sink that writes to a std::ostream the caller owns; stream errors are left in the stream.
class ostream_sink final : public output_sink {
public:
    explicit ostream_sink(std::ostream& out) : out_(out) {}
    void write(std::string_view bytes) override { out_.write(bytes.data(), static_cast<std::streamsize>(bytes.size())); }
private:
    std::ostream& out_;
};

// HTML: the view a page opens in (a class on <body>; the page's stylesheet implements both).
enum class html_view {
    diplomatic,  // everything shown: deletions struck through, insertions raised
    reading,     // deletions hidden, insertions inline
};

// What the writers are told; each writer reads the fields that concern it.
struct write_options {
    bool fragment = false;  // body content only, no page/document wrapper
    bool unsafe = false;    // HTML: pass raw HTML and dangerous URLs through
    bool archival = true;   // HTML: render archival nodes and notes (false: plain GFM rendering)
    std::string title;      // document title; empty: derived from the document
    html_view view = html_view::diplomatic;  // HTML: the view the page opens in
    std::string css;        // HTML: the user's stylesheet, embedded after the built-in one
    std::string css_href;   // HTML: a stylesheet to link after the built-in one (a URL or path)
};

// HTML5: a standalone page with its stylesheet, or with `fragment` the body content only.
void write_html(const node& document, const write_options& options, output_sink& sink);
// The whole AST as JSON (docs/json.md), with spans. `source` is not needed: nodes carry spans.
void write_json(const node& document, const std::vector<diagnostic>& diagnostics,
                const write_options& options, output_sink& sink);
// TEI P5 XML: a whole <TEI> document, or with `fragment` the <body> content (docs/tei-mapping.md).
void write_tei(const node& document, const write_options& options, output_sink& sink);
// The same, adding an output.unsupported warning to `diagnostics` for each node whose TEI form
// loses something (raw HTML kept as text, a link title).
void write_tei(const node& document, const write_options& options, output_sink& sink,
               std::vector<diagnostic>& diagnostics);
// Canonical archmark Markdown (docs/markdown.md); parses back to the same tree. `fragment`: no front matter.
void write_markdown(const node& document, const write_options& options, output_sink& sink);

// The version of the JSON document layout (docs/json.md).
inline constexpr int json_format_version = 1;

}  // namespace archmark
