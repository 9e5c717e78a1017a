#include <archmark/write.hpp>

namespace archmark {

void write_html(const node&, const write_options&, output_sink&) {}

}  // namespace archmark
