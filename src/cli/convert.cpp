// `archmark convert`: transcriptions to TEI, HTML, JSON, canonical Markdown or the AST dump, one
// file or a whole corpus (docs/cli.md, docs/scaling.md).
//
// A batch runs in three steps. Planning, on the main thread: the inputs are collected in a fixed
// order, each gets its output paths (refused when they would leave OUTDIR, pass through a
// symbolic link or collide with another input's), --shard keeps its part, --incremental drops what
// is up to date, and the output folders are made. Converting, on -j threads: each input is read,
// parsed once and written in every format (atomically, src/cli/files.cpp). Reporting, back on the
// main thread in input order: diagnostics, manifest lines, state lines and the progress bar, so
// that what is printed and written does not depend on -j.
#include <archmark/dump.hpp>
#include <archmark/parse.hpp>
#include <archmark/version.hpp>
#include <archmark/write.hpp>

#include "src/cli/commands.hpp"
#include "src/cli/digest.hpp"
#include "src/cli/files.hpp"
#include "src/cli/inputs.hpp"
#include "src/cli/pool.hpp"
#include "src/cli/progress.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fcntl.h>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace archmark::cli {
namespace {

enum class format { tei, html, json, markdown, ast, none };

constexpr std::string_view format_names = "{tei,html,json,markdown,ast,none}";

std::optional<format> format_named(std::string_view name) {
    if (name == "tei") return format::tei;
    if (name == "html") return format::html;
    if (name == "json") return format::json;
    if (name == "markdown") return format::markdown;
    if (name == "ast") return format::ast;
    if (name == "none") return format::none;
    return std::nullopt;
}

std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> items;
    std::stringstream in(text);
    for (std::string item; std::getline(in, item, ',');) items.push_back(item);
    return items;
}

struct convert_settings {
    std::string to = "html";
    std::vector<format> formats;
    bool fragment = false;
    bool unsafe = false;
    bool no_archival = false;
    bool autolink = false;
    std::string view = "diplomatic";
    std::string css_file;
    std::string css_link;
    std::string output;
    std::vector<std::string> inputs;
    std::vector<std::string> globs = default_globs();
    std::string files_from;
    unsigned jobs = 0;
    bool incremental = false;
    bool quiet = false;
    std::string manifest;
    std::string shard;
};

std::string_view extension(format f) {
    switch (f) {
    case format::tei: return ".xml";
    case format::html: return ".html";
    case format::json: return ".json";
    case format::markdown: return ".md";
    case format::ast: return ".ast";
    case format::none: return "";
    }
    return "";
}

// Writes one format to `sink`; what the writer could not express goes to `unsupported`.
void render(const archmark::parse_result& parsed, format to, const archmark::write_options& options,
            archmark::output_sink& sink, std::vector<archmark::diagnostic>& unsupported) {
    switch (to) {
    case format::tei: archmark::write_tei(parsed.document, options, sink, unsupported); break;
    case format::html: archmark::write_html(parsed.document, options, sink); break;
    case format::json: archmark::write_json(parsed.document, parsed.diagnostics, options, sink); break;
    case format::markdown: archmark::write_markdown(parsed.document, options, sink); break;
    case format::ast: sink.write(archmark::dump_ast(parsed.document)); break;
    case format::none: break;
    }
}

// Modification time in nanoseconds, or -1 when the file cannot be stat'ed.
long long mtime_ns(const struct stat& st) {
    return static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
}

// ---- --incremental: the state file ----------------------------------------------------------
//
// OUTDIR/.archmark-state.jsonl: one line per converted input, {"input", "options", "size",
// "mtime"}; a later line for the same input wins. Lines are appended as inputs finish, so a killed
// run keeps what it did; an unsharded run rewrites the file with one line per input at its end.
// Shards append to the same file (one write() of one short line under O_APPEND) and never rewrite it.

struct state_entry {
    std::string options;
    std::uint64_t size = 0;
    long long mtime = 0;
};

constexpr const char* state_file_name = ".archmark-state.jsonl";

