// The HTML writer's visitor, shared by html_writer.cpp (CommonMark/GFM, the page) and
// html_archival.cpp (archival kinds). Private to converters/html/.
#pragma once

#include <archmark/document.hpp>
#include <archmark/write.hpp>

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace archmark::detail {

using html_attributes = std::initializer_list<std::pair<std::string_view, std::string_view>>;

// GFM footnotes as cmark-gfm numbers them: definitions in order, each reference with its
// definition and its occurrence count (for the `fnref-label-2` ids and the extra back-links).
struct footnote_table {
    struct use { std::size_t definition; int occurrence; };
    std::vector<const node*> definitions;
    std::vector<int> uses_per_definition;
    std::unordered_map<const node*, use> references;

    static footnote_table build(const node& document);
};

class html_writer {
public:
    html_writer(const write_options& options, output_sink& sink);
    // Writes the whole document (a page, or with `fragment` the body content) and flushes.
    void write(const node& document);

private:
    // --- output (html_writer.cpp) ---
    void put(std::string_view s) { buffer_.append(s); }
    void put(char c) { buffer_ += c; }
    void cr();                                   // a newline unless at the start or after one
    void text(std::string_view s);               // escaped text
    void attribute(std::string_view name, std::string_view value);  // ` name="value"`, escaped
    void url(std::string_view destination);      // escaped URL; empty if dangerous, unless unsafe
    void flush_if_full();
    void flush();

    // --- CommonMark / GFM (html_writer.cpp) ---
    void render(const node& n);                  // the one exhaustive switch over node_kind
    void inlines(const node& n);
    void blocks(const node& n);
    void paragraph(const node& n, bool tight);
    void list(const node& n);
    void table(const node& n);
    void code_block(const node& n);
    void html_block(const node& n);
    void html_inline(const node& n);
    void link(const node& n);
    void image(const node& n);
    void alt_text(const node& n);
    void footnote_reference(const node& n);
    void footnote_definition(const node& n, std::size_t index);
    void footnotes();
    void page_start(const node& document);
    void page_end();

    // --- archival kinds (html_archival.cpp) ---
    void redaction(const node& n);
    void note_call(const node& n);
    void uncalled_note(const node& n);
    void notes();
    void gap(const node& n);
    void dated_inlines(const node& n);
    void stamp(const node& n);
    void front_matter(const node& document);
    void portion_mark(const node& n);
    void page_break(const node& n);
    // `<tag class="css_class">` + inline children + `</tag>`. In plain mode the class is dropped,
    // and a span with it (only the children are written).
    void wrap_inlines(const node& n, std::string_view tag, std::string_view css_class);
    // A block of inlines: `<tag class="css_class" extra…>…</tag>` then a newline (attributes with
    // empty values left out), or a bare `<p>` in plain mode.
    void inline_block(const node& n, std::string_view tag, std::string_view css_class,
                      html_attributes extra = {});
    std::size_t opener(const node& parent, std::size_t i);
    std::size_t closer(const node& parent, std::size_t i);
    void blocks_with_backrefs(const node& n);  // a note's blocks, then backrefs_

    const write_options& options_;
    output_sink& sink_;
    std::string buffer_;
    char last_flushed_ = '\0';      // the last byte already handed to the sink ('\0': none yet)

    footnote_table footnotes_;
    const node* backref_paragraph_ = nullptr;  // the paragraph that ends with back-links
    std::string backrefs_;                      // those back-links

    struct listed_note {
        const node* call;  // the note's first call (or, when never called, the note itself)
        int calls;         // how many calls link to it
    };
    std::vector<listed_note> notes_;            // notes, in order of first call
    std::unordered_map<std::string, std::size_t> note_by_label_;  // style + '\0' + label → index
};

}  // namespace archmark::detail
