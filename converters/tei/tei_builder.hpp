// The TEI builder: turns the AST into pugixml elements. Shared by the files of converters/tei:
// tei_header.cpp (the teiHeader), tei_body.cpp (divisions, letters, openers and closers) and
// tei_nodes.cpp (one element per node). tei_writer.cpp prints what it builds.
#pragma once

#include <archmark/diagnostic.hpp>
#include <archmark/document.hpp>
#include <archmark/write.hpp>

#include <pugixml.hpp>

#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace archmark::tei {

// Receives each top-level element of <body> once nothing can change it any more.
using element_sink = std::function<void(pugi::xml_node)>;

class builder {
public:
    builder(const node& document, std::vector<diagnostic>& diagnostics);

    // The <teiHeader>, appended to `tei`; `xml:lang` for <TEI>, or empty.
    void header(pugi::xml_node tei, const write_options& options) const;
    std::string language() const;
    // The body's content. Finished top-level elements are passed to `flush` in order and removed
    // from `body`; the caller flushes what is left after this returns.
    void body(pugi::xml_node body, const element_sink& flush);

private:
    // ---- divisions and letter structure (tei_body.cpp) ----
    enum class phase { top, middle, bottom };  // before any text; in the text; after a closer
    struct scope {
        pugi::xml_node element;  // <body> or a <div>
        int rank;                // a heading of level N closes scopes of rank >= 2N
        phase at;
        bool letter;             // a <div type="letter"> opened for an opener or a closer
    };
    void sectioned(pugi::xml_node container, const std::vector<node>& blocks, const element_sink* flush);
    void heading(std::vector<scope>& open, const node& b);
    void opener_part(std::vector<scope>& open, const node& b);
    void closer_part(std::vector<scope>& open, const node& b);
    void source_note(std::vector<scope>& open, const node& b);
    void text_block(std::vector<scope>& open, const node& b);
    static void flush_finished(pugi::xml_node body, const element_sink& flush);

    // ---- nodes (tei_nodes.cpp) ----
    void write(pugi::xml_node parent, const node& n);
    void children(pugi::xml_node parent, const node& n);
    void list(pugi::xml_node parent, const node& n);
    void letter_line(pugi::xml_node parent, const node& n);  // dateline, salute, signed
    void dateline_content(pugi::xml_node dateline, const node& n);
    void redaction(pugi::xml_node parent, const node& n);
    void substitution(pugi::xml_node parent, const node& n);
    void footnote_reference(pugi::xml_node parent, const node& n);
    void note_body(pugi::xml_node note, const node& n);
    pugi::xml_node footnote(pugi::xml_node parent, std::string_view label);
    void definition_note(pugi::xml_node parent, const node& definition);
    void hi(pugi::xml_node parent, const node& n, const char* rend);
    void unsupported(const node& n, std::string message);

    // ---- what the header needs (tei_header.cpp) ----
    void collect(const node& n);
    void title_stmt(pugi::xml_node file_desc, const write_options& options) const;
    void source_desc(pugi::xml_node file_desc) const;
    void class_decl(pugi::xml_node encoding_desc) const;
    std::string metadata(std::string_view key) const;

public:
    // Shared with the header: the ids the body points at.
    static std::string category_id(std::string_view code);   // "#foia-b1" target, without '#'
    std::string marking_id(std::string_view marking) const;  // "cls-S-NF"
    static std::string pointers(const std::vector<std::string>& codes);  // "#foia-b1 #foia-b3"

    static void text(pugi::xml_node parent, std::string_view s);
    static void attribute(pugi::xml_node element, const char* name, std::string_view value);

private:
    const node& document_;
    std::vector<diagnostic>& diagnostics_;
    std::set<std::string, std::less<>> codes_;     // exemption codes that occur
    std::map<std::string, std::string, std::less<>> markings_;  // markings that occur, with their xml:id
    std::map<std::string, const node*> definitions_;  // the first definition of each label
    std::vector<const node*> definition_order_;       // every definition, in document order
    std::set<const node*> called_;                    // definitions written at their calls
    std::map<const node*, std::string> note_ids_;     // definitions already written, by xml:id
    int notes_ = 0;
};

}  // namespace archmark::tei
