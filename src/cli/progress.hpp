// The progress bar and the closing summary of a batch, on standard error.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace archmark::cli {

// "12.3 MB", "4.5 kB", "17 bytes".
std::string human_bytes(std::uint64_t bytes);

// A one-line bar redrawn in place: `[=====>    ] 1234/10000 files  12.3 MB/s  ETA 0:42`. Drawn
// only when `enabled` (standard error is a terminal and -q was not given), at most ten times a
// second. Whatever else is printed to standard error must be preceded by clear().
class progress_bar {
public:
    progress_bar(std::size_t files, std::uint64_t bytes, bool enabled);
    ~progress_bar() { clear(); }
    progress_bar(const progress_bar&) = delete;
    progress_bar& operator=(const progress_bar&) = delete;

    // Files and bytes done so far.
    void update(std::size_t files, std::uint64_t bytes);
    // Removes the bar from the line so that a message can be printed.
    void clear();

private:
    void draw();
    std::size_t total_files_;
    std::uint64_t total_bytes_;
    bool enabled_;
    bool shown_ = false;
    std::size_t files_ = 0;
    std::uint64_t bytes_ = 0;
    std::chrono::steady_clock::time_point start_, last_draw_;
};

}  // namespace archmark::cli
