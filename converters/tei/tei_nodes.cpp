// One TEI element per node (conventions.md §1-§5 and docs/tei-mapping.md). Blocks met outside
// the document's own divisions (in quotes, items, notes) are written here too; tei_body.cpp
// decides where the document's blocks go.
#include "converters/tei/tei_builder.hpp"
#include "converters/tei/tei_text.hpp"

#include <algorithm>

namespace archmark::tei {

void builder::text(pugi::xml_node parent, std::string_view s) {
    if (s.empty()) return;
    std::string clean = xml_text(s);
    parent.append_child(pugi::node_pcdata).set_value(clean.data(), clean.size());
}

void builder::attribute(pugi::xml_node element, const char* name, std::string_view value) {
    element.append_attribute(name) = xml_text(value).c_str();
}

void builder::unsupported(const node& n, std::string message) {
    diagnostics_.push_back(make_diagnostic(rule::output_unsupported, n.span, std::move(message)));
}

void builder::children(pugi::xml_node parent, const node& n) {
    for (const auto& c : n.children) write(parent, c);
}

void builder::hi(pugi::xml_node parent, const node& n, const char* rend) {
    auto hi = parent.append_child("hi");
    hi.append_attribute("rend") = rend;
    children(hi, n);
}

// A line of a letter's opener or closer: <dateline>, <salute> or <signed>.
void builder::letter_line(pugi::xml_node parent, const node& n) {
    switch (n.kind) {
    case node_kind::dateline: dateline_content(parent.append_child("dateline"), n); break;
    case node_kind::signature: children(parent.append_child("signed"), n); break;
    default: children(parent.append_child("salute"), n); break;
    }
}

// "Moscow, October 27, 1962." -> <placeName>Moscow</placeName>, <date when="1962-10-27">October
// 27, 1962</date>. The parser gives the place and the date as written; the text around them
// stays as it is.
void builder::dateline_content(pugi::xml_node dateline, const node& n) {
    std::string_view place = n.attrs().place_name;
    std::string_view date = n.attrs().written;
    for (const auto& c : n.children) {
        if (c.kind != node_kind::text) {
            write(dateline, c);
            continue;
        }
        std::string_view rest = c.literal;
        if (!place.empty() && rest.starts_with(place)) {
            text(dateline.append_child("placeName"), place);
            rest.remove_prefix(place.size());
        }
        place = {};
        if (auto at = date.empty() ? std::string_view::npos : rest.find(date); at != std::string_view::npos) {
            text(dateline, rest.substr(0, at));
            auto element = dateline.append_child("date");
            if (iso_date(n.attrs().when)) attribute(element, "when", n.attrs().when);
            text(element, date);
            rest.remove_prefix(at + date.size());
            date = {};
        }
        text(dateline, rest);
    }
}

void builder::list(pugi::xml_node parent, const node& n) {
    auto list = parent.append_child("list");
    list.append_attribute("rend") = n.list == list_type::ordered ? "numbered" : "bulleted";
    int number = n.level;
    for (const auto& c : n.children) {
        if (c.kind != node_kind::item) {  // not from parse()
            write(list.append_child("item"), c);
            continue;
        }
        auto item = list.append_child("item");
        if (n.list == list_type::ordered) item.append_attribute("n") = number++;
        if (c.task_checked) item.append_attribute("rend") = *c.task_checked ? "checked" : "unchecked";
        // A tight item's first paragraph is the item's own text.
        bool run_in = n.tight && !c.children.empty() && c.children[0].kind == node_kind::paragraph;
        for (std::size_t i = 0; i < c.children.size(); ++i) {
            if (i == 0 && run_in) children(item, c.children[0]);
            else write(item, c.children[i]);
        }
    }
}

void builder::redaction(pugi::xml_node parent, const node& n) {
    auto gap = parent.append_child("gap");
    gap.append_attribute("reason") = "redacted";
    if (auto ana = pointers(n.attrs().codes); !ana.empty()) attribute(gap, "ana", ana);
    if (n.quantity) {
        attribute(gap, n.at_most ? "atMost" : "quantity", std::to_string(*n.quantity));
        std::string unit = n.attrs().unit.empty() && n.scheme == redaction_scheme::bars ? "char" : n.attrs().unit;
        if (!unit.empty()) attribute(gap, "unit", unit);
    }
    // The words as transcribed; placeholders lose the brackets that <gap> now stands for.
    std::string words = n.plain_text();
    bool bracketed = n.scheme == redaction_scheme::frus || n.scheme == redaction_scheme::generic;
    if (bracketed && words.size() >= 2 && words.front() == '[' && words.back() == ']')
        words = words.substr(1, words.size() - 2);
    if (words.empty())
        for (const auto& code : n.attrs().codes) words += (words.empty() ? "" : " ") + code;
    if (!words.empty()) {
        auto desc = gap.append_child("desc");
        if (!n.attrs().codes.empty() && n.scheme != redaction_scheme::generic)
            desc.append_attribute("type") = "exemption";
        text(desc, words);
    }
    if (!n.attrs().statute.empty()) {
        auto desc = gap.append_child("desc");
        desc.append_attribute("type") = "statute";
        text(desc, n.attrs().statute);
    }
}

// <subst> holds two or more <add>/<del> and the spaces between them; anything else is written
// as its parts.
void builder::substitution(pugi::xml_node parent, const node& n) {
    auto edit = [](const node& c) { return c.kind == node_kind::insertion || c.kind == node_kind::deletion; };
    auto space = [](const node& c) {
        return c.kind == node_kind::text && c.literal.find_first_not_of(" \t\r\n") == std::string::npos;
    };
    bool edits = std::count_if(n.children.begin(), n.children.end(), edit) >= 2 &&
                 std::all_of(n.children.begin(), n.children.end(), [&](const node& c) { return edit(c) || space(c); });
    children(edits ? parent.append_child("subst") : parent, n);
}

void builder::footnote_reference(pugi::xml_node parent, const node& n) {
    auto definition = definitions_.find(n.attrs().label);
    if (definition == definitions_.end()) {
        // Not from parse() (cmark-gfm makes no call without a definition): keep it as written.
        text(parent, "[^" + n.attrs().label + "]");
        return;
    }
    const node* body = definition->second;
    if (auto written = note_ids_.find(body); written != note_ids_.end()) {
        // Called again (or from inside itself): point at the note already written.
        auto ptr = parent.append_child("ptr");
        ptr.append_attribute("type") = "noteAnchor";
        attribute(ptr, "target", "#" + written->second);
        return;
    }
    definition_note(parent, *body);
}

// Children of a note: a single paragraph is written as run-in text.
void builder::note_body(pugi::xml_node note, const node& n) {
    if (n.children.size() == 1 && n.children[0].kind == node_kind::paragraph) children(note, n.children[0]);
    else children(note, n);
}

// A footnote at its call: <note place="foot" n="1" xml:id="d1fn1"> (conventions.md §3).
pugi::xml_node builder::footnote(pugi::xml_node parent, std::string_view label) {
    auto note = parent.append_child("note");
    note.append_attribute("place") = "foot";
    if (!label.empty()) attribute(note, "n", label);
    note.append_attribute("xml:id") = ("d1fn" + std::to_string(++notes_)).c_str();
    return note;
}

// A footnote definition as a <note>; calls inside it (to itself, too) then point at it.
void builder::definition_note(pugi::xml_node parent, const node& definition) {
    auto note = footnote(parent, definition.attrs().label);
    note_ids_.emplace(&definition, note.attribute("xml:id").value());
    note_body(note, definition);
}

void builder::write(pugi::xml_node parent, const node& n) {
    switch (n.kind) {
    // Blocks
    case node_kind::document:
        // Not from parse(): a document inside a tree. Its blocks, in place.
        children(parent, n);
        break;
    case node_kind::heading: {
        // Outside the document's own divisions (quotes, items, notes): no <div> can open here.
        auto ab = parent.append_child("ab");
        ab.append_attribute("type") = "heading";
        ab.append_attribute("n") = n.level;
        children(ab, n);
        break;
    }
    case node_kind::paragraph: children(parent.append_child("p"), n); break;
    case node_kind::block_quote: children(parent.append_child("quote"), n); break;
    case node_kind::list: list(parent, n); break;
    case node_kind::item: children(parent.append_child("item"), n); break;  // not from parse()
    case node_kind::code_block: {
        auto ab = parent.append_child("ab");
        ab.append_attribute("type") = "code";
        if (auto language = enumerated_word(n.attrs().info); !language.empty()) attribute(ab, "subtype", language);
        if (n.attrs().info.find_first_of(" \t") != std::string::npos &&
            n.attrs().info.find_first_not_of(" \t") != std::string::npos)
            unsupported(n, "the code block's info string after its first word has no TEI form");
        ab.append_attribute("xml:space") = "preserve";
        text(ab, n.literal);
        break;
    }
    case node_kind::html_block: {
        auto ab = parent.append_child("ab");
        ab.append_attribute("type") = "html";
        ab.append_attribute("xml:space") = "preserve";
        text(ab, n.literal);
        unsupported(n, "raw HTML is kept as text in TEI");
        break;
    }
    case node_kind::thematic_break:
    case node_kind::separator: parent.append_child("milestone").append_attribute("unit") = "section"; break;
    case node_kind::table: {
        auto table = parent.append_child("table");
        for (const auto& row : n.children) {
            if (row.kind == node_kind::table_row) write(table, row);
            else write(table.append_child("row").append_child("cell"), row);  // not from parse()
        }
        break;
    }
    case node_kind::table_row: {
        auto row = parent.append_child("row");
        if (n.level == 1) row.append_attribute("role") = "label";
        for (const auto& cell : n.children) {
            if (cell.kind == node_kind::table_cell) write(row, cell);
            else write(row.append_child("cell"), cell);  // not from parse()
        }
        if (n.children.empty()) row.append_child("cell");
        break;
    }
    case node_kind::table_cell: {
        auto cell = parent.append_child("cell");
        if (n.align != table_alignment::none) attribute(cell, "rend", alignment_name(n.align));
        children(cell, n);
        break;
    }
    case node_kind::footnote_definition:
        // Written at its calls. One never called (or a second one for a label) is kept where it
        // stands: it is evidence.
        if (!called_.count(&n)) definition_note(parent, n);
        break;
    case node_kind::dateline:
    case node_kind::salutation:
    case node_kind::closing:
    case node_kind::signature: {
        // Inside a quote, an item or a note, where no <opener> or <closer> may stand.
        auto ab = parent.append_child("ab");
        attribute(ab, "type", kind_name(n.kind));
        if (n.kind == node_kind::dateline) dateline_content(ab, n);
        else children(ab, n);
        break;
    }
    case node_kind::source_note: {
        auto note = parent.append_child("note");
        note.append_attribute("type") = "source";
        children(note, n);
        break;
    }
    case node_kind::classification: {
        auto fw = parent.append_child("fw");
        fw.append_attribute("type") = "classification";
        fw.append_attribute("place") = "top";
        if (auto id = marking_id(n.attrs().marking); !id.empty()) attribute(fw, "ana", "#" + id);
        children(fw, n);
        break;
    }
    case node_kind::stamp: {
        auto fw = parent.append_child("fw");
        fw.append_attribute("type") = "stamp";
        if (auto kind = enumerated_word(n.attrs().subtype); !kind.empty()) attribute(fw, "subtype", kind);
        if (auto ana = pointers(n.attrs().codes); !ana.empty()) attribute(fw, "ana", ana);
        children(fw, n);
        break;
    }
    case node_kind::part: {
        // Not from parse(), which puts parts only at the top: a <div> where it stands.
        auto div = parent.append_child("div");
        std::string type = enumerated_word(n.attrs().subtype);
        attribute(div, "type", type.empty() ? "part" : type);
        sectioned(div, n.children, nullptr);
        break;
    }

    // Inlines
    case node_kind::text: text(parent, n.literal); break;
    case node_kind::html_inline:
        text(parent, n.literal);
        unsupported(n, "raw HTML is kept as text in TEI");
        break;
    case node_kind::soft_break: text(parent, " "); break;
    case node_kind::line_break: parent.append_child("lb"); break;
    case node_kind::emphasis: hi(parent, n, "italic"); break;
    case node_kind::strong: hi(parent, n, "strong"); break;
    case node_kind::strikethrough: hi(parent, n, "strikethrough"); break;
    case node_kind::superscript: hi(parent, n, "superscript"); break;
    case node_kind::subscript: hi(parent, n, "subscript"); break;
    case node_kind::code: text(parent.append_child("code"), n.literal); break;
    case node_kind::link: {
        auto ref = parent.append_child("ref");
        if (!n.attrs().destination.empty()) attribute(ref, "target", uri(n.attrs().destination));
        if (!n.attrs().title.empty()) unsupported(n, "a link title has no TEI form; the link is written without it");
        children(ref, n);
        break;
    }
    case node_kind::image: {
        auto figure = parent.append_child("figure");
        if (!n.attrs().destination.empty()) {
            auto graphic = figure.append_child("graphic");
            attribute(graphic, "url", uri(n.attrs().destination));
            if (!n.attrs().title.empty()) text(graphic.append_child("desc"), n.attrs().title);
        }
        if (auto alt = n.plain_text(); !alt.empty()) text(figure.append_child("figDesc"), alt);
        break;
    }
    case node_kind::footnote_reference: footnote_reference(parent, n); break;
    case node_kind::redaction: redaction(parent, n); break;
    case node_kind::deletion: {
        auto del = parent.append_child("del");
        del.append_attribute("rend") = "strikethrough";
        children(del, n);
        break;
    }
    case node_kind::insertion: {
        auto add = parent.append_child("add");
        attribute(add, "place", n.attrs().place == "inline" ? "inline" : "above");
        children(add, n);
        break;
    }
    case node_kind::substitution: substitution(parent, n); break;
    case node_kind::note: note_body(footnote(parent, n.attrs().label), n); break;
    case node_kind::portion_mark: {
        auto seg = parent.append_child("seg");
        seg.append_attribute("type") = "portionMark";
        if (auto id = marking_id(n.attrs().marking); !id.empty()) attribute(seg, "ana", "#" + id);
        if (n.children.empty() && !n.attrs().marking.empty()) text(seg, "(" + n.attrs().marking + ")");
        children(seg, n);
        break;
    }
    case node_kind::page_break: {
        auto pb = parent.append_child("pb");
        if (!n.attrs().label.empty()) attribute(pb, "n", n.attrs().label);
        break;
    }
    case node_kind::gap: {
        auto gap = parent.append_child("gap");
        std::string reason = enumerated_word(n.attrs().subtype);
        attribute(gap, "reason", reason.empty() ? "illegible" : reason);
        if (n.quantity) attribute(gap, n.at_most ? "atMost" : "quantity", std::to_string(*n.quantity));
        if (n.quantity && !n.attrs().unit.empty()) attribute(gap, "unit", n.attrs().unit);
        if (auto words = n.plain_text(); !words.empty()) text(gap.append_child("desc"), words);
        break;
    }
    case node_kind::unclear: {
        auto unclear = parent.append_child("unclear");
        unclear.append_attribute("cert") = "low";
        children(unclear, n);
        break;
    }
    case node_kind::sic: children(parent.append_child("sic"), n); break;
    case node_kind::supplied: {
        auto supplied = parent.append_child("supplied");
        supplied.append_attribute("reason") = "omitted-in-original";
        children(supplied, n);
        break;
    }
    case node_kind::editorial_note: {
        auto note = parent.append_child("note");
        note.append_attribute("type") = "editorial";
        children(note, n);
        break;
    }
    }
}

}  // namespace archmark::tei
