// HTML writer: CommonMark/GFM nodes rendered exactly as cmark-gfm's HTML renderer does (with the
// table, strikethrough, autolink, tagfilter, footnotes and tasklist extensions), the page around
// them, and the entry point. Archival kinds are in html_archival.cpp.
#include "converters/html/html_writer.hpp"

#include "converters/html/html_escape.hpp"
#include "converters/html/html_style.hpp"

#include <archmark/version.hpp>

#include <algorithm>
#include <charconv>
#include <optional>

namespace archmark {

void write_html(const node& document, const write_options& options, output_sink& sink) {
    detail::html_writer(options, sink).write(document);
}

namespace detail {
namespace {

// The buffer is handed to the sink whenever it grows past this, so 20 MB inputs stream.
constexpr std::size_t flush_threshold = 64 * 1024;

// cmark's isspace, used to cut the first word of a code block's info string.
bool is_cmark_space(char c) noexcept {
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

// `s` with whitespace runs collapsed to one space and trimmed; ASCII case folded if asked.
std::string collapse_whitespace(std::string_view s, bool fold_case) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (is_cmark_space(c)) { space = !out.empty(); continue; }
        if (space) out += ' ';
        space = false;
        out += (fold_case && c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
}

// A footnote label as cmark-gfm matches it (close enough for ASCII labels).
std::string normalized_label(std::string_view label) { return collapse_whitespace(label, true); }

std::optional<std::size_t> parse_number(std::string_view s) {
    std::size_t value = 0;
    auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (error != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
    return value;
}

// The title of a standalone page: the option, the front matter's title or the first heading
// (title_of), or a fixed phrase.
std::string page_title(const node& document, const write_options& options) {
    if (!options.title.empty()) return options.title;
    std::string title = collapse_whitespace(title_of(document), false);
    return title.empty() ? "Untitled transcription" : title;
}

// The page language: the front matter's `language`, else English.
std::string_view page_language(const node& document) {
    for (const auto& [key, value] : document.attrs().metadata)
        if (key == "language" && !value.empty()) return value;
    return "en";
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Footnotes

footnote_table footnote_table::build(const node& document) {
    footnote_table table;
    std::vector<const node*> references;
    std::vector<const node*> stack{&document};  // explicit stack: no recursion on deep trees
    while (!stack.empty()) {
        const node* n = stack.back();
        stack.pop_back();
        if (n->kind == node_kind::footnote_definition) table.definitions.push_back(n);
        else if (n->kind == node_kind::footnote_reference) references.push_back(n);
        for (auto it = n->children.rbegin(); it != n->children.rend(); ++it) stack.push_back(&*it);
    }
    table.uses_per_definition.assign(table.definitions.size(), 0);
    if (table.definitions.empty() || references.empty()) return table;

    // cmark-gfm counts occurrences in source order, before it moves the definitions to the end.
    std::stable_sort(references.begin(), references.end(),
                     [](const node* a, const node* b) { return a->span.begin < b->span.begin; });

    // The parser gives cmark-gfm's numbers as labels ("1" is the first definition); a tree built
    // by other means may carry the labels as written. Read them as numbers when every one is a
    // number in range and they first occur as 1, 2, 3, … (the order cmark-gfm numbers in); where
    // labels happen to look like that, both readings name the same definitions.
    bool numbered = true;
    std::size_t highest = 0;
    for (const node* ref : references) {
        auto number = parse_number(ref->attrs().label);
        if (!number || *number == 0 || *number > table.definitions.size() || *number > highest + 1) {
            numbered = false;
            break;
        }
        highest = std::max(highest, *number);
    }
    std::unordered_map<std::string, std::size_t> by_label;
    if (!numbered)
        for (std::size_t i = 0; i < table.definitions.size(); ++i)
            by_label.emplace(normalized_label(table.definitions[i]->attrs().label), i);

    for (const node* ref : references) {
        std::size_t index;
        if (numbered) {
            index = *parse_number(ref->attrs().label) - 1;
        } else {
            auto it = by_label.find(normalized_label(ref->attrs().label));
            if (it == by_label.end()) continue;  // written as text, as cmark-gfm does
            index = it->second;
        }
        table.references.emplace(ref, use{index, ++table.uses_per_definition[index]});
    }
    return table;
}

void html_writer::footnote_reference(const node& n) {
    auto it = footnotes_.references.find(&n);
    if (it == footnotes_.references.end()) {
        text("[^");
        text(n.attrs().label);
        text("]");
        return;
    }
    const node& definition = *footnotes_.definitions[it->second.definition];
    put("<sup class=\"footnote-ref\"><a href=\"#fn-");
    append_href(buffer_, definition.attrs().label);
    put("\" id=\"fnref-");
    append_href(buffer_, definition.attrs().label);
    if (it->second.occurrence > 1) {
        put('-');
        put(std::to_string(it->second.occurrence));
    }
    put("\" data-footnote-ref>");
    put(std::to_string(it->second.definition + 1));
    put("</a></sup>");
}

void html_writer::footnote_definition(const node& n, std::size_t index) {
    put("<li id=\"fn-");
    append_href(buffer_, n.attrs().label);
    put("\">\n");
    // One back-link per reference; cmark-gfm puts them at the end of the last paragraph, or on
    // their own line when the definition ends with another block.
    backrefs_.clear();
    for (int k = 1; k <= footnotes_.uses_per_definition[index]; ++k) {
        backrefs_ += k == 1 ? "<a href=\"#fnref-" : " <a href=\"#fnref-";
        append_href(backrefs_, n.attrs().label);
        if (k > 1) backrefs_ += '-' + std::to_string(k);
        backrefs_ += "\" class=\"footnote-backref\" data-footnote-backref aria-label=\"Back to content\">↩";
        if (k > 1) backrefs_ += "<sup class=\"footnote-ref\">" + std::to_string(k) + "</sup>";
        backrefs_ += "</a>";
    }
    blocks_with_backrefs(n);
    put("</li>\n");
}

// The blocks of a note with backrefs_ at the end of its last paragraph, or on a line of their own
// when it ends with another block (as cmark-gfm places footnote back-links).
void html_writer::blocks_with_backrefs(const node& n) {
    bool in_paragraph = !backrefs_.empty() && !n.children.empty() &&
                        n.children.back().kind == node_kind::paragraph;
    if (in_paragraph) backref_paragraph_ = &n.children.back();
    blocks(n);
    if (!in_paragraph && !backrefs_.empty()) {
        put(backrefs_);
        put('\n');
    }
    backref_paragraph_ = nullptr;
}

void html_writer::footnotes() {
    if (footnotes_.definitions.empty()) return;
    cr();
    put("<section class=\"footnotes\" data-footnotes>\n<ol>\n");
    for (std::size_t i = 0; i < footnotes_.definitions.size(); ++i) {
        footnote_definition(*footnotes_.definitions[i], i);
        flush_if_full();
    }
    put("</ol>\n</section>\n");
}

// ---------------------------------------------------------------------------------------------
// Output

html_writer::html_writer(const write_options& options, output_sink& sink)
    : options_(options), sink_(sink) {
    buffer_.reserve(flush_threshold + flush_threshold / 4);
}

void html_writer::cr() {
    char last = buffer_.empty() ? last_flushed_ : buffer_.back();
    if (last != '\0' && last != '\n') put('\n');
}

void html_writer::text(std::string_view s) { append_escaped(buffer_, s, html_context::text); }

void html_writer::attribute(std::string_view name, std::string_view value) {
    put(' ');
    put(name);
    put("=\"");
    append_escaped(buffer_, value, html_context::attribute);
    put('"');
}

void html_writer::url(std::string_view destination) { append_url(buffer_, destination, options_.unsafe); }

void html_writer::flush_if_full() {
    if (buffer_.size() >= flush_threshold) flush();
}

void html_writer::flush() {
    if (buffer_.empty()) return;
    last_flushed_ = buffer_.back();
    sink_.write(buffer_);
    buffer_.clear();
}

void html_writer::write(const node& document) {
    footnotes_ = footnote_table::build(document);
    if (!options_.fragment) page_start(document);
    if (options_.archival) front_matter(document);
    render(document);
    footnotes();
    notes();
    if (!options_.fragment) page_end();
    flush();
}

void html_writer::page_start(const node& document) {
    put("<!doctype html>\n<html");
    attribute("lang", page_language(document));
    put(">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta name=\"generator\" content=\"archmark ");
    text(archmark::version);
    put("\">\n<title>");
    text(page_title(document, options_));
    put("</title>\n<style>\n");
    put(page_stylesheet);
    put("</style>\n");
    // The user's sheets come after ours, so their rules win at equal specificity.
    if (!options_.css.empty()) {
        put("<style class=\"user-css\">\n");
        append_style_text(buffer_, options_.css);
        cr();
        put("</style>\n");
    }
    if (!options_.css_href.empty()) {
        put("<link rel=\"stylesheet\" href=\"");
        url(options_.css_href);
        put("\">\n");
    }
    put("</head>\n<body");
    attribute("class", options_.view == html_view::reading ? "view-reading" : "view-diplomatic");
    put(">\n<main>\n");
}

void html_writer::page_end() {
    cr();
    put("</main>\n</body>\n</html>\n");
}

// ---------------------------------------------------------------------------------------------
// CommonMark / GFM

void html_writer::render(const node& n) {
    switch (n.kind) {
    // blocks
    case node_kind::document: blocks(n); break;
    case node_kind::heading: {
        char level = static_cast<char>('0' + std::clamp(n.level, 1, 6));
        cr();
        put("<h");
        put(level);
        put('>');
        dated_inlines(n);
        put("</h");
        put(level);
        put(">\n");
        break;
    }
    case node_kind::paragraph: paragraph(n, false); break;
    case node_kind::block_quote:
        cr();
        put("<blockquote>\n");
        blocks(n);
        cr();
        put("</blockquote>\n");
        break;
    case node_kind::list: list(n); break;
    case node_kind::item:  // only inside a list, which renders its items; here for completeness
        cr();
        put("<li>");
        blocks(n);
        put("</li>\n");
        break;
    case node_kind::code_block: code_block(n); break;
    case node_kind::html_block: html_block(n); break;
    case node_kind::thematic_break:
        cr();
        put("<hr />\n");
        break;
    case node_kind::table: table(n); break;
    case node_kind::table_row:   // only inside a table, which renders its rows and cells
    case node_kind::table_cell: inlines(n); break;
    case node_kind::footnote_definition: break;  // all rendered at the end, as cmark-gfm does

    // inlines
    case node_kind::text: text(n.literal); break;
    case node_kind::soft_break: put('\n'); break;
    case node_kind::line_break: put("<br />\n"); break;
    case node_kind::emphasis:
        put("<em>");
        inlines(n);
        put("</em>");
        break;
    case node_kind::strong:
        put("<strong>");
        inlines(n);
        put("</strong>");
        break;
    case node_kind::code:
        put("<code>");
        text(n.literal);
        put("</code>");
        break;
    case node_kind::link: link(n); break;
    case node_kind::image: image(n); break;
    case node_kind::html_inline: html_inline(n); break;
    case node_kind::strikethrough:
        put("<del>");
        inlines(n);
        put("</del>");
        break;
    case node_kind::footnote_reference: footnote_reference(n); break;

    // archival: redactions and edits (§1, §2)
    case node_kind::redaction: redaction(n); break;
    case node_kind::deletion: wrap_inlines(n, "del", "deletion"); break;
    case node_kind::insertion:
        wrap_inlines(n, "ins", n.attrs().place == "inline" ? "insertion inline" : "insertion above");
        break;
    case node_kind::substitution: wrap_inlines(n, "span", "substitution"); break;
    case node_kind::superscript: wrap_inlines(n, "sup", ""); break;
    case node_kind::subscript: wrap_inlines(n, "sub", ""); break;
    // notes (§3)
    case node_kind::note: note_call(n); break;
    // letter and record structure (§4)
    case node_kind::dateline: inline_block(n, "p", "dateline"); break;
    case node_kind::salutation: inline_block(n, "p", "salutation"); break;
    case node_kind::closing: inline_block(n, "p", "closing"); break;
    case node_kind::signature: inline_block(n, "p", "signature"); break;
    case node_kind::source_note: inline_block(n, "aside", "source-note"); break;
    case node_kind::classification: inline_block(n, "p", "classification", {{"data-marking", n.attrs().marking}}); break;
    case node_kind::portion_mark: portion_mark(n); break;
    case node_kind::stamp: stamp(n); break;
    case node_kind::separator:
        cr();
        put(options_.archival ? "<hr class=\"separator\" />\n" : "<hr />\n");
        break;
    case node_kind::part:
        cr();
        if (options_.archival) {
            put("<section class=\"part\"");
            if (!n.attrs().subtype.empty()) attribute("data-type", n.attrs().subtype);
            put(">\n");
        }
        blocks(n);
        if (options_.archival) {
            cr();
            put("</section>\n");
        }
        break;
    case node_kind::page_break: page_break(n); break;
    // editorial brackets (§5)
    case node_kind::gap: gap(n); break;
    case node_kind::unclear: wrap_inlines(n, "span", "unclear"); break;
    case node_kind::sic:
        wrap_inlines(n, "span", "sic");
        text(" [sic]");
        break;
    case node_kind::supplied:
        text("[");
        wrap_inlines(n, "span", "supplied");
        text("]");
        break;
    case node_kind::editorial_note:
        text("[");
        wrap_inlines(n, "span", "editorial-note");
        text("]");
        break;
    }
    flush_if_full();
}

void html_writer::inlines(const node& n) {
    for (const auto& c : n.children) render(c);
}

void html_writer::blocks(const node& n) {
    const auto& children = n.children;
    for (std::size_t i = 0; i < children.size();) {
        const node& c = children[i];
        if (options_.archival && (c.kind == node_kind::dateline || c.kind == node_kind::salutation)) {
            i = opener(n, i);
        } else if (options_.archival && c.kind == node_kind::closing) {
            i = closer(n, i);
        } else if (c.kind == node_kind::note) {
            // A note among blocks is one that no call took: it is listed with the others.
            uncalled_note(c);
            ++i;
        } else if (c.kind == node_kind::page_break) {
            // A page break between blocks stands on a line of its own.
            cr();
            render(c);
            put('\n');
            ++i;
        } else {
            render(c);
            ++i;
        }
    }
}

void html_writer::paragraph(const node& n, bool tight) {
    if (!tight) {
        cr();
        put("<p>");
    }
    inlines(n);
    if (!tight) {
        if (&n == backref_paragraph_) {
            put(' ');
            put(backrefs_);
            backref_paragraph_ = nullptr;
        }
        put("</p>\n");
    }
}

void html_writer::list(const node& n) {
    cr();
    bool bullet = n.list == list_type::bullet;
    if (bullet) {
        put("<ul>\n");
    } else if (n.level == 1) {
        put("<ol>\n");
    } else {
        put("<ol start=\"");
        put(std::to_string(n.level));
        put("\">\n");
    }
    for (const auto& item : n.children) {
        cr();
        put("<li>");
        if (item.task_checked)
            put(*item.task_checked ? "<input type=\"checkbox\" checked=\"\" disabled=\"\" /> "
                                   : "<input type=\"checkbox\" disabled=\"\" /> ");
        // In a tight list, paragraphs directly in an item lose their <p>.
        for (const auto& c : item.children) {
            if (c.kind == node_kind::paragraph) paragraph(c, n.tight);
            else render(c);
        }
        put("</li>\n");
        flush_if_full();
    }
    put(bullet ? "</ul>\n" : "</ol>\n");
}

void html_writer::table(const node& n) {
    cr();
    put("<table>");
    bool in_body = false;
    for (const auto& row : n.children) {
        bool header = row.level == 1;
        cr();
        if (header) {
            put("<thead>");
            cr();
        } else if (!in_body) {
            put("<tbody>");
            cr();
            in_body = true;
        }
        put("<tr>");
        for (const auto& cell : row.children) {
            cr();
            put(header ? "<th" : "<td");
            switch (cell.align) {
            case table_alignment::none: break;
            case table_alignment::left: put(" align=\"left\""); break;
            case table_alignment::center: put(" align=\"center\""); break;
            case table_alignment::right: put(" align=\"right\""); break;
            }
            put('>');
            inlines(cell);
            put(header ? "</th>" : "</td>");
        }
        cr();
        put("</tr>");
        if (header) {
            cr();
            put("</thead>");
        }
        flush_if_full();
    }
    if (in_body) {
        cr();
        put("</tbody>");
        cr();
    }
    cr();
    put("</table>");
    cr();
}

void html_writer::code_block(const node& n) {
    cr();
    if (n.attrs().info.empty()) {
        put("<pre><code>");
    } else {
        std::size_t word = 0;
        while (word < n.attrs().info.size() && !is_cmark_space(n.attrs().info[word])) ++word;
        put("<pre><code class=\"language-");
        append_escaped(buffer_, std::string_view(n.attrs().info).substr(0, word), html_context::attribute);
        put("\">");
    }
    text(n.literal);
    put("</code></pre>\n");
}

void html_writer::html_block(const node& n) {
    cr();
    if (options_.unsafe) {
        append_tagfiltered(buffer_, n.literal);
    } else if (options_.archival) {
        // A transcription keeps every word: show the markup as text rather than dropping it.
        std::string_view literal = n.literal;
        if (literal.ends_with('\n')) literal.remove_suffix(1);
        put("<pre class=\"raw-html\">");
        text(literal);
        put("</pre>");
    } else {
        put("<!-- raw HTML omitted -->");
    }
    cr();
}

void html_writer::html_inline(const node& n) {
    if (options_.unsafe) {
        if (is_filtered_tag(n.literal)) {
            put("&lt;");
            put(std::string_view(n.literal).substr(1));
        } else {
            put(n.literal);
        }
    } else if (options_.archival) {
        put("<span class=\"raw-html\">");
        text(n.literal);
        put("</span>");
    } else {
        put("<!-- raw HTML omitted -->");
    }
}

void html_writer::link(const node& n) {
    put("<a href=\"");
    url(n.attrs().destination);
    if (!n.attrs().title.empty()) {
        put("\" title=\"");
        append_escaped(buffer_, n.attrs().title, html_context::attribute);
    }
    put("\">");
    inlines(n);
    put("</a>");
}

void html_writer::image(const node& n) {
    put("<img src=\"");
    url(n.attrs().destination);
    put("\" alt=\"");
    alt_text(n);
    if (!n.attrs().title.empty()) {
        put("\" title=\"");
        append_escaped(buffer_, n.attrs().title, html_context::attribute);
    }
    put("\" />");
}

// An image's alt text: the words of its description, markup dropped, as cmark-gfm writes it.
void html_writer::alt_text(const node& n) {
    for (const auto& c : n.children) {
        if (c.kind == node_kind::text || c.kind == node_kind::code || c.kind == node_kind::html_inline)
            append_escaped(buffer_, c.literal, html_context::attribute);
        else if (c.kind == node_kind::soft_break || c.kind == node_kind::line_break)
            put(' ');
        else
            alt_text(c);
    }
}

}  // namespace detail
}  // namespace archmark
