// Reads spec files in cmark's 32-backtick example format (used by the spec runner and the span
// test): prose, then examples of markdown, a `.` line and the expected output.
#pragma once

#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace archmark::test {

struct spec_example {
    std::string file, section, markdown, expected;
    int number = 0, line = 0;
};

// The spec files write a tab as `→` (U+2192).
inline std::string tabs_from_arrows(const std::string& line) {
    std::string out;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line.compare(i, 3, "\xE2\x86\x92") == 0) { out += '\t'; i += 2; }
        else out += line[i];
    }
    return out;
}

inline std::vector<spec_example> read_spec_examples(const std::string& path) {
    const std::string fence(32, '`');
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path + ": cannot read");
    std::vector<spec_example> out;
    std::string line, section;
    int line_number = 0, number = 0;
    enum { outside, markdown, expected } state = outside;
    spec_example current;
    while (std::getline(in, line)) {
        ++line_number;
        if (state == outside) {
            if (line.starts_with("#")) section = line.substr(line.find_first_not_of("# "));
            if (line.starts_with(fence + " example")) {
                current = {path, section, "", "", ++number, line_number};
                state = markdown;
            }
        } else if (state == markdown) {
            if (line == ".") { state = expected; continue; }
            current.markdown += tabs_from_arrows(line) + "\n";
        } else if (line == fence) {
            out.push_back(current);
            state = outside;
        } else {
            current.expected += line + "\n";
        }
    }
    return out;
}

}  // namespace archmark::test
