// The subcommands of the `archmark` tool. Each adds its options to the CLI11 app and returns the
// function that runs it once the command line is parsed.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace archmark::cli {

// Exit codes (docs/cli.md).
enum exit_code : int { exit_ok = 0, exit_input_errors = 1, exit_usage = 2, exit_io = 3 };

using command = std::function<int()>;

command add_convert_command(CLI::App& app);  // convert.cpp
command add_check_command(CLI::App& app);    // check.cpp
command add_fmt_command(CLI::App& app);      // fmt.cpp
command add_stats_command(CLI::App& app);    // stats.cpp

}  // namespace archmark::cli
