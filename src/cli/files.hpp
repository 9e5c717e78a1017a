// File input and output for the command-line tool: whole-file reads and atomic writes.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace archmark::cli {

// Reads a whole file ("-" is standard input). On failure returns nullopt and sets `error` to a
// message naming the file and the reason.
std::optional<std::string> read_input(const std::string& path, std::string& error);

// Writes `content` to `path` through a temporary file in the same folder renamed into place, so
// the path holds either its old content or the whole new one, never a part. Keeps the mode of
// an existing file. With `flush` the content is on disk (fsync) before the rename; batches pass
// false and flush the whole file system once instead (flush_file_system), since one fsync per
// small file costs more than converting it. Returns false and sets `error` on failure.
bool write_atomically(const std::filesystem::path& path, std::string_view content, std::string& error,
                      bool flush = true);

// Writes to disk everything written so far to the file system holding `folder` (syncfs).
// Returns false and sets `error` on failure.
bool flush_file_system(const std::filesystem::path& folder, std::string& error);

}  // namespace archmark::cli
