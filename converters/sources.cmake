# The writers, one folder each.
include(converters/html/sources.cmake)
include(converters/json/sources.cmake)
include(converters/tei/sources.cmake)
include(converters/markdown/sources.cmake)
