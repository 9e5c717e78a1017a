# One set of warnings for every target of ours.
function(archmark_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Werror=switch)
  # GCC 12 reports false -Wrestrict warnings inside libstdc++'s std::string concatenation at -O2
  # (GCC bug 105329, fixed in GCC 13); they would bury real warnings in the Release build log.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
endfunction()
