#include "src/cli/files.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <iostream>
#include <iterator>
#include <sys/stat.h>
#include <unistd.h>

namespace archmark::cli {

namespace fs = std::filesystem;

std::optional<std::string> read_input(const std::string& path, std::string& error) {
    if (path == "-") {
        std::string text((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
        if (std::cin.bad()) { error = "<stdin>: cannot read standard input"; return std::nullopt; }
        return text;
    }
    std::error_code ec;
    if (fs::is_directory(path, ec)) { error = path + ": is a directory"; return std::nullopt; }
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) { error = path + ": " + std::strerror(errno); return std::nullopt; }
    std::string text;
    struct stat st {};
    if (::fstat(fd, &st) == 0 && st.st_size > 0) text.reserve(static_cast<std::size_t>(st.st_size));
    char buffer[1 << 16];
    for (;;) {
        ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n == 0) break;
        if (n < 0) {
            if (errno == EINTR) continue;
            error = path + ": " + std::strerror(errno);
            ::close(fd);
            return std::nullopt;
        }
        text.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fd);
    return text;
}

bool write_atomically(const fs::path& path, std::string_view content, std::string& error) {
    fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
    std::string tmpl = (dir / ("." + path.filename().string() + ".archmark-XXXXXX")).string();
    int fd = ::mkstemp(tmpl.data());
    if (fd < 0) { error = path.string() + ": " + std::strerror(errno); return false; }
    auto fail = [&](int err) {
        error = path.string() + ": " + std::strerror(err);
        ::close(fd);
        ::unlink(tmpl.c_str());
        return false;
    };
    std::size_t done = 0;
    while (done < content.size()) {
        ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return fail(errno);
        }
        done += static_cast<std::size_t>(n);
    }
    struct stat st {};
    mode_t mode = 0644;
    if (::stat(path.c_str(), &st) == 0) mode = st.st_mode & 07777;
    else {
        mode_t mask = ::umask(0);
        ::umask(mask);
        mode = 0666 & ~mask;
    }
    if (::fchmod(fd, mode) != 0 || ::fsync(fd) != 0) return fail(errno);
    if (::close(fd) != 0) { error = path.string() + ": " + std::strerror(errno); ::unlink(tmpl.c_str()); return false; }
    if (::rename(tmpl.c_str(), path.c_str()) != 0) {
        error = path.string() + ": " + std::strerror(errno);
        ::unlink(tmpl.c_str());
        return false;
    }
    return true;
}

}  // namespace archmark::cli
