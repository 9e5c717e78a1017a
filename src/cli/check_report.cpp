#include "src/cli/check_report.hpp"

#include <archmark/rules.hpp>
#include <archmark/version.hpp>

#include <nlohmann/json.hpp>

#include <string>

namespace archmark::cli {

// Where the SARIF log sends a reader who wants to know more about the tool. TODO(lead): the
// project's public home, once it has one.
constexpr const char* information_uri = "https://github.com/archmark/archmark";

namespace {

using ordered_json = nlohmann::ordered_json;

constexpr std::string_view bold = "\x1b[1m";
constexpr std::string_view reset = "\x1b[0m";

std::string_view severity_color(archmark::severity s) {
    switch (s) {
    case archmark::severity::error: return "\x1b[1;31m";
    case archmark::severity::warning: return "\x1b[1;33m";
    case archmark::severity::note: return "\x1b[1;36m";
    }
    return "";
}

bool is_line_end(char c) { return c == '\n' || c == '\r'; }
bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// The length of the UTF-8 sequence at `s[i]`, or 0 when it is not valid UTF-8.
std::size_t utf8_length(std::string_view s, std::size_t i) {
    auto at = [&](std::size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0; };
    unsigned char c = at(i);
    if (c < 0x80) return 1;
    std::size_t n = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) n = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        return 0;
    }
    if (at(i + 1) < lo || at(i + 1) > hi) return 0;
    for (std::size_t k = 2; k < n; ++k)
        if (!is_continuation(at(i + k))) return 0;
    return n;
}

// Lines longer than this are shown as a window around the diagnostic, so that a huge one-line
// file with many findings costs no more than a short one.
constexpr std::size_t long_line = 4096;
constexpr std::size_t window_before = 60;   // code points shown before the column
constexpr std::size_t window_after = 120;   // and after it

// The source line of a diagnostic as printed, with the display columns of the span on it.
struct shown_line {
    std::string text;
    std::size_t caret = 0;  // display column (0-based) of the span's start
    std::size_t end = 0;    // display column just after the span's part on this line
};

shown_line show_line(std::string_view source, std::size_t begin, std::size_t span_end) {
    begin = std::min(begin, source.size());
    // The line around `begin`, looking at most `long_line` bytes either way.
    std::size_t start = begin, limit = begin > long_line ? begin - long_line : 0;
    while (start > limit && !is_line_end(source[start - 1])) --start;
    std::size_t stop = begin, stop_limit = std::min(source.size(), begin + long_line);
    while (stop < stop_limit && !is_line_end(source[stop])) ++stop;
    bool long_one = (start > 0 && !is_line_end(source[start - 1])) ||
                    (stop < source.size() && !is_line_end(source[stop]));
    bool cut_left = false, cut_right = false;
    if (long_one) {
        std::size_t back = 0, left = begin;
        while (left > start && back < window_before) {
            --left;
            while (left > start && is_continuation(static_cast<unsigned char>(source[left]))) --left;
            ++back;
        }
        std::size_t ahead = 0, right = begin;
        while (right < stop && ahead < window_after) {
            std::size_t n = utf8_length(source, right);
            right += n ? n : 1;
            ++ahead;
        }
        cut_left = left > 0 && !is_line_end(source[left - 1]);
        cut_right = right < source.size() && !is_line_end(source[right]);
        start = left;
        stop = std::min(right, stop);
    }
    if (start == 0 && source.starts_with("\xEF\xBB\xBF") && begin >= 3) start = 3;  // the BOM

    shown_line line;
    std::size_t column = 0;
    if (cut_left) {
        line.text = "…";
        column = 1;
    }
    bool caret_set = false, end_set = false;
    for (std::size_t i = start; i < stop;) {
        if (!caret_set && i >= begin) {
            line.caret = column;
            caret_set = true;
        }
        if (caret_set && !end_set && i >= span_end) {
            line.end = column;
            end_set = true;
        }
        unsigned char c = static_cast<unsigned char>(source[i]);
        std::size_t n = utf8_length(source, i);
        if (c == '\t') {
            std::size_t next = (column / 8 + 1) * 8;
            line.text.append(next - column, ' ');
            column = next;
        } else if (n == 0) {
            line.text += "\xEF\xBF\xBD";  // U+FFFD for a byte that is not UTF-8
            ++column;
        } else if (c < 0x20 || c == 0x7F) {
            // A control character as its Control Pictures symbol (NUL as U+2400 ␀).
            char32_t picture = c == 0x7F ? 0x2421 : 0x2400 + c;
            line.text += static_cast<char>(0xE0 | (picture >> 12));
            line.text += static_cast<char>(0x80 | ((picture >> 6) & 0x3F));
            line.text += static_cast<char>(0x80 | (picture & 0x3F));
            ++column;
        } else {
            line.text.append(source.substr(i, n));
            ++column;
        }
        i += n ? n : 1;
    }
    if (!caret_set) line.caret = column;
    if (!end_set) line.end = column;
    if (cut_right) line.text += "…";
    return line;
}

