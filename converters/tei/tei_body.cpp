// Divisions and letter structure (conventions.md §4). The TEI content model shapes everything
// here (tei_all.rng, model.divTop / model.divBottom):
// - a <div> holds its <head> and <opener> first, then text, then <closer> and <postscript>;
//   only "global" elements (<milestone>, <pb>, <note>, <fw>) may follow a closer;
// - once a <div> holds a <div>, only <div>s and global elements may follow.
// So a heading of level N opens a <div> that runs to the next heading of level <= N; an opener
// that comes after text starts a new <div type="letter">; a closer always ends a
// <div type="letter"> (the text before it moves into one where needed), so that whatever comes
// next can still open a division; text after a closer is a <postscript>.
#include "converters/tei/tei_builder.hpp"
#include "converters/tei/tei_text.hpp"

namespace archmark::tei {
namespace {

constexpr int container_rank = 0;  // <body> and parts: never closed by a heading
constexpr int untitled_rank = 15;  // a <div> without a head: closed by any heading

bool opener_kind(node_kind kind) { return kind == node_kind::dateline || kind == node_kind::salutation; }
bool closer_kind(node_kind kind) { return kind == node_kind::closing || kind == node_kind::signature; }

// Kinds written as TEI "global" elements, which may stand anywhere between blocks and after
// <div>s and closers.
bool global_kind(node_kind kind) {
    return kind == node_kind::thematic_break || kind == node_kind::separator ||
           kind == node_kind::page_break || kind == node_kind::note ||
           kind == node_kind::editorial_note || kind == node_kind::classification ||
           kind == node_kind::stamp || kind == node_kind::footnote_definition;
}

bool named(pugi::xml_node n, std::string_view name) {
    return n.type() == pugi::node_element && name == n.name();
}

// The last child element of `parent` if it is called `name`, else a new one.
pugi::xml_node last_or_new(pugi::xml_node parent, const char* name) {
    auto last = parent.last_child();
    return named(last, name) ? last : parent.append_child(name);
}

pugi::xml_node new_letter(pugi::xml_node parent) {
    auto div = parent.append_child("div");
    div.append_attribute("type") = "letter";
    return div;
}

// Elements TEI counts as "global": they may stand anywhere between blocks.
bool global_element(pugi::xml_node c) {
    std::string_view name = c.name();
    return name == "milestone" || name == "note" || name == "fw" || name == "pb" || name == "gap";
}

// Whether `div` holds text (model.common): anything but its head, opener and global elements.
bool has_text(pugi::xml_node div) {
    for (auto c = div.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element && !global_element(c) && !named(c, "head") && !named(c, "opener"))
            return true;
    return false;
}

// Whether the last element of `parent` other than global ones is a <div>: then only <div>s may
// follow.
bool after_division(pugi::xml_node parent) {
    for (auto c = parent.last_child(); c; c = c.previous_sibling())
        if (c.type() == pugi::node_element && !global_element(c)) return named(c, "div");
    return false;
}

}  // namespace

void builder::body(pugi::xml_node body, const element_sink& flush) {
    sectioned(body, document_.children, &flush);
    // A definition called only from inside itself has not been written yet: keep it at the end.
    for (const node* definition : definition_order_)
        if (called_.count(definition) && !note_ids_.count(definition)) definition_note(body, *definition);
    // <body> needs a block or a division; global elements and an opener do not count.
    // (Flushed elements preceded a <div>, which is still here.)
    bool has_block = false;
    for (auto c = body.first_child(); c && !has_block; c = c.next_sibling())
        has_block = c.type() == pugi::node_element && !global_element(c) && !named(c, "opener");
    if (!has_block) body.append_child("p");
}

// Elements of <body> before its last <div> can no longer change: a later block only ever goes
// into that <div> or after it. After a <div> only <div>s and global elements follow, so the last
// <div> is found by stepping back over global elements alone (a long body without divisions is
// not scanned again for every block).
void builder::flush_finished(pugi::xml_node body, const element_sink& flush) {
    pugi::xml_node last_div = body.last_child();
    while (last_div && global_element(last_div)) last_div = last_div.previous_sibling();
    if (!last_div || !named(last_div, "div")) return;
    while (body.first_child() != last_div) {
        auto c = body.first_child();
        flush(c);
        body.remove_child(c);
    }
}

void builder::sectioned(pugi::xml_node container, const std::vector<node>& blocks, const element_sink* flush) {
    std::vector<scope> open{{container, container_rank, phase::top, false}};
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const node& b = blocks[i];
        if (b.kind == node_kind::heading) {
            heading(open, b);
        } else if (b.kind == node_kind::part) {
            open.resize(1);
            auto div = container.append_child("div");
            std::string type = enumerated_word(b.attrs().subtype);
            attribute(div, "type", type.empty() ? "part" : type);
            sectioned(div, b.children, nullptr);
            open[0].at = phase::middle;
        } else if (opener_kind(b.kind)) {
            opener_part(open, b);
        } else if (closer_kind(b.kind)) {
            closer_part(open, b);
        } else if (b.kind == node_kind::source_note) {
            source_note(open, b);
        } else if (global_kind(b.kind)) {
            write(open.back().element, b);
        } else if (is_inline(b.kind)) {
            // Not from parse(): inlines straight in a section. The run becomes one paragraph.
            node run;
            run.kind = node_kind::paragraph;
            for (; i < blocks.size() && is_inline(blocks[i].kind); ++i) run.children.push_back(blocks[i]);
            --i;
            text_block(open, run);
        } else {
            text_block(open, b);
        }
        if (flush) flush_finished(container, *flush);
    }
}

