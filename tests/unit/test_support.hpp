// Helpers shared by the unit tests: parse a string and look at parts of the result as text.
#pragma once

#include <archmark/dump.hpp>
#include <archmark/parse.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace archmark::test {

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// A path inside the source tree.
inline std::string source_path(const std::string& relative) {
    return std::string(ARCHMARK_SOURCE_DIR) + "/" + relative;
}

// dump_node() of every node of `kind` under `root`, in document order.
inline std::vector<std::string> nodes_of(const node& root, node_kind kind) {
    std::vector<std::string> out;
    auto visit = [&](auto& self, const node& n) -> void {
        if (n.kind == kind) out.push_back(dump_node(n));
        for (const auto& c : n.children) self(self, c);
    };
    visit(visit, root);
    return out;
}

inline std::vector<std::string> redactions(std::string_view text) {
    return nodes_of(parse(text).document, node_kind::redaction);
}

// Diagnostics as `line:col: severity: message [rule-id]`.
inline std::vector<std::string> diagnostics(std::string_view text, const parse_options& options = {}) {
    std::vector<std::string> out;
    for (const auto& d : parse(text, options).diagnostics) out.push_back(format_diagnostic(d, ""));
    return out;
}

}  // namespace archmark::test
