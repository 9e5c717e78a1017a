// `archmark convert`: transcriptions to TEI, HTML, JSON, canonical Markdown or the AST dump.
#include <archmark/dump.hpp>
#include <archmark/parse.hpp>
#include <archmark/write.hpp>

#include "src/cli/commands.hpp"
#include "src/cli/files.hpp"

#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace archmark::cli {
namespace {

enum class format { tei, html, json, markdown, ast, none };

struct convert_settings {
    format to = format::html;
    bool fragment = false;
    bool unsafe = false;
    bool no_archival = false;
    bool autolink = false;
    std::string output;
    std::vector<std::string> inputs;
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

std::string render(const archmark::parse_result& parsed, const convert_settings& s) {
    std::string out;
    archmark::string_sink sink(out);
    archmark::write_options options;
    options.fragment = s.fragment;
    options.unsafe = s.unsafe;
    options.archival = !s.no_archival;
    switch (s.to) {
    case format::tei: archmark::write_tei(parsed.document, options, sink); break;
    case format::html: archmark::write_html(parsed.document, options, sink); break;
    case format::json: archmark::write_json(parsed.document, parsed.diagnostics, options, sink); break;
    case format::markdown: archmark::write_markdown(parsed.document, options, sink); break;
    case format::ast: out = archmark::dump_ast(parsed.document); break;
    case format::none: break;
    }
    return out;
}

// Where the output for `input` goes: stdout (empty path), the -o file, or a file in the -o folder.
fs::path output_path(const convert_settings& s, const std::string& input, bool to_folder) {
    if (s.output.empty()) return {};
    if (!to_folder) return s.output;
    fs::path name = input == "-" ? fs::path("stdin") : fs::path(input).filename();
    name.replace_extension(extension(s.to));
    return fs::path(s.output) / name;
}

int run_convert(const convert_settings& s) {
    std::vector<std::string> inputs = s.inputs.empty() ? std::vector<std::string>{"-"} : s.inputs;
    std::error_code ec;
    bool to_folder = !s.output.empty() &&
                     (inputs.size() > 1 || s.output.ends_with('/') || fs::is_directory(s.output, ec));
    if (to_folder && !fs::is_directory(s.output, ec) && !fs::create_directories(s.output, ec)) {
        std::cerr << "archmark: " << s.output << ": cannot create folder: " << ec.message() << "\n";
        return exit_io;
    }
    int status = exit_ok;
    archmark::parse_options options;
    options.archival = !s.no_archival;
    options.autolink = s.autolink;
    for (const auto& input : inputs) {
        std::string error;
        auto text = archmark::cli::read_input(input, error);
        if (!text) {
            std::cerr << "archmark: " << error << "\n";
            status = exit_io;
            continue;
        }
        auto parsed = archmark::parse(*text, options);
        std::string display = input == "-" ? "<stdin>" : input;
        for (const auto& d : parsed.diagnostics)
            std::cerr << archmark::format_diagnostic(d, display) << "\n";
        bool rejected = parsed.document.children.empty() && !parsed.ok() &&
                        parsed.diagnostics.front().id == archmark::rule::input_utf8;
        if (!parsed.ok() && status == exit_ok) status = exit_input_errors;
        if (rejected || s.to == format::none) continue;
        std::string out = render(parsed, s);
        fs::path path = output_path(s, input, to_folder);
        if (path.empty()) {
            std::cout << out;
            std::cout.flush();
            if (!std::cout) { std::cerr << "archmark: cannot write standard output\n"; return exit_io; }
        } else if (!archmark::cli::write_atomically(path, out, error)) {
            std::cerr << "archmark: " << error << "\n";
            status = exit_io;
        }
    }
    return status;
}

}  // namespace

command add_convert_command(CLI::App& app) {
    auto settings = std::make_shared<convert_settings>();
    auto to = std::make_shared<std::string>("html");
    auto* convert = app.add_subcommand("convert", "Convert transcriptions to another format");
    convert->add_option("--to", *to, "Output format: tei, html, json, markdown (canonical), ast (the AST dump) or none (parse only)")
        ->check(CLI::IsMember({"tei", "html", "json", "markdown", "ast", "none"}))
        ->capture_default_str();
    convert->add_flag("--fragment", settings->fragment, "Body content only, without the page or TEI document around it");
    convert->add_flag("--unsafe", settings->unsafe, "HTML: pass raw HTML and dangerous URLs through");
    convert->add_flag("--no-archival", settings->no_archival, "Plain CommonMark/GFM: skip the archival conventions");
    convert->add_flag("--autolink", settings->autolink, "Recognize GFM extended autolinks (www.example.com)");
    convert->add_option("-o,--output", settings->output,
                        "Output file, or folder when there are several inputs (default: standard output)");
    convert->add_option("inputs", settings->inputs, "Input files ('-' or none: standard input)");
    return [convert, settings, to]() -> int {
        if (!convert->parsed()) return -1;
        static const std::map<std::string, format> formats{{"tei", format::tei}, {"html", format::html},
                                                           {"json", format::json}, {"markdown", format::markdown},
                                                           {"ast", format::ast},
                                                           {"none", format::none}};
        settings->to = formats.at(*to);
        return run_convert(*settings);
    };
}

}  // namespace archmark::cli
