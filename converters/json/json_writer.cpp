// JSON writer: the AST with spans and the diagnostics, in the layout docs/json.md documents.
//
// A streaming writer rather than nlohmann::ordered_json: building the whole DOM for a 20 MB input
// (about a million nodes) costs several times the time and memory of writing it out directly
// (numbers in docs/json.md). All string escaping goes through the one function append_string().
#include <archmark/write.hpp>

#include <string>
#include <string_view>

namespace archmark {
namespace {

constexpr std::size_t flush_size = 64 * 1024;

// JSON writes null for a column without alignment.
std::string_view alignment_or_empty(table_alignment a) {
    return a == table_alignment::none ? std::string_view{} : alignment_name(a);
}

std::string_view delimiter_name(list_delimiter d) {
    switch (d) {
    case list_delimiter::none: return {};
    case list_delimiter::period: return "period";
    case list_delimiter::paren: return "paren";
    }
    return {};
}

class json_out {
public:
    explicit json_out(output_sink& sink) : sink_(sink) { buffer_.reserve(flush_size + 4096); }
    ~json_out() = default;
    json_out(const json_out&) = delete;
    json_out& operator=(const json_out&) = delete;

    void raw(std::string_view s) {
        buffer_.append(s);
        if (buffer_.size() >= flush_size) flush();
    }
    void flush() {
        if (!buffer_.empty()) sink_.write(buffer_);
        buffer_.clear();
    }

    // `,"name":`, for every member but an object's first.
    void key(std::string_view name) {
        buffer_ += ",\"";
        buffer_.append(name);
        buffer_ += "\":";
    }
    void string(std::string_view s) {
        append_string(s);
        if (buffer_.size() >= flush_size) flush();
    }
    // A string, or null when empty.
    void string_or_null(std::string_view s) {
        if (s.empty()) raw("null");
        else string(s);
    }
    // An array of strings, or null when empty.
    void strings_or_null(const std::vector<std::string>& values) {
        if (values.empty()) {
            raw("null");
            return;
        }
        raw("[");
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (i) raw(",");
            string(values[i]);
        }
        raw("]");
    }
    void number(long long v) { raw(std::to_string(v)); }
    void boolean(bool v) { raw(v ? "true" : "false"); }

    void span(const source_span& s) {
        raw("{\"start\":{\"offset\":");
        number(s.begin);
        raw(",\"line\":");
        number(s.line);
        raw(",\"column\":");
        number(s.column);
        raw("},\"end\":{\"offset\":");
        number(s.end);
        raw(",\"line\":");
        number(s.end_line);
        raw(",\"column\":");
        number(s.end_column);
        raw("}}");
    }

private:
    // The one escaper: a JSON string literal for UTF-8 text. `"`, `\` and control characters are
    // escaped; bytes that are not valid UTF-8 become U+FFFD (writers never throw, and JSON text
    // must be Unicode).
    void append_string(std::string_view s) {
        static constexpr std::string_view hex = "0123456789abcdef";
        buffer_ += '"';
        std::size_t i = 0;
        while (i < s.size()) {
            auto c = static_cast<unsigned char>(s[i]);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                // Copy the run of plain ASCII in one go.
                std::size_t j = i + 1;
                while (j < s.size()) {
                    auto d = static_cast<unsigned char>(s[j]);
                    if (d < 0x20 || d >= 0x80 || d == '"' || d == '\\') break;
                    ++j;
                }
                buffer_.append(s.substr(i, j - i));
                i = j;
                continue;
            }
            if (c < 0x80) {
                switch (c) {
                case '"': buffer_ += "\\\""; break;
                case '\\': buffer_ += "\\\\"; break;
                case '\n': buffer_ += "\\n"; break;
                case '\r': buffer_ += "\\r"; break;
                case '\t': buffer_ += "\\t"; break;
                case '\b': buffer_ += "\\b"; break;
                case '\f': buffer_ += "\\f"; break;
                default:
                    buffer_ += "\\u00";
                    buffer_ += hex[c >> 4];
                    buffer_ += hex[c & 0xF];
                }
                ++i;
                continue;
            }
            std::size_t length = utf8_length(s, i);
            if (length == 0) {
                buffer_ += "\xEF\xBF\xBD";
                ++i;
            } else {
                buffer_.append(s.substr(i, length));
                i += length;
            }
        }
        buffer_ += '"';
    }

