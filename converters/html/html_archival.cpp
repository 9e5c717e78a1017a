// HTML for the archival kinds (conventions.md §1–§5). With `archival` off they degrade to their
// text and plain elements (del, ins, sup, sub, p, hr), so no words are lost either way.
#include "converters/html/html_escape.hpp"
#include "converters/html/html_writer.hpp"

#include <archmark/codes.hpp>

#include <algorithm>

namespace archmark::detail {
namespace {

// "line" → "3 lines"; "char" reads "character".
std::string counted(int quantity, std::string_view unit) {
    std::string word = unit == "char" ? "character" : std::string(unit);
    return std::to_string(quantity) + " " + word + (quantity == 1 ? "" : "s");
}

// A FRUS placeholder's wording, as printed: "1 line not declassified", "less than 1 line …".
std::string placeholder_wording(const node& n) {
    std::string unit = n.attrs().unit.empty() ? "text" : n.attrs().unit;
    if (!n.quantity) return unit + " not declassified";
    return (n.at_most ? "less than " : "") + counted(*n.quantity, unit) + " not declassified";
}

// One code with its meaning: "FOIA (b)(1) — classified national security information".
std::string describe_code(std::string_view code, std::string_view statute) {
    const exemption_code* entry = find_exemption_code(code);
    if (!entry) return std::string(code);
    std::string out = entry->scheme == redaction_scheme::foia ? "FOIA " : "E.O. 13526 ";
    out += code;
    out += " — ";
    out += entry->meaning;
    if (code == "(b)(3)" && !statute.empty()) {
        out += " (";
        out += statute;
        out += ')';
    }
    return out;
}

// The title and accessible name of a redaction: what was withheld and why.
std::string redaction_description(const node& n) {
    std::string out = "Withheld";
    switch (n.scheme) {
    case redaction_scheme::foia:
    case redaction_scheme::eo13526:
    case redaction_scheme::generic:
        if (n.attrs().codes.empty()) {
            if (n.scheme == redaction_scheme::foia) out += ": FOIA exemption";
            if (n.scheme == redaction_scheme::eo13526) out += ": E.O. 13526 exemption";
        }
        for (std::size_t i = 0; i < n.attrs().codes.size(); ++i) {
            out += i == 0 ? ": " : "; ";
            out += describe_code(n.attrs().codes[i], n.attrs().statute);
        }
        break;
    case redaction_scheme::frus: out += ": " + placeholder_wording(n); break;
    case redaction_scheme::bars:
        out += n.quantity ? ": " + counted(*n.quantity, "char") + " blacked out" : ": blacked out";
        break;
    }
    return out;
}

// The codes as NCName ids for data-codes ("b1 b7C 25X1"); codes outside the table are left out.
std::string code_ids(const node& n) {
    std::string out;
    for (const auto& code : n.attrs().codes) {
        const exemption_code* entry = find_exemption_code(code);
        if (!entry) continue;
        std::string_view id = entry->id;
        // E.O. ids carry an `x` only to be NCNames; HTML data values need no such prefix.
        if (entry->scheme == redaction_scheme::eo13526 && id.starts_with('x')) id.remove_prefix(1);
        if (!out.empty()) out += ' ';
        out += id;
    }
    return out;
}

// A date HTML's <time datetime> accepts as written: YYYY, YYYY-MM or YYYY-MM-DD.
bool is_iso_date(std::string_view s) {
    auto digits = [&](std::size_t from, std::size_t count) {
        for (std::size_t i = from; i < from + count; ++i)
            if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
        return true;
    };
    if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
    if (!digits(0, 4)) return false;
    if (s.size() >= 7 && (s[4] != '-' || !digits(5, 2))) return false;
    if (s.size() == 10 && (s[7] != '-' || !digits(8, 2))) return false;
    return true;
}

}  // namespace

void html_writer::redaction(const node& n) {
    if (!options_.archival) {
        inlines(n);
        return;
    }
    std::string description = redaction_description(n);
    put("<span class=\"redaction\"");
    attribute("data-scheme", scheme_name(n.scheme));
    if (std::string ids = code_ids(n); !ids.empty()) attribute("data-codes", ids);
    if (!n.attrs().statute.empty()) attribute("data-statute", n.attrs().statute);
    if (n.quantity) attribute("data-quantity", std::to_string(*n.quantity));
    if (!n.attrs().unit.empty()) attribute("data-unit", n.attrs().unit);
    if (n.at_most) attribute("data-at-most", "true");
    attribute("title", description);
    attribute("aria-label", description);
    put('>');
    bool frus = n.scheme == redaction_scheme::frus;
    if (frus) put("<i>");  // FRUS prints its placeholders in brackets and italics
    if (!n.children.empty()) {
        inlines(n);
    } else if (frus) {
        text("[" + placeholder_wording(n) + "]");
    } else if (n.scheme == redaction_scheme::bars) {
        // Drawn at its length, within reason: the quantity is data, not a size to trust.
        for (int i = 0, bars = std::clamp(n.quantity.value_or(3), 1, 80); i < bars; ++i) put("█");
    } else {
        // A tree built without the source text: show the codes, or the generic word.
        std::string shown;
        for (const auto& code : n.attrs().codes) shown += code;
        text(shown.empty() ? std::string("[redacted]") : shown);
    }
    if (frus) put("</i>");
    put("</span>");
}

void html_writer::wrap_inlines(const node& n, std::string_view tag, std::string_view css_class) {
    if (!options_.archival && tag == "span") {
        inlines(n);
        return;
    }
    put('<');
    put(tag);
    if (options_.archival && !css_class.empty()) attribute("class", css_class);
    put('>');
    inlines(n);
    put("</");
    put(tag);
    put('>');
}

void html_writer::inline_block(const node& n, std::string_view tag, std::string_view css_class,
                               html_attributes extra) {
    cr();
    if (!options_.archival) tag = "p";
    put('<');
    put(tag);
    if (options_.archival) {
        attribute("class", css_class);
        for (const auto& [name, value] : extra)
            if (!value.empty()) attribute(name, value);
    }
    put('>');
    dated_inlines(n);
    put("</");
    put(tag);
    put(">\n");
}

// Inline content, inside <time datetime> when the node carries an ISO date (datelines, dated
// headings). `when` may be yearless ("--10-27"), which HTML accepts.
void html_writer::dated_inlines(const node& n) {
    if (!options_.archival || n.attrs().when.empty()) {
        inlines(n);
        return;
    }
    put("<time");
    attribute("datetime", n.attrs().when);
    put('>');
    inlines(n);
    put("</time>");
}

void html_writer::stamp(const node& n) {
    std::string ids = code_ids(n);
    inline_block(n, "p", "stamp", {{"data-type", n.attrs().subtype}, {"data-codes", ids}});
}

// Front matter (conventions.md §6) opens the content: the title as <h1>, the other keys as a
// description list, in the order written. A title given in the options heads it too; a title
// taken from the first heading does not (the heading shows it already).
void html_writer::front_matter(const node& document) {
    const auto& metadata = document.attrs().metadata;
    if (metadata.empty() && options_.title.empty()) return;
    put("<header class=\"front-matter\">\n");
    std::string_view title = options_.title;
    for (const auto& [key, value] : metadata)
        if (key == "title" && title.empty()) title = value;
    if (!title.empty()) {
        put("<h1>");
        text(title);
        put("</h1>\n");
    }
    bool listed = false;
    for (const auto& [key, value] : metadata) {
        if (key == "title") continue;
        if (!listed) put("<dl>\n");
        listed = true;
        put("<dt>");
        text(key);
        put("</dt>\n<dd>");
        if (is_iso_date(value)) {
            put("<time");
            attribute("datetime", value);
            put('>');
            text(value);
            put("</time>");
        } else {
            text(value);
        }
        put("</dd>\n");
    }
    if (listed) put("</dl>\n");
    put("</header>\n");
}

// Datelines and salutations in a row open a letter: <header class="opener">.
std::size_t html_writer::opener(const node& parent, std::size_t i) {
    const auto& children = parent.children;
    cr();
    put("<header class=\"opener\">\n");
    while (i < children.size() &&
           (children[i].kind == node_kind::dateline || children[i].kind == node_kind::salutation))
        render(children[i++]);
    cr();
    put("</header>\n");
    return i;
}

// A closing salutation and the signature lines after it close a letter: <footer class="closer">.
std::size_t html_writer::closer(const node& parent, std::size_t i) {
    const auto& children = parent.children;
    cr();
    put("<footer class=\"closer\">\n");
    render(children[i++]);
    while (i < children.size() &&
           (children[i].kind == node_kind::closing || children[i].kind == node_kind::signature))
        render(children[i++]);
    cr();
    put("</footer>\n");
    return i;
}

// A portion mark carries its marking, normalized ("S//NF"); it is shown in its parentheses.
void html_writer::portion_mark(const node& n) {
    std::string shown = "(" + n.attrs().marking + ")";
    if (!options_.archival) {
        text(shown);
        return;
    }
    put("<span class=\"portion-mark\"");
    attribute("data-marking", n.attrs().marking);
    put('>');
    text(shown);
    put("</span>");
}

void html_writer::page_break(const node& n) {
    std::string shown = "[Page " + n.attrs().label + "]";
    if (!options_.archival) {
        text(shown);
        return;
    }
    put("<span class=\"page-break\"");
    attribute("data-n", n.attrs().label);
    put('>');
    text(shown);
    put("</span>");
}

// Untranscribed text: "[illegible]", "[3 words illegible]"; the reason defaults to illegible.
void html_writer::gap(const node& n) {
    std::string reason = n.attrs().subtype.empty() ? "illegible" : n.attrs().subtype;
    std::string shown = "[";
    if (n.quantity) shown += counted(*n.quantity, n.attrs().unit.empty() ? "word" : n.attrs().unit) + " ";
    shown += reason + "]";
    if (!options_.archival) {
        text(shown);
        return;
    }
    put("<span class=\"gap\"");
    attribute("data-reason", reason);
    if (n.quantity) attribute("data-quantity", std::to_string(*n.quantity));
    if (!n.attrs().unit.empty()) attribute("data-unit", n.attrs().unit);
    put('>');
    text(shown);
    put("</span>");
}

// A note call: numbered in order of first call; the printed mark is the note's label (`*`
// included). The parser gives a note's body to its first call only, so a later call with no body
// and the label of an earlier call (in the same style) calls that note again: it links to the
// same body, under an id of its own (`fnref-1-2`), and the body links back to every call.
void html_writer::note_call(const node& n) {
    std::size_t index;
    int occurrence = 1;
    std::string key = n.attrs().subtype + '\0' + n.attrs().label;
    auto earlier = n.children.empty() && !n.attrs().label.empty() ? note_by_label_.find(key) : note_by_label_.end();
    if (earlier != note_by_label_.end()) {
        index = earlier->second;
        occurrence = ++notes_[index].calls;
    } else {
        index = notes_.size();
        notes_.push_back({&n, 1});
        if (!n.attrs().label.empty()) note_by_label_.emplace(std::move(key), index);  // the first one stays
    }
    std::string number = std::to_string(index + 1);
    put(options_.archival ? "<sup class=\"note-call\">" : "<sup>");
    put("<a href=\"#fn-");
    put(number);
    put("\" id=\"fnref-");
    put(number);
    if (occurrence > 1) {
        put('-');
        put(std::to_string(occurrence));
    }
    put("\">");
    text(n.attrs().label.empty() ? number : n.attrs().label);
    put("</a></sup>");
}

// A note that no call took (the parser leaves it at the end of the document): listed with the
// others, with no back-link.
void html_writer::uncalled_note(const node& n) { notes_.push_back({&n, 0}); }

// The bodies of the notes, in order of first call, each with a link back to each of its calls
// (the second and later ones marked with their count, as GFM does). A body may call further
// notes; they are appended and written in turn.
void html_writer::notes() {
    if (notes_.empty()) return;
    cr();
    put("<section class=\"notes\" aria-label=\"Notes\">\n<ol>\n");
    for (std::size_t i = 0; i < notes_.size(); ++i) {
        const node& n = *notes_[i].call;
        std::string number = std::to_string(i + 1);
        put("<li id=\"fn-");
        put(number);
        put('"');
        if (!n.attrs().label.empty() && n.attrs().label != number) attribute("data-mark", n.attrs().label);
        put('>');
        backrefs_.clear();
        for (int k = 1; k <= notes_[i].calls; ++k) {
            backrefs_ += k == 1 ? "<a href=\"#fnref-" : " <a href=\"#fnref-";
            backrefs_ += number;
            if (k > 1) backrefs_ += '-' + std::to_string(k);
            backrefs_ += "\" class=\"note-backref\" aria-label=\"Back to text";
            if (k > 1) backrefs_ += " (call " + std::to_string(k) + ")";
            backrefs_ += "\">↩";
            if (k > 1) backrefs_ += "<sup>" + std::to_string(k) + "</sup>";
            backrefs_ += "</a>";
        }
        bool run_in = n.children.empty() || is_inline(n.children.front().kind);
        if (run_in) {
            put("<p>");
            inlines(n);
            if (!n.children.empty() && !backrefs_.empty()) put(' ');
            put(backrefs_);
            put("</p>");
        } else {
            put('\n');
            blocks_with_backrefs(n);
        }
        put("</li>\n");
        flush_if_full();
    }
    put("</ol>\n</section>\n");
}

}  // namespace archmark::detail
