#include "src/parse/archival.hpp"

namespace archmark::detail {

void run_archival_pass(node& document, const source_map& map, std::vector<diagnostic>& diagnostics) {
    recognize_edits(document, map, diagnostics);
    resolve_notes(document, map, diagnostics);
    recognize_redactions(document, map, diagnostics);
    recognize_letter(document, map, diagnostics);
    recognize_brackets(document, map, diagnostics);
}

}  // namespace archmark::detail
