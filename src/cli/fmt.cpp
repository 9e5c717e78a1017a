// `archmark fmt`: rewrite transcriptions in canonical archmark Markdown (docs/markdown.md).
//
// A formatter for evidence: a file is rewritten only when it parses without errors, and only
// when the canonical text parses back to the same document (kinds, payloads and text; spans
// aside). Anything else is reported and the file is left as it is.
#include <archmark/compare.hpp>
#include <archmark/parse.hpp>
#include <archmark/visit.hpp>
#include <archmark/write.hpp>

#include "src/cli/commands.hpp"
#include "src/cli/files.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace archmark::cli {
namespace {

struct fmt_settings {
    bool check = false;
    std::vector<std::string> inputs;
};

// The number an ordered list item's marker was written with, at `offset` (the item's start).
std::string_view item_number(std::string_view text, std::size_t offset) {
    while (offset < text.size() && (text[offset] == ' ' || text[offset] == '\t')) ++offset;
    std::size_t end = offset;
    while (end < text.size() && end - offset < 9 && text[end] >= '0' && text[end] <= '9') ++end;
    if (end == offset || end >= text.size() || (text[end] != '.' && text[end] != ')')) return {};
    return text.substr(offset, end - offset);
}

struct splice {
    std::size_t offset, length;
    std::string_view digits;
};

// The ordered items of two equal trees, side by side: where `formatted` numbers an item other
// than `source` did.
void renumbered_items(const node& from, std::string_view source, const node& to, std::string_view formatted,
                      std::vector<splice>& out) {
    bool ordered = from.kind == node_kind::list && from.list == list_type::ordered;
    for (std::size_t i = 0; i < from.children.size() && i < to.children.size(); ++i) {
        const node& a = from.children[i];
        const node& b = to.children[i];
        if (ordered) {
            std::string_view written = item_number(source, a.span.begin);
            std::string_view canonical = item_number(formatted, b.span.begin);
            if (!written.empty() && !canonical.empty() && written != canonical)
                out.push_back({static_cast<std::size_t>(canonical.data() - formatted.data()), canonical.size(), written});
        }
        renumbered_items(a, source, b, formatted, out);
    }
}

enum class outcome { unchanged, changed, refused };

std::string folded(std::string label) {
    std::transform(label.begin(), label.end(), label.begin(), [](unsigned char c) { return std::tolower(c); });
    return label;
}

// Whether another note of `document` has `note`'s label (GFM labels match without regard to case)
// but another call style: canonical Markdown writes both as `[^label]`, so one is renamed
// (docs/markdown.md) and the document does not read back with the labels it had.
bool shares_label_across_styles(const node& document, const node& note) {
    std::string label = folded(note.attrs().label);
    return !visit(document, [&](const node& n) {
        bool other = n.kind == node_kind::note && &n != &note && n.attrs().subtype != note.attrs().subtype &&
                     folded(n.attrs().label) == label;
        return other ? visit_control::stop : visit_control::descend;
    });
}

// Whether `formatted` reads back as `document` (normalized); reports where it does not.
bool reads_back(const node& document, const std::string& formatted, const std::string& display, node* reparsed) {
    parse_result again = parse(formatted);
    normalize_text(again.document);
    if (const node* d = first_difference(document, again.document); d || !again.ok()) {
        std::cerr << "archmark: " << display;
        if (d) std::cerr << ":" << d->span.line << ":" << d->span.column;
        if (d && d->kind == node_kind::note && shares_label_across_styles(document, *d))
            std::cerr << ": not formatted: notes of two styles share the label `" << d->attrs().label
                      << "`; canonical Markdown writes every note as `[^label]`, so one would be renamed:"
                         " give one of them another label\n";
        else
            std::cerr << ": not formatted: its canonical Markdown would not read back as the same document"
                         " (an archmark bug: please report it with this file)\n";
        return false;
    }
    if (reparsed) *reparsed = std::move(again.document);
    return true;
}

// Formats one input. `text` is its content; `display` its name in messages.
outcome format_one(const std::string& text, const std::string& display, std::string& formatted) {
    parse_result parsed = parse(text);
    if (!parsed.ok()) {
        for (const auto& d : parsed.diagnostics)
            if (d.level == severity::error) std::cerr << format_diagnostic(d, display) << "\n";
        return outcome::refused;
    }
    write_options options;
    string_sink sink(formatted);
    write_markdown(parsed.document, options, sink);
    if (formatted == text) return outcome::unchanged;
    // The safety net: the canonical text must read back as the same document.
    normalize_text(parsed.document);
    node reparsed;
    if (!reads_back(parsed.document, formatted, display, &reparsed)) return outcome::refused;
    // Item numbers are transcription (`3. You would` then `3. You would undertake` is evidence),
    // but the tree keeps only a list's start and the writer counts up from it: put back every
    // number as the input wrote it, then check again.
    std::vector<splice> splices;
    renumbered_items(parsed.document, text, reparsed, formatted, splices);
    if (!splices.empty()) {
        for (auto it = splices.rbegin(); it != splices.rend(); ++it) formatted.replace(it->offset, it->length, it->digits);
        if (!reads_back(parsed.document, formatted, display, nullptr)) return outcome::refused;
    }
    return formatted == text ? outcome::unchanged : outcome::changed;
}

int run_fmt(const fmt_settings& s) {
    int status = exit_ok;
    auto worse = [&](int code) {
        if (code == exit_io || (code == exit_input_errors && status == exit_ok)) status = code;
    };
    for (const auto& input : s.inputs) {
        std::string error;
        auto text = read_input(input, error);
        if (!text) {
            std::cerr << "archmark: " << error << "\n";
            worse(exit_io);
            continue;
        }
        bool stdio = input == "-";
        std::string display = stdio ? "<stdin>" : input;
        std::string formatted;
        outcome result = format_one(*text, display, formatted);
        if (result == outcome::refused) worse(exit_input_errors);
        if (stdio && !s.check) {
            // A filter: the canonical text, or the input unchanged when it cannot be formatted.
            std::cout << (result == outcome::changed ? formatted : *text);
            std::cout.flush();
            if (!std::cout) {
                std::cerr << "archmark: cannot write standard output\n";
                return exit_io;
            }
            continue;
        }
        if (result != outcome::changed) continue;
        if (s.check) {
            std::cout << display << "\n";
            worse(exit_input_errors);
            continue;
        }
        // Through a symbolic link, the file it points to is rewritten (the link stays).
        std::error_code ec;
        fs::path target = fs::is_symlink(input, ec) ? fs::canonical(input, ec) : fs::path(input);
        if (ec) target = input;
        if (!write_atomically(target, formatted, error)) {
            std::cerr << "archmark: " << error << "\n";
            worse(exit_io);
        }
    }
    std::cout.flush();
    return status;
}

}  // namespace

command add_fmt_command(CLI::App& app) {
    auto settings = std::make_shared<fmt_settings>();
    auto* fmt = app.add_subcommand("fmt", "Rewrite transcriptions in canonical archmark Markdown");
    fmt->add_flag("--check", settings->check,
                  "Change nothing: list the files that would change and exit 1 if there are any");
    fmt->add_option("files", settings->inputs, "Files to format in place ('-': standard input to standard output)")
        ->required();
    return [fmt, settings]() -> int {
        if (!fmt->parsed()) return -1;
        return run_fmt(*settings);
    };
}

}  // namespace archmark::cli
