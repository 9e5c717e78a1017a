// The Python module `archmark` (pybind11): parse, the writers and check, over the C++ library.
//
// A parsed document stays a C++ tree; Python objects are views into it. A Document owns the
// parse result (and the source, for Node.source) through a shared_ptr, and every Node holds that
// pointer and one node of the tree, so a Node outlives its Document safely and a million-node
// tree costs nothing until Python looks at it. Trees are never modified after parsing, so the
// GIL is released while parsing and writing: threads converting documents run in parallel.
#include <archmark/convert.hpp>
#include <archmark/document.hpp>
#include <archmark/parse.hpp>
#include <archmark/version.hpp>
#include <archmark/write.hpp>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace py = pybind11;

namespace {

struct parsed_document {
    std::string source;  // UTF-8, as parsed: spans are byte offsets into it
    archmark::parse_result result;
};
using document_ptr = std::shared_ptr<const parsed_document>;

// A node of a parsed tree, kept alive by its document.
struct node_view {
    document_ptr owner;
    const archmark::node* n;
};

// A Document is the view of the root node, with the diagnostics beside it.
struct document_view : node_view {};

// A walk in document order (pre-order), as a Python iterator.
struct node_walk {
    document_ptr owner;
    std::vector<const archmark::node*> stack;
    node_view next() {
        if (stack.empty()) throw py::stop_iteration();
        const archmark::node* n = stack.back();
        stack.pop_back();
        for (auto it = n->children.rbegin(); it != n->children.rend(); ++it) stack.push_back(&*it);
        return {owner, n};
    }
};

// Text or bytes to UTF-8 bytes. str is encoded as UTF-8; bytes are taken as they are, so input
// that is not UTF-8 reaches the parser and gives its input.utf8 diagnostic.
std::string text_of(const py::object& text) {
    if (py::isinstance<py::bytes>(text)) return text.cast<std::string>();
    if (py::isinstance<py::str>(text)) return text.cast<std::string>();
    throw py::type_error("archmark: expected str or bytes, got " +
                         std::string(py::str(py::type::of(text).attr("__name__"))));
}

archmark::parse_options parse_options_of(bool archival, bool autolink) {
    archmark::parse_options options;
    options.archival = archival;
    options.autolink = autolink;
    return options;
}

document_ptr parse_text(std::string source, const archmark::parse_options& options) {
    auto doc = std::make_shared<parsed_document>();
    doc->source = std::move(source);
    {
        py::gil_scoped_release release;
        doc->result = archmark::parse(doc->source, options);
    }
    return doc;
}

py::object none_if_empty(const std::string& s) { return s.empty() ? py::object(py::none()) : py::str(s); }

py::object optional_int(const std::optional<int>& v) { return v ? py::object(py::int_(*v)) : py::object(py::none()); }

py::object alignment_or_none(archmark::table_alignment a) {
    return a == archmark::table_alignment::none ? py::object(py::none())
                                                : py::object(py::str(std::string(archmark::alignment_name(a))));
}

py::list strings(const std::vector<std::string>& v) {
    py::list out;
    for (const auto& s : v) out.append(py::str(s));
    return out;
}

// The kind-specific payload, with the keys and values of the JSON writer (docs/json.md): null
// there is None here. A switch without default, like the writers: a new kind breaks this build.
py::dict attributes_of(const archmark::node& n) {
    using archmark::node_kind;
    py::dict d;
    const auto& a = n.attrs();
    switch (n.kind) {
    case node_kind::text: case node_kind::code: case node_kind::html_block: case node_kind::html_inline:
        d["literal"] = n.literal;
        break;
    case node_kind::heading:
        d["level"] = n.level;
        if (!a.when.empty()) d["when"] = a.when;
        break;
    case node_kind::list:
        d["list_type"] = n.list == archmark::list_type::ordered ? "ordered" : "bullet";
        d["start"] = n.list == archmark::list_type::ordered ? py::object(py::int_(n.level)) : py::object(py::none());
        switch (n.delimiter) {
        case archmark::list_delimiter::none: d["delimiter"] = py::none(); break;
        case archmark::list_delimiter::period: d["delimiter"] = "period"; break;
        case archmark::list_delimiter::paren: d["delimiter"] = "paren"; break;
        }
        d["tight"] = n.tight;
        break;
    case node_kind::item:
        if (n.task_checked) d["task"] = *n.task_checked;
        break;
    case node_kind::code_block:
        d["info"] = a.info;
        d["fenced"] = n.fenced;
        d["literal"] = n.literal;
        break;
    case node_kind::table: {
        py::list alignments;
        for (auto al : a.alignments) alignments.append(alignment_or_none(al));
        d["alignments"] = alignments;
        break;
    }
    case node_kind::table_row: d["header"] = n.level == 1; break;
    case node_kind::table_cell: d["align"] = alignment_or_none(n.align); break;
    case node_kind::link: case node_kind::image:
        d["destination"] = a.destination;
        d["title"] = none_if_empty(a.title);
        break;
    case node_kind::footnote_reference: case node_kind::footnote_definition: d["label"] = a.label; break;
    case node_kind::note:
        d["label"] = a.label;
        d["style"] = none_if_empty(a.subtype);
        break;
    case node_kind::redaction:
        d["scheme"] = std::string(archmark::scheme_name(n.scheme));
        d["codes"] = a.codes.empty() ? py::object(py::none()) : py::object(strings(a.codes));
        d["statute"] = none_if_empty(a.statute);
        d["quantity"] = optional_int(n.quantity);
        d["unit"] = none_if_empty(a.unit);
        if (n.at_most) d["at_most"] = true;
        break;
    case node_kind::gap:
        d["reason"] = none_if_empty(a.subtype);
        d["quantity"] = optional_int(n.quantity);
        d["unit"] = none_if_empty(a.unit);
        break;
    case node_kind::insertion: d["place"] = none_if_empty(a.place); break;
    case node_kind::dateline:
        d["place_name"] = none_if_empty(a.place_name);
        d["when"] = none_if_empty(a.when);
        d["date"] = none_if_empty(a.written);
        break;
    case node_kind::classification: case node_kind::portion_mark: d["marking"] = a.marking; break;
    case node_kind::part: d["kind"] = none_if_empty(a.subtype); break;
    case node_kind::page_break:
        d["label"] = a.label;
        d["written"] = a.written;
        break;
    case node_kind::separator: d["written"] = a.written; break;
    case node_kind::stamp:
        d["kind"] = none_if_empty(a.subtype);
        d["codes"] = a.codes.empty() ? py::object(py::none()) : py::object(strings(a.codes));
        break;
    case node_kind::document: {
        py::dict metadata;  // keys in the order written (dicts keep insertion order)
        for (const auto& [key, value] : a.metadata) metadata[py::str(key)] = value;
        d["metadata"] = metadata;
        break;
    }
    case node_kind::paragraph: case node_kind::block_quote: case node_kind::thematic_break:
    case node_kind::soft_break: case node_kind::line_break: case node_kind::emphasis:
    case node_kind::strong: case node_kind::strikethrough: case node_kind::deletion:
    case node_kind::substitution: case node_kind::superscript: case node_kind::subscript:
    case node_kind::salutation: case node_kind::closing: case node_kind::signature:
    case node_kind::source_note: case node_kind::unclear:
    case node_kind::sic: case node_kind::supplied: case node_kind::editorial_note:
        break;
    }
    return d;
}

std::string span_text(const archmark::source_span& s) {
    return std::to_string(s.line) + ":" + std::to_string(s.column) + "-" + std::to_string(s.end_line) + ":" +
           std::to_string(s.end_column);
}

archmark::write_options write_options_of(bool fragment, bool unsafe, bool archival, std::string title,
                                         const std::string& view, std::string css, std::string css_href) {
    archmark::write_options options;
    options.fragment = fragment;
    options.unsafe = unsafe;
    options.archival = archival;
    options.title = std::move(title);
    if (view == "diplomatic") options.view = archmark::html_view::diplomatic;
    else if (view == "reading") options.view = archmark::html_view::reading;
    else throw py::value_error("archmark: view must be 'diplomatic' or 'reading', not '" + view + "'");
    options.css = std::move(css);
    options.css_href = std::move(css_href);
    return options;
}

// The body of to_tei, to_html, to_markdown and to_json: `source` is text (parsed here with the
// parse options) or a Document (written as it is).
std::string write_as(archmark::output_format format, const py::object& source, bool archival, bool autolink,
                     const archmark::write_options& options) {
    document_ptr doc;
    if (py::isinstance<document_view>(source)) doc = source.cast<const document_view&>().owner;
    else doc = parse_text(text_of(source), parse_options_of(archival, autolink));
    // Input that is not UTF-8 is rejected whole (an empty tree): no output to write, as with
    // convert() and `archmark convert`. An exception, so that no pipeline writes an empty file.
    const auto& parsed = doc->result;
    if (parsed.document.children.empty())
        for (const auto& d : parsed.diagnostics)
            if (d.id == archmark::rule::input_utf8)
                throw py::value_error("archmark: " + archmark::format_diagnostic(d, "<input>"));
    py::gil_scoped_release release;
    return archmark::write_string(doc->result.document, doc->result.diagnostics, format, options);
}

void define_writer(py::module_& m, const char* name, archmark::output_format format, const char* doc) {
    m.def(
        name,
        [format](const py::object& source, bool fragment, bool unsafe, bool archival, bool autolink,
                 std::string title, const std::string& view, std::string css, std::string css_href) {
            auto options = write_options_of(fragment, unsafe, archival, std::move(title), view, std::move(css),
                                            std::move(css_href));
            return write_as(format, source, archival, autolink, options);
        },
        py::arg("source"), py::kw_only(), py::arg("fragment") = false, py::arg("unsafe") = false,
        py::arg("archival") = true, py::arg("autolink") = false, py::arg("title") = "",
        py::arg("view") = "diplomatic", py::arg("css") = "", py::arg("css_href") = "", doc);
}

}  // namespace

