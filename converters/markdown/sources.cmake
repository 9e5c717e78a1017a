target_sources(archmark_lib PRIVATE converters/markdown/markdown_writer.cpp converters/markdown/markdown_inline.cpp converters/markdown/markdown_escape.cpp)
