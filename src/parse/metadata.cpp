#include "src/parse/metadata.hpp"

#include "src/parse/pass_support.hpp"

#include <yaml-cpp/yaml.h>

namespace archmark::detail {
namespace {

// The line starting at `p`, without its line ending, and where the next line starts.
std::pair<std::string_view, std::size_t> line_at(std::string_view text, std::size_t p) {
    std::size_t eol = text.find_first_of("\r\n", p);
    if (eol == std::string_view::npos) return {text.substr(p), text.size()};
    std::size_t next = eol + ((text[eol] == '\r' && eol + 1 < text.size() && text[eol + 1] == '\n') ? 2 : 1);
    return {text.substr(p, eol - p), next};
}

bool is_fence(std::string_view line, bool closing) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    return line == "---" || (closing && line == "...");
}

std::string scalar_text(const YAML::Node& value) {
    if (value.IsScalar()) return value.Scalar();
    if (value.IsNull()) return "";
    YAML::Emitter out;
    out << YAML::Flow << value;
    return out.c_str();
}

}  // namespace

std::optional<front_matter> find_front_matter(std::string_view text, std::size_t skip) {
    auto [first, p] = line_at(text, skip);
    if (!is_fence(first, false)) return std::nullopt;
    std::size_t yaml_begin = p;
    while (p < text.size()) {
        auto [line, next] = line_at(text, p);
        if (is_fence(line, true))
            return front_matter{static_cast<std::uint32_t>(skip), static_cast<std::uint32_t>(yaml_begin),
                                static_cast<std::uint32_t>(p), static_cast<std::uint32_t>(next)};
        p = next;
    }
    return std::nullopt;
}

void read_front_matter(const front_matter& block, const source_map& map, node& document,
                       std::vector<diagnostic>& diagnostics) {
    std::string yaml(map.text().substr(block.yaml_begin, block.yaml_end - block.yaml_begin));
    auto report = [&](std::uint32_t at, std::string message) {
        diagnostics.push_back(make_diagnostic(rule::metadata_invalid, map.span(at, at), std::move(message),
                                              "front matter is `key: value` lines between two `---` lines"));
    };
    try {
        YAML::Node root = YAML::Load(yaml);
        if (root.IsNull()) return;
        if (!root.IsMap()) {
            report(block.yaml_begin, "front matter is not a mapping of keys to values");
            return;
        }
        for (const auto& entry : root)
            document.attrs().metadata.emplace_back(scalar_text(entry.first), scalar_text(entry.second));
    } catch (const YAML::Exception& e) {
        // yaml-cpp counts lines and columns from 0 within the block.
        std::uint32_t line = map.span(block.yaml_begin, block.yaml_begin).line + static_cast<std::uint32_t>(std::max(e.mark.line, 0));
        std::uint32_t at = std::min<std::uint32_t>(map.line_start(line) + static_cast<std::uint32_t>(std::max(e.mark.column, 0)),
                                                   map.line_end(line));
        report(at, "front matter is not valid YAML: " + e.msg);
    }
}

std::string blank_front_matter(std::string_view text, const front_matter& block) {
    std::string copy(text);
    for (std::size_t i = block.begin; i < block.end; ++i)
        if (copy[i] != '\n' && copy[i] != '\r') copy[i] = ' ';
    return copy;
}

}  // namespace archmark::detail
