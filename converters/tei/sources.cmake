target_sources(archmark_lib PRIVATE converters/tei/tei_writer.cpp converters/tei/tei_header.cpp converters/tei/tei_body.cpp converters/tei/tei_nodes.cpp converters/tei/tei_text.cpp)
