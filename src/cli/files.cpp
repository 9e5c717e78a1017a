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
#include <utility>

namespace archmark::cli {

namespace fs = std::filesystem;

std::optional<std::string> read_input(const std::string& path, std::string& error) {
    if (path == "-") {
        std::string text((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
        if (std::cin.bad()) { error = "<stdin>: cannot read standard input"; return std::nullopt; }
        return text;
    }
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) { error = path + ": " + std::strerror(errno); return std::nullopt; }
    std::string text;
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        ::close(fd);
        error = path + ": is a directory";
        return std::nullopt;
    }
    if (st.st_size > 0) text.reserve(static_cast<std::size_t>(st.st_size));
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
    static const pid_t pid = ::getpid();
    return (dir / ("." + path.filename().string() + ".archmark-" + std::to_string(pid) + "-" +
                   std::to_string(counter.fetch_add(1))))
        .string();
}

// Whether an unnamed file can be named: only through /proc (checked once per process).
bool can_name_unnamed_files() {
    static const bool yes = ::access("/proc/self/fd", X_OK) == 0;
    return yes;
}

}  // namespace

atomic_file::atomic_file(fs::path path) : path_(std::move(path)) {
    fs::path dir = path_.has_parent_path() ? path_.parent_path() : fs::path(".");
    // Created as a new file would be (0666 less the umask); commit() keeps an existing file's mode.
    if (can_name_unnamed_files()) fd_ = ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
    if (fd_ < 0) {
        temporary_ = (dir / ("." + path_.filename().string() + ".archmark-XXXXXX")).string();
        fd_ = ::mkstemp(temporary_.data());  // mode 0600: commit() sets the mode
        if (fd_ < 0) {
            errno_ = errno;
            temporary_.clear();
        }
    }
}

atomic_file::~atomic_file() {
    if (fd_ >= 0) ::close(fd_);
    if (!temporary_.empty()) ::unlink(temporary_.c_str());
}

void atomic_file::write(std::string_view bytes) {
    if (errno_ == 0 && !write_all(fd_, bytes)) errno_ = errno;
}

bool atomic_file::commit(std::string& error, bool flush) {
    if (errno_ == 0 && flush && ::fsync(fd_) != 0) errno_ = errno;
    bool unnamed = temporary_.empty();
    std::string self = "/proc/self/fd/" + std::to_string(fd_);
    // A new output (the common case in a batch) takes its name at once: linkat never replaces, so
    // the name appears with the whole content or not at all.
    if (errno_ == 0 && unnamed && ::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, path_.c_str(), AT_SYMLINK_FOLLOW) == 0) {
        if (::close(std::exchange(fd_, -1)) != 0) errno_ = errno;
    } else if (errno_ == 0 && (!unnamed || errno == EEXIST)) {
        // Replacing a file: keep its mode, name the content beside it, rename it into place.
        mode_t mode = new_file_mode();
        if (struct stat st {}; ::stat(path_.c_str(), &st) == 0) mode = st.st_mode & 07777;
        if ((!unnamed || mode != new_file_mode()) && ::fchmod(fd_, mode) != 0) errno_ = errno;
        if (errno_ == 0 && unnamed) {
            fs::path dir = path_.has_parent_path() ? path_.parent_path() : fs::path(".");
            std::string name = temporary_name(dir, path_);
            if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, name.c_str(), AT_SYMLINK_FOLLOW) == 0)
                temporary_ = std::move(name);
            else
                errno_ = errno;
        }
        if (errno_ == 0 && ::close(std::exchange(fd_, -1)) != 0) errno_ = errno;
        if (errno_ == 0 && ::rename(temporary_.c_str(), path_.c_str()) != 0) errno_ = errno;
        if (errno_ == 0) temporary_.clear();  // it is the file now
    } else if (errno_ == 0) {
        errno_ = errno;
    }
    if (errno_ != 0) {
        error = path_.string() + ": " + std::strerror(errno_);
        return false;
    }
    return true;
}

void file_sink::write(std::string_view bytes) {
    if (buffer_.size() + bytes.size() > capacity) flush();
    if (bytes.size() >= capacity)
        file_.write(bytes);
    else
        buffer_.append(bytes);
}

void file_sink::flush() {
    file_.write(buffer_);
    buffer_.clear();
}

bool write_atomically(const fs::path& path, std::string_view content, std::string& error, bool flush) {
    atomic_file file(path);
    file.write(content);
    return file.commit(error, flush);
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
