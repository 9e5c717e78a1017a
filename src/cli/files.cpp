#include "src/cli/files.hpp"

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <iostream>
#include <iterator>
#include <string>
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

namespace {

// The mode of a new file: 0666 less the umask. The umask can only be read by setting it, so it is
// read once (thread-safe static), before any writer thread could see the temporary value.
mode_t new_file_mode() {
    static const mode_t mode = [] {
        mode_t mask = ::umask(0);
        ::umask(mask);
        return static_cast<mode_t>(0666 & ~mask);
    }();
    return mode;
}

bool write_all(int fd, std::string_view content) {
    std::size_t done = 0;
    while (done < content.size()) {
        ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    return true;
}

// A name for the temporary file beside `path`, unique within this process and across processes.
std::string temporary_name(const fs::path& dir, const fs::path& path) {
    static std::atomic<unsigned long> counter{0};
    return (dir / ("." + path.filename().string() + ".archmark-" + std::to_string(::getpid()) + "-" +
                   std::to_string(counter.fetch_add(1))))
        .string();
}

}  // namespace

// The content goes to a file that has no name yet (O_TMPFILE), so a process killed while writing
// leaves nothing behind; the finished file gets a temporary name and is renamed into place. Where
// the file system has no O_TMPFILE the temporary file is named from the start (mkstemp).
bool write_atomically(const fs::path& path, std::string_view content, std::string& error, bool flush) {
    fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
    mode_t mode = new_file_mode();
    if (struct stat st {}; ::stat(path.c_str(), &st) == 0) mode = st.st_mode & 07777;
    auto fail = [&](int err, int fd, const std::string& tmp) {
        error = path.string() + ": " + std::strerror(err);
        if (fd >= 0) ::close(fd);
        if (!tmp.empty()) ::unlink(tmp.c_str());
        return false;
    };

    std::string tmp;
    int fd = ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
    if (fd >= 0) {
        if (!write_all(fd, content) || ::fchmod(fd, mode) != 0 || (flush && ::fsync(fd) != 0)) return fail(errno, fd, {});
        tmp = temporary_name(dir, path);
        std::string self = "/proc/self/fd/" + std::to_string(fd);
        if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, tmp.c_str(), AT_SYMLINK_FOLLOW) != 0) {
            // No /proc: write it again through a named temporary file.
            ::close(fd);
            fd = -1;
            tmp.clear();
        } else if (::close(fd) != 0) {
            return fail(errno, -1, tmp);
        }
    }
    if (tmp.empty()) {
        tmp = (dir / ("." + path.filename().string() + ".archmark-XXXXXX")).string();
        fd = ::mkstemp(tmp.data());
        if (fd < 0) return fail(errno, -1, {});
        if (!write_all(fd, content) || ::fchmod(fd, mode) != 0 || (flush && ::fsync(fd) != 0)) return fail(errno, fd, tmp);
        if (::close(fd) != 0) return fail(errno, -1, tmp);
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) return fail(errno, -1, tmp);
    return true;
}

bool flush_file_system(const fs::path& folder, std::string& error) {
    int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0 || ::syncfs(fd) != 0) {
        error = folder.string() + ": cannot flush to disk: " + std::strerror(errno);
        if (fd >= 0) ::close(fd);
        return false;
    }
    ::close(fd);
    return true;
}

}  // namespace archmark::cli
