# The parser: UTF-8 check, cmark-gfm driver, archival passes, front matter.
target_sources(archmark_lib PRIVATE
  src/parse/utf8.cpp
  src/parse/source_map.cpp
  src/parse/cmark_driver.cpp
  src/parse/archival.cpp
  src/parse/redactions.cpp
  src/parse/edits.cpp
  src/parse/notes.cpp
  src/parse/letter.cpp
  src/parse/letter_forms.cpp
  src/parse/letter_inline.cpp
  src/parse/brackets.cpp
  src/parse/parse.cpp
  src/parse/metadata.cpp
)
