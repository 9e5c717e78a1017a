// The teiHeader: title, publication statement, source description from the front matter
// (conventions.md §6), the taxonomies the body points at, and the text's language.
#include "converters/tei/tei_builder.hpp"
#include "converters/tei/tei_text.hpp"

#include <archmark/codes.hpp>
#include <archmark/version.hpp>

#include <algorithm>
#include <array>
#include <utility>

namespace archmark::tei {
namespace {

// Front matter keys the header places; any other key goes to <notesStmt> as written.
constexpr std::array<std::string_view, 7> placed_keys{"title", "date", "source", "archive",
                                                      "identifier", "classification", "language"};

std::string first_heading_text(const node& n) {
    for (const auto& c : n.children) {
        if (c.kind == node_kind::heading) return c.plain_text();
        if (c.kind == node_kind::part)
            if (auto t = first_heading_text(c); !t.empty()) return t;
    }
    return {};
}

// The words behind the portion marks' abbreviations.
std::string_view marking_words(std::string_view marking) {
    if (marking == "U") return "Unclassified";
    if (marking == "C") return "Confidential";
    if (marking == "S") return "Secret";
    if (marking == "TS") return "Top Secret";
    return {};
}

}  // namespace

builder::builder(const node& document, std::vector<diagnostic>& diagnostics)
    : document_(document), diagnostics_(diagnostics) {
    std::set<std::string> referenced;
    auto visit = [&](auto& self, const node& n) -> void {
        if (n.kind == node_kind::redaction || n.kind == node_kind::stamp)
            for (const auto& code : n.attrs().codes) codes_.insert(code);
        if ((n.kind == node_kind::classification || n.kind == node_kind::portion_mark) &&
            !n.attrs().marking.empty())
            markings_.emplace(n.attrs().marking, std::string());
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
    // Markings that differ only in punctuation ("S//NF", "S/NF") would share an id: number them.
    std::set<std::string> ids;
    for (auto& [marking, id] : markings_) {
        id = ncname("cls-", marking);
        for (int k = 2; ids.count(id); ++k) id = ncname("cls-", marking) + "-" + std::to_string(k);
        ids.insert(id);
    }
}

std::string builder::category_id(std::string_view code) {
    const exemption_code* known = find_exemption_code(code);
    return known ? std::string(scheme_name(known->scheme)) + "-" + std::string(known->id) : std::string();
}

std::string builder::marking_id(std::string_view marking) const {
    auto found = markings_.find(marking);
    return found == markings_.end() ? std::string() : found->second;
}

std::string builder::pointers(const std::vector<std::string>& codes) {
    std::string out;
    for (const auto& code : codes)
        if (auto id = category_id(code); !id.empty()) out += (out.empty() ? "#" : " #") + id;
    return out;
}

std::string builder::metadata(std::string_view key) const {
    for (const auto& [k, value] : document_.attrs().metadata)
        if (k == key) return collapse_spaces(value);
    return {};
}

std::string builder::language() const {
    std::string language = metadata("language");
    return language_tag(language) ? language : std::string();
}

void builder::header(pugi::xml_node tei, const write_options& options) const {
    auto header = tei.append_child("teiHeader");
    auto file_desc = header.append_child("fileDesc");
    title_stmt(file_desc, options);
    text(file_desc.append_child("publicationStmt").append_child("p"),
         std::string("Converted from archival Markdown by archmark ") + version + ".");
    pugi::xml_node notes;
    for (const auto& [key, value] : document_.attrs().metadata) {
        // A language that is no language tag cannot go to <language ident>: it stays a note.
        bool placed = std::find(placed_keys.begin(), placed_keys.end(), key) != placed_keys.end() &&
                      (key != "language" || !language().empty());
        if (placed) continue;
        if (!notes) notes = file_desc.append_child("notesStmt");
        auto note = notes.append_child("note");
        note.append_attribute("type") = "metadata";
        attribute(note, "n", key);
        text(note, value);
    }
    source_desc(file_desc);

    // (No <appInfo>: the publication statement names archmark, and tei_lite has no appInfo.)
    if (!codes_.empty() || !markings_.empty()) class_decl(header.append_child("encodingDesc"));

    if (auto language = this->language(); !language.empty()) {
        auto entry = header.append_child("profileDesc").append_child("langUsage").append_child("language");
        attribute(entry, "ident", language);
        text(entry, language);
    }
}

void builder::title_stmt(pugi::xml_node file_desc, const write_options& options) const {
    std::string title = collapse_spaces(options.title);
    if (title.empty()) title = metadata("title");
    if (title.empty()) title = collapse_spaces(first_heading_text(document_));
    if (title.empty()) title = "Untitled transcription";
    text(file_desc.append_child("titleStmt").append_child("title"), title);
}

// The original: a <bibl> from the front matter, else a sentence saying what the text is.
void builder::source_desc(pugi::xml_node file_desc) const {
    auto source_desc = file_desc.append_child("sourceDesc");
    std::string title = metadata("title"), date = metadata("date"), source = metadata("source"),
                archive = metadata("archive"), identifier = metadata("identifier"),
                classification = metadata("classification");
    if (title.empty() && date.empty() && source.empty() && archive.empty() && identifier.empty() &&
        classification.empty()) {
        text(source_desc.append_child("p"), "A transcription in archival Markdown.");
        return;
    }
    auto bibl = source_desc.append_child("bibl");
    if (!title.empty()) text(bibl.append_child("title"), title);
    if (!date.empty()) {
        auto element = bibl.append_child("date");
        if (iso_date(date)) attribute(element, "when", date);
        text(element, date);
    }
    if (!source.empty()) {
        auto note = bibl.append_child("note");
        note.append_attribute("type") = "source";
        text(note, source);
    }
    if (!archive.empty()) {
        auto org = bibl.append_child("orgName");
        org.append_attribute("type") = "archive";
        text(org, archive);
    }
    if (!identifier.empty()) text(bibl.append_child("idno"), identifier);
    if (!classification.empty()) {
        auto note = bibl.append_child("note");
        note.append_attribute("type") = "classification";
        text(note, classification);
    }
}

// One taxonomy per scheme with a category for each code that occurs (conventions.md §1), and
// one for the classification markings that portion marks and banners point at.
void builder::class_decl(pugi::xml_node encoding_desc) const {
    auto decl = encoding_desc.append_child("classDecl");
    for (auto [scheme, description] :
         {std::pair{redaction_scheme::foia, "FOIA exemptions, 5 U.S.C. § 552(b)"},
          std::pair{redaction_scheme::eo13526, "E.O. 13526 classification categories and exemptions"}}) {
        pugi::xml_node taxonomy;
        for (const auto& code : exemption_codes()) {
            if (code.scheme != scheme || !codes_.count(code.code)) continue;
            if (!taxonomy) {
                taxonomy = decl.append_child("taxonomy");
                taxonomy.append_attribute("xml:id") = std::string(scheme_name(scheme)).c_str();
                text(taxonomy.append_child("desc"), description);
            }
            auto category = taxonomy.append_child("category");
            attribute(category, "xml:id", category_id(code.code));
            attribute(category, "n", code.code);
            text(category.append_child("catDesc"), std::string(code.code) + ": " + std::string(code.meaning));
        }
    }
    if (markings_.empty()) return;
    auto taxonomy = decl.append_child("taxonomy");
    taxonomy.append_attribute("xml:id") = "classification";
    text(taxonomy.append_child("desc"), "Classification markings");
    for (const auto& [marking, id] : markings_) {
        auto category = taxonomy.append_child("category");
        attribute(category, "xml:id", id);
        attribute(category, "n", marking);
        auto words = marking_words(marking);
        text(category.append_child("catDesc"),
             words.empty() ? marking : marking + " (" + std::string(words) + ")");
    }
}

}  // namespace archmark::tei