std::string uri_of(std::string_view file) {
    if (file == "-") return "stdin";
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out = file.starts_with('/') ? "file://" : "";
    for (unsigned char c : file) {
        bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                     c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
        if (plain) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::string to_text(const ordered_json& j, int indent = -1) {
    return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

void write_human(std::string& out, const archmark::diagnostic& d, std::string_view file,
                 std::string_view source, bool color) {
    if (!color) {
        out += archmark::format_diagnostic(d, file);
    } else {
        out.append(bold).append(file).append(":").append(std::to_string(d.span.line)).append(":");
        out.append(std::to_string(d.span.column)).append(":").append(reset).append(" ");
        out.append(severity_color(d.level)).append(archmark::severity_name(d.level)).append(":");
        out.append(reset).append(" ").append(bold).append(d.message).append(" [");
        out.append(archmark::rule_id(d.id)).append("]").append(reset);
    }
    out += '\n';
    shown_line line = show_line(source, d.span.begin, d.span.end);
    out += line.text;
    out += '\n';
    if (color) out += severity_color(d.level);
    out.append(line.caret, ' ');
    out += '^';
    if (line.end > line.caret + 1) out.append(line.end - line.caret - 1, '~');
    if (color) out += reset;
    out += '\n';
    if (!d.help.empty()) {
        if (color) out.append(bold).append("help:").append(reset);
        else out += "help:";
        out.append(" ").append(d.help).append("\n");
    }
}

void write_gcc(std::string& out, const archmark::diagnostic& d, std::string_view file) {
    out += archmark::format_diagnostic(d, file);
    out += '\n';
}

void write_json_line(std::string& out, const archmark::diagnostic& d, std::string_view file) {
    ordered_json j;
    j["id"] = archmark::rule_id(d.id);
    j["severity"] = archmark::severity_name(d.level);
    j["message"] = d.message;
    j["file"] = file;
    j["line"] = d.span.line;
    j["column"] = d.span.column;
    j["end_line"] = d.span.end_line;
    j["end_column"] = d.span.end_column;
    if (!d.help.empty()) j["help"] = d.help;
    out += to_text(j);
    out += '\n';
}

struct sarif_log::state {
    ordered_json results = ordered_json::array();
    ordered_json notifications = ordered_json::array();
};

sarif_log::sarif_log() : state_(std::make_unique<state>()) {}
sarif_log::~sarif_log() = default;

void sarif_log::add(const archmark::diagnostic& d, std::string_view file) {
    ordered_json region;
    region["startLine"] = d.span.line;
    region["startColumn"] = d.span.column;
    region["endLine"] = d.span.end_line;
    region["endColumn"] = d.span.end_column;
    ordered_json location;
    location["physicalLocation"]["artifactLocation"]["uri"] = uri_of(file);
    location["physicalLocation"]["region"] = std::move(region);
    ordered_json result;
    result["ruleId"] = archmark::rule_id(d.id);
    result["ruleIndex"] = static_cast<int>(d.id);
    result["level"] = archmark::severity_name(d.level);
    result["message"]["text"] = d.message;
    result["locations"] = ordered_json::array({std::move(location)});
    state_->results.push_back(std::move(result));
}

void sarif_log::add_notification(std::string_view message) {
    ordered_json n;
    n["level"] = "error";
    n["message"]["text"] = message;
    state_->notifications.push_back(std::move(n));
}

std::string sarif_log::dump() const {
    ordered_json rules = ordered_json::array();
    for (int i = 0; i < archmark::rule_count; ++i) {
        auto r = static_cast<archmark::rule>(i);
        ordered_json rule;
        rule["id"] = archmark::rule_id(r);
        rule["shortDescription"]["text"] = archmark::rule_description(r);
        rule["fullDescription"]["text"] = archmark::rule_full_description(r);
        rule["help"]["text"] = archmark::rule_help(r);
        rule["defaultConfiguration"]["level"] = archmark::severity_name(archmark::default_severity(r));
        rules.push_back(std::move(rule));
    }
    ordered_json driver;
    driver["name"] = "archmark";
    driver["version"] = archmark::version;
    driver["informationUri"] = information_uri;
    driver["rules"] = std::move(rules);
    ordered_json invocation;
    invocation["executionSuccessful"] = state_->notifications.empty();
    if (!state_->notifications.empty()) invocation["toolExecutionNotifications"] = state_->notifications;
    ordered_json run;
    run["tool"]["driver"] = std::move(driver);
    run["columnKind"] = "unicodeCodePoints";
    run["invocations"] = ordered_json::array({std::move(invocation)});
    run["results"] = state_->results;
    ordered_json log;
    log["version"] = "2.1.0";
    log["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
    log["runs"] = ordered_json::array({std::move(run)});
    return to_text(log, 2) + "\n";
}

}  // namespace archmark::cli
