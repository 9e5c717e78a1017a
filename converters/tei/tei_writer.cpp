// TEI P5 writer: builds a pugi::xml_document from the AST and saves it to the sink. pugixml does
// all XML escaping; this file only keeps text inside XML 1.0's character set and URIs free of
// whitespace, which escaping cannot fix.
//
// Validity against tei_all.rng is part of the contract (conventions.md §7). The constraints that
// shape this file:
// - <body> and <div> hold blocks first and <div>s after; no text. Headings open nested <div>s
//   only where sections can nest (the document and its parts); elsewhere they become
//   <ab type="heading">.
// - <body> needs at least one block: an empty document gets <p/>.
// - Footnote definitions are written at their calls as <note>; a definition never called is kept
//   as a <note> where it stands (it is evidence).
#include <archmark/codes.hpp>
#include <archmark/version.hpp>
#include <archmark/write.hpp>

#include <pugixml.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <string_view>

namespace archmark {
namespace {

constexpr std::string_view replacement_character = "\xEF\xBF\xBD";

// Text for XML 1.0: invalid UTF-8 and code points XML cannot carry (C0 controls other than tab,
// LF and CR; U+FFFE, U+FFFF) become U+FFFD. Everything else passes unchanged; pugixml escapes.
std::string xml_text(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') out += replacement_character;
            else out += static_cast<char>(c);
            ++i;
            continue;
        }
        std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
        if (c > 0xF4 || length == 0 || i + length > s.size()) {
            out += replacement_character;
            ++i;
            continue;
        }
        std::uint32_t cp = c & (0x7F >> length);
        bool valid = true;
        for (std::size_t k = 1; k < length; ++k) {
            auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) { valid = false; break; }
            cp = (cp << 6) | (cc & 0x3F);
        }
        valid = valid && !(length == 3 && cp < 0x800) && !(length == 4 && (cp < 0x10000 || cp > 0x10FFFF)) &&
                !(cp >= 0xD800 && cp <= 0xDFFF);
        if (!valid) {
            out += replacement_character;
            ++i;
            continue;
        }
        if (cp == 0xFFFE || cp == 0xFFFF) out += replacement_character;
        else out.append(s.substr(i, length));
        i += length;
    }
    return out;
}

// A URI reference for @target and @url (teidata.pointer, checked as xsd:anyURI) from a Markdown
// destination, which may hold anything. Characters RFC 3986 does not allow where they stand are
// percent-encoded: whitespace and controls, `"<>\\^`{|}`, a `%` not starting an escape, a second
// `#`, `[` `]` outside the authority, and a `:` in a first path segment that is not a scheme.
// Non-ASCII is kept (an IRI).
std::string uri(std::string_view raw) {
    static constexpr std::string_view hex = "0123456789ABCDEF";
    std::string s = xml_text(raw);
    auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    auto is_hex = [&](char c) { return digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); };
    std::size_t scheme_end = 0;  // just after the scheme's `:`, or 0 when there is none
    if (!s.empty() && alpha(s[0])) {
        std::size_t i = 1;
        while (i < s.size() && (alpha(s[i]) || digit(s[i]) || s[i] == '+' || s[i] == '-' || s[i] == '.')) ++i;
        if (i < s.size() && s[i] == ':') scheme_end = i + 1;
    }
    std::size_t authority_end = scheme_end;
    if (s.compare(scheme_end, 2, "//") == 0) {
        authority_end = s.find_first_of("/?#", scheme_end + 2);
        if (authority_end == std::string::npos) authority_end = s.size();
    }
    std::string out;
    bool in_first_segment = scheme_end == 0, in_fragment = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        bool keep;
        if (c >= 0x80) keep = true;
        else if (alpha(static_cast<char>(c)) || digit(static_cast<char>(c))) keep = true;
        else if (c == '%') keep = i + 2 < s.size() && is_hex(s[i + 1]) && is_hex(s[i + 2]);
        else if (c == '#') keep = !in_fragment;
        else if (c == '[' || c == ']') keep = i < authority_end && i >= scheme_end + 2;
        else if (c == ':') keep = i < scheme_end || !in_first_segment;
        else keep = std::string_view("-._~/?@!$&'()*+,;=").find(static_cast<char>(c)) != std::string_view::npos;
        if (c == '#') in_fragment = true;
        if (c == '/' || c == '?' || c == '#') in_first_segment = false;
        if (keep) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 0xF];
        }
    }
    return out;
}

