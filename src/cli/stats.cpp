// `archmark stats`: what a collection withholds and how it was edited. Counts redactions by scheme
// and code, deletions, insertions, substitutions, notes, signatures and pages, per collection (a
// folder given as input, else the folder of each file as written) and with --per-file per file.
#include <archmark/parse.hpp>

#include "src/cli/commands.hpp"
#include "src/cli/files.hpp"
#include "src/cli/inputs.hpp"
#include "src/cli/pool.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace archmark::cli {
namespace {

struct stats_settings {
    std::string format = "table";
    bool per_file = false;
    unsigned jobs = 0;
    std::vector<std::string> globs = default_globs();
    std::string files_from;
    std::vector<std::string> inputs;
};

struct scheme_tally {
    std::size_t total = 0;
    std::map<std::string, std::size_t> codes;  // a redaction with two codes counts under both
};

struct tally {
    std::size_t files = 0;
    std::uint64_t bytes = 0;
    std::size_t redactions = 0;
    std::map<redaction_scheme, scheme_tally> schemes;
    std::size_t deletions = 0, insertions = 0, substitutions = 0, notes = 0, signatures = 0, pages = 0;

    void add(const tally& o) {
        files += o.files;
        bytes += o.bytes;
        redactions += o.redactions;
        for (const auto& [scheme, t] : o.schemes) {
            schemes[scheme].total += t.total;
            for (const auto& [code, n] : t.codes) schemes[scheme].codes[code] += n;
        }
        deletions += o.deletions;
        insertions += o.insertions;
        substitutions += o.substitutions;
        notes += o.notes;
        signatures += o.signatures;
        pages += o.pages;
    }
};

// The counted measures other than redactions, in the order they are shown.
struct measure {
    const char* name;
    std::size_t tally::*field;
};
constexpr measure measures[] = {
    {"deletions", &tally::deletions},         {"insertions", &tally::insertions}, {"substitutions", &tally::substitutions},
    {"notes", &tally::notes},                 {"signatures", &tally::signatures}, {"pages", &tally::pages},
};

void count(const node& n, tally& t, std::size_t& page_breaks, bool& starts_with_page_one) {
    switch (n.kind) {
    case node_kind::redaction: {
        ++t.redactions;
        auto& s = t.schemes[n.scheme];
        ++s.total;
        for (const auto& code : n.attrs().codes) ++s.codes[code];
        break;
    }
    case node_kind::deletion: ++t.deletions; break;
    case node_kind::insertion: ++t.insertions; break;
    case node_kind::substitution: ++t.substitutions; break;
    case node_kind::note: ++t.notes; break;
    case node_kind::signature: ++t.signatures; break;
    case node_kind::page_break:
        if (page_breaks++ == 0 && n.attrs().label == "1") starts_with_page_one = true;
        break;
    default: break;  // the other kinds are not counted
    }
    for (const auto& c : n.children) count(c, t, page_breaks, starts_with_page_one);
}

struct file_stats {
    tally counts;
    std::string messages;
    int status = exit_ok;
};

// Pages: a transcription starts on a page, and each page break begins another, unless the first
// break marks page 1 itself.
file_stats stats_of(const input_file& f) {
    file_stats r;
    std::string error;
    auto text = read_input(f.path, error);
    if (!text) {
        r.messages = "archmark: " + error + "\n";
        r.status = exit_io;
        return r;
    }
    r.counts.files = 1;
    r.counts.bytes = text->size();
    auto parsed = archmark::parse(*text);
    for (const auto& d : parsed.diagnostics)
        if (d.level == severity::error) {
            r.messages += archmark::format_diagnostic(d, f.display) + "\n";
            r.status = exit_input_errors;
        }
    std::size_t page_breaks = 0;
    bool page_one = false;
    count(parsed.document, r.counts, page_breaks, page_one);
    if (!parsed.document.children.empty()) r.counts.pages = page_breaks + (page_one ? 0 : 1);
    return r;
}

// ---- output --------------------------------------------------------------------------------

nlohmann::ordered_json to_json(const tally& t) {
    nlohmann::ordered_json j;
    j["files"] = t.files;
    j["bytes"] = t.bytes;
    nlohmann::ordered_json schemes = nlohmann::ordered_json::object();
    for (const auto& [scheme, s] : t.schemes) {
        nlohmann::ordered_json codes = nlohmann::ordered_json::object();
        for (const auto& [code, n] : s.codes) codes[code] = n;
        schemes[std::string(scheme_name(scheme))] = {{"total", s.total}, {"codes", codes}};
    }
    j["redactions"] = {{"total", t.redactions}, {"by_scheme", schemes}};
    for (const auto& m : measures) j[m.name] = t.*m.field;
    return j;
}

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// Tidy rows: collection,file,measure,scheme,code,count.
void csv_rows(std::string& out, const std::string& collection, const std::string& file, const tally& t) {
    std::string lead = csv_field(collection) + "," + csv_field(file) + ",";
    out += lead + "files,,," + std::to_string(t.files) + "\n";
    out += lead + "bytes,,," + std::to_string(t.bytes) + "\n";
    out += lead + "redactions,,," + std::to_string(t.redactions) + "\n";
    for (const auto& [scheme, s] : t.schemes) {
        std::string name(scheme_name(scheme));
        out += lead + "redactions," + name + ",," + std::to_string(s.total) + "\n";
        for (const auto& [code, n] : s.codes)
            out += lead + "redactions," + name + "," + csv_field(code) + "," + std::to_string(n) + "\n";
    }
    for (const auto& m : measures) out += lead + m.name + ",,," + std::to_string(t.*m.field) + "\n";
}

std::string padded(const std::string& s, std::size_t width) {
    return s.size() >= width ? s : s + std::string(width - s.size(), ' ');
}

std::string right(const std::string& s, std::size_t width) {
    return s.size() >= width ? s : std::string(width - s.size(), ' ') + s;
}

std::string plural(std::size_t n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }

// A block: the collection's name and size, then one measure a line, redactions broken down by
// scheme and code.
void table_block(std::string& out, const std::string& title, const tally& t) {
    out += title + ": " + plural(t.files, "file") + ", " + std::to_string(t.bytes) + " bytes\n";
    auto row = [&](int indent, const std::string& name, std::size_t n) {
        out += std::string(static_cast<std::size_t>(indent), ' ') + padded(name, 28 - static_cast<std::size_t>(indent)) +
               right(std::to_string(n), 8) + "\n";
    };
    row(2, "redactions", t.redactions);
    for (const auto& [scheme, s] : t.schemes) {
        row(4, std::string(scheme_name(scheme)), s.total);
        for (const auto& [code, n] : s.codes) row(6, code, n);
    }
    for (const auto& m : measures) row(2, m.name, t.*m.field);
}

struct collection {
    std::string name;
    tally total;
    std::vector<std::pair<std::string, tally>> files;
};

void per_file_table(std::string& out, const collection& c) {
    std::size_t width = 4;
    for (const auto& [path, t] : c.files) width = std::max(width, path.size());
    out += "  " + padded("file", width);
    out += "  redactions";
    for (const auto& m : measures) out += std::string("  ") + m.name;
    out += "\n";
    for (const auto& [path, t] : c.files) {
        out += "  " + padded(path, width) + "  " + right(std::to_string(t.redactions), 10);
        for (const auto& m : measures) out += "  " + right(std::to_string(t.*m.field), std::string(m.name).size());
        out += "\n";
    }
}

int run_stats(const stats_settings& s) {
    input_options collect;
    collect.globs = s.globs;
    collect.files_from = s.files_from;
    std::vector<std::string> arguments = s.inputs;
    if (arguments.empty() && s.files_from.empty()) arguments.push_back("-");
    input_list found = collect_inputs(arguments, collect);
    int status = exit_ok;
    for (const auto& e : found.errors) {
        std::cerr << "archmark: " << e << "\n";
        status = exit_io;
    }

    // Collections in the order they are first met.
    std::vector<collection> collections;
    std::map<std::string, std::size_t> index_of;
    tally total;
    run_in_order<file_stats>(
        found.files.size(), s.jobs ? s.jobs : default_jobs(), [&](std::size_t i) { return stats_of(found.files[i]); },
        [&](std::size_t i, file_stats& r) {
            std::cerr << r.messages;
            status = std::max(status, r.status);
            if (r.status == exit_io) return;
            const input_file& f = found.files[i];
            auto [at, fresh] = index_of.emplace(f.collection, collections.size());
            if (fresh) collections.push_back({f.collection, {}, {}});
            collection& c = collections[at->second];
            c.total.add(r.counts);
            total.add(r.counts);
            if (s.per_file) c.files.emplace_back(f.display, r.counts);
        },
        [] {});

    std::string out;
    if (s.format == "json") {
        nlohmann::ordered_json j;
        j["collections"] = nlohmann::ordered_json::array();
        for (const auto& c : collections) {
            nlohmann::ordered_json cj{{"collection", c.name}};
            cj.update(to_json(c.total));
            if (s.per_file) {
                cj["per_file"] = nlohmann::ordered_json::array();
                for (const auto& [path, t] : c.files) {
                    nlohmann::ordered_json fj{{"path", path}};
                    fj.update(to_json(t));
                    cj["per_file"].push_back(fj);
                }
            }
            j["collections"].push_back(cj);
        }
        j["total"] = to_json(total);
        out = j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    } else if (s.format == "csv") {
        out = "collection,file,measure,scheme,code,count\n";
        for (const auto& c : collections) {
            csv_rows(out, c.name, "", c.total);
            for (const auto& [path, t] : c.files) csv_rows(out, c.name, path, t);
        }
        if (collections.size() > 1) csv_rows(out, "(total)", "", total);
    } else {
        for (std::size_t i = 0; i < collections.size(); ++i) {
            if (i) out += "\n";
            table_block(out, collections[i].name, collections[i].total);
            if (s.per_file) {
                out += "\n";
                per_file_table(out, collections[i]);
            }
        }
        if (collections.size() > 1) {
            out += "\n";
            table_block(out, "total", total);
        }
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    std::fflush(stdout);
    return status;
}

}  // namespace

command add_stats_command(CLI::App& app) {
    auto s = std::make_shared<stats_settings>();
    auto* stats = app.add_subcommand("stats", "Count redactions by scheme and code, edits, notes, signatures and pages");
    stats->add_option("--format", s->format, "table, json or csv (one row per count)")
        ->check(CLI::IsMember({"table", "json", "csv"}))
        ->capture_default_str();
    stats->add_flag("--per-file", s->per_file, "Also count each file");
    stats->add_option("--glob", s->globs, "File-name patterns of the files taken from folders (repeatable)")
        ->default_str("*.md *.markdown *.txt")
        ->allow_extra_args(false);
    stats->add_option("--files-from", s->files_from, "Read input paths from LIST, one a line ('-': standard input)")
        ->type_name("LIST");
    stats->add_option("-j,--jobs", s->jobs, "Threads (default: every core)")->check(CLI::Range(1u, 1024u));
    stats->add_option("inputs", s->inputs, "Input files or folders ('-' or none: standard input)");
    return [stats, s]() -> int {
        if (!stats->parsed()) return -1;
        return run_stats(*s);
    };
}

}  // namespace archmark::cli