PYBIND11_MODULE(archmark, m) {
    m.doc() = "Archival Markdown transcriptions (FOIA redactions, edits, notes, letters) to TEI, HTML, "
              "JSON and Markdown. See docs/python.md.";
    m.attr("__version__") = archmark::version;

    py::class_<archmark::source_span>(m, "Span",
        "Where a node or diagnostic sits: begin/end are byte offsets into the UTF-8 source (end "
        "exclusive); line/column (1-based, columns in code points) of both ends.")
        .def_readonly("begin", &archmark::source_span::begin)
        .def_readonly("end", &archmark::source_span::end)
        .def_readonly("line", &archmark::source_span::line)
        .def_readonly("column", &archmark::source_span::column)
        .def_readonly("end_line", &archmark::source_span::end_line)
        .def_readonly("end_column", &archmark::source_span::end_column)
        .def("__eq__", [](const archmark::source_span& a, const archmark::source_span& b) { return a == b; })
        .def("__hash__", [](const archmark::source_span& s) {
            return py::hash(py::make_tuple(s.begin, s.end, s.line, s.column, s.end_line, s.end_column));
        })
        .def("__repr__", [](const archmark::source_span& s) {
            return "<Span " + span_text(s) + " bytes " + std::to_string(s.begin) + "-" + std::to_string(s.end) + ">";
        });

    py::class_<archmark::diagnostic>(m, "Diagnostic", "A finding of the parser or of check().")
        .def_property_readonly("rule", [](const archmark::diagnostic& d) { return std::string(archmark::rule_id(d.id)); },
                               "The rule id, e.g. 'redaction.near-miss' (docs/diagnostics.md).")
        .def_property_readonly("severity",
                               [](const archmark::diagnostic& d) { return std::string(archmark::severity_name(d.level)); },
                               "'note', 'warning' or 'error'.")
        .def_readonly("message", &archmark::diagnostic::message)
        .def_readonly("help", &archmark::diagnostic::help, "A fix hint, or '' when none is obvious.")
        .def_readonly("span", &archmark::diagnostic::span)
        .def_property_readonly("line", [](const archmark::diagnostic& d) { return d.span.line; })
        .def_property_readonly("column", [](const archmark::diagnostic& d) { return d.span.column; })
        .def("__str__", [](const archmark::diagnostic& d) { return archmark::format_diagnostic(d, ""); })
        .def("__repr__", [](const archmark::diagnostic& d) {
            return "<Diagnostic " + std::string(archmark::rule_id(d.id)) + " " +
                   std::string(archmark::severity_name(d.level)) + " at " + std::to_string(d.span.line) + ":" +
                   std::to_string(d.span.column) + ">";
        });

    py::class_<node_walk>(m, "_Walk")
        .def("__iter__", [](node_walk& w) -> node_walk& { return w; })
        .def("__next__", &node_walk::next);

    py::class_<node_view>(m, "Node", "A node of a parsed document: kind, span, children and attributes.")
        .def_property_readonly("kind", [](const node_view& v) { return std::string(archmark::kind_name(v.n->kind)); },
                               "The kind's snake_case name: 'paragraph', 'redaction', 'signature' ...")
        .def_property_readonly("span", [](const node_view& v) { return v.n->span; })
        .def_property_readonly("children", [](const node_view& v) {
            std::vector<node_view> out;
            out.reserve(v.n->children.size());
            for (const auto& c : v.n->children) out.push_back({v.owner, &c});
            return out;
        })
        .def_property_readonly("attributes", [](const node_view& v) { return attributes_of(*v.n); },
                               "The kind-specific payload, as in the JSON output (docs/json.md).")
        .def_property_readonly("text", [](const node_view& v) { return v.n->plain_text(); },
                               "The text of the subtree with markup removed.")
        .def_property_readonly("source", [](const node_view& v) {
            const auto& s = v.owner->source;
            auto begin = std::min<std::size_t>(v.n->span.begin, s.size());
            auto end = std::min<std::size_t>(v.n->span.end, s.size());
            auto bytes = s.substr(begin, end - begin);
            return py::reinterpret_steal<py::str>(PyUnicode_DecodeUTF8(bytes.data(), static_cast<Py_ssize_t>(bytes.size()), "replace"));
        }, "The source text the node was parsed from (its span).")
        .def("walk", [](const node_view& v) { return node_walk{v.owner, {v.n}}; },
             "Every node of the subtree, this one first, in document order (pre-order).")
        .def("find_all", [](const node_view& v, const std::string& kind) {
            std::vector<node_view> out;
            node_walk w{v.owner, {v.n}};
            while (!w.stack.empty()) {
                auto n = w.next();
                if (archmark::kind_name(n.n->kind) == kind) out.push_back(n);
            }
            return out;
        }, py::arg("kind"), "Every node of `kind` in the subtree, in document order.")
        .def("__len__", [](const node_view& v) { return v.n->children.size(); })
        .def("__getitem__", [](const node_view& v, py::ssize_t i) {
            auto size = static_cast<py::ssize_t>(v.n->children.size());
            if (i < 0) i += size;
            if (i < 0 || i >= size) throw py::index_error("child index out of range");
            return node_view{v.owner, &v.n->children[static_cast<std::size_t>(i)]};
        })
        .def("__repr__", [](const node_view& v) {
            return "<Node " + std::string(archmark::kind_name(v.n->kind)) + " " + span_text(v.n->span) + ">";
        });

    py::class_<document_view, node_view>(m, "Document",
        "A parsed document: the root node (kind 'document') with the parser's diagnostics.")
        .def_property_readonly("diagnostics", [](const document_view& v) { return v.owner->result.diagnostics; })
        .def_property_readonly("ok", [](const document_view& v) { return v.owner->result.ok(); },
                               "True when no diagnostic is an error.")
        .def_property_readonly("metadata", [](const document_view& v) { return py::object(attributes_of(*v.n)["metadata"]); },
                               "The YAML front matter, keys in the order written.")
        .def_property_readonly("title", [](const document_view& v) { return archmark::title_of(*v.n); },
                               "The front matter's title, else the first heading's text, else ''.");

    m.def(
        "parse",
        [](const py::object& text, bool archival, bool autolink) {
            auto doc = parse_text(text_of(text), parse_options_of(archival, autolink));
            return document_view{{doc, &doc->result.document}};
        },
        py::arg("text"), py::kw_only(), py::arg("archival") = true, py::arg("autolink") = false,
        "Parses a transcription (str, or bytes in UTF-8) into a Document. Never raises for bad input: "
        "problems are in Document.diagnostics. archival=False: plain CommonMark/GFM.");

    define_writer(m, "to_tei", archmark::output_format::tei,
                  "TEI P5 XML of a transcription (str or bytes) or of a Document. fragment=True: the <body> "
                  "content only. Every to_* raises ValueError for input that is not UTF-8.");
    define_writer(m, "to_html", archmark::output_format::html,
                  "HTML5 of a transcription or Document: a page, or with fragment=True the body content. "
                  "view='diplomatic' or 'reading'; css, css_href: the user's stylesheet.");
    define_writer(m, "to_markdown", archmark::output_format::markdown,
                  "Canonical archmark Markdown of a transcription or Document.");
    define_writer(m, "to_json", archmark::output_format::json,
                  "The AST and the diagnostics as JSON (docs/json.md), of a transcription or Document.");

    m.def(
        "check",
        [](const py::object& text, bool archival, bool autolink) {
            std::string source = text_of(text);
            auto options = parse_options_of(archival, autolink);
            py::gil_scoped_release release;
            return archmark::check(source, options);
        },
        py::arg("text"), py::kw_only(), py::arg("archival") = true, py::arg("autolink") = false,
        "Everything `archmark check` reports on a transcription: the parser's diagnostics and the "
        "structure rules, in source order, at default severities.");

    std::vector<std::string> kinds;
    for (int i = 0; i < archmark::node_kind_count; ++i)
        kinds.emplace_back(archmark::kind_name(static_cast<archmark::node_kind>(i)));
    m.attr("NODE_KINDS") = py::tuple(py::cast(kinds));
}