void builder::heading(std::vector<scope>& open, const node& b) {
    int rank = 2 * b.level;
    while (open.size() > 1 && (open.back().rank >= rank || open.back().at == phase::bottom)) open.pop_back();
    auto parent = open.back().element;
    open.back().at = phase::middle;
    auto div = parent.append_child("div");
    auto head = div.append_child("head");
    if (iso_date(b.attrs().when)) {
        // A heading that is a date (a chronology entry).
        auto date = head.append_child("date");
        attribute(date, "when", b.attrs().when);
        children(date, b);
    } else {
        children(head, b);
    }
    open.push_back({div, rank, phase::top, false});
}

// A dateline or salutation: part of the opener while nothing but a head precedes it; after text
// or a closer it opens the next letter.
void builder::opener_part(std::vector<scope>& open, const node& b) {
    if (open.back().at != phase::top) {
        if (open.back().letter) open.pop_back();
        open.back().at = phase::middle;
        open.push_back({new_letter(open.back().element), untitled_rank, phase::top, true});
    }
    letter_line(last_or_new(open.back().element, "opener"), b);
}

// A closing salutation or signature: part of the closer that ends the current letter. Where no
// letter is open, the text since the last head or division moves into one.
void builder::closer_part(std::vector<scope>& open, const node& b) {
    if (!open.back().letter) {
        auto parent = open.back().element;
        pugi::xml_node first = parent.last_child();
        while (first && !named(first, "head") && !named(first, "div")) first = first.previous_sibling();
        first = first ? first.next_sibling() : parent.first_child();
        auto letter = new_letter(parent);
        while (first && first != letter) {
            auto next = first.next_sibling();
            letter.append_move(first);
            first = next;
        }
        open.back().at = phase::middle;
        open.push_back({letter, untitled_rank, phase::middle, true});
    }
    // TEI wants text before a closer: with none yet, the line joins the letter's opener, which
    // may hold signatures and salutations too.
    if (!has_text(open.back().element)) {
        letter_line(last_or_new(open.back().element, "opener"), b);
        return;
    }
    open.back().at = phase::bottom;
    letter_line(last_or_new(open.back().element, "closer"), b);
}

// A source note goes into the nearest open division's <head>, as FRUS does; without one it stays
// where it stands.
void builder::source_note(std::vector<scope>& open, const node& b) {
    pugi::xml_node parent = open.back().element;
    for (auto s = open.rbegin(); s != open.rend(); ++s)
        if (auto head = s->element.child("head")) { parent = head; break; }
    auto note = parent.append_child("note");
    note.append_attribute("type") = "source";
    children(note, b);
}

// Paragraphs, lists, tables, quotes, code: the text of the current division. After a closer they
// form a postscript; after a <div> they need a <div> of their own.
void builder::text_block(std::vector<scope>& open, const node& b) {
    if (open.back().at == phase::bottom) {
        write(last_or_new(open.back().element, "postscript"), b);
        return;
    }
    if (after_division(open.back().element)) {
        open.back().at = phase::middle;
        open.push_back({open.back().element.append_child("div"), untitled_rank, phase::middle, false});
    }
    open.back().at = phase::middle;
    write(open.back().element, b);
}

}  // namespace archmark::tei
