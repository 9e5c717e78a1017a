// The inputs of the batch commands (convert, stats): files, folders walked recursively and lists of
// paths (--files-from), in a deterministic order.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace archmark::cli {

struct input_file {
    std::string path;        // as opened; "-" is standard input
    std::string display;     // its name in messages ("<stdin>" for standard input)
    // Where it sits in the tree it came from: the path under a folder given as input, the path as
    // written in a --files-from list, the file name of a file given by itself ("stdin" for "-").
    // Outputs mirror it under OUTDIR; --shard hashes it; --incremental keys its state on it.
    std::filesystem::path relative;
    std::string collection;  // stats: the folder given as input, else the file's folder as written
};

struct input_options {
    std::vector<std::string> globs;    // file-name patterns (fnmatch) for files found in folders
    std::string files_from;            // a file listing inputs, one a line; "-" is standard input
    std::filesystem::path skip_folder; // never walked into (the output folder)
};

struct input_list {
    std::vector<input_file> files;
    std::vector<std::string> errors;  // I/O problems, each a whole message without "archmark: "
};

// The default of --glob.
std::vector<std::string> default_globs();

// Expands `arguments` (files, folders, "-") and the --files-from list into files, in the order
// given, each folder's files sorted by their relative path. Hidden files and folders (a name
// starting with '.') are not walked into; symbolic links to folders are not followed. A folder
// with no matching file is an error. Files that do not exist are kept: reading them reports it.
input_list collect_inputs(const std::vector<std::string>& arguments, const input_options& options);

}  // namespace archmark::cli
