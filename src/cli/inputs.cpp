#include "src/cli/inputs.hpp"

#include "src/cli/files.hpp"

#include <algorithm>
#include <fnmatch.h>
#include <sstream>

namespace archmark::cli {

namespace fs = std::filesystem;

namespace {

bool matches(const std::vector<std::string>& globs, const std::string& name) {
    return std::any_of(globs.begin(), globs.end(),
                       [&](const std::string& g) { return ::fnmatch(g.c_str(), name.c_str(), FNM_PERIOD) == 0; });
}

std::string without_trailing_slash(std::string s) {
    while (s.size() > 1 && s.ends_with('/')) s.pop_back();
    return s;
}

std::string folder_of(const std::string& path) {
    std::string parent = fs::path(path).parent_path().string();
    return parent.empty() ? "." : parent;
}

// The files under `folder` that match, sorted by their path under it. `relative_root` is put in
// front of each relative path (a folder named in --files-from keeps its place in the tree).
void walk(const std::string& folder, const fs::path& relative_root, const std::string& collection,
          const input_options& options, input_list& out) {
    std::vector<input_file> found;
    std::size_t errors_before = out.errors.size();
    std::error_code ec;
    fs::recursive_directory_iterator it(folder, fs::directory_options::none, ec), end;
    if (ec) {
        out.errors.push_back(folder + ": " + ec.message());
        return;
    }
    for (; it != end; it.increment(ec)) {
        if (ec) {
            out.errors.push_back(it->path().string() + ": " + ec.message());
            break;
        }
        const fs::path& p = it->path();
        std::string name = p.filename().string();
        std::error_code type_ec;
        if (name.starts_with('.')) {
            if (it->is_directory(type_ec)) it.disable_recursion_pending();
            continue;
        }
        if (it->is_directory(type_ec)) {
            if (!options.skip_folder.empty() && fs::equivalent(p, options.skip_folder, type_ec))
                it.disable_recursion_pending();
            continue;
        }
        if (!it->is_regular_file(type_ec) || !matches(options.globs, name)) continue;
        fs::path under = p.lexically_relative(folder);
        found.push_back({p.string(), p.string(), relative_root / under, collection});
    }
    if (found.empty() && out.errors.size() == errors_before) {
        std::string patterns;
        for (std::size_t i = 0; i < options.globs.size(); ++i)
            patterns += (i == 0 ? "" : i + 1 == options.globs.size() ? " or " : ", ") + options.globs[i];
        out.errors.push_back(folder + ": no input files (" + patterns + ")");
    }
    std::sort(found.begin(), found.end(), [](const input_file& a, const input_file& b) {
        return a.relative.generic_string() < b.relative.generic_string();
    });
    for (auto& f : found) out.files.push_back(std::move(f));
}

void add_argument(const std::string& argument, bool from_list, const input_options& options, input_list& out) {
    if (argument == "-") {
        out.files.push_back({"-", "<stdin>", "stdin", "<stdin>"});
        return;
    }
    std::error_code ec;
    // A listed path keeps its place in the tree; a file given by itself is known by its name.
    fs::path relative = from_list ? fs::path(argument).lexically_normal() : fs::path(argument).filename();
    if (fs::is_directory(argument, ec)) {
        std::string folder = without_trailing_slash(argument);
        walk(folder, from_list ? relative : fs::path(), folder, options, out);
        return;
    }
    out.files.push_back({argument, argument, relative, folder_of(argument)});
}

}  // namespace

std::vector<std::string> default_globs() { return {"*.md", "*.markdown", "*.txt"}; }

input_list collect_inputs(const std::vector<std::string>& arguments, const input_options& options) {
    input_list out;
    for (const auto& a : arguments) add_argument(a, false, options, out);
    if (!options.files_from.empty()) {
        std::string error;
        auto list = read_input(options.files_from, error);
        if (!list) {
            out.errors.push_back(error);
            return out;
        }
        std::istringstream lines(*list);
        for (std::string line; std::getline(lines, line);) {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            if (!line.empty()) add_argument(line, true, options, out);
        }
    }
    return out;
}

}  // namespace archmark::cli
