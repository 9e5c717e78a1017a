#include "src/cli/check_config.hpp"

#include "src/cli/files.hpp"

#include <archmark/rules.hpp>

#include <fnmatch.h>
#include <yaml-cpp/yaml.h>

#include <system_error>

namespace fs = std::filesystem;

namespace archmark::cli {

std::optional<rule_level> parse_rule_level(std::string_view text) {
    if (text == "off") return rule_level{true, archmark::severity::note};
    if (text == "note") return rule_level{false, archmark::severity::note};
    if (text == "warning") return rule_level{false, archmark::severity::warning};
    if (text == "error") return rule_level{false, archmark::severity::error};
    return std::nullopt;
}

std::string parse_rule_setting(std::string_view setting, rule_levels* levels) {
    auto equals = setting.find('=');
    if (equals == std::string_view::npos)
        return "`" + std::string(setting) + "` is not ID=LEVEL (e.g. redaction.possible=off)";
    auto id = setting.substr(0, equals);
    auto level_text = setting.substr(equals + 1);
    auto r = archmark::rule_from_id(id);
    if (!r) return "unknown rule id `" + std::string(id) + "` (archmark check --list-rules lists them)";
    auto level = parse_rule_level(level_text);
    if (!level)
        return "unknown level `" + std::string(level_text) + "` for " + std::string(id) +
               " (off, note, warning or error)";
    if (levels) (*levels)[static_cast<std::size_t>(*r)] = *level;
    return {};
}

namespace {

std::vector<std::string_view> split_path(std::string_view path) {
    std::vector<std::string_view> parts;
    std::size_t at = 0;
    while (at <= path.size()) {
        std::size_t slash = path.find('/', at);
        if (slash == std::string_view::npos) slash = path.size();
        if (slash > at && path.substr(at, slash - at) != ".") parts.push_back(path.substr(at, slash - at));
        at = slash + 1;
    }
    return parts;
}

bool segment_match(std::string_view pattern, std::string_view name) {
    std::string p(pattern), n(name);
    return ::fnmatch(p.c_str(), n.c_str(), FNM_PATHNAME) == 0;
}

}  // namespace

// Segment by segment, right to left: matches[i][j] says whether pattern segments i… match path
// segments j…. `**` matches zero or more segments; a trailing `**` is implied so that a pattern
// naming a folder matches what is inside it.
bool glob_match(std::string_view pattern, std::string_view path) {
    auto pat = split_path(pattern);
    if (pat.empty()) return false;
    pat.push_back("**");
    auto segments = split_path(path);
    std::size_t P = pat.size(), S = segments.size();
    std::vector<char> next(S + 1, 0), here(S + 1, 0);
    next[S] = 1;  // the empty pattern matches only the empty path
    for (std::size_t i = P; i-- > 0;) {
        for (std::size_t j = S + 1; j-- > 0;) {
            if (pat[i] == "**") here[j] = next[j] || (j < S && here[j + 1]);
            else here[j] = j < S && next[j + 1] && segment_match(pat[i], segments[j]);
        }
        std::swap(here, next);
    }
    return next[0] != 0;
}

bool check_config::ignores(const fs::path& file) const {
    if (ignore.empty()) return false;
    std::string relative = file.lexically_relative(folder).generic_string();
    for (const auto& pattern : ignore)
        if (glob_match(pattern, relative)) return true;
    return false;
}

std::string display_path(const fs::path& absolute) {
    std::error_code ec;
    fs::path cwd = fs::current_path(ec);
    if (!ec) {
        fs::path relative = absolute.lexically_relative(cwd);
        if (!relative.empty() && *relative.begin() != "..") return relative.string();
    }
    return absolute.string();
}

namespace {

// A configuration error at a YAML position: `file:line:col: error: message`.
struct config_error {
    YAML::Mark mark;
    std::string message;
};

std::string where(const std::string& display, const YAML::Mark& mark) {
    if (mark.is_null()) return display + ": error: ";
    return display + ":" + std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1) + ": error: ";
}

void read_config(const YAML::Node& root, check_config& config) {
    if (root.IsNull()) return;
    if (!root.IsMap()) throw config_error{root.Mark(), "expected a mapping with `rules` and `ignore`"};
    for (auto entry = root.begin(); entry != root.end(); ++entry) {
        YAML::Node key = entry->first;  // copies: the iterator's -> gives a temporary
        YAML::Node value = entry->second;
        std::string name = key.IsScalar() ? key.Scalar() : std::string();
        if (name == "rules") {
            if (value.IsNull()) continue;
            if (!value.IsMap())
                throw config_error{value.Mark(), "`rules` must map rule ids to levels, e.g. `redaction.possible: off`"};
            for (auto r = value.begin(); r != value.end(); ++r) {
                std::string id = r->first.IsScalar() ? r->first.Scalar() : std::string();
                auto which = archmark::rule_from_id(id);
                if (!which) throw config_error{r->first.Mark(), "unknown rule id `" + id + "`"};
                auto level = r->second.IsScalar() ? parse_rule_level(r->second.Scalar()) : std::nullopt;
                if (!level)
                    throw config_error{r->second.IsNull() ? r->first.Mark() : r->second.Mark(),
                                       "the level of " + id + " must be off, note, warning or error"};
                config.rules[static_cast<std::size_t>(*which)] = *level;
            }
        } else if (name == "ignore") {
            if (value.IsNull()) continue;
            if (value.IsScalar()) {
                config.ignore.push_back(value.Scalar());
                continue;
            }
            if (!value.IsSequence())
                throw config_error{value.Mark(), "`ignore` must be a list of glob patterns"};
            for (const auto& pattern : value) {
                if (!pattern.IsScalar()) throw config_error{pattern.Mark(), "an ignore pattern must be a string"};
                config.ignore.push_back(pattern.Scalar());
            }
        } else {
            throw config_error{key.Mark(), "unknown key `" + name + "` (expected `rules` or `ignore`)"};
        }
    }
}

}  // namespace

const config_finder::loaded* config_finder::load(const fs::path& file) {
    auto result = std::make_unique<loaded>();
    std::string display = display_path(file);
    std::string error;
    auto text = read_input(file.string(), error);
    if (!text) {
        result->error = "archmark: " + display_path(file) + error.substr(file.string().size());
        result->status = 3;
    } else {
        auto config = std::make_unique<check_config>();
        config->folder = file.parent_path();
        config->display = display;
        try {
            read_config(YAML::Load(*text), *config);
            result->config = std::move(config);
        } catch (const config_error& e) {
            result->error = where(display, e.mark) + e.message;
            result->status = 2;
        } catch (const YAML::Exception& e) {
            result->error = where(display, e.mark) + e.msg;
            result->status = 2;
        }
    }
    files_.push_back(std::move(result));
    return files_.back().get();
}

config_lookup config_finder::find(const fs::path& folder) {
    std::vector<std::string> walked;
    const loaded* found = nullptr;
    fs::path at = folder;
    for (;;) {
        auto cached = by_folder_.find(at.native());
        if (cached != by_folder_.end()) {
            found = cached->second;
            break;
        }
        walked.push_back(at.native());
        std::error_code ec;
        fs::path candidate = at / ".archmark.yaml";
        if (fs::exists(candidate, ec)) {
            found = load(candidate);
            break;
        }
        fs::path parent = at.parent_path();
        if (parent == at || parent.empty()) break;
        at = parent;
    }
    for (const auto& f : walked) by_folder_.emplace(f, found);
    if (!found) return {};
    if (!found->config) return {nullptr, &found->error, found->status};
    return {found->config.get(), nullptr, 0};
}

}  // namespace archmark::cli
