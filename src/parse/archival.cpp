#include "src/parse/archival.hpp"

namespace archmark::detail {

void run_archival_pass(node&, const source_map&, std::vector<diagnostic>&) {}

}  // namespace archmark::detail
