#include "src/cli/progress.hpp"

#include <cstdio>

namespace archmark::cli {

std::string human_bytes(std::uint64_t bytes) {
    char buf[32];
    if (bytes >= 1000000) std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / 1e6);
    else if (bytes >= 1000) std::snprintf(buf, sizeof buf, "%.1f kB", static_cast<double>(bytes) / 1e3);
    else std::snprintf(buf, sizeof buf, "%llu bytes", static_cast<unsigned long long>(bytes));
    return buf;
}

progress_bar::progress_bar(std::size_t files, std::uint64_t bytes, bool enabled)
    : total_files_(files), total_bytes_(bytes), enabled_(enabled), start_(std::chrono::steady_clock::now()) {}

void progress_bar::update(std::size_t files, std::uint64_t bytes) {
    files_ = files;
    bytes_ = bytes;
    if (!enabled_) return;
    auto now = std::chrono::steady_clock::now();
    if (shown_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
    last_draw_ = now;
    draw();
}

void progress_bar::clear() {
    if (!shown_) return;
    std::fputs("\r\033[K", stderr);
    std::fflush(stderr);
    shown_ = false;
}

void progress_bar::draw() {
    constexpr int width = 30;
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    double fraction = total_bytes_ ? static_cast<double>(bytes_) / static_cast<double>(total_bytes_)
                      : total_files_ ? static_cast<double>(files_) / static_cast<double>(total_files_)
                                     : 1.0;
    int filled = static_cast<int>(fraction * width);
    std::string bar(static_cast<std::size_t>(filled), '=');
    if (filled < width) bar += '>';
    bar.resize(width, ' ');
    double rate = seconds > 0 ? static_cast<double>(bytes_) / seconds : 0;
    char eta[32] = "--:--";
    if (rate > 0 && bytes_ > 0) {
        std::uint64_t rest = total_bytes_ > bytes_ ? total_bytes_ - bytes_ : 0;
        auto left = static_cast<long long>(static_cast<double>(rest) / rate + 0.5);
        std::snprintf(eta, sizeof eta, "%lld:%02lld", left / 60, left % 60);
    }
    std::fprintf(stderr, "\r[%s] %zu/%zu files  %.1f MB/s  ETA %s\033[K", bar.c_str(), files_, total_files_,
                 rate / 1e6, eta);
    std::fflush(stderr);
    shown_ = true;
}

}  // namespace archmark::cli