    // The length of the well-formed UTF-8 sequence at s[i] (lead byte >= 0x80), or 0.
    static std::size_t utf8_length(std::string_view s, std::size_t i) {
        auto c = static_cast<unsigned char>(s[i]);
        std::size_t length = c >= 0xF5 ? 0 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
        if (length == 0 || i + length > s.size()) return 0;
        for (std::size_t k = 1; k < length; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
        auto c1 = static_cast<unsigned char>(s[i + 1]);
        if (c == 0xE0 && c1 < 0xA0) return 0;   // overlong
        if (c == 0xED && c1 >= 0xA0) return 0;  // surrogate
        if (c == 0xF0 && c1 < 0x90) return 0;   // overlong
        if (c == 0xF4 && c1 >= 0x90) return 0;  // above U+10FFFF
        return length;
    }

    output_sink& sink_;
    std::string buffer_;
};

void write_node(json_out& out, const node& n);

void write_children(json_out& out, const node& n) {
    if (n.children.empty()) return;
    out.key("children");
    out.raw("[");
    for (std::size_t i = 0; i < n.children.size(); ++i) {
        if (i) out.raw(",");
        write_node(out, n.children[i]);
    }
    out.raw("]");
}

// The kind-specific members (docs/json.md), after type, span and children.
void write_payload(json_out& out, const node& n) {
    switch (n.kind) {
    case node_kind::text: case node_kind::code: case node_kind::html_block:
    case node_kind::html_inline:
        out.key("literal");
        out.string(n.literal);
        break;
    case node_kind::heading:
        out.key("level");
        out.number(n.level);
        if (!n.attrs().when.empty()) {
            out.key("when");
            out.string(n.attrs().when);
        }
        break;
    case node_kind::list:
        out.key("list_type");
        out.string(n.list == list_type::ordered ? "ordered" : "bullet");
        out.key("start");
        if (n.list == list_type::ordered) out.number(n.level);
        else out.raw("null");
        out.key("delimiter");
        out.string_or_null(delimiter_name(n.delimiter));
        out.key("tight");
        out.boolean(n.tight);
        break;
    case node_kind::item:
        if (n.task_checked) {
            out.key("task");
            out.boolean(*n.task_checked);
        }
        break;
    case node_kind::code_block:
        out.key("info");
        out.string(n.attrs().info);
        out.key("fenced");
        out.boolean(n.fenced);
        out.key("literal");
        out.string(n.literal);
        break;
    case node_kind::table:
        out.key("alignments");
        out.raw("[");
        for (std::size_t i = 0; i < n.attrs().alignments.size(); ++i) {
            if (i) out.raw(",");
            out.string_or_null(alignment_or_empty(n.attrs().alignments[i]));
        }
        out.raw("]");
        break;
    case node_kind::table_row:
        out.key("header");
        out.boolean(n.level == 1);
        break;
    case node_kind::table_cell:
        out.key("align");
        out.string_or_null(alignment_or_empty(n.align));
        break;
    case node_kind::link: case node_kind::image:
        out.key("destination");
        out.string(n.attrs().destination);
        out.key("title");
        out.string_or_null(n.attrs().title);
        break;
    case node_kind::footnote_reference: case node_kind::footnote_definition:
        out.key("label");
        out.string(n.attrs().label);
        break;
    case node_kind::note:
        out.key("label");
        out.string(n.attrs().label);
        out.key("style");
        out.string_or_null(n.attrs().subtype);
        break;
    case node_kind::redaction:
        out.key("scheme");
        out.string(scheme_name(n.scheme));
        out.key("codes");
        out.strings_or_null(n.attrs().codes);
        out.key("statute");
        out.string_or_null(n.attrs().statute);
        out.key("quantity");
        if (n.quantity) out.number(*n.quantity);
        else out.raw("null");
        out.key("unit");
        out.string_or_null(n.attrs().unit);
        if (n.at_most) {
            out.key("at_most");
            out.boolean(true);
        }
        break;
    case node_kind::gap:
        out.key("reason");
        out.string_or_null(n.attrs().subtype);
        out.key("quantity");
        if (n.quantity) out.number(*n.quantity);
        else out.raw("null");
        out.key("unit");
        out.string_or_null(n.attrs().unit);
        break;
    case node_kind::insertion:
        out.key("place");
        out.string_or_null(n.attrs().place);
        break;
    case node_kind::dateline:
        out.key("place_name");
        out.string_or_null(n.attrs().place_name);
        out.key("when");
        out.string_or_null(n.attrs().when);
        out.key("date");
        out.string_or_null(n.attrs().written);
        break;
    case node_kind::classification: case node_kind::portion_mark:
        out.key("marking");
        out.string(n.attrs().marking);
        break;
    case node_kind::part:
        out.key("kind");
        out.string_or_null(n.attrs().subtype);
        break;
    case node_kind::page_break:
        out.key("label");
        out.string(n.attrs().label);
        out.key("written");
        out.string(n.attrs().written);
        break;
    case node_kind::separator:
        out.key("written");
        out.string(n.attrs().written);
        break;
    case node_kind::stamp:
        out.key("kind");
        out.string_or_null(n.attrs().subtype);
        out.key("codes");
        out.strings_or_null(n.attrs().codes);
        break;
    case node_kind::document:
        // Front matter, keys in the order written.
        out.key("metadata");
        out.raw("{");
        for (std::size_t i = 0; i < n.attrs().metadata.size(); ++i) {
            if (i) out.raw(",");
            out.string(n.attrs().metadata[i].first);
            out.raw(":");
            out.string(n.attrs().metadata[i].second);
        }
        out.raw("}");
        break;
    case node_kind::paragraph: case node_kind::block_quote: case node_kind::thematic_break:
    case node_kind::soft_break: case node_kind::line_break: case node_kind::emphasis:
    case node_kind::strong: case node_kind::strikethrough: case node_kind::deletion:
    case node_kind::substitution: case node_kind::superscript: case node_kind::subscript:
    case node_kind::salutation: case node_kind::closing: case node_kind::signature:
    case node_kind::source_note: case node_kind::unclear:
    case node_kind::sic: case node_kind::supplied: case node_kind::editorial_note:
        break;
    }
}

void write_node(json_out& out, const node& n) {
    out.raw("{\"type\":");
    out.string(kind_name(n.kind));
    out.key("span");
    out.span(n.span);
    write_children(out, n);
    write_payload(out, n);
    out.raw("}");
}

void write_diagnostic(json_out& out, const diagnostic& d) {
    out.raw("{\"rule\":");
    out.string(rule_id(d.id));
    out.key("severity");
    out.string(severity_name(d.level));
    out.key("message");
    out.string(d.message);
    if (!d.help.empty()) {
        out.key("help");
        out.string(d.help);
    }
    out.key("span");
    out.span(d.span);
    out.raw("}");
}

}  // namespace

void write_json(const node& document, const std::vector<diagnostic>& diagnostics,
                const write_options& /*options: no JSON-specific options yet*/, output_sink& sink) {
    json_out out(sink);
    out.raw("{\"version\":");
    out.number(json_format_version);
    out.key("type");
    out.string(kind_name(document.kind));
    out.key("span");
    out.span(document.span);
    write_children(out, document);
    write_payload(out, document);
    out.key("diagnostics");
    out.raw("[");
    for (std::size_t i = 0; i < diagnostics.size(); ++i) {
        if (i) out.raw(",");
        write_diagnostic(out, diagnostics[i]);
    }
    out.raw("]}\n");
    out.flush();
}

}  // namespace archmark
