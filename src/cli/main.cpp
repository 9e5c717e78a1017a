// archmark: the command-line tool. Exit codes (docs/cli.md): 0 success, 1 the input had errors,
// 2 usage error, 3 I/O error.
#include <archmark/version.hpp>

#include "src/cli/commands.hpp"

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    CLI::App app{"archmark: archival Markdown transcriptions to TEI P5, HTML and JSON", "archmark"};
    app.set_version_flag("--version", std::string("archmark ") + archmark::version);
    app.require_subcommand(1);
    std::vector<archmark::cli::command> commands{archmark::cli::add_convert_command(app),
                                                 archmark::cli::add_check_command(app),
                                                 archmark::cli::add_fmt_command(app),
                                                 archmark::cli::add_stats_command(app)};
    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return archmark::cli::exit_usage;
    }
    for (auto& run : commands)
        if (int status = run(); status >= 0) return status;
    return archmark::cli::exit_usage;
}
