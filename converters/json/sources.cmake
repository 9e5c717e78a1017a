target_sources(archmark_lib PRIVATE converters/json/json_writer.cpp)
