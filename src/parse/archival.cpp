#include "src/parse/archival.hpp"

namespace archmark::detail {

void run_archival_pass(node& document, const source_map& map, std::vector<diagnostic>& diagnostics) {
    recognize_redactions(document, map, diagnostics);
}

}  // namespace archmark::detail
