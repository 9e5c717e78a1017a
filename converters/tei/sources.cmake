target_sources(archmark_lib PRIVATE converters/tei/tei_writer.cpp)
