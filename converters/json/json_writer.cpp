#include <archmark/write.hpp>

namespace archmark {

void write_json(const node&, const std::vector<diagnostic>&, const write_options&, output_sink&) {}

}  // namespace archmark
