// Markdown writer: canonical archmark Markdown (docs/markdown.md, conventions.md §7). The entry
// point, the one switch over node_kind, blocks, note definitions and front matter. Inlines and the
// archival kinds are in markdown_inline.cpp; escaping is in markdown_escape.cpp.
//
// The output parses back to the same tree (spans aside) and writing it again gives the same
// bytes. Blocks are written one at a time into a string, containers prefix their children's
// lines (`> `, list item indentation), and the document hands each top-level block to the sink.
#include "converters/markdown/markdown_writer.hpp"

#include <algorithm>

namespace archmark {

void write_markdown(const node& document, const write_options& options, output_sink& sink) {
    detail::markdown_writer(options, sink).write(document);
}

namespace detail {
namespace {

// `body` with `first` before its first line and `rest` before every further line that is not
// empty; empty lines get `blank` (a block quote needs its `>` on them).
std::string prefixed(std::string_view body, std::string_view first, std::string_view rest,
                     std::string_view blank) {
    std::string out;
    out.reserve(body.size() + first.size() + 16);
    std::size_t begin = 0;
    bool first_line = true;
    for (;;) {
        std::size_t end = body.find('\n', begin);
        std::string_view line = body.substr(begin, end == std::string_view::npos ? std::string_view::npos : end - begin);
        if (!first_line) out += '\n';
        if (first_line) {
            if (line.empty()) {
                std::string_view trimmed = first;
                while (!trimmed.empty() && trimmed.back() == ' ') trimmed.remove_suffix(1);
                out += trimmed;
            } else {
                out += first;
            }
        } else {
            out += line.empty() ? blank : rest;
        }
        out += line;
        first_line = false;
        if (end == std::string_view::npos) break;
        begin = end + 1;
    }
    return out;
}

// The longest run of `c` in `s`.
std::size_t longest_run(std::string_view s, char c) {
    std::size_t longest = 0, run = 0;
    for (char x : s) {
        run = x == c ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    return longest;
}

// Whether a heading's inlines hold a line break (only a setext heading can).
bool has_break(const node& n) {
    for (const auto& c : n.children)
        if (c.kind == node_kind::soft_break || c.kind == node_kind::line_break || has_break(c)) return true;
    return false;
}

// A line that would open front matter on the first line of a document (conventions.md §6).
bool is_front_matter_fence(std::string_view line) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    return line == "---";
}

bool is_bullet_list(const node& n) { return n.kind == node_kind::list && n.list == list_type::bullet; }

bool starts_with_indented_code(const node& item) {
    return !item.children.empty() && item.children.front().kind == node_kind::code_block &&
           !item.children.front().fenced;
}

// The width of the marker of item `i` of a list: `-`, `8)`, `10.` (the numbers count up).
std::size_t marker_width(const node& list, std::size_t i) {
    if (list.list != list_type::ordered) return 1;
    return std::to_string(list.level + static_cast<long>(i)).size() + 1;
}

// The column where an indented code block's first line starts: four spaces, then its own blanks
// (a tab goes on to the next multiple of four).
std::size_t code_indentation(std::string_view literal) {
    std::size_t column = 4;
    for (char c : literal) {
        if (c == ' ') ++column;
        else if (c == '\t') column += 4 - column % 4;
        else break;
    }
    return column;
}

// Each list back from an indented code block needs a column less (list_indent()): looking three
// lists ahead decides every indentation.
constexpr int list_lookahead = 3;

std::size_t list_indent(const std::vector<node>& siblings, std::size_t i, int lookahead = list_lookahead);

// The column the content of list `siblings[i]`'s last item must reach (0: any) so that the block
// after the list does not continue that item: past an indented code block's indentation, or past
// the indentation of a list that must be indented itself.
std::size_t content_column(const std::vector<node>& siblings, std::size_t i, int lookahead = list_lookahead) {
    if (i + 1 >= siblings.size()) return 0;
    const node& next = siblings[i + 1];
    if (next.kind == node_kind::code_block && !next.fenced) return code_indentation(next.literal) + 1;
    if (next.kind != node_kind::list || lookahead == 0) return 0;
    std::size_t indent = list_indent(siblings, i + 1, lookahead - 1);
    return indent == 0 ? 0 : indent + 1;
}

// How far list `siblings[i]`'s markers are indented (at most three spaces): only as far as its
// last item's content cannot reach content_column() with blanks after the marker (up to four;
// one when it starts with an indented code block). Any further would put the list inside the
// last item of a list before it.
std::size_t list_indent(const std::vector<node>& siblings, std::size_t i, int lookahead) {
    const node& list = siblings[i];
    if (list.kind != node_kind::list || list.children.empty()) return 0;
    const node& last = list.children.back();
    std::size_t reached = marker_width(list, list.children.size() - 1) + (starts_with_indented_code(last) ? 1 : 4);
    std::size_t needed = content_column(siblings, i, lookahead);
    return needed > reached ? std::min<std::size_t>(needed - reached, 3) : 0;
}

// A closing salutation and the signature after it are typed as one paragraph
// (`Respectfully yours,` / `(s) NIKITA KHRUSHCHEV`): written so, a line apart.
bool closes_letter(const node& previous, const node& n) {
    return previous.kind == node_kind::closing && n.kind == node_kind::signature;
}

}  // namespace

markdown_writer::markdown_writer(const write_options& options, output_sink& sink)
    : options_(options), sink_(sink) {}

void markdown_writer::write(const node& document) {
    bool any = false;
    auto emit = [&](std::string_view piece) {
        if (piece.empty()) return;
        if (any) sink_.write("\n\n");
        sink_.write(piece);
        any = true;
    };
    bool has_front_matter = !options_.fragment && !document.attrs().metadata.empty();
    if (has_front_matter) {
        front_matter(document);
        emit(out_);
        out_.clear();
    }
    collect_notes(document);
    for (std::size_t i = 0; i < document.children.size(); ++i) {
        if (document.children[i].kind == node_kind::note) continue;
        first_line_ = !any && !has_front_matter;
        std::string piece = block_text(document.children, i);
        if (i > 0 && closes_letter(document.children[i - 1], document.children[i])) {
            sink_.write("\n");  // the closing's and signature's lines as one paragraph
            sink_.write(piece);
        } else {
            emit(piece);
        }
    }
    // Definitions of the notes called, in call order; a body may call further notes. A call
    // without a body whose definition stands as a note of its own (a body too deep, a note
    // defined twice) gets no empty definition: that note is written with the block notes.
    std::size_t defined = 0;
    auto define_called = [&] {
        for (; defined < notes_.size(); ++defined) {
            std::string label = notes_[defined].label;  // copied: writing the body may add notes
            const node& body = *notes_[defined].body;
            if (body.children.empty() && block_note_keys_.contains(notes_[defined].key)) continue;
            emit(definition(label, body));
        }
    };
    define_called();
    // Notes never called (or not placed at a call), where the parser puts them: after all. The
    // notes a body of theirs calls first are defined after it.
    for (const node* n : block_notes_) {
        emit(definition(written_label(*n), *n));
        define_called();
    }
    if (any) sink_.write("\n");
}

// ---------------------------------------------------------------------------------------------
// The one switch

void markdown_writer::render(const node& n) {
    switch (n.kind) {
    // blocks
    case node_kind::document: blocks(n, false); break;
    case node_kind::heading: heading(n); break;
    case node_kind::paragraph: inline_block(n); break;
    case node_kind::block_quote: block_quote(n); break;
    case node_kind::list: list(n); break;
    case node_kind::item: blocks(n, false); break;  // only inside a list, which writes its items
    case node_kind::code_block: code_block(n); break;
    case node_kind::html_block: html_block(n); break;
    case node_kind::thematic_break: out_ += "***"; break;
    case node_kind::table: table(n); break;
    case node_kind::table_row:  // only inside a table, which writes its rows and cells
    case node_kind::table_cell: inlines(n); break;
    case node_kind::footnote_definition: out_ += definition(footnote_label(n.attrs().label), n); break;

    // inlines
    case node_kind::text: text(n.literal); break;
    case node_kind::soft_break: put(single_line_ ? " " : "\n"); break;
    case node_kind::line_break: put(single_line_ ? " " : "\\\n"); break;
    case node_kind::emphasis: emphasis(n, false); break;
    case node_kind::strong: emphasis(n, true); break;
    case node_kind::code: code_span(n); break;
    case node_kind::link: link(n, false); break;
    case node_kind::image: link(n, true); break;
    case node_kind::html_inline: put(n.literal); break;  // raw HTML is written back as it is
    case node_kind::strikethrough: strikeout(n, false); break;
    case node_kind::footnote_reference:
        put("[^" + footnote_label(n.attrs().label) + "]");
        after_bracket();
        break;

    // archival: redactions and edits (§1, §2); the codes are the transcription
    case node_kind::redaction: redaction(n); break;
    case node_kind::deletion: strikeout(n, true); break;
    case node_kind::insertion:
        if (n.attrs().place != "inline") tagged(n, "<sup>", "</sup>");
        else if (holds_tag(n, "ins")) tagged(n, "{++", "++}");  // raw <ins> tags inside
        else tagged(n, "<ins>", "</ins>");
        break;
    case node_kind::substitution: inlines(n); break;  // its parts in source order
    case node_kind::superscript: tagged(n, "<sup>", "</sup>"); break;
    case node_kind::subscript: tagged(n, "<sub>", "</sub>"); break;
    // notes (§3): a call in running text, a definition never called where it stands
    case node_kind::note:
        if (inline_depth_ > 0) note_call(n);
        else note_definition_in_place(n);
        break;
    // letter and record structure (§4): the lines as written
    case node_kind::dateline:
    case node_kind::salutation:
    case node_kind::closing:
    case node_kind::signature:
    case node_kind::source_note:
    case node_kind::classification:
    case node_kind::stamp: inline_block(n); break;
    case node_kind::portion_mark: verbatim(n, "(" + n.attrs().marking + ")"); break;
    case node_kind::separator:
        // As transcribed (§4); but `---` on the first line would open front matter with a later
        // `---` line (found by fuzz_markdown), so there it takes a fourth dash.
        if (first_line_ && out_.empty() && is_front_matter_fence(n.attrs().written)) out_ += "----";
        else if (!n.attrs().written.empty()) out_ += n.attrs().written;
        else if (n.children.empty()) out_ += "***";
        else inline_block(n);
        break;
    case node_kind::part: blocks(n, false); break;
    case node_kind::page_break:
        if (inline_depth_ > 0) {
            page_break(n);
        } else {  // between blocks: a line of its own
            block_starts_ = true;
            ++inline_depth_;
            page_break(n);
            --inline_depth_;
            end_inlines();
        }
        break;
    // editorial brackets (§5): the brackets around the words
    case node_kind::gap: gap(n); break;
    case node_kind::unclear: bracketed(n, "?]", ""); break;
    case node_kind::sic:
        inlines(n);
        put(" [sic]");
        after_bracket();
        break;
    case node_kind::supplied: bracketed(n, "]", ""); break;
    case node_kind::editorial_note: bracketed(n, "]", ""); break;
    }
}

// ---------------------------------------------------------------------------------------------
// Blocks

std::string markdown_writer::block_text(const std::vector<node>& siblings, std::size_t i) {
    const node& n = siblings[i];
    if (is_bullet_list(n)) {
        // Two bullet lists in a row would run together with the same bullet: alternate with
        // `+` (`* ` at the start of a last paragraph can be a note definition, §3).
        std::size_t run = 0;
        while (run < i && is_bullet_list(siblings[i - run - 1])) ++run;
        bullet_ = run % 2 == 0 ? '-' : '+';
    }
    // An indented code block after a list would continue its last item unless the items'
    // content starts past the code's indentation; so would a list indented to make that room.
    list_indent_ = list_indent(siblings, i);
    content_column_ = n.kind == node_kind::list ? content_column(siblings, i) : 0;
    std::string saved = std::move(out_);
    out_.clear();
    render(n);
    std::string piece = std::move(out_);
    out_ = std::move(saved);
    return piece;
}

void markdown_writer::blocks(const node& parent, bool tight) {
    bool first = true;
    for (std::size_t i = 0; i < parent.children.size(); ++i) {
        // Notes standing as blocks are written after the definitions (write()).
        if (parent.kind == node_kind::part && parent.children[i].kind == node_kind::note) continue;
        std::string piece = block_text(parent.children, i);
        if (!first) out_ += tight || closes_letter(parent.children[i - 1], parent.children[i]) ? "\n" : "\n\n";
        out_ += piece;
        first = false;
    }
}

std::string markdown_writer::blocks_text(const node& parent, bool tight) {
    std::string saved = std::move(out_);
    out_.clear();
    blocks(parent, tight);
    std::string text = std::move(out_);
    out_ = std::move(saved);
    return text;
}

void markdown_writer::inline_block(const node& n) {
    block_starts_ = true;
    inlines(n);
    end_inlines();
}

void markdown_writer::heading(const node& n) {
    int level = std::clamp(n.level, 1, 6);
    if (level <= 2 && has_break(n)) {
        // Only a setext heading spans lines.
        inline_block(n);
        out_ += level == 1 ? "\n===" : "\n---";
        return;
    }
    out_.append(static_cast<std::size_t>(level), '#');
    out_ += ' ';
    std::string saved = std::move(out_);
    out_.clear();
    single_line_ = true;
    block_starts_ = false;
    inlines(n);
    end_inlines();
    single_line_ = false;
    std::string content = std::move(out_);
    out_ = std::move(saved);
    if (content.empty()) {
        out_.pop_back();  // `##`, an empty heading
        return;
    }
    // A closing sequence of `#` (after a blank, or the whole content) would be dropped.
    std::size_t hashes = content.find_last_not_of('#');
    if (hashes != content.size() - 1 && (hashes == std::string::npos || content[hashes] == ' ' || content[hashes] == '\t'))
        content.insert(hashes == std::string::npos ? 0 : hashes + 1, 1, '\\');
    out_ += content;
}

void markdown_writer::block_quote(const node& n) {
    std::string body = blocks_text(n, false);
    out_ += prefixed(body, "> ", "> ", ">");
}

void markdown_writer::list(const node& n) {
    bool ordered = n.list == list_type::ordered;
    char bullet = bullet_;
    std::string indent(list_indent_, ' ');
    std::size_t column = content_column_;
    long number = n.level;
    std::string_view delimiter = n.delimiter == list_delimiter::paren ? ")" : ".";
    for (std::size_t i = 0; i < n.children.size(); ++i) {
        const node& item = n.children[i];
        std::string marker = indent + (ordered ? std::to_string(number++) + std::string(delimiter) : std::string(1, bullet));
        std::string body = blocks_text(item, n.tight);
        // Up to four blanks after the marker put the content at `column` (five would start an
        // indented code block; one that starts the item follows a single blank).
        std::size_t blanks = 1;
        if (!body.empty() && !starts_with_indented_code(item) && column > marker.size())
            blanks = std::min<std::size_t>(column - marker.size(), 4);
        std::string lead = marker + std::string(blanks, ' ');
        if (item.task_checked) body.insert(0, *item.task_checked ? "[x] " : "[ ] ");
        if (i > 0) out_ += n.tight ? "\n" : "\n\n";
        out_ += prefixed(body, lead, std::string(lead.size(), ' '), "");
    }
}

void markdown_writer::table(const node& n) {
    std::size_t columns = n.attrs().alignments.size();
    if (columns == 0 && !n.children.empty()) columns = n.children.front().children.size();
    auto row_line = [&](const node& row) {
        out_ += '|';
        for (const auto& cell : row.children) {
            std::string saved = std::move(out_);
            out_.clear();
            block_starts_ = false;
            inlines(cell);
            end_inlines();
            std::string content = std::move(out_);
            out_ = std::move(saved);
            out_ += ' ';
            // A pipe anywhere in a cell (code spans and raw HTML included) would end it.
            for (char c : content) {
                if (c == '|') out_ += '\\';
                out_ += c;
            }
            out_ += " |";
        }
    };
    for (std::size_t r = 0; r < n.children.size(); ++r) {
        if (r > 0) out_ += '\n';
        row_line(n.children[r]);
        if (r == 0) {
            out_ += "\n|";
            for (std::size_t c = 0; c < columns; ++c) {
                table_alignment align = c < n.attrs().alignments.size() ? n.attrs().alignments[c] : table_alignment::none;
                switch (align) {
                case table_alignment::none: out_ += " --- |"; break;
                case table_alignment::left: out_ += " :-- |"; break;
                case table_alignment::center: out_ += " :-: |"; break;
                case table_alignment::right: out_ += " --: |"; break;
                }
            }
        }
    }
}

void markdown_writer::code_block(const node& n) {
    std::string_view literal = n.literal;
    if (!n.fenced) {
        // Indented: four spaces before each line that has anything on it.
        if (literal.ends_with('\n')) literal.remove_suffix(1);
        out_ += prefixed(literal, "    ", "    ", "");
        return;
    }
    // A fence longer than any run of its character inside; tildes when the info string holds
    // a backtick (a backtick fence's info string may not).
    char fence_char = n.attrs().info.find('`') == std::string::npos ? '`' : '~';
    std::string fence(std::max<std::size_t>(3, longest_run(literal, fence_char) + 1), fence_char);
    out_ += fence;
    append_info(out_, n.attrs().info);
    out_ += '\n';
    out_ += literal;
    if (!literal.empty() && !literal.ends_with('\n')) out_ += '\n';
    out_ += fence;
}

void markdown_writer::html_block(const node& n) {
    std::string_view literal = n.literal;
    if (literal.ends_with('\n')) literal.remove_suffix(1);
    out_ += literal;
}

// ---------------------------------------------------------------------------------------------
// Notes and front matter

std::string markdown_writer::definition(std::string_view label, const node& body) {
    std::string saved = std::move(out_);
    out_.clear();
    if (!body.children.empty() && is_inline(body.children.front().kind)) inline_block(body);  // run-in body
    else blocks(body, false);
    std::string text = std::move(out_);
    out_ = std::move(saved);
    std::string lead = "[^" + std::string(label) + "]:";
    // An indented code block cannot start on the label's line: the body starts on the next.
    if (!body.children.empty() && body.children.front().kind == node_kind::code_block &&
        !body.children.front().fenced)
        return lead + "\n" + prefixed(text, "    ", "    ", "");
    return prefixed(text, lead + " ", "    ", "");
}

// A definition never called stays where the parser put it (the end of its document).
void markdown_writer::note_definition_in_place(const node& n) {
    out_ += definition(written_label(n), n);
}

void markdown_writer::front_matter(const node& document) {
    out_ = "---\n";
    for (const auto& [key, value] : document.attrs().metadata) {
        append_yaml_scalar(out_, key);
        out_ += ": ";
        append_yaml_scalar(out_, value);
        out_ += '\n';
    }
    out_ += "---";
}

}  // namespace detail
}  // namespace archmark
