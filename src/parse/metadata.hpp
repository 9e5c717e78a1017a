// YAML front matter (conventions.md §6): `---` … `---` (or `...`) at the very top of the input.
#pragma once

#include <archmark/diagnostic.hpp>
#include <archmark/document.hpp>

#include "src/parse/source_map.hpp"

#include <optional>
#include <string>
#include <vector>

namespace archmark::detail {

struct front_matter {
    std::uint32_t begin;       // the opening `---`
    std::uint32_t yaml_begin;  // the first line of YAML
    std::uint32_t yaml_end;    // the start of the closing line
    std::uint32_t end;         // past the closing line and its line ending
};

// The front matter block at the top of `text` (after `skip` bytes of BOM), or nullopt. A `---`
// with no closing line is a thematic break, not front matter.
std::optional<front_matter> find_front_matter(std::string_view text, std::size_t skip);

// Parses the block's YAML (yaml-cpp) into document.metadata, keys in the order written. A block
// that is not a mapping of keys to values is a metadata.invalid error at the offending line.
void read_front_matter(const front_matter& block, const source_map& map, node& document,
                       std::vector<diagnostic>& diagnostics);

// `text` with the block's bytes blanked (line endings kept), for cmark-gfm: positions stay valid.
std::string blank_front_matter(std::string_view text, const front_matter& block);

}  // namespace archmark::detail
