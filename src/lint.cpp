// The structure rules of `archmark check` (conventions.md §8). One walk over the tree; every rule
// is linear: paragraphs are compared through a hash map of their words, list items only with
// their neighbour, and a signature only with the blocks that follow it in its container.
#include <archmark/lint.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

namespace archmark {
namespace {

// Paragraphs shorter than this are not compared: salutations, datelines and one-line answers
// repeat legitimately.
constexpr std::size_t min_duplicate_words = 8;
// A paragraph after a signature with at most this many words is taken as part of the signature
// block (the signer's title, a place, initials, a file reference), not as content.
constexpr std::size_t max_signature_block_words = 12;

// The words of a subtree, separated by single spaces: what "word for word" compares. Note calls
// count as their label, not their body (which belongs to the definition, elsewhere in the source).
class word_collector {
public:
    explicit word_collector(std::string& out) : out_(out) {}

    void collect(const node& n) {
        switch (n.kind) {
        case node_kind::text: case node_kind::code: case node_kind::html_inline:
            add(n.literal);
            return;
        case node_kind::code_block: case node_kind::html_block:
            gap();
            add(n.literal);
            gap();
            return;
        case node_kind::soft_break: case node_kind::line_break: case node_kind::thematic_break:
        case node_kind::separator: case node_kind::page_break:
            gap();
            return;
        case node_kind::note: case node_kind::footnote_reference:
            gap();
            add("[^");
            add(n.attrs().label);
            add("]");
            gap();
            return;
        case node_kind::emphasis: case node_kind::strong: case node_kind::link: case node_kind::image:
        case node_kind::strikethrough: case node_kind::redaction: case node_kind::deletion:
        case node_kind::insertion: case node_kind::substitution: case node_kind::superscript:
        case node_kind::subscript: case node_kind::portion_mark: case node_kind::gap:
        case node_kind::unclear: case node_kind::sic: case node_kind::supplied:
        case node_kind::editorial_note:
            for (const auto& c : n.children) collect(c);
            return;
        case node_kind::document: case node_kind::heading: case node_kind::paragraph:
        case node_kind::block_quote: case node_kind::list: case node_kind::item: case node_kind::table:
        case node_kind::table_row: case node_kind::table_cell: case node_kind::footnote_definition:
        case node_kind::dateline: case node_kind::salutation: case node_kind::closing:
        case node_kind::signature: case node_kind::source_note: case node_kind::classification:
        case node_kind::stamp: case node_kind::part:
            gap();
            for (const auto& c : n.children) collect(c);
            gap();
            return;
        }
    }

    std::size_t words() const { return out_.empty() ? 0 : 1 + std::count(out_.begin(), out_.end(), ' '); }

private:
    void gap() { pending_space_ = !out_.empty(); }

    void add(std::string_view s) {
        for (std::size_t i = 0; i < s.size(); ++i) {
            unsigned char c = static_cast<unsigned char>(s[i]);
            bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
            if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
                space = true;  // U+00A0 NO-BREAK SPACE, common in web transcriptions
                ++i;
            }
            if (space) {
                gap();
                continue;
            }
            if (pending_space_) out_ += ' ';
            pending_space_ = false;
            out_ += static_cast<char>(c);
        }
    }

