# Sanitizer and fuzzing builds (docs/robustness.md). Included before any target is defined, so the
# flags reach every target of ours: the library, the CLI and the tests.
#
# ARCHMARK_SANITIZE: AddressSanitizer + UndefinedBehaviorSanitizer. -fno-sanitize-recover=all makes
# undefined behaviour abort, so it fails the test that hit it instead of printing and going on.
# ARCHMARK_FUZZ: libFuzzer coverage instrumentation everywhere and the harnesses of tests/fuzz;
# needs clang. The ordinary build sets neither: the robustness tests build these configurations
# as sub-builds of the build tree (tests/robustness/CMakeLists.txt).
option(ARCHMARK_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(ARCHMARK_FUZZ "Build the libFuzzer harnesses of tests/fuzz (clang only)" OFF)

if(ARCHMARK_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined -fno-sanitize-recover=all)
endif()

if(ARCHMARK_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "ARCHMARK_FUZZ needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++")
  endif()
  # Coverage feedback for every object; only the harnesses link libFuzzer's main (tests/fuzz).
  add_compile_options(-fsanitize=fuzzer-no-link)
  add_link_options(-fsanitize=fuzzer-no-link)
endif()
