# cmark-gfm ships only a pkg-config file on Debian (no CMake package): the one place that finds it.
# Defines the imported target cmark_gfm::cmark_gfm (core library + GFM extensions).
find_package(PkgConfig REQUIRED)
pkg_check_modules(CMARK_GFM REQUIRED IMPORTED_TARGET libcmark-gfm)
if(NOT TARGET cmark_gfm::cmark_gfm)
  add_library(cmark_gfm::cmark_gfm ALIAS PkgConfig::CMARK_GFM)
endif()