// Spaces collapsed and trimmed, for the title.
std::string collapse_spaces(std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') { space = !out.empty(); continue; }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

// A value for @subtype (teidata.enumerated): printable ASCII without spaces, or empty.
std::string enumerated_word(std::string_view s) {
    std::size_t b = s.find_first_not_of(" \t");
    if (b == std::string_view::npos) return {};
    std::size_t e = s.find_first_of(" \t", b);
    std::string_view word = s.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b);
    bool printable = std::all_of(word.begin(), word.end(),
                                 [](char c) { return c > 0x20 && c < 0x7F; });
    return printable ? std::string(word) : std::string();
}

// The xml:id of an exemption code's <category>: "foia-b1", "eo13526-x25X1".
std::string category_id(const exemption_code& code) {
    return std::string(scheme_name(code.scheme)) + "-" + std::string(code.id);
}

// A part's <div type>: its kind ("draft", "postscript"), else "part".
std::string part_type(const node& part) {
    std::string word = enumerated_word(part.attrs().subtype);
    return word.empty() ? "part" : word;
}

// Whether `when` is an ISO date TEI's @when accepts in the forms the parser writes: YYYY,
// YYYY-MM, YYYY-MM-DD or --MM-DD.
bool iso_date(std::string_view when) {
    auto digits = [&](std::size_t at, std::size_t count) {
        return when.size() >= at + count &&
               std::all_of(when.begin() + static_cast<std::ptrdiff_t>(at),
                           when.begin() + static_cast<std::ptrdiff_t>(at + count),
                           [](char c) { return c >= '0' && c <= '9'; });
    };
    if (when.size() == 7 && when.starts_with("--")) return digits(2, 2) && when[4] == '-' && digits(5, 2);
    if (!digits(0, 4)) return false;
    if (when.size() == 4) return true;
    if (when.size() == 7) return when[4] == '-' && digits(5, 2);
    return when.size() == 10 && when[4] == '-' && digits(5, 2) && when[7] == '-' && digits(8, 2);
}

// Kinds written as TEI "global" elements (<milestone>, <pb>, <note>, <fw>), which may stand
// anywhere between blocks and after <div>s.
bool global_kind(node_kind kind) {
    return kind == node_kind::thematic_break || kind == node_kind::separator ||
           kind == node_kind::page_break || kind == node_kind::note ||
           kind == node_kind::editorial_note || kind == node_kind::source_note ||
           kind == node_kind::classification || kind == node_kind::stamp ||
           kind == node_kind::footnote_definition;
}

// Elements whose content is elements only: whitespace added there for readability is not text.
bool element_only(std::string_view name) {
    static const std::set<std::string_view> names = {
        "TEI", "teiHeader", "fileDesc", "titleStmt", "publicationStmt", "notesStmt", "sourceDesc",
        "encodingDesc", "classDecl", "taxonomy", "category", "text", "body", "div", "list", "table"};
    return names.count(name) != 0;
}

bool has_text(pugi::xml_node element) {
    for (auto c = element.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) return true;
    return false;
}

