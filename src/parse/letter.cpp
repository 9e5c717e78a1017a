#include "src/parse/archival.hpp"
#include "src/parse/pass_support.hpp"

namespace archmark::detail {

void recognize_letter(node&, const source_map&, std::vector<diagnostic>&) {}

}  // namespace archmark::detail
