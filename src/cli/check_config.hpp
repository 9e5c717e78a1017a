// `archmark check` configuration: rule levels (`--rule ID=LEVEL`, `.archmark.yaml`) and the
// `.archmark.yaml` files found by walking up from each input's folder.
#pragma once

#include <archmark/diagnostic.hpp>

#include <array>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace archmark::cli {

// A rule's configured level: off (its findings are dropped) or a severity.
struct rule_level {
    bool off = false;
    archmark::severity level = archmark::severity::warning;
};
// One entry per rule id; nullopt where nothing is configured.
using rule_levels = std::array<std::optional<rule_level>, archmark::rule_count>;

// "off", "note", "warning" or "error"; nullopt for anything else.
std::optional<rule_level> parse_rule_level(std::string_view text);

// `ID=LEVEL` as given to --rule: sets `levels` and returns empty, or returns what is wrong.
std::string parse_rule_setting(std::string_view setting, rule_levels* levels);

// Whether `path` ('/'-separated, relative) matches the glob `pattern`: fnmatch() with
// FNM_PATHNAME per path segment, plus `**` for any number of segments. A pattern that matches a
// folder matches everything in it (`drafts` is `drafts/**`).
bool glob_match(std::string_view pattern, std::string_view path);

// One `.archmark.yaml`: `rules: {ID: LEVEL, …}` and `ignore: [GLOB, …]`, globs relative to
// its folder.
struct check_config {
    std::filesystem::path folder;  // absolute
    std::string display;           // the file as named in messages
    rule_levels rules;
    std::vector<std::string> ignore;

    // Whether `file` (absolute, lexically normal, inside `folder`) matches an ignore pattern.
    bool ignores(const std::filesystem::path& file) const;
};

// What governs the files of one folder: the nearest configuration, nothing, or a broken one.
struct config_lookup {
    const check_config* config = nullptr;  // nullptr when there is none (or it is broken)
    const std::string* error = nullptr;    // set when the nearest configuration cannot be used
    int status = 0;                        // with `error`: 2 (invalid) or 3 (unreadable)
};

// Finds and loads `.archmark.yaml` files, each folder's answer cached so that a thousand inputs in
// one folder cost one walk.
class config_finder {
public:
    // The configuration governing files in `folder` (absolute, lexically normal): the nearest
    // `.archmark.yaml` in it or a folder above, up to the filesystem root.
    config_lookup find(const std::filesystem::path& folder);

private:
    struct loaded {
        std::unique_ptr<check_config> config;
        std::string error;
        int status = 0;
    };
    const loaded* load(const std::filesystem::path& file);

    std::unordered_map<std::string, const loaded*> by_folder_;  // nullptr: no configuration
    std::vector<std::unique_ptr<loaded>> files_;
};

// A path as shown to the user: relative to the working folder when it lies inside it.
std::string display_path(const std::filesystem::path& absolute);

}  // namespace archmark::cli