// Line breaks and indentation between the children of element-only elements; mixed content is
// left exactly as built (whitespace there would be text).
void indent(pugi::xml_node element, int depth) {
    if (element_only(element.name()) && element.first_child() && !has_text(element)) {
        for (auto c = element.first_child(); c; c = c.next_sibling())
            element.insert_child_before(pugi::node_pcdata, c)
                .set_value(("\n" + std::string(static_cast<std::size_t>(depth + 1) * 2, ' ')).c_str());
        element.append_child(pugi::node_pcdata)
            .set_value(("\n" + std::string(static_cast<std::size_t>(depth) * 2, ' ')).c_str());
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

class tei_builder {
public:
    explicit tei_builder(const node& document) : document_(document) { collect(document); }

    // The body's content: the document's blocks, sectioned by headings.
    void body(pugi::xml_node body) {
        sectioned(body, document_.children);
        // A definition called only from inside itself has not been written yet: keep it at the end.
        for (const node* definition : definition_order_)
            if (called_.count(definition) && !note_ids_.count(definition))
                definition_note(body, *definition);
        if (!has_block(body)) body.append_child("p");
    }

    void header(pugi::xml_node tei, const write_options& options) {
        auto header = tei.append_child("teiHeader");
        auto file_desc = header.append_child("fileDesc");
        std::string title = collapse_spaces(options.title);
        for (const auto& [key, value] : document_.attrs().metadata)
            if (title.empty() && key == "title") title = collapse_spaces(value);
        if (title.empty()) title = collapse_spaces(first_heading_text(document_));
        if (title.empty()) title = "Untitled transcription";
        text(file_desc.append_child("titleStmt").append_child("title"), title);
        text(file_desc.append_child("publicationStmt").append_child("p"),
             std::string("Converted from archival Markdown by archmark ") + version + ".");
        // Front matter (conventions.md §6), every key but the title, as written.
        pugi::xml_node notes;
        for (const auto& [key, value] : document_.attrs().metadata) {
            if (key == "title") continue;
            if (!notes) notes = file_desc.append_child("notesStmt");
            auto note = notes.append_child("note");
            note.append_attribute("type") = "metadata";
            attribute(note, "n", key);
            text(note, value);
        }
        text(file_desc.append_child("sourceDesc").append_child("p"),
             "A transcription in archival Markdown.");
        if (codes_.empty()) return;
        auto class_decl = header.append_child("encodingDesc").append_child("classDecl");
        for (auto [scheme, description] :
             {std::pair{redaction_scheme::foia, "FOIA exemptions, 5 U.S.C. § 552(b)"},
              std::pair{redaction_scheme::eo13526, "E.O. 13526 declassification exemptions"}}) {
            pugi::xml_node taxonomy;
            for (const auto& code : exemption_codes()) {
                if (code.scheme != scheme || !codes_.count(code.code)) continue;
                if (!taxonomy) {
                    taxonomy = class_decl.append_child("taxonomy");
                    taxonomy.append_attribute("xml:id") = std::string(scheme_name(scheme)).c_str();
                    text(taxonomy.append_child("desc"), description);
                }
                auto category = taxonomy.append_child("category");
                category.append_attribute("xml:id") = category_id(code).c_str();
                category.append_attribute("n") = std::string(code.code).c_str();
                text(category.append_child("catDesc"),
                     std::string(code.code) + ": " + std::string(code.meaning));
            }
        }
    }

private:
    // Adjacent runs stay separate text nodes (they print as one): joining them would copy a long
    // paragraph once per line.
    static void text(pugi::xml_node parent, std::string_view s) {
        if (!s.empty()) parent.append_child(pugi::node_pcdata).set_value(xml_text(s).c_str());
    }
    static void attribute(pugi::xml_node element, const char* name, std::string_view value) {
        element.append_attribute(name) = xml_text(value).c_str();
    }

    // Whether `parent` holds an element that counts as a block for <body> (not only milestones,
    // notes and other "global" elements).
    static bool has_block(pugi::xml_node parent) {
        for (auto c = parent.first_child(); c; c = c.next_sibling()) {
            std::string_view name = c.name();
            if (c.type() == pugi::node_element && name != "milestone" && name != "note" &&
                name != "fw" && name != "pb" && name != "gap")
                return true;
        }
        return false;
    }

    static std::string first_heading_text(const node& n) {
        for (const auto& c : n.children) {
            if (c.kind == node_kind::heading) return c.plain_text();
            if (c.kind == node_kind::part)
                if (auto t = first_heading_text(c); !t.empty()) return t;
        }
        return {};
    }

    // Codes that occur (for the taxonomy), footnote definitions by label and which are called.
    void collect(const node& document) {
        std::set<std::string> referenced;
        auto visit = [&](auto& self, const node& n) -> void {
            if (n.kind == node_kind::redaction || n.kind == node_kind::stamp)
                for (const auto& code : n.attrs().codes) codes_.insert(code);
            if (n.kind == node_kind::footnote_definition) {
                definitions_.emplace(n.attrs().label, &n);
                definition_order_.push_back(&n);
            }
            if (n.kind == node_kind::footnote_reference) referenced.insert(n.attrs().label);
            for (const auto& c : n.children) self(self, c);
        };
        visit(visit, document);
        for (const auto& [label, definition] : definitions_)
            if (referenced.count(label)) called_.insert(definition);
    }

    // Blocks of the document or a part: a heading of level N opens a <div> that runs to the next
    // heading of level <= N. Blocks after a closed <div> go into a new <div> of their own.
    void sectioned(pugi::xml_node container, const std::vector<node>& blocks) {
        struct section { pugi::xml_node div; int level; };
        std::vector<section> open;
        auto current = [&] { return open.empty() ? container : open.back().div; };
        for (std::size_t i = 0; i < blocks.size(); ++i) {
            const node& b = blocks[i];
            if (b.kind == node_kind::heading) {
                while (!open.empty() && open.back().level >= b.level) open.pop_back();
                auto div = current().append_child("div");
                auto head = div.append_child("head");
                if (iso_date(b.attrs().when)) {
                    // A heading that is a date (a chronology entry).
                    auto date = head.append_child("date");
                    attribute(date, "when", b.attrs().when);
                    children(date, b);
                } else {
                    children(head, b);
                }
                open.push_back({div, b.level});
                continue;
            }
            if (b.kind == node_kind::part) {
                open.clear();
                auto div = container.append_child("div");
                attribute(div, "type", part_type(b));
                sectioned(div, b.children);
                continue;
            }
            auto parent = current();
            if (global_kind(b.kind)) {
                write(parent, b);
                continue;
            }
            if (std::string_view(parent.last_child().name()) == "div") {
                auto div = parent.append_child("div");
                open.push_back({div, 7});  // closed by any heading
                parent = div;
            }
            if (is_inline(b.kind)) {
                // Not from parse(): inlines straight in a section. Wrap the run in one <p>.
                auto p = parent.append_child("p");
                for (; i < blocks.size() && is_inline(blocks[i].kind); ++i) write(p, blocks[i]);
                --i;
                continue;
            }
            write(parent, b);
        }
    }

    void children(pugi::xml_node parent, const node& n) {
        for (const auto& c : n.children) write(parent, c);
    }

    // Children of a note: a single paragraph is written as run-in text.
    void note_body(pugi::xml_node note, const node& n) {
        if (n.children.size() == 1 && n.children[0].kind == node_kind::paragraph)
            children(note, n.children[0]);
        else
            children(note, n);
    }

    pugi::xml_node footnote(pugi::xml_node parent, std::string_view label) {
        auto note = parent.append_child("note");
        note.append_attribute("place") = "foot";
        if (!label.empty()) attribute(note, "n", label);
        note.append_attribute("xml:id") = ("fn" + std::to_string(++notes_)).c_str();
        return note;
    }

    // A footnote definition as a <note>; calls inside it (to itself, too) then point at it.
    void definition_note(pugi::xml_node parent, const node& definition) {
        auto note = footnote(parent, definition.attrs().label);
        note_ids_.emplace(&definition, note.attribute("xml:id").value());
        note_body(note, definition);
    }

    void redaction(pugi::xml_node parent, const node& n) {
        auto gap = parent.append_child("gap");
        gap.append_attribute("reason") = "redacted";
        std::string ana;
        for (const auto& code : n.attrs().codes)
            if (const auto* known = find_exemption_code(code))
                ana += (ana.empty() ? "#" : " #") + category_id(*known);
        if (!ana.empty()) attribute(gap, "ana", ana);
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

    void write(pugi::xml_node parent, const node& n) {
        switch (n.kind) {
        // Blocks
        case node_kind::document: {
            // Not from parse(): a document inside a tree. Its blocks, in place.
            for (const auto& c : n.children) write(parent, c);
            break;
        }
        case node_kind::heading: {
            // Outside the document's own sections (quotes, items, notes): no <div> can open here.
            auto ab = parent.append_child("ab");
            ab.append_attribute("type") = "heading";
            ab.append_attribute("n") = n.level;
            children(ab, n);
            break;
        }
        case node_kind::paragraph: children(parent.append_child("p"), n); break;
        case node_kind::block_quote: children(parent.append_child("quote"), n); break;
        case node_kind::list: {
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
            break;
        }
        case node_kind::item: children(parent.append_child("item"), n); break;  // not from parse()
        case node_kind::code_block: {
            auto ab = parent.append_child("ab");
            ab.append_attribute("type") = "code";
            if (auto language = enumerated_word(n.attrs().info); !language.empty())
                attribute(ab, "subtype", language);
            ab.append_attribute("xml:space") = "preserve";
            text(ab, n.literal);
            break;
        }
        case node_kind::html_block: {
            auto ab = parent.append_child("ab");
            ab.append_attribute("type") = "html";
            ab.append_attribute("xml:space") = "preserve";
            text(ab, n.literal);
            break;
        }
        case node_kind::thematic_break:
        case node_kind::separator:
            parent.append_child("milestone").append_attribute("unit") = "section";
            break;
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
            // Written at its calls. One never called (or a second one for a label) is kept where
            // it stands.
            if (!called_.count(&n)) definition_note(parent, n);
            break;
        case node_kind::dateline:
        case node_kind::salutation:
        case node_kind::closing:
        case node_kind::signature: {
            // The full writer groups these into <opener>/<closer>; here each is its own block.
            auto ab = parent.append_child("ab");
            attribute(ab, "type", kind_name(n.kind));
            children(ab, n);
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
            children(fw, n);
            break;
        }
        case node_kind::stamp: {
            auto fw = parent.append_child("fw");
            fw.append_attribute("type") = "stamp";
            if (auto kind = enumerated_word(n.attrs().subtype); !kind.empty()) attribute(fw, "subtype", kind);
            std::string ana;
            for (const auto& code : n.attrs().codes)
                if (const auto* known = find_exemption_code(code))
                    ana += (ana.empty() ? "#" : " #") + category_id(*known);
            if (!ana.empty()) attribute(fw, "ana", ana);
            children(fw, n);
            break;
        }
        case node_kind::part: {
            auto div = parent.append_child("div");
            attribute(div, "type", part_type(n));
            sectioned(div, n.children);
            break;
        }

        // Inlines
        case node_kind::text:
        case node_kind::html_inline:
            text(parent, n.literal);
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
        case node_kind::footnote_reference: {
            auto definition = definitions_.find(n.attrs().label);
            if (definition == definitions_.end()) {
                // No definition: keep the call as written.
                text(parent, "[^" + n.attrs().label + "]");
                break;
            }
            const node* body = definition->second;
            if (auto written = note_ids_.find(body); written != note_ids_.end()) {
                // Called again (or from inside itself): point at the note already written.
                auto ptr = parent.append_child("ptr");
                ptr.append_attribute("type") = "noteAnchor";
                attribute(ptr, "target", "#" + written->second);
                break;
            }
            definition_note(parent, *body);
            break;
        }
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
        case node_kind::substitution: {
            // <subst> holds two or more <add>/<del> and the spaces between them; anything else is
            // written as its parts.
            auto edit = [](const node& c) {
                return c.kind == node_kind::insertion || c.kind == node_kind::deletion;
            };
            auto space = [](const node& c) {
                return c.kind == node_kind::text &&
                       c.literal.find_first_not_of(" \t\r\n") == std::string::npos;
            };
            bool edits = std::count_if(n.children.begin(), n.children.end(), edit) >= 2 &&
                         std::all_of(n.children.begin(), n.children.end(),
                                     [&](const node& c) { return edit(c) || space(c); });
            children(edits ? parent.append_child("subst") : parent, n);
            break;
        }
        case node_kind::note: note_body(footnote(parent, n.attrs().label), n); break;
        case node_kind::portion_mark: {
            auto seg = parent.append_child("seg");
            seg.append_attribute("type") = "portionMark";
            if (!n.attrs().marking.empty()) text(seg, "(" + n.attrs().marking + ")");
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

    void hi(pugi::xml_node parent, const node& n, const char* rend) {
        auto hi = parent.append_child("hi");
        hi.append_attribute("rend") = rend;
        children(hi, n);
    }

    const node& document_;
    std::set<std::string, std::less<>> codes_;
    std::map<std::string, const node*> definitions_;  // the first definition of each label
    std::vector<const node*> definition_order_;       // every definition, in document order
    std::set<const node*> called_;                    // definitions written at their calls
    std::map<const node*, std::string> note_ids_;     // definitions already written, by xml:id
    int notes_ = 0;
};

}  // namespace

void write_tei(const node& document, const write_options& options, output_sink& sink) {
    tei_builder builder(document);
    pugi::xml_document xml;
    sink_writer writer(sink);
    if (options.fragment) {
        constexpr unsigned flags = pugi::format_raw | pugi::format_no_declaration;
        auto body = xml.append_child("body");
        builder.body(body);
        bool first = true;
        for (auto c = body.first_child(); c; c = c.next_sibling()) {
            if (c.type() == pugi::node_element) indent(c, 0);
            if (!first) sink.write("\n");
            first = false;
            c.print(writer, "", flags, pugi::encoding_utf8);
        }
        sink.write("\n");
        return;
    }
    auto declaration = xml.append_child(pugi::node_declaration);
    declaration.append_attribute("version") = "1.0";
    declaration.append_attribute("encoding") = "UTF-8";
    xml.append_child(pugi::node_pcdata).set_value("\n");
    auto tei = xml.append_child("TEI");
    tei.append_attribute("xmlns") = "http://www.tei-c.org/ns/1.0";
    builder.header(tei, options);
    builder.body(tei.append_child("text").append_child("body"));
    indent(tei, 0);
    xml.append_child(pugi::node_pcdata).set_value("\n");
    xml.save(writer, "", pugi::format_raw, pugi::encoding_utf8);
}

}  // namespace archmark
