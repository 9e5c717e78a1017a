// Builders for hand-made trees: writer tests build their input with these, so that a parser bug
// cannot hide a writer bug.
#pragma once

#include <archmark/document.hpp>

#include <string>
#include <utility>
#include <vector>

namespace archmark::test {

inline node make(node_kind kind, std::vector<node> children = {}) {
    node n;
    n.kind = kind;
    n.children = std::move(children);
    return n;
}

inline node literal(node_kind kind, std::string value) {
    node n = make(kind);
    n.literal = std::move(value);
    return n;
}

inline node text(std::string value) { return literal(node_kind::text, std::move(value)); }
inline node para(std::vector<node> inlines) { return make(node_kind::paragraph, std::move(inlines)); }
inline node doc(std::vector<node> blocks) { return make(node_kind::document, std::move(blocks)); }
inline node item(std::vector<node> blocks) { return make(node_kind::item, std::move(blocks)); }

inline node link(std::string destination, std::vector<node> inlines, std::string title = {}) {
    node n = make(node_kind::link, std::move(inlines));
    n.attrs().destination = std::move(destination);
    n.attrs().title = std::move(title);
    return n;
}

// A redaction holding its source text, as the parser builds it.
inline node redaction(redaction_scheme scheme, std::vector<std::string> codes, std::string source) {
    node n = make(node_kind::redaction, {text(std::move(source))});
    n.scheme = scheme;
    n.attrs().codes = std::move(codes);
    return n;
}

}  // namespace archmark::test
