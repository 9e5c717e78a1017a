// The output formats of `archmark check`: human (compiler-style, with the source line and a
// caret), gcc (the first line only), JSON lines and SARIF 2.1.0.
#pragma once

#include <archmark/diagnostic.hpp>

#include <memory>
#include <string>
#include <string_view>

namespace archmark::cli {

// `file:line:col: severity: message [rule-id]`, the source line (tabs expanded to multiples of
// 8, control characters and bad bytes shown as visible symbols), a caret line `^~~~` under the
// span's part on that line, and `help: …` when the diagnostic has help. `source` is the whole
// input the diagnostic's span refers to. ANSI colours when `color`.
void write_human(std::string& out, const archmark::diagnostic& d, std::string_view file,
                 std::string_view source, bool color);

// `file:line:col: severity: message [rule-id]` and a newline.
void write_gcc(std::string& out, const archmark::diagnostic& d, std::string_view file);

// One JSON object and a newline: id, severity, message, file, line, column, end_line,
// end_column, and help when there is some.
void write_json_line(std::string& out, const archmark::diagnostic& d, std::string_view file);

// Collects results and tool notifications; writes one SARIF 2.1.0 log describing every rule.
class sarif_log {
public:
    sarif_log();
    ~sarif_log();
    // A finding in `file` (as given on the command line; "-" for standard input).
    void add(const archmark::diagnostic& d, std::string_view file);
    // A problem of the run itself (an unreadable input), reported as a tool notification.
    void add_notification(std::string_view message);
    std::string dump() const;

private:
    struct state;
    std::unique_ptr<state> state_;
};

}  // namespace archmark::cli
