// File input and output for the command-line tool: whole-file reads and atomic writes.
#pragma once

#include <archmark/write.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace archmark::cli {

// Reads a whole file ("-" is standard input). On failure returns nullopt and sets `error` to a
// message naming the file and the reason.
std::optional<std::string> read_input(const std::string& path, std::string& error);

// A file written in pieces that appears at `path` whole or not at all. The content goes to a
// temporary file in the same folder, one with no name (O_TMPFILE) where the file system allows, so
// a process killed while writing leaves nothing behind; commit() names it and renames it into
// place. Keeps the mode of an existing file. Dropped without commit(), the temporary file goes.
class atomic_file {
public:
    explicit atomic_file(std::filesystem::path path);
    ~atomic_file();
    atomic_file(const atomic_file&) = delete;
    atomic_file& operator=(const atomic_file&) = delete;

    // Appends; after a failure, later writes do nothing and commit() reports the failure.
    void write(std::string_view bytes);
    // With `flush` the content is on disk (fsync) before the rename; batches pass false and flush
    // the whole file system once instead (flush_file_system), since one fsync per small file costs
    // more than converting it. Returns false and sets `error` (naming the path) on failure.
    bool commit(std::string& error, bool flush = true);

private:
    std::filesystem::path path_;
    std::string temporary_;  // the temporary file's name; empty while it has none (O_TMPFILE)
    int fd_ = -1;
    int errno_ = 0;          // the first failure
};

// A writer's sink into an atomic_file, in 64 KiB pieces: a 40 MB TEI file is never in memory whole.
class file_sink final : public output_sink {
public:
    explicit file_sink(atomic_file& file) : file_(file) { buffer_.reserve(capacity); }
    ~file_sink() override { flush(); }
    void write(std::string_view bytes) override;
    // Hands what is buffered to the file; call before the file's commit().
    void flush();

private:
    static constexpr std::size_t capacity = 64 * 1024;
    atomic_file& file_;
    std::string buffer_;
};

// Writes `content` to `path` at once: an atomic_file written and committed.
bool write_atomically(const std::filesystem::path& path, std::string_view content, std::string& error,
                      bool flush = true);

// Writes to disk everything written so far to the file system holding `folder` (syncfs).
// Returns false and sets `error` on failure.
bool flush_file_system(const std::filesystem::path& folder, std::string& error);

}  // namespace archmark::cli