std::string state_line(const std::string& input, const state_entry& e) {
    nlohmann::ordered_json j{{"input", input}, {"options", e.options}, {"size", e.size}, {"mtime", e.mtime}};
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::map<std::string, state_entry> read_state(const fs::path& file) {
    std::map<std::string, state_entry> state;
    std::string error;
    auto text = read_input(file.string(), error);
    if (!text) return state;
    std::istringstream lines(*text);
    for (std::string line; std::getline(lines, line);) {
        auto j = nlohmann::json::parse(line, nullptr, false);
        if (j.is_discarded() || !j.is_object()) continue;  // a line cut short by a kill
        try {
            state[j.at("input").get<std::string>()] = {j.at("options").get<std::string>(),
                                                       j.at("size").get<std::uint64_t>(),
                                                       j.at("mtime").get<long long>()};
        } catch (const nlohmann::json::exception&) {
        }
    }
    return state;
}

// What decides an output's content besides the input: the version and every writer and parser
// option. The formats are not in it: a missing output is converted whatever the state says.
std::string options_hash(const convert_settings& s, const std::string& css) {
    std::string key = std::string("archmark ") + archmark::version;
    key += "\nfragment=" + std::to_string(s.fragment) + "\nunsafe=" + std::to_string(s.unsafe) +
           "\narchival=" + std::to_string(!s.no_archival) + "\nautolink=" + std::to_string(s.autolink) +
           "\nview=" + s.view + "\ncss=" + sha256_hex(css) + "\ncss-link=" + s.css_link + "\n";
    return sha256_hex(key).substr(0, 16);
}

// ---- planning ------------------------------------------------------------------------------

struct job {
    const input_file* input = nullptr;
    std::vector<fs::path> outputs;  // one per format; empty when writing to standard output
    std::string refused;            // why it is not converted (an I/O error), or empty
    bool up_to_date = false;        // --incremental: skipped
    std::uint64_t size = 0;
    long long mtime = -1;
};

struct job_result {
    int status = exit_ok;
    std::string messages;  // for standard error, in order
    std::string text;      // for standard output (when there is no -o)
    std::size_t diagnostics = 0, errors = 0, warnings = 0;
    std::uint64_t bytes = 0;
    std::string sha256;
    std::array<std::uint32_t, node_kind_count> kinds{};
    double ms = 0;
    bool written = false;  // parsed without errors and every output written
};

bool leaves_folder(const fs::path& relative) {
    if (relative.empty() || relative.has_root_path()) return true;
    return std::any_of(relative.begin(), relative.end(), [](const fs::path& part) { return part == ".."; });
}

// The first existing symbolic link on the way from `root` to `path` (root / relative), or empty.
// Folders already seen to be safe are remembered in `safe`; `exists` tells whether `path` does.
fs::path symlink_on_the_way(const fs::path& root, const fs::path& relative, std::set<std::string>& safe,
                            bool& exists) {
    fs::path at = root;
    exists = false;
    for (auto part = relative.begin(); part != relative.end(); ++part) {
        at /= *part;
        bool last = std::next(part) == relative.end();
        if (!last && safe.count(at.string())) continue;
        struct stat st {};
        bool found = ::lstat(at.c_str(), &st) == 0;
        if (found && S_ISLNK(st.st_mode)) return at;
        if (!last) safe.insert(at.string());
        else exists = found;
    }
    return {};
}

void count_kinds(const node& n, std::array<std::uint32_t, node_kind_count>& kinds) {
    ++kinds[static_cast<std::size_t>(n.kind)];
    for (const auto& c : n.children) count_kinds(c, kinds);
}

std::string plural(std::size_t n, std::string_view word) {
    return std::to_string(n) + " " + std::string(word) + (n == 1 ? "" : "s");
}

struct shard_spec {
    std::uint64_t index = 0, count = 1;  // index is 0-based here, 1-based on the command line
};

std::optional<shard_spec> parse_shard(const std::string& text) {
    auto slash = text.find('/');
    if (slash == std::string::npos) return std::nullopt;
    try {
        std::size_t used = 0;
        unsigned long long k = std::stoull(text.substr(0, slash), &used);
        if (used != slash) return std::nullopt;
        std::string rest = text.substr(slash + 1);
        unsigned long long n = std::stoull(rest, &used);
        if (used != rest.size() || n == 0 || k == 0 || k > n || text[0] == '-' || rest[0] == '-') return std::nullopt;
        return shard_spec{k - 1, n};
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

// The shard an input belongs to: a hash of its relative path (with '/' separators), so the
// partition depends neither on the order of the inputs nor on the machine.
bool in_shard(const input_file& f, const shard_spec& shard) {
    return stable_hash(f.relative.generic_string()) % shard.count == shard.index;
}

int run_convert(convert_settings& s) {
    auto started = std::chrono::steady_clock::now();

    // Formats and options.
    for (const auto& name : split_list(s.to)) s.formats.push_back(*format_named(name));
    bool none = std::find(s.formats.begin(), s.formats.end(), format::none) != s.formats.end();
    if (s.formats.empty() || (none && s.formats.size() > 1)) {
        std::cerr << "archmark: --to: 'none' cannot be combined with other formats\n";
        return exit_usage;
    }
    std::optional<shard_spec> shard;
    if (!s.shard.empty() && !(shard = parse_shard(s.shard))) {
        std::cerr << "archmark: --shard: " << s.shard << " is not K/N with 1 <= K <= N\n";
        return exit_usage;
    }
    if (s.files_from == "-" && std::find(s.inputs.begin(), s.inputs.end(), "-") != s.inputs.end()) {
        std::cerr << "archmark: --files-from - and the input - cannot both read standard input\n";
        return exit_usage;
    }
    archmark::write_options write;
    write.fragment = s.fragment;
    write.unsafe = s.unsafe;
    write.archival = !s.no_archival;
    write.view = s.view == "reading" ? archmark::html_view::reading : archmark::html_view::diplomatic;
    write.css_href = s.css_link;
    if (!s.css_file.empty()) {
        std::string error;
        auto css = read_input(s.css_file, error);
        if (!css) {
            std::cerr << "archmark: --css: " << error << "\n";
            return exit_io;
        }
        write.css = std::move(*css);
    }
    archmark::parse_options parse_options;
    parse_options.archival = !s.no_archival;
    parse_options.autolink = s.autolink;

    // Where outputs go: standard output, one file, or a folder.
    std::vector<std::string> arguments = s.inputs;
    if (arguments.empty() && s.files_from.empty()) arguments.push_back("-");
    std::error_code ec;
    bool any_folder = std::any_of(arguments.begin(), arguments.end(),
                                  [&](const std::string& a) { return a != "-" && fs::is_directory(a, ec); });
    bool to_folder = !s.output.empty() &&
                     (arguments.size() > 1 || !s.files_from.empty() || any_folder || s.formats.size() > 1 ||
                      s.output.ends_with('/') || fs::is_directory(s.output, ec));
    if (s.output.empty() && s.formats.size() > 1) {
        std::cerr << "archmark: several formats need -o OUTDIR\n";
        return exit_usage;
    }
    if (s.manifest == "-" && s.output.empty() && !none) {
        std::cerr << "archmark: --manifest - needs -o: standard output carries the converted text\n";
        return exit_usage;
    }
    if (s.incremental && !to_folder) {
        std::cerr << "archmark: --incremental needs -o OUTDIR\n";
        return exit_usage;
    }
    fs::path outdir = to_folder ? fs::path(s.output) : fs::path();
    if (to_folder && !fs::is_directory(outdir, ec) && !fs::create_directories(outdir, ec)) {
        std::cerr << "archmark: " << s.output << ": cannot create folder: " << ec.message() << "\n";
        return exit_io;
    }

    // The inputs, in order; then this shard's part.
    input_options collect;
    collect.globs = s.globs;
    collect.files_from = s.files_from;
    if (to_folder) collect.skip_folder = outdir;
    input_list found = collect_inputs(arguments, collect);
    int status = exit_ok;
    for (const auto& e : found.errors) {
        std::cerr << "archmark: " << e << "\n";
        status = exit_io;
    }

    // Output paths, refusals and collisions are decided over all inputs (so that every shard
    // decides alike), then the shard keeps its part.
    std::vector<job> jobs;
    jobs.reserve(found.files.size());
    std::map<std::string, std::size_t> claimed;  // output path without extension -> job index
    for (const auto& f : found.files) {
        job j;
        j.input = &f;
        if (to_folder && !none) {
            fs::path base = f.relative;
            base.replace_extension();
            if (leaves_folder(f.relative)) {
                j.refused = f.display + ": refused: its output would be outside " + s.output +
                            " (an absolute path or '..')";
            } else if (auto [at, fresh] = claimed.emplace(base.generic_string(), jobs.size()); !fresh) {
                j.refused = f.display + ": refused: its output would overwrite that of " +
                            jobs[at->second].input->display;
            }
            for (format fmt : s.formats) {
                fs::path rel = base;
                rel += extension(fmt);
                j.outputs.push_back(outdir / rel);
            }
        } else if (!s.output.empty() && !none) {
            j.outputs.push_back(s.output);
        }
        jobs.push_back(std::move(j));
    }
    if (shard)
        std::erase_if(jobs, [&](const job& j) { return !in_shard(*j.input, *shard); });

    std::string options = options_hash(s, write.css);
    std::map<std::string, state_entry> state;
    fs::path state_path = outdir / state_file_name;
    if (s.incremental) state = read_state(state_path);

    std::set<std::string> safe_folders, made_folders;
    std::uint64_t total_bytes = 0;
    for (auto& j : jobs) {
        struct stat st {};
        if (j.input->path != "-" && ::stat(j.input->path.c_str(), &st) == 0) {
            j.size = static_cast<std::uint64_t>(st.st_size);
            j.mtime = mtime_ns(st);
        }
        total_bytes += j.size;
        if (!j.refused.empty() || !to_folder) continue;
        for (const auto& out : j.outputs) {
            bool exists = false;
            fs::path link = symlink_on_the_way(outdir, out.lexically_relative(outdir), safe_folders, exists);
            if (!link.empty()) {
                j.refused = j.input->display + ": refused: " + link.string() + " is a symbolic link";
                break;
            }
            if (exists && j.input->path != "-" && fs::equivalent(out, j.input->path, ec)) {
                j.refused = j.input->display + ": refused: its output " + out.string() + " is the input itself";
                break;
            }
        }
        if (!j.refused.empty()) continue;
        if (s.incremental && j.mtime >= 0) {
            auto it = state.find(j.input->relative.generic_string());
            j.up_to_date = it != state.end() && it->second.options == options && it->second.size == j.size &&
                           it->second.mtime == j.mtime &&
                           std::all_of(j.outputs.begin(), j.outputs.end(), [&](const fs::path& out) {
                               struct stat o {};
                               return ::stat(out.c_str(), &o) == 0 && mtime_ns(o) >= j.mtime;
                           });
        }
        if (j.up_to_date || j.outputs.empty()) continue;
        fs::path folder = j.outputs.front().parent_path();
        if (made_folders.insert(folder.string()).second && !fs::is_directory(folder, ec) &&
            !fs::create_directories(folder, ec))
            j.refused = folder.string() + ": cannot create folder: " + ec.message();
    }

    // Converting one input (on a worker thread).
    bool want_digest = !s.manifest.empty();
    auto convert_one = [&](std::size_t index) -> job_result {
        const job& j = jobs[index];
        job_result r;
        if (!j.refused.empty()) {
            r.messages = "archmark: " + j.refused + "\n";
            r.status = exit_io;
            r.errors = 1;
            return r;
        }
        if (j.up_to_date) return r;
        auto begin = std::chrono::steady_clock::now();
        try {
            std::string error;
            auto text = read_input(j.input->path, error);
            if (!text) {
                r.messages = "archmark: " + error + "\n";
                r.status = exit_io;
                r.errors = 1;
                return r;
            }
            r.bytes = text->size();
            if (want_digest) r.sha256 = sha256_hex(*text);
            auto parsed = archmark::parse(*text, parse_options);
            for (const auto& d : parsed.diagnostics) {
                r.messages += archmark::format_diagnostic(d, j.input->display) + "\n";
                ++r.diagnostics;
                if (d.level == archmark::severity::error) ++r.errors;
                if (d.level == archmark::severity::warning) ++r.warnings;
            }
            count_kinds(parsed.document, r.kinds);
            // Input that is not text (not UTF-8, or holding NUL bytes: binary, UTF-16 without a
            // byte order mark) gets no output: writers would have to change what it holds.
            bool rejected = std::any_of(parsed.diagnostics.begin(), parsed.diagnostics.end(), [](const auto& d) {
                return d.id == archmark::rule::input_utf8 || d.id == archmark::rule::input_nul;
            });
            if (!parsed.ok()) r.status = exit_input_errors;
            if (!rejected && !none) {
                bool all_written = true;
                for (std::size_t i = 0; i < s.formats.size(); ++i) {
                    std::vector<archmark::diagnostic> unsupported;
                    bool written = true;
                    if (j.outputs.empty() && jobs.size() == 1) {
                        // Standard output, straight: one input has no order to keep.
                        archmark::ostream_sink sink(std::cout);
                        render(parsed, s.formats[i], write, sink, unsupported);
                        if (!std::cout.flush()) {
                            error = "cannot write standard output";
                            written = false;
                        }
                    } else if (j.outputs.empty()) {
                        archmark::string_sink sink(r.text);  // standard output, in input order
                        render(parsed, s.formats[i], write, sink, unsupported);
                    } else {
                        // Straight to the file, so a large output is never in memory whole.
                        atomic_file file(j.outputs[i]);
                        file_sink sink(file);
                        render(parsed, s.formats[i], write, sink, unsupported);
                        sink.flush();
                        written = file.commit(error, !to_folder);
                    }
                    for (const auto& d : unsupported) {
                        r.messages += archmark::format_diagnostic(d, j.input->display) + "\n";
                        ++r.diagnostics;
                        ++r.warnings;
                    }
                    if (!written) {
                        r.messages += "archmark: " + error + "\n";
                        r.status = exit_io;
                        ++r.errors;
                        all_written = false;
                    }
                }
                r.written = all_written && parsed.ok();
            }
        } catch (const std::exception& e) {  // out of memory, in practice
            r.messages += "archmark: " + j.input->display + ": " + e.what() + "\n";
            r.status = exit_io;
            ++r.errors;
        }
        r.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begin).count();
        return r;
    };

    // Reporting, in input order (on this thread).
    int state_fd = -1;
    if (s.incremental) state_fd = ::open(state_path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    std::string manifest;
    progress_bar bar(jobs.size(), total_bytes, to_folder && !s.quiet && ::isatty(STDERR_FILENO) == 1);
    std::size_t done = 0, up_to_date = 0, errors = found.errors.size(), warnings = 0;
    std::uint64_t done_bytes = 0, read_bytes = 0;
    bool stdout_failed = false;
    // State lines are written only for outputs known to be on disk: after a flush of the file
    // system, every two seconds. A power cut then costs at most a reconversion.
    std::string pending_state;
    auto last_flush = std::chrono::steady_clock::now();
    auto record_state = [&] {
        last_flush = std::chrono::steady_clock::now();
        if (pending_state.empty() || state_fd < 0) return;
        std::string error;
        if (!flush_file_system(outdir, error) ||
            ::write(state_fd, pending_state.data(), pending_state.size()) != static_cast<ssize_t>(pending_state.size())) {
            bar.clear();
            std::cerr << "archmark: " << state_path.string() << ": cannot record the state\n";
            ::close(state_fd);
            state_fd = -1;
        }
        pending_state.clear();
    };
    auto report = [&](std::size_t index, job_result& r) {
        const job& j = jobs[index];
        if (!r.messages.empty()) {
            bar.clear();
            std::cerr << r.messages;
        }
        if (j.outputs.empty() && !r.text.empty() && !stdout_failed) {
            std::cout << r.text;
            std::cout.flush();
            if (!std::cout) {
                std::cerr << "archmark: cannot write standard output\n";
                stdout_failed = true;
            }
        }
        status = std::max(status, r.status);
        errors += r.errors;
        warnings += r.warnings;
        read_bytes += r.bytes;
        done_bytes += j.size;
        ++done;
        if (j.up_to_date) ++up_to_date;
        std::string key = j.input->relative.generic_string();
        if (r.written && s.incremental) {
            state_entry e{options, j.size, j.mtime};
            pending_state += state_line(key, e);
            state[key] = e;
            if (std::chrono::steady_clock::now() - last_flush > std::chrono::seconds(2)) record_state();
        }
        if (want_digest) {
            nlohmann::ordered_json line;
            line["path"] = j.input->display;
            line["outputs"] = nlohmann::json::array();
            if (j.refused.empty())
                for (const auto& out : j.outputs) line["outputs"].push_back(out.string());
            line["status"] = j.up_to_date ? "up-to-date" : r.status == exit_ok ? "ok" : "failed";
            if (!j.up_to_date && j.refused.empty() && r.status != exit_io) {
                line["sha256"] = r.sha256;
                line["bytes"] = r.bytes;
                nlohmann::ordered_json kinds = nlohmann::ordered_json::object();
                for (int k = 0; k < node_kind_count; ++k)
                    if (r.kinds[static_cast<std::size_t>(k)])
                        kinds[std::string(kind_name(static_cast<node_kind>(k)))] = r.kinds[static_cast<std::size_t>(k)];
                line["nodes"] = std::move(kinds);
                line["diagnostics"] = r.diagnostics;
                line["errors"] = r.errors;
                line["warnings"] = r.warnings;
                line["ms"] = std::round(r.ms * 1000) / 1000;
            }
            manifest += line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
        }
        bar.update(done, done_bytes);
    };
    auto tick = [&] { bar.update(done, done_bytes); };
    run_in_order<job_result>(jobs.size(), s.jobs ? s.jobs : default_jobs(), convert_one, report, tick);
    bar.clear();
    if (stdout_failed) status = exit_io;

    // The outputs of a batch are flushed to disk once, here, rather than one by one.
    if (to_folder) {
        std::string error;
        if (!flush_file_system(outdir, error)) {
            std::cerr << "archmark: " << error << "\n";
            status = std::max<int>(status, exit_io);
        }
    }
    record_state();
    if (state_fd >= 0) ::close(state_fd);
    if (s.incremental && !shard) {
        // One line per input, replacing the appended history.
        std::string compact;
        for (const auto& [key, e] : state) compact += state_line(key, e);
        std::string error;
        if (!write_atomically(state_path, compact, error)) std::cerr << "archmark: " << error << "\n";
    }
    if (want_digest) {
        std::string error;
        if (s.manifest == "-") {
            std::cout << manifest;
            std::cout.flush();
        } else if (!write_atomically(s.manifest, manifest, error)) {
            std::cerr << "archmark: " << error << "\n";
            status = std::max<int>(status, exit_io);
        }
    }
    if (to_folder && !s.quiet) {
        double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        char time[32];
        std::snprintf(time, sizeof time, "%.2f s", seconds);
        std::cerr << "archmark: " << plural(done, "file");
        if (up_to_date) std::cerr << " (" << up_to_date << " up to date)";
        std::cerr << ", " << human_bytes(read_bytes) << ", " << plural(errors, "error") << ", "
                  << plural(warnings, "warning") << ", " << time << "\n";
    }
    return status;
}

}  // namespace

command add_convert_command(CLI::App& app) {
    auto s = std::make_shared<convert_settings>();
    auto* convert = app.add_subcommand("convert", "Convert transcriptions to another format");
    convert->add_option("--to", s->to,
                        "Output formats, comma-separated: tei, html, json, markdown (canonical), ast (the AST dump) "
                        "or none (parse only)")
        ->check(CLI::Validator(
            [](std::string& value) -> std::string {
                for (const auto& name : split_list(value))
                    if (!format_named(name)) return name + " not in " + std::string(format_names);
                return value.empty() ? std::string(" not in ") + std::string(format_names) : std::string();
            },
            "FORMAT[,FORMAT...]", "format list"))
        ->capture_default_str();
    convert->add_flag("--fragment", s->fragment, "Body content only, without the page or TEI document around it");
    convert->add_flag("--unsafe", s->unsafe, "HTML: pass raw HTML and dangerous URLs through");
    convert->add_flag("--no-archival", s->no_archival, "Plain CommonMark/GFM: skip the archival conventions");
    convert->add_flag("--autolink", s->autolink, "Recognize GFM extended autolinks (www.example.com)");
    convert->add_option("--view", s->view, "HTML: the view the page opens in")
        ->check(CLI::IsMember({"diplomatic", "reading"}))
        ->capture_default_str();
    convert->add_option("--css", s->css_file, "HTML: embed this stylesheet after the built-in one");
    convert->add_option("--css-link", s->css_link, "HTML: link this stylesheet (URL or path) after the built-in one");
    convert->add_option("-o,--output", s->output,
                        "Output file; or folder when there are several inputs or formats, a folder among the "
                        "inputs, or --files-from (default: standard output)");
    convert->add_option("--glob", s->globs, "File-name patterns of the files taken from folders (repeatable)")
        ->default_str("*.md *.markdown *.txt")
        ->allow_extra_args(false);
    convert->add_option("--files-from", s->files_from, "Read input paths from LIST, one a line ('-': standard input)")
        ->type_name("LIST");
    convert->add_option("-j,--jobs", s->jobs, "Threads (default: every core)")->check(CLI::Range(1u, 1024u));
    convert->add_flag("--incremental", s->incremental,
                      "Skip inputs whose outputs are newer and were made with the same options");
    convert->add_flag("-q,--quiet", s->quiet, "No progress bar and no summary");
    convert->add_option("--manifest", s->manifest, "Write one JSON line per input to FILE ('-': standard output)")
        ->type_name("FILE.jsonl");
    convert->add_option("--shard", s->shard, "Convert only part K of N of the inputs (by a hash of their paths)")
        ->type_name("K/N");
    convert->add_option("inputs", s->inputs, "Input files or folders ('-' or none: standard input)");
    return [convert, s]() -> int {
        if (!convert->parsed()) return -1;
        return run_convert(*s);
    };
}

}  // namespace archmark::cli
