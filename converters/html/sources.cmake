target_sources(archmark_lib PRIVATE converters/html/html_writer.cpp converters/html/html_archival.cpp converters/html/html_escape.cpp)
