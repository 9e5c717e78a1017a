#include "src/parse/letter_inline.hpp"

#include "src/parse/letter_forms.hpp"
#include "src/parse/pass_support.hpp"

#include <iterator>
#include <optional>

namespace archmark::detail {
namespace {

node page_break_node(std::string label, source_span span, const source_map& map) {
    node n;
    n.kind = node_kind::page_break;
    n.attrs().label = std::move(label);
    n.attrs().written = std::string(map.text().substr(span.begin, span.end - span.begin));
    n.span = span;
    return n;
}

class page_scanner {
public:
    explicit page_scanner(const source_map& map) : map_(map) {}

    void scan(node& parent) {
        if (parent.kind == node_kind::code_block || parent.kind == node_kind::html_block) return;
        if (parent.kind == node_kind::paragraph) mark_page_lines(parent);
        std::vector<node> result;
        bool changed = false;
        for (std::size_t k = 0; k < parent.children.size(); ++k) {
            node& child = parent.children[k];
            std::vector<node> pieces;
            if (child.kind == node_kind::text && split(child, pieces)) {
                if (!changed) {
                    std::move(parent.children.begin(), parent.children.begin() + static_cast<std::ptrdiff_t>(k),
                              std::back_inserter(result));
                    changed = true;
                }
                std::move(pieces.begin(), pieces.end(), std::back_inserter(result));
                continue;
            }
            if (!child.children.empty()) scan(child);
            if (changed) result.push_back(std::move(child));
        }
        if (changed) parent.children = std::move(result);
    }

private:
    // A line of a longer paragraph that is only a page break, typed as one text run.
    void mark_page_lines(node& p) {
        std::vector<line_range> lines = lines_of(p);
        if (lines.size() < 2) return;
        for (const auto& [first, last] : lines) {
            node& t = p.children[first];
            if (last - first != 1 || t.kind != node_kind::text) continue;
            if (std::string label = page_line_label(t.literal); !label.empty())
                t = page_break_node(std::move(label), t.span, map_);
        }
    }

    // Splits a text run around the "[Page 2]" in it into `out`. False when it holds none.
    bool split(const node& text, std::vector<node>& out) {
        const std::string& lit = text.literal;
        std::optional<literal_offsets> at;
        std::size_t emitted = 0;
        for (std::size_t i = lit.find('['); i != std::string::npos; i = lit.find('[', i + 1)) {
            std::string label;
            std::size_t n = match_page_bracket(std::string_view(lit).substr(i), label);
            if (!n) continue;
            if (!at) at.emplace(text, map_.text());
            if (emitted < i) out.push_back(text_piece(text, *at, map_, emitted, i));
            out.push_back(page_break_node(std::move(label), map_.span((*at)(i), (*at)(i + n)), map_));
            emitted = i + n;
            i = emitted - 1;
        }
        if (!at) return false;
        if (emitted < lit.size()) out.push_back(text_piece(text, *at, map_, emitted, lit.size()));
        return true;
    }

    const source_map& map_;
};

struct portion_candidate {
    node* paragraph;
    std::size_t length;  // of "(S)" in its first text run
    std::string marking;
};

// The letter of a paragraph that starts with "(X) ", or 0.
char enumerator_letter(const node& n) {
    if (n.kind != node_kind::paragraph || n.children.empty() || n.children[0].kind != node_kind::text) return 0;
    const std::string& s = n.children[0].literal;
    return s.size() >= 4 && s[0] == '(' && s[2] == ')' && s[3] == ' ' ? s[1] : 0;
}

class portion_finder {
public:
    void visit(node& parent) {
        for (std::size_t k = 0; k < parent.children.size(); ++k) {
            node& child = parent.children[k];
            if (child.kind == node_kind::classification) has_banner_ = true;
            if (child.kind == node_kind::paragraph) consider(parent.children, k);
            if (child.kind != node_kind::code_block && child.kind != node_kind::html_block) visit(child);
        }
    }

    // The candidates that count as portion marks.
    std::vector<portion_candidate> marks() {
        if (has_banner_ || unambiguous_.size() + single_.size() >= 2)
            std::move(single_.begin(), single_.end(), std::back_inserter(unambiguous_));
        return std::move(unambiguous_);
    }

private:
    void consider(std::vector<node>& siblings, std::size_t k) {
        node& p = siblings[k];
        if (p.children.empty() || p.children[0].kind != node_kind::text) return;
        std::string marking;
        std::size_t length = match_portion_mark(p.children[0].literal, marking);
        if (!length) return;
        if (marking.size() > 1) {
            unambiguous_.push_back({&p, length, std::move(marking)});
            return;
        }
        // "(C)" after a "(B)" paragraph or before a "(D)" one is the third of a list.
        char letter = marking[0];
        bool enumerated = (k > 0 && enumerator_letter(siblings[k - 1]) == letter - 1) ||
                          (k + 1 < siblings.size() && enumerator_letter(siblings[k + 1]) == letter + 1);
        if (!enumerated) single_.push_back({&p, length, std::move(marking)});
    }

    bool has_banner_ = false;
    std::vector<portion_candidate> unambiguous_, single_;
};

}  // namespace

void mark_inline_page_breaks(node& root, const source_map& map) { page_scanner(map).scan(root); }

void mark_portion_marks(node& document, const source_map& map) {
    portion_finder finder;
    finder.visit(document);
    for (auto& [p, length, marking] : finder.marks()) {
        node& text = p->children[0];
        literal_offsets at(text, map.text());
        node mark;
        mark.kind = node_kind::portion_mark;
        mark.attrs().marking = std::move(marking);
        mark.span = map.span(at(0), at(length));
        node rest = text_piece(text, at, map, length, text.literal.size());  // never empty: a space follows
        text = std::move(rest);
        p->children.insert(p->children.begin(), std::move(mark));
    }
}

}  // namespace archmark::detail
