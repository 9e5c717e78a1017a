#include "src/parse/archival.hpp"
#include "src/parse/pass_support.hpp"

namespace archmark::detail {

void resolve_notes(node&, const source_map&, std::vector<diagnostic>&) {}

}  // namespace archmark::detail
