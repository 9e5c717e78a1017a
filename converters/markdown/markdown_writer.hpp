// The Markdown writer's visitor, shared by markdown_writer.cpp (document, blocks, notes, front
// matter) and markdown_inline.cpp (inlines and the archival kinds). Private to converters/markdown/.
#pragma once

#include "converters/markdown/markdown_escape.hpp"

#include <archmark/document.hpp>
#include <archmark/write.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace archmark::detail {

class markdown_writer {
public:
    markdown_writer(const write_options& options, output_sink& sink);
    // Writes the whole document: front matter, blocks, then the note definitions.
    void write(const node& document);

private:
    // --- blocks (markdown_writer.cpp) ---
    void render(const node& n);  // the one exhaustive switch over node_kind
    // The Markdown of one block of `siblings`, lines without the final newline. The siblings
    // around it decide list markers (two lists in a row need different bullets).
    std::string block_text(const std::vector<node>& siblings, std::size_t i);
    // The children of a container, one after the other, a blank line between them unless tight.
    void blocks(const node& parent, bool tight);
    std::string blocks_text(const node& parent, bool tight);
    void inline_block(const node& n);  // paragraph and the other blocks of inlines
    void heading(const node& n);
    void block_quote(const node& n);
    void list(const node& n);
    void table(const node& n);
    void code_block(const node& n);
    void html_block(const node& n);
    // `[^label]: body`: a note's or GFM footnote definition's body, indented under its label.
    std::string definition(std::string_view label, const node& body);
    void note_definition_in_place(const node& n);  // a note standing as a block elsewhere
    void front_matter(const node& document);

    // --- inlines (markdown_inline.cpp) ---
    void inlines(const node& n);
    void text(std::string_view literal);     // escaped literal text
    void put(std::string_view markup);       // markup, after settling the open end before it
    void settle(std::string_view next);      // decides the open end now that `next` follows (empty: the end)
    void end_inlines();                      // the content ends: settles what is open
    bool at_line_start() const { return out_.empty() || out_.back() == '\n'; }
    void code_span(const node& n);
    void link(const node& n, bool image);
    void emphasis(const node& n, bool strong);
    void strikeout(const node& n, bool deletion);  // ~~x~~ (a deletion falls back to <del>)
    void tagged(const node& n, std::string_view open, std::string_view close);
    static bool holds_tag(const node& n, std::string_view tag);  // raw HTML <tag> or </tag> inside
    // `[` + children + close, for editorial brackets; `fallback` when there are no children.
    void bracketed(const node& n, std::string_view close, std::string_view fallback);
    void after_bracket();                    // a `]` was written: keep `(`/`:` after it text
    void verbatim(const node& n, std::string_view fallback);  // children, or the fallback text
    void page_break(const node& n);  // as written, or `[Page n]`
    void note_call(const node& n);
    // The label written for the notes of one key (style and label, as the parser matches calls
    // to definitions): the label as written when GFM can read it and no note of another key
    // took it first (labels match without regard to case), else a fresh one. Always the same
    // for a key, so calls, the note they call and a second definition of it agree.
    std::string note_label(const std::string& key, const std::string& wanted);
    std::string written_label(const node& note);  // note_label() in the note's own spelling
    // A label no note of the document has and none written has: `1-2`, `1-3`… for a label
    // taken, `note-1`, `note-2`… for a label GFM cannot read.
    std::string fresh_label(const std::string& wanted);
    // A GFM footnote's label (plain GFM trees): as written, or a fresh one where GFM cannot read
    // it; references match without regard to case.
    std::string footnote_label(const std::string& wanted);
    // Before writing: the notes that stand as blocks, and every label in the document.
    void collect_notes(const node& parent);
    void redaction(const node& n);
    void gap(const node& n);

    const write_options& options_;
    output_sink& sink_;

    std::string out_;             // the block being written
    escaped_tail tail_;           // the open end of the last text written to out_
    std::size_t open_deletion_ = std::string::npos;  // a `~~…~~` just closed, undecided
    std::size_t closed_deletion_start_ = std::string::npos;  // the last `~~…~~` written
    std::size_t closed_deletion_end_ = std::string::npos;
    bool open_deletion_tags_ = false;    // those deletions hold raw <del> tags: {-- --} then
    bool closed_deletion_tags_ = false;
    int inline_depth_ = 0;        // > 0 while writing inline content
    const node* inline_parent_ = nullptr;
    bool block_starts_ = false;   // line starts of this content could start blocks
    bool single_line_ = false;    // ATX heading: breaks are written as spaces
    int in_link_ = 0;
    char bullet_ = '-';           // the bullet of the next bullet list
    bool first_line_ = false;     // the block being written starts the output (no front matter)
    // The next list's marker indentation, and the column its items' content must reach (0: any)
    // so that the block after the list does not continue its last item.
    std::size_t list_indent_ = 0;
    std::size_t content_column_ = 0;

    // Notes: definitions written at the end, in call order; labels as written when they are
    // GFM's and no other note's.
    struct pending_note {
        const node* body;         // the call that carries the body (or the first call)
        std::string key;          // note_key(): which notes are this one
        std::string label;        // the label written
    };
    std::vector<pending_note> notes_;
    std::unordered_map<std::string, std::size_t> note_by_key_;       // note key -> notes_
    std::unordered_map<std::string, std::string> label_by_key_;      // note key -> label written
    std::unordered_set<std::string> labels_taken_;    // case-folded: the document's labels and those made up
    std::unordered_set<std::string> labels_written_;  // case-folded labels given to a key
    std::unordered_map<std::string, int> last_suffix_;  // fresh_label(): stem -> last number used
    std::vector<const node*> block_notes_;            // notes standing as blocks
    std::unordered_set<std::string> block_note_keys_;  // their keys
};

}  // namespace archmark::detail
