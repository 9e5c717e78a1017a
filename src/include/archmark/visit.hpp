// Walking the tree: a depth-first walk that calls you on entering each node (pre-order) and,
// optionally, on leaving it (post-order). Header only; works on const and mutable trees.
//
//     archmark::visit(parsed.document, [](const archmark::node& n) {
//         if (n.kind == archmark::node_kind::redaction) std::cout << n.span.line << '\n';
//     });
#pragma once

#include <archmark/document.hpp>

#include <concepts>
#include <type_traits>
#include <vector>

namespace archmark {

// What an `enter` callback may return to steer the walk (returning void means `descend`).
enum class visit_control : std::uint8_t {
    descend,        // go on into the node's children
    skip_children,  // do not enter this node's children (leave is still called for the node)
    stop,           // end the whole walk now; no further enter or leave calls
};

namespace detail {

struct visit_no_leave {
    template <class Node> void operator()(Node&) const noexcept {}
};

template <class Node, class Enter, class Leave>
bool visit_node(Node& n, Enter& enter, Leave& leave) {
    if constexpr (std::is_void_v<std::invoke_result_t<Enter&, Node&>>) {
        enter(n);
    } else {
        visit_control control = enter(n);
        if (control == visit_control::stop) return false;
        if (control == visit_control::skip_children) {
            leave(n);
            return true;
        }
    }
    for (auto& child : n.children)
        if (!visit_node(child, enter, leave)) return false;
    leave(n);
    return true;
}

}  // namespace detail

// Walks `root` and its whole subtree in document order, calling `enter(node)` before a node's
// children and `leave(node)` after them. `enter` returns void or a visit_control. Returns false
// when `enter` stopped the walk. Recursive: depth is bounded by the parser's nesting limit
// (limit.depth), so a parsed tree cannot overflow the stack. On a mutable tree, `enter` may change
// its node, children included (the walk then visits the new children); no callback may add or
// remove children of the node's ancestors, whose lists the walk is iterating.
template <class Node, class Enter, class Leave = detail::visit_no_leave>
    requires std::same_as<std::remove_const_t<Node>, node> && std::invocable<Enter&, Node&> &&
             std::invocable<Leave&, Node&>
bool visit(Node& root, Enter&& enter, Leave&& leave = {}) {
    return detail::visit_node(root, enter, leave);
}

// Every node of kind `kind` in `root`'s subtree (root included), in document order.
inline std::vector<const node*> find_all(const node& root, node_kind kind) {
    std::vector<const node*> found;
    visit(root, [&](const node& n) {
        if (n.kind == kind) found.push_back(&n);
    });
    return found;
}

}  // namespace archmark
