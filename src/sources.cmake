# The library's core: AST, diagnostics, lint and the parser (cmark-gfm driver and archival passes).
target_sources(archmark_lib PRIVATE
  src/codes.cpp
  src/compare.cpp
  src/convert.cpp
  src/diagnostic.cpp
  src/document.cpp
  src/dump.cpp
  src/rules.cpp
  src/lint.cpp
)
include(src/parse/sources.cmake)