    std::string& out_;
    bool pending_space_ = false;
};

std::string words_of(const node& n, std::size_t* count = nullptr) {
    std::string out;
    word_collector w(out);
    w.collect(n);
    if (count) *count = w.words();
    return out;
}

// How a block placed after a signature in the same container is judged.
enum class after_signature_role {
    opens,      // starts something new (a heading, a salutation): the signature's scope ends
    closing,    // belongs with the signature or is allowed after it (dateline, separator, part, ...)
    paragraph,  // content unless it is a short signature-block line or closing matter
    content,    // content: a list, a quote, a table, code
};

after_signature_role role_after_signature(node_kind kind) noexcept {
    switch (kind) {
    case node_kind::heading: case node_kind::salutation:
        return after_signature_role::opens;
    case node_kind::paragraph:
        return after_signature_role::paragraph;
    case node_kind::block_quote: case node_kind::list: case node_kind::item: case node_kind::code_block:
    case node_kind::table: case node_kind::table_row: case node_kind::table_cell:
        return after_signature_role::content;
    case node_kind::document: case node_kind::html_block: case node_kind::thematic_break:
    case node_kind::footnote_definition:
    case node_kind::text: case node_kind::soft_break: case node_kind::line_break: case node_kind::emphasis:
    case node_kind::strong: case node_kind::code: case node_kind::link: case node_kind::image:
    case node_kind::html_inline: case node_kind::strikethrough: case node_kind::footnote_reference:
    case node_kind::redaction: case node_kind::deletion: case node_kind::insertion:
    case node_kind::substitution: case node_kind::superscript: case node_kind::subscript:
    case node_kind::note:
    case node_kind::dateline: case node_kind::closing: case node_kind::signature:
    case node_kind::source_note: case node_kind::classification: case node_kind::portion_mark:
    case node_kind::stamp: case node_kind::separator: case node_kind::part: case node_kind::page_break:
    case node_kind::gap: case node_kind::unclear: case node_kind::sic: case node_kind::supplied:
    case node_kind::editorial_note:
        return after_signature_role::closing;
    }
    return after_signature_role::closing;
}

bool starts_with_lower(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char c = text[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != prefix[i]) return false;
    }
    return true;
}

// Whether a paragraph after a signature is part of the signature block or closing matter rather
// than content: a short line, a postscript or enclosure line, or only editorial matter.
bool is_closing_paragraph(const node& paragraph) {
    std::size_t count = 0;
    std::string words = words_of(paragraph, &count);
    if (count <= max_signature_block_words) return true;
    static constexpr std::string_view closing_starts[] = {
        "p.s", "p. s.", "ps:", "ps.", "ps ", "postscript", "post scriptum", "cc:", "cc ", "bcc",
        "enclosure", "encl.", "enc.", "attachment", "distribution", "copy to", "copies to"};
    for (auto prefix : closing_starts)
        if (starts_with_lower(words, prefix)) return true;
    bool editorial_only = true;
    for (const auto& c : paragraph.children) {
        bool blank_text = c.kind == node_kind::text &&
                          c.literal.find_first_not_of(" \t\r\n") == std::string::npos;
        bool editorial = c.kind == node_kind::editorial_note || c.kind == node_kind::page_break ||
                         c.kind == node_kind::stamp || c.kind == node_kind::classification ||
                         c.kind == node_kind::soft_break || c.kind == node_kind::line_break;
        if (!blank_text && !editorial) editorial_only = false;
    }
    return editorial_only;
}

class linter {
public:
    explicit linter(std::string_view source) : source_(source) {}

    std::vector<diagnostic> run(const node& document) {
        visit(document);
        std::stable_sort(out_.begin(), out_.end(), [](const diagnostic& a, const diagnostic& b) {
            return a.span.begin < b.span.begin;
        });
        return std::move(out_);
    }

private:
    void visit(const node& n) {
        if (n.kind == node_kind::paragraph) check_duplicate(n);
        if (!n.children.empty() && (!is_inline(n.kind) || n.kind == node_kind::note)) {
            check_after_signature(n.children);
            check_abandoned_items(n.children);
        }
        for (const auto& c : n.children) visit(c);
    }

    void report(rule id, const source_span& span, std::string message, std::string help) {
        out_.push_back(make_diagnostic(id, span, std::move(message), std::move(help)));
    }

    // structure.duplicate-passage: every paragraph's words go into one hash map with the line of
    // their first occurrence; a paragraph whose words are already there is a repeat.
    void check_duplicate(const node& paragraph) {
        std::size_t count = 0;
        std::string words = words_of(paragraph, &count);
        if (count < min_duplicate_words) return;
        auto [at, inserted] = first_line_.try_emplace(std::move(words), paragraph.span.line);
        if (inserted) return;
        report(rule::structure_duplicate, paragraph.span,
               "this paragraph repeats the one on line " + std::to_string(at->second) + " word for word",
               "if the original repeats it, keep it and silence the rule for this file; otherwise "
               "delete the copy");
    }

