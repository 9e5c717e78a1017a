#include <archmark/compare.hpp>

#include <algorithm>
#include <tuple>
#include <utility>

namespace archmark {

void normalize_text(node& n) {
    std::vector<node> children;
    children.reserve(n.children.size());
    for (auto& c : n.children) {
        if (c.kind == node_kind::text) {
            if (c.literal.empty()) continue;
            if (!children.empty() && children.back().kind == node_kind::text) {
                children.back().literal += c.literal;
                continue;
            }
        }
        children.push_back(std::move(c));
    }
    n.children = std::move(children);
    for (auto& c : n.children) normalize_text(c);
}

bool same_payload(const node& a, const node& b) {
    const node_attributes& x = a.attrs();
    const node_attributes& y = b.attrs();
    return std::tie(a.kind, a.level, a.literal, a.list, a.delimiter, a.tight, a.fenced, a.align, a.scheme,
                    a.at_most, a.task_checked, a.quantity) ==
               std::tie(b.kind, b.level, b.literal, b.list, b.delimiter, b.tight, b.fenced, b.align, b.scheme,
                        b.at_most, b.task_checked, b.quantity) &&
           std::tie(x.info, x.destination, x.title, x.label, x.codes, x.statute, x.unit, x.place, x.place_name,
                    x.when, x.marking, x.alignments, x.metadata) ==
               std::tie(y.info, y.destination, y.title, y.label, y.codes, y.statute, y.unit, y.place, y.place_name,
                        y.when, y.marking, y.alignments, y.metadata) &&
           (a.kind == node_kind::note || x.subtype == y.subtype);
}

const node* first_difference(const node& a, const node& b) {
    if (!same_payload(a, b)) return &a;
    for (std::size_t i = 0; i < std::min(a.children.size(), b.children.size()); ++i)
        if (const node* d = first_difference(a.children[i], b.children[i])) return d;
    if (a.children.size() != b.children.size()) return &a;
    return nullptr;
}

}  // namespace archmark
