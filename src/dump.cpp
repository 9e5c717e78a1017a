#include <archmark/dump.hpp>

#include <cstdio>

namespace archmark {
namespace {

void quote(std::string& out, std::string_view s) {
    out += '"';
    for (unsigned char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    out += '"';
}

void field(std::string& out, std::string_view name, std::string_view value) {
    out.append(" ").append(name).append("=");
    quote(out, value);
}

void codes_field(std::string& out, const std::vector<std::string>& codes) {
    if (codes.empty()) return;
    out += " codes=[";
    for (std::size_t i = 0; i < codes.size(); ++i) {
        if (i) out += ',';
        quote(out, codes[i]);
    }
    out += ']';
}

void payload(std::string& out, const node& n) {
    switch (n.kind) {
    case node_kind::heading:
        out += " level=" + std::to_string(n.level);
        if (!n.attrs().when.empty()) out += " when=" + n.attrs().when;
        break;
    case node_kind::list:
        out += n.list == list_type::ordered ? " type=ordered start=" + std::to_string(n.level) : " type=bullet";
        out += n.tight ? " tight" : " loose";
        break;
    case node_kind::item:
        if (n.task_checked) out += *n.task_checked ? " task=checked" : " task=unchecked";
        break;
    case node_kind::code_block:
        if (!n.attrs().info.empty()) field(out, "info", n.attrs().info);
        field(out, "literal", n.literal);
        break;
    case node_kind::table:
        out += " align=";
        for (std::size_t i = 0; i < n.attrs().alignments.size(); ++i)
            out.append(i ? "," : "").append(alignment_name(n.attrs().alignments[i]));
        break;
    case node_kind::table_row: if (n.level == 1) out += " header"; break;
    case node_kind::table_cell:
        if (n.align != table_alignment::none) out.append(" align=").append(alignment_name(n.align));
        break;
    case node_kind::text: case node_kind::code: case node_kind::html_block: case node_kind::html_inline:
        out += ' ';
        quote(out, n.literal);
        break;
    case node_kind::link: case node_kind::image:
        field(out, "destination", n.attrs().destination);
        if (!n.attrs().title.empty()) field(out, "title", n.attrs().title);
        break;
    case node_kind::footnote_reference: case node_kind::footnote_definition:
        field(out, "label", n.attrs().label);
        break;
    case node_kind::note:
        field(out, "label", n.attrs().label);
        if (!n.attrs().subtype.empty()) out += " style=" + n.attrs().subtype;
        break;
    case node_kind::insertion: out += " place=" + n.attrs().place; break;
    case node_kind::dateline:
        if (!n.attrs().place_name.empty()) field(out, "place", n.attrs().place_name);
        if (!n.attrs().when.empty()) out += " when=" + n.attrs().when;
        if (!n.attrs().written.empty()) field(out, "date", n.attrs().written);
        break;
    case node_kind::classification: case node_kind::portion_mark:
        field(out, "marking", n.attrs().marking);
        break;
    case node_kind::part: out += " kind=" + n.attrs().subtype; break;
    case node_kind::page_break:
        field(out, "n", n.attrs().label);
        if (!n.attrs().written.empty()) field(out, "written", n.attrs().written);
        break;
    case node_kind::separator:
        if (!n.attrs().written.empty()) field(out, "written", n.attrs().written);
        break;
    case node_kind::stamp:
        if (!n.attrs().subtype.empty()) out += " kind=" + n.attrs().subtype;
        codes_field(out, n.attrs().codes);
        break;
    case node_kind::gap:
        if (!n.attrs().subtype.empty()) out += " reason=" + n.attrs().subtype;
        if (n.quantity) out += " quantity=" + std::to_string(*n.quantity);
        if (!n.attrs().unit.empty()) out += " unit=" + n.attrs().unit;
        break;
    case node_kind::redaction:
        out.append(" scheme=").append(scheme_name(n.scheme));
        codes_field(out, n.attrs().codes);
        if (!n.attrs().statute.empty()) field(out, "statute", n.attrs().statute);
        if (n.quantity) out += (n.at_most ? " at_most=" : " quantity=") + std::to_string(*n.quantity);
        if (!n.attrs().unit.empty()) out += " unit=" + n.attrs().unit;
        break;
    case node_kind::document:
        for (const auto& [key, value] : n.attrs().metadata) field(out, "meta." + key, value);
        break;
    case node_kind::paragraph: case node_kind::block_quote:
    case node_kind::thematic_break: case node_kind::soft_break: case node_kind::line_break:
    case node_kind::emphasis: case node_kind::strong: case node_kind::strikethrough:
    case node_kind::deletion: case node_kind::substitution:
    case node_kind::superscript: case node_kind::subscript:
    case node_kind::salutation: case node_kind::closing: case node_kind::signature:
    case node_kind::source_note:
    case node_kind::unclear: case node_kind::sic: case node_kind::supplied:
    case node_kind::editorial_note:
        break;
    }
}

void own_line(std::string& out, const node& n) {
    out.append(kind_name(n.kind));
    out += ' ' + std::to_string(n.span.line) + ':' + std::to_string(n.span.column) + '-' +
           std::to_string(n.span.end_line) + ':' + std::to_string(n.span.end_column);
    payload(out, n);
}

void dump(std::string& out, const node& n, int depth) {
    out.append(static_cast<std::size_t>(depth) * 2, ' ');
    own_line(out, n);
    out += '\n';
    for (const auto& c : n.children) dump(out, c, depth + 1);
}

}  // namespace

std::string dump_node(const node& n) {
    std::string out;
    own_line(out, n);
    return out;
}

std::string dump_ast(const node& document) {
    std::string out;
    dump(out, document, 0);
    return out;
}

}  // namespace archmark