    // structure.after-signature: the first block of content after a signature in the same
    // container, once per signature. A heading or salutation starts a new letter; a part
    // (draft, postscript) is checked on its own.
    void check_after_signature(const std::vector<node>& blocks) {
        const node* signature = nullptr;
        for (const auto& b : blocks) {
            if (b.kind == node_kind::signature) {
                signature = &b;
                continue;
            }
            if (!signature) continue;
            bool content = false;
            switch (role_after_signature(b.kind)) {
            case after_signature_role::opens: signature = nullptr; continue;
            case after_signature_role::closing: continue;
            case after_signature_role::paragraph: content = !is_closing_paragraph(b); break;
            case after_signature_role::content: content = true; break;
            }
            if (!content) continue;
            report(rule::structure_after_signature, b.span,
                   "content after the signature on line " + std::to_string(signature->span.line) +
                       " is not a draft or postscript",
                   "start a draft with a line `DRAFT FOLLOWS`, a postscript with `P.S.`, or a new "
                   "document with a heading");
            signature = nullptr;
        }
    }

    // The number written before item `k` of an ordered list: the list's start for the first, the
    // digits at the item's position in the source for the others (nullopt without the source).
    std::optional<long> item_number(const node& list, std::size_t k) const {
        if (k == 0) return list.level;
        std::size_t at = list.children[k].span.begin;
        while (at < source_.size() && (source_[at] == ' ' || source_[at] == '\t')) ++at;
        long number = 0;
        std::size_t digits = 0;
        while (at < source_.size() && source_[at] >= '0' && source_[at] <= '9' && digits < 9) {
            number = number * 10 + (source_[at] - '0');
            ++at;
            ++digits;
        }
        if (digits == 0) return std::nullopt;
        return number;
    }

    // structure.abandoned-item: neighbouring ordered items with the same number where the first
    // one's words are a strict prefix of the second's. cmark-gfm keeps `3.` `3.` in one list and
    // starts a new one only on another delimiter (`3)` `3.`), so both neighbours in a list and
    // the last and first items of two adjacent lists are compared.
    void check_abandoned_items(const std::vector<node>& blocks) {
        auto ordered = [](const node& n) {
            return n.kind == node_kind::list && n.list == list_type::ordered && !n.children.empty();
        };
        for (std::size_t i = 0; i < blocks.size(); ++i) {
            const node& list = blocks[i];
            if (!ordered(list)) continue;
            std::string previous = words_of(list.children[0]);
            for (std::size_t k = 0; k < list.children.size(); ++k) {
                std::string next;
                const node* next_item = nullptr;
                std::optional<long> next_number;
                if (k + 1 < list.children.size()) {
                    next_item = &list.children[k + 1];
                    next_number = item_number(list, k + 1);
                } else if (i + 1 < blocks.size() && ordered(blocks[i + 1])) {
                    next_item = &blocks[i + 1].children[0];
                    next_number = blocks[i + 1].level;
                }
                if (!next_item) break;
                next = words_of(*next_item);
                std::optional<long> number = item_number(list, k);
                bool same_number = !number || !next_number || *number == *next_number;
                if (same_number && previous.size() < next.size() && next.starts_with(previous)) {
                    std::string which = number ? "item " + std::to_string(*number) : std::string("this item");
                    report(rule::structure_abandoned, list.children[k].span,
                           which + " is repeated and continued by the next item, on line " +
                               std::to_string(next_item->span.line) + "; it looks abandoned",
                           "if the original shows the abandoned start, keep it and silence the rule "
                           "for this file; otherwise delete it");
                }
                previous = std::move(next);
            }
        }
    }

    std::string_view source_;
    std::unordered_map<std::string, std::uint32_t> first_line_;
    std::vector<diagnostic> out_;
};

}  // namespace

std::vector<diagnostic> lint(const node& document, std::string_view source) {
    return linter(source).run(document);
}

}  // namespace archmark
