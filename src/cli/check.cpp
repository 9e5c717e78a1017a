// `archmark check`: the validator editors run before they commit. Parses each input, adds the
// structure rules (lint), applies the configured rule levels and reports in one of four formats.
#include <archmark/convert.hpp>
#include <archmark/parse.hpp>
#include <archmark/rules.hpp>

#include "src/cli/check_config.hpp"
#include "src/cli/check_report.hpp"
#include "src/cli/commands.hpp"
#include "src/cli/files.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace archmark::cli {
namespace {

enum class output_format { human, gcc, json, sarif };

struct check_settings {
    std::string format = "human";
    std::string fail_on = "error";
    std::string color = "auto";
    std::vector<std::string> rules;
    bool list_rules = false;
    std::vector<std::string> inputs;
};

archmark::severity severity_named(std::string_view name) {
    if (name == "note") return archmark::severity::note;
    if (name == "warning") return archmark::severity::warning;
    return archmark::severity::error;
}

output_format format_named(std::string_view name) {
    if (name == "gcc") return output_format::gcc;
    if (name == "json") return output_format::json;
    if (name == "sarif") return output_format::sarif;
    return output_format::human;
}

bool use_color(std::string_view setting) {
    if (setting == "always") return true;
    if (setting == "never") return false;
    const char* no_color = std::getenv("NO_COLOR");
    return ::isatty(STDOUT_FILENO) == 1 && (no_color == nullptr || *no_color == '\0');
}

void print_rules() {
    std::size_t width = 0;
    for (int i = 0; i < archmark::rule_count; ++i)
        width = std::max(width, archmark::rule_id(static_cast<archmark::rule>(i)).size());
    std::string out;
    for (int i = 0; i < archmark::rule_count; ++i) {
        auto r = static_cast<archmark::rule>(i);
        auto id = archmark::rule_id(r);
        auto level = archmark::severity_name(archmark::default_severity(r));
        out.append(id).append(width - id.size() + 2, ' ');
        out.append(level).append(7 - level.size() + 2, ' ');
        out.append(archmark::rule_description(r)).append("\n");
    }
    std::cout << out;
}

// Applies the levels of the configuration file, then those of the command line, and drops the
// findings of rules that are off.
void apply_levels(std::vector<archmark::diagnostic>& found, const check_config* config,
                  const rule_levels& command_line) {
    std::erase_if(found, [&](archmark::diagnostic& d) {
        auto index = static_cast<std::size_t>(d.id);
        const std::optional<rule_level>* level = &command_line[index];
        if (!*level && config) level = &config->rules[index];
        if (!*level) return false;
        if ((*level)->off) return true;
        d.level = (*level)->level;
        return false;
    });
}

void write_out(const std::string& text) {
    if (!text.empty()) std::fwrite(text.data(), 1, text.size(), stdout);
}

int run_check(const check_settings& s) {
    if (s.list_rules) {
        print_rules();
        return exit_ok;
    }
    rule_levels command_line;
    for (const auto& setting : s.rules) parse_rule_setting(setting, &command_line);  // validated
    const output_format format = format_named(s.format);
    const archmark::severity fail_on = severity_named(s.fail_on);
    const bool color = format == output_format::human && use_color(s.color);
    std::vector<std::string> inputs = s.inputs.empty() ? std::vector<std::string>{"-"} : s.inputs;

    // The configuration of every input first: a broken one stops the run before any output.
    config_finder finder;
    std::vector<config_lookup> configs;
    std::vector<fs::path> absolute;
    int config_status = exit_ok;
    std::vector<const std::string*> reported;
    std::error_code ec;
    fs::path cwd = fs::current_path(ec);
    for (const auto& input : inputs) {
        fs::path path = input == "-" ? cwd / "-" : (cwd / input).lexically_normal();
        absolute.push_back(path);
        configs.push_back(finder.find(path.parent_path()));
        const auto& found = configs.back();
        if (found.error && std::find(reported.begin(), reported.end(), found.error) == reported.end()) {
            std::cerr << *found.error << "\n";
            reported.push_back(found.error);
            config_status = std::max(config_status, found.status);
        }
    }
    if (config_status != exit_ok) return config_status;

    sarif_log sarif;
    int status = exit_ok;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        const auto& input = inputs[i];
        const check_config* config = configs[i].config;
        if (input != "-" && config && config->ignores(absolute[i])) continue;
        std::string error;
        auto text = archmark::cli::read_input(input, error);
        if (!text) {
            std::fflush(stdout);
            std::cerr << "archmark: " << error << "\n";
            if (format == output_format::sarif) sarif.add_notification(error);
            status = std::max<int>(status, exit_io);
            continue;
        }
        auto found = archmark::check(*text);
        apply_levels(found, config, command_line);
        std::string display = input == "-" ? "<stdin>" : input;
        std::string out;
        for (const auto& d : found) {
            if (d.level >= fail_on) status = std::max<int>(status, exit_input_errors);
            switch (format) {
            case output_format::human: write_human(out, d, display, *text, color); break;
            case output_format::gcc: write_gcc(out, d, display); break;
            case output_format::json: write_json_line(out, d, display); break;
            case output_format::sarif: sarif.add(d, input); break;
            }
        }
        write_out(out);
    }
    if (format == output_format::sarif) write_out(sarif.dump());
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
        std::cerr << "archmark: cannot write standard output\n";
        return exit_io;
    }
    return status;
}

}  // namespace

command add_check_command(CLI::App& app) {
    auto settings = std::make_shared<check_settings>();
    auto* check = app.add_subcommand("check", "Check transcriptions and report diagnostics (docs/diagnostics.md)");
    check->add_option("--format", settings->format, "Report format: human, gcc (first lines only), json (one object a line) or sarif")
        ->check(CLI::IsMember({"human", "gcc", "json", "sarif"}))
        ->capture_default_str();
    check->add_option("--fail-on", settings->fail_on, "Exit 1 when a finding is at least this severe: error, warning or note")
        ->check(CLI::IsMember({"error", "warning", "note"}))
        ->capture_default_str();
    check->add_option("--rule", settings->rules, "Set a rule's level: off, note, warning or error; repeatable, wins over .archmark.yaml")
        ->type_name("ID=LEVEL")
        ->allow_extra_args(false)
        ->check(CLI::Validator(
            [](std::string& setting) { return parse_rule_setting(setting, nullptr); }, ""));
    check->add_option("--color", settings->color, "Colour the human format: auto (a terminal and NO_COLOR unset), always or never")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->capture_default_str();
    check->add_flag("--list-rules", settings->list_rules, "List the rule ids with their default severity and exit");
    check->add_option("inputs", settings->inputs, "Input files ('-' or none: standard input)");
    return [check, settings]() -> int {
        if (!check->parsed()) return -1;
        return run_check(*settings);
    };
}

}  // namespace archmark::cli
